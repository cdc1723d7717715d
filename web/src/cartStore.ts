import * as carts from "./shop/cart.js";
import type { Cart } from "./shop/cart.js";

const KEY = "shop.cart";
let changed: () => void = () => {};

/** The cart, kept in this browser (local storage) so it survives a reload and signing in. */
export const cartStore = {
  get(): Cart {
    return carts.parse(localStorage.getItem(KEY));
  },
  set(cart: Cart): void {
    localStorage.setItem(KEY, JSON.stringify(cart));
    changed();
  },
  onChange(listener: () => void): void {
    changed = listener;
  },
};
