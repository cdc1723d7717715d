import {
  api,
  type HistoryEvent,
  type Notification,
  type Order,
  type Page,
  type Payment,
  type Shipment,
} from "../api.js";
import { report } from "../app.js";
import { formatTime, h, show } from "../dom.js";
import { watchMyOrders, watchOrder, type StatusChange } from "../orderFeed.js";
import { formatMoney } from "../shop/money.js";
import { cancellable, FINAL_STATUSES, merge, stepLabel, type Step } from "../shop/steps.js";
import { ShopError } from "../shop/problems.js";
import { requireLogin } from "./auth.js";

/** The notification is written once the order is settled: the order page looks for it this often, this many times. */
const DETAIL_ATTEMPTS = 15;
const DETAIL_RETRY_MS = 2000;

function total(order: Order): string {
  return order.totalMinor === null || order.currency === null
    ? "—"
    : formatMoney(order.totalMinor, order.currency);
}

function statusBadge(status: string): HTMLElement {
  return h(
    "span",
    { class: `status ${status.toLowerCase()}`, "data-testid": "order-status", "data-status": status },
    status.replace("_", " "),
  );
}

function reasonText(reason: string | null): string {
  return reason ? ` (${reason.replace(/_/g, " ").toLowerCase()})` : "";
}

/** The shopper's orders, newest first, each status kept up to date as the saga goes on. */
export async function ordersView(main: HTMLElement): Promise<() => void> {
  if (!requireLogin()) {
    return () => {};
  }
  const orders = await api<Page<Order>>("GET", "/orders?size=50");
  const badges = new Map<string, { version: number; cell: HTMLElement }>();
  show(
    main,
    h("h1", {}, "My orders"),
    orders.items.length === 0
      ? h("p", {}, "No orders yet. ", h("a", { href: "/" }, "Browse the catalog"))
      : h(
          "ul",
          { class: "orders", "data-testid": "orders" },
          ...orders.items.map((order) => {
            const cell = h("span", {}, statusBadge(order.status));
            badges.set(order.id, { version: order.version, cell });
            return h(
              "li",
              { "data-order": order.id },
              h("a", { href: `/orders/${order.id}` }, new Date(order.createdAt).toLocaleString()),
              ` ${order.items.length} line${order.items.length === 1 ? "" : "s"}, ${total(order)} `,
              cell,
            );
          }),
        ),
  );
  const stop = await watchMyOrders((change) => {
    const badge = badges.get(change.orderId);
    if (badge && change.version > badge.version) {
      badge.version = change.version;
      show(badge.cell, statusBadge(change.status));
    }
  }).catch(() => () => {});
  return stop;
}

/** One order: its steps arriving live, then its payment, shipment and notifications; cancel it. */
export async function orderView(main: HTMLElement, [orderId]: string[]): Promise<() => void> {
  if (!requireLogin()) {
    return () => {};
  }
  let order = await api<Order>("GET", `/orders/${orderId}`);
  let steps: Step[] = [];
  const status = h("p", { "aria-live": "polite" });
  const stepList = h("ol", { class: "steps", "aria-label": "Steps", "data-testid": "steps" });
  const details = h("div", { class: "columns details" });
  const cancel = h(
    "button",
    { type: "button", class: "secondary", "data-testid": "cancel-order" },
    "Cancel order",
  );
  let closed = false;

  const drawSteps = () => {
    show(
      stepList,
      ...steps.map((step) =>
        h(
          "li",
          { "data-event": step.type, "data-version": step.version, "data-live": step.live },
          h("span", {}, stepLabel(step.type)),
          h("time", { datetime: step.at }, formatTime(step.at)),
        ),
      ),
    );
  };
  const drawOrder = () => {
    show(status, "Status: ", statusBadge(order.status), reasonText(order.reason));
    cancel.hidden = !cancellable(order.status);
  };
  // The notification of the order's settling (confirmed, or cancelled) is written after it: until it is
  // there, look again now and then.
  let detailsTimer: ReturnType<typeof setTimeout> | undefined;
  const showDetails = async (attempt = 0) => {
    clearTimeout(detailsTimer);
    const notified = await loadDetails(orderId, `ORDER_${order.status}`, details).catch((error) => {
      report(error);
      return true;
    });
    if (!notified && !closed && attempt < DETAIL_ATTEMPTS) {
      detailsTimer = setTimeout(() => showDetails(attempt + 1), DETAIL_RETRY_MS);
    }
  };
  /** The order and its whole history from the API: on opening the page, after a missed step, and at the end. */
  const refresh = async () => {
    const [latest, history] = await Promise.all([
      api<Order>("GET", `/orders/${orderId}`),
      api<{ events: HistoryEvent[] }>("GET", `/orders/${orderId}/history`),
    ]);
    if (closed) {
      return;
    }
    order = latest.version >= order.version ? latest : order;
    steps = merge(
      steps,
      history.events.map((e) => ({ version: e.version, type: e.type, at: e.occurredAt })),
    );
    drawOrder();
    drawSteps();
    if (FINAL_STATUSES.includes(order.status)) {
      await showDetails();
    }
  };
  const onChange = (change: StatusChange) => {
    const gap = steps.length > 0 && change.version > steps[steps.length - 1].version + 1;
    steps = merge(steps, [{ version: change.version, type: change.event, at: change.at, live: true }]);
    if (change.version >= order.version) {
      order = { ...order, status: change.status, version: change.version };
    }
    drawSteps();
    drawOrder();
    // A missed step (the feed reconnected, say), or the end of the saga: the API has the whole story.
    if (gap || FINAL_STATUSES.includes(change.status)) {
      refresh().catch(report);
    }
  };

  cancel.addEventListener("click", async () => {
    cancel.disabled = true;
    try {
      const cancelling = await api<Order>("POST", `/orders/${orderId}/cancel`);
      if (cancelling.version >= order.version) {
        order = cancelling;
      }
      drawOrder();
    } catch (error) {
      report(error);
    } finally {
      cancel.disabled = false;
    }
  });

  show(
    main,
    h("h1", {}, "Order ", h("code", {}, orderId.slice(0, 8))),
    status,
    h(
      "div",
      { class: "columns" },
      h(
        "section",
        { class: "card", "aria-labelledby": "summary-title" },
        h("h2", { id: "summary-title" }, "Summary"),
        lines(order),
        h("p", {}, "Ship to:"),
        h("p", { class: "address" }, order.shippingAddress),
        cancel,
      ),
      h(
        "section",
        { class: "card", "aria-labelledby": "steps-title" },
        h("h2", { id: "steps-title" }, "Steps"),
        stepList,
      ),
    ),
    details,
  );
  drawOrder();
  let stopWatching: () => void = () => {};
  try {
    stopWatching = await watchOrder(orderId, onChange);
  } catch {
    report(new ShopError("Live updates are unavailable: reload the page to see new steps.", 0));
  }
  await refresh();
  return () => {
    closed = true;
    clearTimeout(detailsTimer);
    stopWatching();
  };
}

