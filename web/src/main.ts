import "./style.css";
import { route, report } from "./app.js";
import { cartStore } from "./cartStore.js";
import { h, show } from "./dom.js";
import { reportRefusalsTo } from "./live.js";
import { forgetMyOrders } from "./orderFeed.js";
import { session } from "./session.js";
import { count } from "./shop/cart.js";
import { ShopError } from "./shop/problems.js";
import { isAdmin } from "./shop/token.js";
import { logOut, loginView, registerView } from "./views/auth.js";
import { cartView } from "./views/cart.js";
import { catalogView } from "./views/catalog.js";
import { opsView } from "./views/ops.js";
import { orderView, ordersView } from "./views/orders.js";

/** The header: the pages there are for whoever is signed in, and the cart's count. */
function drawNav(): void {
  const nav = document.getElementById("nav") as HTMLElement;
  const signedIn = session.claims();
  show(
    nav,
    h("a", { href: "/" }, "Catalog"),
    h("a", { href: "/cart" }, `Cart (${count(cartStore.get())})`),
    signedIn && h("a", { href: "/orders" }, "My orders"),
    isAdmin(signedIn) && h("a", { href: "/ops" }, "Operations"),
    signedIn
      ? h(
          "button",
          {
            type: "button",
            class: "link",
            onclick: () => {
              forgetMyOrders();
              logOut();
            },
          },
          "Log out",
        )
      : h("a", { href: "/login" }, "Log in"),
    !signedIn && h("a", { href: "/register" }, "Register"),
  );
}

reportRefusalsTo((message) => report(new ShopError(message, 403)));
cartStore.onChange(drawNav);
window.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  report(event.reason);
});

route(
  [
    [/^\/$/, catalogView],
    [/^\/login$/, loginView],
    [/^\/register$/, registerView],
    [/^\/cart$/, cartView],
    [/^\/orders$/, ordersView],
    [/^\/orders\/([0-9a-f-]{36})$/, orderView],
    [/^\/ops$/, opsView],
  ],
  drawNav,
);
