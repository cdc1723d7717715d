import { show } from "./dom.js";
import { ShopError } from "./shop/problems.js";

/** A view draws a page into the element it is given; what it returns is called when the shopper leaves it. */
export type View = (
  main: HTMLElement,
  params: string[],
) => void | (() => void) | Promise<void | (() => void)>;

const alertRegion = () => document.getElementById("alert") as HTMLElement;

/** Shows an error in words: the problem's detail for a refusal. */
export function report(error: unknown): void {
  const message =
    error instanceof ShopError
      ? error.message
      : "Something went wrong on this page. Reload it and try again.";
  if (!(error instanceof ShopError)) {
    console.warn(error);
  }
  alertRegion().hidden = false;
  show(alertRegion(), message);
}

export function clearReport(): void {
  alertRegion().hidden = true;
  show(alertRegion());
}

let leave: (() => void) | undefined;
let routes: [RegExp, View][] = [];
let onNavigate: () => void = () => {};

/** Sets the pages: the first pattern that matches the path draws it, with its groups as params. */
export function route(table: [RegExp, View][], navigated: () => void): void {
  routes = table;
  onNavigate = navigated;
  window.addEventListener("popstate", render);
  document.addEventListener("click", (event) => {
    const link = (event.target as Element).closest?.("a[href^='/']");
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
      event.preventDefault();
      navigate(link.getAttribute("href") as string);
    }
  });
  render();
}

export function navigate(path: string): void {
  if (path !== location.pathname + location.search) {
    history.pushState(null, "", path);
  }
  render();
}

let rendering = 0;

async function render(): Promise<void> {
  const current = ++rendering;
  leave?.();
  leave = undefined;
  clearReport();
  onNavigate();
  const main = document.getElementById("main") as HTMLElement;
  // Each page draws into an element of its own: one that is left while loading draws into nothing.
  const page = document.createElement("div");
  show(main, page);
  const route = routes.find(([pattern]) => pattern.test(location.pathname));
  if (!route) {
    document.title = "Not found · shop";
    report(new ShopError("There is no such page.", 404));
    return;
  }
  const [pattern, view] = route;
  let left: (() => void) | undefined;
  try {
    left = (await view(page, (pattern.exec(location.pathname) as RegExpExecArray).slice(1))) || undefined;
  } catch (error) {
    if (current === rendering) {
      report(error);
    }
  }
  if (current !== rendering) {
    // The shopper went on while this page was loading: it is already gone.
    left?.();
    return;
  }
  leave = left;
  const heading = page.querySelector("h1")?.textContent;
  document.title = heading ? `${heading} · shop` : "shop";
  // After moving to another page, the keyboard goes on from the new page; on the first, from the top.
  if (current > 1) {
    main.focus({ preventScroll: true });
  }
}
