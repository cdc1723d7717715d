/** One line of the cart: what the shopper saw when adding it, so the cart shows without a request. */
export interface CartLine {
  productId: string;
  name: string;
  priceMinor: number;
  currency: string;
  quantity: number;
}

export type Cart = readonly CartLine[];

/** The most of one product an order takes (the API's limit per line). */
export const MAX_QUANTITY = 1000;

function clamp(quantity: number): number {
  return Math.max(0, Math.min(MAX_QUANTITY, Math.floor(quantity)));
}

/** The cart with `quantity` more of a product (a new line, or more on its line). */
export function add(cart: Cart, product: Omit<CartLine, "quantity">, quantity = 1): Cart {
  const existing = cart.find((line) => line.productId === product.productId);
  if (!existing) {
    return [...cart, { ...product, quantity: clamp(quantity) }].filter((line) => line.quantity > 0);
  }
  return setQuantity(cart, product.productId, existing.quantity + quantity);
}

/** The cart with a product's quantity set; 0 removes the line. */
export function setQuantity(cart: Cart, productId: string, quantity: number): Cart {
  return cart
    .map((line) => (line.productId === productId ? { ...line, quantity: clamp(quantity) } : line))
    .filter((line) => line.quantity > 0);
}

export function remove(cart: Cart, productId: string): Cart {
  return cart.filter((line) => line.productId !== productId);
}

/** The total per currency, in minor units: a cart may hold products priced in several. */
export function totals(cart: Cart): Map<string, number> {
  const sums = new Map<string, number>();
  for (const line of cart) {
    sums.set(line.currency, (sums.get(line.currency) ?? 0) + line.priceMinor * line.quantity);
  }
  return sums;
}

export function count(cart: Cart): number {
  return cart.reduce((sum, line) => sum + line.quantity, 0);
}

/** The order's lines as the API takes them. */
export function orderItems(cart: Cart): { productId: string; quantity: number }[] {
  return cart.map((line) => ({ productId: line.productId, quantity: line.quantity }));
}

/** A cart read back from storage: anything malformed is dropped rather than trusted. */
export function parse(stored: string | null): Cart {
  if (!stored) {
    return [];
  }
  try {
    const lines: unknown = JSON.parse(stored);
    if (!Array.isArray(lines)) {
      return [];
    }
    return lines.filter(
      (line): line is CartLine =>
        typeof line?.productId === "string" &&
        typeof line.name === "string" &&
        Number.isInteger(line.priceMinor) &&
        typeof line.currency === "string" &&
        Number.isInteger(line.quantity) &&
        line.quantity > 0 &&
        line.quantity <= MAX_QUANTITY,
    );
  } catch {
    return [];
  }
}
