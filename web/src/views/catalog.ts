import { api, type Page, type Product } from "../api.js";
import { navigate, report } from "../app.js";
import { cartStore } from "../cartStore.js";
import { h, show } from "../dom.js";
import { add } from "../shop/cart.js";
import { formatMoney } from "../shop/money.js";

const PAGE_SIZE = 24;

/** The catalog, searched by name or sku, a page at a time. */
export async function catalogView(main: HTMLElement): Promise<void> {
  const query = new URLSearchParams(location.search).get("q") ?? "";
  const grid = h("ul", { class: "products", "aria-label": "Products" });
  const more = h("button", { type: "button", class: "secondary" }, "Show more");
  const status = h("p", { class: "muted", role: "status" });
  const search = h("input", {
    type: "search",
    name: "q",
    value: query,
    maxlength: 100,
    placeholder: "Search by name or SKU",
    "aria-label": "Search the catalog",
  });
  const form = h(
    "form",
    { class: "search", role: "search", action: "/", method: "get" },
    search,
    h("button", { type: "submit" }, "Search"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = search.value.trim();
    navigate(q ? `/?${new URLSearchParams({ q })}` : "/");
  });
  show(main, h("h1", {}, query ? `Results for “${query}”` : "Catalog"), form, status, grid, more);

  let page = 0;
  const load = async () => {
    more.hidden = true;
    const params = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    if (query.trim()) {
      params.set("q", query.trim());
    }
    const found = await api<Page<Product>>("GET", `/products?${params}`);
    grid.append(...found.items.map(productCard));
    show(status, grid.children.length === 0 ? "No products match." : "");
    more.hidden = !found.hasMore;
    page += 1;
  };
  more.addEventListener("click", () => load().catch(report));
  await load();
}

function productCard(product: Product): HTMLElement {
  const available = product.stock;
  const added = h("span", { class: "added", role: "status" });
  const button = h(
    "button",
    {
      type: "button",
      disabled: available <= 0,
      "aria-label": `Add ${product.name} to the cart`,
      onclick: () => {
        cartStore.set(
          add(cartStore.get(), {
            productId: product.id,
            name: product.name,
            priceMinor: product.priceMinor,
            currency: product.currency,
          }),
        );
        show(added, "Added");
      },
    },
    "Add to cart",
  );
  return h(
    "li",
    { class: "product", "data-testid": "product", "data-sku": product.sku },
    h("h2", {}, product.name),
    h("p", { class: "sku" }, product.sku),
    h("p", { class: "price" }, formatMoney(product.priceMinor, product.currency)),
    h(
      "p",
      { class: available > 0 ? "stock" : "stock out" },
      available > 0 ? `${available} in stock` : "Out of stock",
    ),
    button,
    added,
  );
}
