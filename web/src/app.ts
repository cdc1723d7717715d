import { show } from "./dom.js";
import { ShopError } from "./shop/problems.js";

/** A view draws into the main element; what it returns is called when the shopper leaves it. */
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

async function render(): Promise<void> {
  leave?.();
  leave = undefined;
  clearReport();
  onNavigate();
  const main = document.getElementById("main") as HTMLElement;
  for (const [pattern, view] of routes) {
    const match = pattern.exec(location.pathname);
    if (match) {
      show(main);
      try {
        leave = (await view(main, match.slice(1))) || undefined;
      } catch (error) {
        report(error);
      }
      main.focus({ preventScroll: true });
      return;
    }
  }
  show(main);
  report(new ShopError("There is no such page.", 404));
}
