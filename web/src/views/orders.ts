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
import { watchOrder, type StatusChange } from "../orderFeed.js";
import { formatMoney } from "../shop/money.js";
import { cancellable, FINAL_STATUSES, merge, stepLabel, type Step } from "../shop/steps.js";
import { requireLogin } from "./auth.js";

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
    { class: `status ${status.toLowerCase()}`, "data-testid": "order-status" },
    status.replace("_", " "),
  );
}

/** The shopper's orders, newest first. */
export async function ordersView(main: HTMLElement): Promise<void> {
  if (!requireLogin()) {
    return;
  }
  const orders = await api<Page<Order>>("GET", "/orders?size=50");
  show(
    main,
    h("h1", {}, "My orders"),
    orders.items.length === 0
      ? h("p", {}, "No orders yet. ", h("a", { href: "/" }, "Browse the catalog"))
      : h(
          "ul",
          { class: "orders" },
          ...orders.items.map((order) =>
            h(
              "li",
              {},
              h("a", { href: `/orders/${order.id}` }, new Date(order.createdAt).toLocaleString()),
              " ",
              total(order),
              " ",
              statusBadge(order.status),
            ),
          ),
        ),
  );
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
  const details = h("section", { class: "details", "aria-label": "Payment, shipment and notifications" });
  const cancel = h("button", { type: "button", class: "secondary" }, "Cancel order");
  let closed = false;

  const drawSteps = () => {
    show(
      stepList,
      ...steps.map((step) =>
        h(
          "li",
          { "data-event": step.type },
          h("span", {}, stepLabel(step.type)),
          h("time", { datetime: step.at }, formatTime(step.at)),
        ),
      ),
    );
  };
  const drawOrder = () => {
    show(
      status,
      "Status: ",
      statusBadge(order.status),
      order.reason ? ` (${order.reason.replace(/_/g, " ").toLowerCase()})` : "",
    );
    cancel.hidden = !cancellable(order.status);
  };
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
  // The notification is sent after the order is settled: until it is there, look again now and then.
  let detailsTimer: ReturnType<typeof setTimeout> | undefined;
  const showDetails = async (attempt = 0) => {
    clearTimeout(detailsTimer);
    const notified = await loadDetails(orderId, details).catch((error) => {
      report(error);
      return true;
    });
    if (!notified && !closed && attempt < DETAIL_ATTEMPTS) {
      detailsTimer = setTimeout(() => showDetails(attempt + 1), DETAIL_RETRY_MS);
    }
  };
  const onChange = (change: StatusChange) => {
    const gap = steps.length > 0 && change.version > steps[steps.length - 1].version + 1;
    steps = merge(steps, [{ version: change.version, type: change.event, at: change.at }]);
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
      order = await api<Order>("POST", `/orders/${orderId}/cancel`);
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
      "p",
      {},
      `${order.items.length} line${order.items.length === 1 ? "" : "s"}, total ${total(order)}, to `,
      h("span", { class: "address" }, order.shippingAddress),
    ),
    cancel,
    h("h2", {}, "Steps"),
    stepList,
    details,
  );
  drawOrder();
  let stopWatching: () => void = () => {};
  try {
    stopWatching = await watchOrder(orderId, onChange);
  } catch {
    report(new Error("Live updates are unavailable; reload the page to see new steps."));
  }
  await refresh();
  return () => {
    closed = true;
    clearTimeout(detailsTimer);
    stopWatching();
  };
}

/** Shows the order's payment, shipment and notifications; whether a notification is among them. */
async function loadDetails(orderId: string, into: HTMLElement): Promise<boolean> {
  const query = `?orderId=${orderId}`;
  const [payments, shipments, notifications] = await Promise.all([
    api<Page<Payment>>("GET", `/payments${query}`),
    api<Page<Shipment>>("GET", `/shipments${query}`),
    api<Page<Notification>>("GET", `/notifications?size=100`),
  ]);
  const mine = notifications.items.filter((n) => n.orderId === orderId);
  show(
    into,
    h("h2", {}, "Payment"),
    list(
      payments.items.map(
        (p) => `${formatMoney(p.amountMinor, p.currency)}: ${p.status}${p.reason ? ` (${p.reason})` : ""}`,
      ),
      "payment",
    ),
    h("h2", {}, "Shipment"),
    list(
      shipments.items.map((s) => `${s.status}${s.trackingNumber ? `, tracking ${s.trackingNumber}` : ""}`),
      "shipment",
    ),
    h("h2", {}, "Notifications"),
    list(
      mine.map((n) => `${n.subject} (${n.status.toLowerCase()}, to ${n.recipient})`),
      "notification",
    ),
  );
  return mine.length > 0;
}

function list(lines: string[], testId: string): HTMLElement {
  return lines.length === 0
    ? h("p", { class: "muted", "data-testid": testId }, "None")
    : h("ul", { "data-testid": testId }, ...lines.map((line) => h("li", {}, line)));
}
