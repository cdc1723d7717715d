import { api, type Drill } from "../api.js";
import { report } from "../app.js";
import { formatTime, h, show } from "../dom.js";
import { follow } from "../live.js";
import { session } from "../session.js";
import { BreakerBoard, type Breaker } from "../shop/breakers.js";
import { OrderBoard, type StatusChange } from "../shop/orderBoard.js";
import { isAdmin } from "../shop/token.js";
import { requireLogin } from "./auth.js";

/** `shop.ops.services`: every service Consul knows, each instance with its health. */
interface ServicesHealth {
  at: string;
  services: { name: string; instances: { id: string; address: string; port: number; status: string }[] }[];
}

/** `shop.ops.metrics`: what Prometheus says, or why it cannot be read. */
interface ShopMetrics {
  at: string;
  available: boolean;
  reason?: string;
  ordersPerSecond?: { status: string; reason: string; perSecond: number }[];
  sagaSeconds?: { p50: number | null; p99: number | null };
  breakers?: Breaker[];
}

/** `shop.ops.events`: one record on a Kafka topic, as it passes. */
interface TopicEvent {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  type: string;
  at: string;
}

const LAST_EVENTS = 50;
const LATEST_ORDERS = 10;

function section(id: string, title: string, ...content: HTMLElement[]): HTMLElement {
  return h(
    "section",
    { class: "card", "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title),
    ...content,
  );
}

/** The operations page: drills, breakers, orders, the services' health and the events on Kafka, all live. */
export async function opsView(main: HTMLElement): Promise<() => void> {
  if (!requireLogin()) {
    return () => {};
  }
  if (!isAdmin(session.claims())) {
    show(
      main,
      h("h1", {}, "Operations"),
      h(
        "p",
        { "data-testid": "not-admin" },
        "The operations page is for administrators: log in with an admin account to see it.",
      ),
    );
    return () => {};
  }
  const drills = h("div", { class: "drills", "data-testid": "drills" });
  const breakerRows = h("tbody", {});
  const breakersEmpty = h("p", { class: "muted" }, "No breaker has reported yet.");
  const metrics = h(
    "div",
    { "data-testid": "metrics" },
    h("p", { class: "muted" }, "Waiting for the metrics…"),
  );
  const waitingCount = h("p", { "data-testid": "pending-payment" }, "0 orders waiting for payment");
  const waitingList = h("ul", { class: "ids", "data-testid": "waiting-orders" });
  const latestList = h("ul", { class: "ids", "data-testid": "latest-orders" });
  const services = h(
    "div",
    { "data-testid": "services" },
    h("p", { class: "muted" }, "Waiting for the first health report…"),
  );
  const events = h("ul", { class: "events", "data-testid": "events" });
  show(
    main,
    h("h1", {}, "Operations"),
    h(
      "div",
      { class: "ops" },
      section("drills", "Drills", drills),
      section(
        "breakers",
        "Circuit breakers",
        h(
          "div",
          { class: "scroll" },
          h(
            "table",
            { "data-testid": "breakers" },
            h(
              "thead",
              {},
              h("tr", {}, h("th", { scope: "col" }, "Breaker, instance"), h("th", { scope: "col" }, "State")),
            ),
            breakerRows,
          ),
        ),
        breakersEmpty,
      ),
      section(
        "orders",
        "Orders",
        metrics,
        waitingCount,
        waitingList,
        h("h3", {}, "Latest orders"),
        latestList,
      ),
      h(
        "section",
        { class: "card wide", "aria-labelledby": "services-title" },
        h("h2", { id: "services-title" }, "Services"),
        services,
      ),
      h(
        "section",
        { class: "card wide", "aria-labelledby": "events-title" },
        h("h2", { id: "events-title" }, `Events on Kafka (the last ${LAST_EVENTS}, newest first)`),
        events,
      ),
    ),
  );

  const breakers = new BreakerBoard();
  const drawBreakers = () => {
    const all = breakers.all();
    breakersEmpty.hidden = all.length > 0;
    show(breakerRows, ...all.map(breakerRow));
  };
  const orders = new OrderBoard();
  const drawOrders = () => {
    const waiting = orders.waiting();
    show(waitingCount, `${waiting.length} order${waiting.length === 1 ? "" : "s"} waiting for payment`);
    show(waitingList, ...waiting.map((o) => orderItem(o)));
    const latest = orders.latest(LATEST_ORDERS);
    show(
      latestList,
      ...(latest.length > 0
        ? latest.map((o) => orderItem(o, o.waited))
        : [h("li", { class: "muted" }, "None yet")]),
    );
  };
  drawOrders();

  const stops = await Promise.all([
    follow<ServicesHealth>("shop.ops.services", (health) => show(services, servicesTable(health))),
    follow<ShopMetrics>("shop.ops.metrics", (m) => {
      show(metrics, metricsView(m));
      breakers.snapshot(m.breakers ?? [], Date.now());
      drawBreakers();
    }),
    follow<Breaker>("shop.breakers", (b) => {
      breakers.live(b, Date.now());
      drawBreakers();
    }),
    follow<TopicEvent>("shop.ops.events", (e) => {
      events.prepend(eventItem(e));
      while (events.children.length > LAST_EVENTS) {
        events.lastElementChild?.remove();
      }
    }),
    follow<StatusChange>("shop.orders.status", (change) => {
      orders.update(change);
      drawOrders();
    }),
  ]);
  await loadDrills(drills);
  return () => stops.forEach((stop) => stop());
}

function breakerRow(b: Breaker): HTMLElement {
  return h(
    "tr",
    { "data-breaker": `${b.instance}/${b.breaker}`, "data-service": b.service },
    h("td", {}, h("strong", {}, b.breaker), h("br"), h("span", { class: "muted" }, b.instance)),
    h(
      "td",
      {},
      h(
        "span",
        { class: `state ${b.state.toLowerCase()}`, "data-testid": "breaker-state" },
        b.state.replace("_", " "),
      ),
    ),
  );
}

/** An order by its short id, with its status now and since when; and whether it waited for payment. */
function orderItem(change: StatusChange, waited = false): HTMLElement {
  return h(
    "li",
    { "data-order": change.orderId, "data-status": change.status, "data-waited": waited },
    h("code", { title: change.orderId }, change.orderId.slice(0, 8)),
    " ",
    h("span", { class: `status ${change.status.toLowerCase()}` }, change.status.replace("_", " ")),
    " ",
    h("time", { datetime: change.at, class: "muted" }, formatTime(change.at)),
    waited && change.status !== "PENDING_PAYMENT"
      ? h("span", { class: "muted" }, " after waiting for payment")
      : "",
  );
}

function eventItem(e: TopicEvent): HTMLElement {
  return h(
    "li",
    { "data-topic": e.topic },
    h("time", { datetime: e.at }, formatTime(e.at)),
    " ",
    h(
      "code",
      { title: `partition ${e.partition}, offset ${e.offset}` },
      `${e.topic}/${e.partition}@${e.offset}`,
    ),
    " ",
    h("strong", {}, e.type),
    " ",
    h("span", { class: "muted" }, e.key ?? ""),
  );
}

function servicesTable(health: ServicesHealth): HTMLElement {
  return h(
    "div",
    { class: "scroll" },
    h(
      "table",
      {},
      h("caption", { class: "muted" }, `Consul's health checks at ${formatTime(health.at)}`),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Service"),
          h("th", { scope: "col" }, "Instance"),
          h("th", { scope: "col", class: "address-col" }, "Address"),
          h("th", { scope: "col" }, "Health"),
        ),
      ),
      h(
        "tbody",
        {},
        ...health.services.flatMap((service) =>
          service.instances.map((instance) =>
            h(
              "tr",
              { "data-service": service.name, "data-instance": instance.id },
              h("td", {}, service.name),
              h("td", {}, instance.id),
              h("td", { class: "address-col" }, `${instance.address}:${instance.port}`),
              h(
                "td",
                {},
                h("span", { class: `health ${instance.status}`, "data-testid": "health" }, instance.status),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function milliseconds(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? "no data yet" : `${Math.round(seconds * 1000)} ms`;
}

function metricsView(m: ShopMetrics): HTMLElement {
  if (!m.available) {
    return h(
      "p",
      { class: "muted", "data-testid": "metrics-unavailable" },
      `Metrics unavailable: ${m.reason}`,
    );
  }
  const rates = m.ordersPerSecond ?? [];
  return h(
    "div",
    {},
    rates.length === 0
      ? h("p", { class: "muted" }, "Orders per second: none settled in the last minute.")
      : h(
          "table",
          { "data-testid": "order-rates" },
          h("caption", {}, "Orders per second, by outcome (last minute)"),
          h(
            "thead",
            {},
            h("tr", {}, ...["Status", "Reason", "Per second"].map((t) => h("th", { scope: "col" }, t))),
          ),
          h(
            "tbody",
            {},
            ...rates.map((r) =>
              h(
                "tr",
                {},
                h("td", {}, h("span", { class: `status ${r.status.toLowerCase()}` }, r.status)),
                h(
                  "td",
                  {},
                  r.reason && r.reason !== "none" ? r.reason.replace(/_/g, " ").toLowerCase() : "—",
                ),
                h("td", { class: "number" }, r.perSecond.toFixed(2)),
              ),
            ),
          ),
        ),
    h(
      "p",
      { "data-testid": "saga-latency" },
      `Saga latency (last 5 minutes): p50 ${milliseconds(m.sagaSeconds?.p50)}, p99 ${milliseconds(m.sagaSeconds?.p99)}`,
    ),
  );
}

async function loadDrills(into: HTMLElement): Promise<void> {
  const { drills } = await api<{ drills: Drill[] }>("GET", "/admin/drills");
  show(
    into,
    ...drills.map((drill) => {
      const state = h("span", { class: "pill", "aria-hidden": "true" });
      // The button's name stays the drill's; whether it is on is the button's pressed state.
      const button = h(
        "button",
        { type: "button", class: "toggle", "data-drill": drill.name },
        drill.name,
        state,
      );
      const draw = (on: boolean) => {
        button.setAttribute("aria-pressed", String(on));
        show(state, on ? "on" : "off");
      };
      draw(drill.on);
      button.addEventListener("click", async () => {
        button.disabled = true;
        try {
          const switched = await api<Drill>("PUT", `/admin/drills/${encodeURIComponent(drill.name)}`, {
            on: button.getAttribute("aria-pressed") !== "true",
          });
          draw(switched.on);
        } catch (error) {
          report(error);
        } finally {
          button.disabled = false;
        }
      });
      return h(
        "div",
        { class: "drill" },
        button,
        h("p", { class: "muted" }, drill.description),
        h("p", { class: "muted" }, "Setting: ", h("code", {}, drill.setting)),
      );
    }),
  );
}
