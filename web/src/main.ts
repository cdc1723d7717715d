import "./style.css";
import { route, report } from "./app.js";
import { cartStore } from "./cartStore.js";
import { h, show } from "./dom.js";
import { closeBridge, reportRefusalsTo } from "./live.js";
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
  const link = (href: string, text: string) =>
    h("a", { href, "aria-current": location.pathname === href ? "page" : undefined }, text);
  show(
    nav,
    link("/", "Catalog"),
    link("/cart", `Cart (${count(cartStore.get())})`),
    signedIn && link("/orders", "My orders"),
    isAdmin(signedIn) && link("/ops", "Operations"),
    signedIn
      ? h(
          "button",
          {
            type: "button",
            class: "link",
            onclick: logOut,
          },
          "Log out",
        )
      : link("/login", "Log in"),
    !signedIn && link("/register", "Register"),
  );
}

reportRefusalsTo((message) => report(new ShopError(message, 403)));
cartStore.onChange(drawNav);
// The bridge's feeds were registered with the token of the session that ended.
session.onChange(() => {
  closeBridge();
  forgetMyOrders();
  drawNav();
});
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
