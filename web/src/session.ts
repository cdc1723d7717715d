import { claims, type TokenClaims } from "./shop/token.js";

const KEY = "shop.token";
const listeners = new Set<() => void>();

/**
 * The signed-in shopper's access token, kept in this tab's session storage: never in a cookie, so no
 * request to another origin carries it, and gone when the tab closes.
 */
export const session = {
  token(): string | undefined {
    const token = sessionStorage.getItem(KEY) ?? undefined;
    const read = token ? claims(token) : undefined;
    if (token && (!read || read.expiresAt < Date.now())) {
      sessionStorage.removeItem(KEY);
      return undefined;
    }
    return token;
  },
  claims(): TokenClaims | undefined {
    const token = this.token();
    return token ? claims(token) : undefined;
  },
  signIn(token: string): void {
    sessionStorage.setItem(KEY, token);
    listeners.forEach((listener) => listener());
  },
  signOut(): void {
    sessionStorage.removeItem(KEY);
    listeners.forEach((listener) => listener());
  },
  /** Calls `listener` after every sign-in and sign-out. */
  onChange(listener: () => void): void {
    listeners.add(listener);
  },
};
