import { api, type Order } from "../api.js";
import { navigate, report } from "../app.js";
import { cartStore } from "../cartStore.js";
import { h, show } from "../dom.js";
import { followMyOrders } from "../orderFeed.js";
import { session } from "../session.js";
import { orderItems, remove, setQuantity, totals, MAX_QUANTITY } from "../shop/cart.js";
import { CheckoutKey } from "../shop/checkout.js";
import { formatMoney } from "../shop/money.js";

/** Kept in the tab's session storage: a retried checkout of the same order reuses its key, even after a reload. */
const checkoutKey = new CheckoutKey(() => crypto.randomUUID(), {
  get: () => sessionStorage.getItem("shop.checkout"),
  set: (value) => sessionStorage.setItem("shop.checkout", value),
  remove: () => sessionStorage.removeItem("shop.checkout"),
});
/** The address being typed, kept while the cart is redrawn (a quantity changed, a line removed). */
let addressDraft = "";

export function cartView(main: HTMLElement): void {
  const cart = cartStore.get();
  if (cart.length === 0) {
    show(
      main,
      h("h1", {}, "Your cart"),
      h("p", {}, "Your cart is empty. ", h("a", { href: "/" }, "Browse the catalog")),
    );
    return;
  }
  const rows = cart.map((line) => {
    const quantity = h("input", {
      type: "number",
      min: 1,
      max: MAX_QUANTITY,
      value: line.quantity,
      "aria-label": `Quantity of ${line.name}`,
    });
    quantity.addEventListener("change", () => {
      cartStore.set(setQuantity(cartStore.get(), line.productId, Number(quantity.value) || 0));
      cartView(main);
    });
    return h(
      "tr",
      { "data-product": line.productId },
      h("th", { scope: "row" }, line.name),
      h("td", { class: "unit" }, formatMoney(line.priceMinor, line.currency)),
      h("td", {}, quantity),
      h("td", {}, formatMoney(line.priceMinor * line.quantity, line.currency)),
      h(
        "td",
        {},
        h(
          "button",
          {
            type: "button",
            class: "secondary",
            "aria-label": `Remove ${line.name}`,
            onclick: () => {
              cartStore.set(remove(cartStore.get(), line.productId));
              cartView(main);
            },
          },
          "Remove",
        ),
      ),
    );
  });
  const total = [...totals(cart)].map(([currency, minor]) => formatMoney(minor, currency)).join(" + ");
  show(
    main,
    h("h1", {}, "Your cart"),
    h(
      "div",
      { class: "scroll" },
      h(
        "table",
        { class: "cart" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Product"),
            h("th", { scope: "col", class: "unit" }, "Price"),
            h("th", { scope: "col" }, "Quantity"),
            h("th", { scope: "col" }, "Subtotal"),
            h("td"),
          ),
        ),
        h("tbody", {}, ...rows),
        h(
          "tfoot",
          {},
          h(
            "tr",
            {},
            // A cell per column, so the total stays under the subtotals when a column is hidden.
            h("th", { scope: "row" }, "Total"),
            h("td", { class: "unit" }),
            h("td"),
            h("td", { "data-testid": "cart-total" }, total),
            h("td"),
          ),
        ),
      ),
    ),
    session.token()
      ? checkoutForm()
      : h(
          "p",
          {},
          h("a", { href: "/login?next=/cart" }, "Log in"),
          " or ",
          h("a", { href: "/register?next=/cart" }, "register"),
          " to check out.",
        ),
  );
}

function checkoutForm(): HTMLElement {
  const address = h("textarea", {
    name: "shippingAddress",
    autocomplete: "shipping street-address",
    required: true,
    maxlength: 500,
    rows: 3,
  });
  address.value = addressDraft;
  address.addEventListener("input", () => {
    addressDraft = address.value;
  });
  const place = h(
    "button",
    { type: "submit", class: "primary", "data-testid": "place-order" },
    "Place order",
  );
  const form = h(
    "form",
    { class: "panel", "aria-label": "Checkout" },
    h("h2", {}, "Checkout"),
    h("label", {}, h("span", {}, "Shipping address"), address),
    place,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (place.disabled) {
      return;
    }
    place.disabled = true;
    const order = { items: orderItems(cartStore.get()), shippingAddress: address.value };
    const key = checkoutKey.for({ customer: session.claims()?.userId, ...order });
    try {
      // Listening before placing the order, so the page of the order misses none of its steps. Live
      // steps are a bonus though: without the bridge the order page still shows them from the history.
      await followMyOrders().catch(() => {});
      const placed = await api<Order>("POST", "/orders", order, { "Idempotency-Key": key });
      checkoutKey.accepted();
      addressDraft = "";
      cartStore.set([]);
      navigate(`/orders/${placed.id}`);
    } catch (error) {
      report(error);
      place.disabled = false;
    }
  });
  return form;
}
