/** What the app reads from an access token (it never verifies it: the shop does, on every request). */
export interface TokenClaims {
  userId: string;
  roles: string[];
  expiresAt: number;
}

/** The claims of a JWT, or undefined if it is not one. */
export function claims(token: string): TokenClaims | undefined {
  const payload = token.split(".")[1];
  if (!payload) {
    return undefined;
  }
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
    if (typeof json.sub !== "string") {
      return undefined;
    }
    return {
      userId: json.sub,
      roles: Array.isArray(json.roles) ? json.roles.filter((r: unknown) => typeof r === "string") : [],
      expiresAt: typeof json.exp === "number" ? json.exp * 1000 : 0,
    };
  } catch {
    return undefined;
  }
}

export function isAdmin(token: TokenClaims | undefined): boolean {
  return token?.roles.includes("admin") ?? false;
}