function lines(order: Order): HTMLElement {
  return h(
    "div",
    { class: "scroll" },
    h(
      "table",
      { class: "lines" },
      h("caption", { class: "visually-hidden" }, "Ordered products"),
      h(
        "thead",
        {},
        h("tr", {}, ...["Product", "Quantity", "Price"].map((title) => h("th", { scope: "col" }, title))),
      ),
      h(
        "tbody",
        {},
        ...order.items.map((item) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, item.name ?? item.productId),
            h("td", {}, String(item.quantity)),
            h(
              "td",
              {},
              item.unitPriceMinor === undefined || !order.currency
                ? "—"
                : formatMoney(item.unitPriceMinor * item.quantity, item.currency ?? order.currency),
            ),
          ),
        ),
      ),
      h(
        "tfoot",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "row", colspan: 2 }, "Total"),
          h("td", { "data-testid": "order-total" }, total(order)),
        ),
      ),
    ),
  );
}

/** Shows the order's payment, shipment and notifications; whether the notification of this kind is among them. */
async function loadDetails(orderId: string, kind: string, into: HTMLElement): Promise<boolean> {
  const ofOrder = `?orderId=${orderId}`;
  // Notifications cannot be asked for by order: the newest are enough for an order just settled.
  const [payments, shipments, notifications] = await Promise.all([
    api<Page<Payment>>("GET", `/payments${ofOrder}`),
    api<Page<Shipment>>("GET", `/shipments${ofOrder}`),
    api<Page<Notification>>("GET", `/notifications?size=100`),
  ]);
  const mine = notifications.items.filter((n) => n.orderId === orderId);
  show(
    into,
    detailCard(
      "Payment",
      "payment",
      payments.items.map(
        (p) => `${formatMoney(p.amountMinor, p.currency)}: ${p.status}${reasonText(p.reason)}`,
      ),
    ),
    detailCard(
      "Shipment",
      "shipment",
      shipments.items.map(
        (s) =>
          `${s.status}${s.trackingNumber ? `, tracking ${s.trackingNumber}` : ""}${reasonText(s.reason)}`,
      ),
    ),
    detailCard(
      "Notifications",
      "notification",
      mine.map((n) => `${n.subject} (${n.status.toLowerCase()}, to ${n.recipient})`),
    ),
  );
  return mine.some((n) => n.kind === kind);
}

function detailCard(title: string, testId: string, lines: string[]): HTMLElement {
  return h(
    "section",
    { class: "card", "aria-labelledby": `${testId}-title` },
    h("h2", { id: `${testId}-title` }, title),
    lines.length === 0
      ? h("p", { class: "muted", "data-testid": testId }, "None yet")
      : h("ul", { "data-testid": testId }, ...lines.map((line) => h("li", {}, line))),
  );
}
