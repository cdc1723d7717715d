import { api, type Drill } from "../api.js";
import { report } from "../app.js";
import { formatTime, h, show } from "../dom.js";
import { follow } from "../live.js";
import { session } from "../session.js";
import { isAdmin } from "../shop/token.js";
import { requireLogin } from "./auth.js";

interface ServicesHealth {
  at: string;
  services: { name: string; instances: { id: string; address: string; port: number; status: string }[] }[];
}

interface Breaker {
  service: string;
  instance: string;
  breaker: string;
  state: string;
}

interface ShopMetrics {
  at: string;
  available: boolean;
  reason?: string;
  ordersPerSecond?: { status: string; reason: string; perSecond: number }[];
  sagaSeconds?: { p50: number | null; p99: number | null };
  breakers?: Breaker[];
}

interface TopicEvent {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  type: string;
  at: string;
}

interface OrderChange {
  orderId: string;
  status: string;
}

const LAST_EVENTS = 50;

/** The operations page: the services' health, breakers, order rates and saga latency, events, and drills. */
export async function opsView(main: HTMLElement): Promise<() => void> {
  if (!requireLogin()) {
    return () => {};
  }
  if (!isAdmin(session.claims())) {
    show(
      main,
      h("h1", {}, "Operations"),
      h("p", {}, "The operations page is for administrators. Log in with an admin account."),
    );
    return () => {};
  }
  const services = h(
    "div",
    { "data-testid": "services" },
    h("p", { class: "muted" }, "Waiting for the first health report…"),
  );
  const breakers = h("tbody", {});
  const metrics = h(
    "div",
    { "data-testid": "metrics" },
    h("p", { class: "muted" }, "Waiting for the metrics…"),
  );
  const waiting = h("p", { "data-testid": "pending-payment" }, "0 orders waiting for payment");
  const events = h("ol", { class: "events", "data-testid": "events" });
  const drills = h("div", { class: "drills" });
  show(
    main,
    h("h1", {}, "Operations"),
    h(
      "div",
      { class: "ops" },
      h("section", { "aria-labelledby": "drills-title" }, h("h2", { id: "drills-title" }, "Drills"), drills),
      h(
        "section",
        { "aria-labelledby": "services-title" },
        h("h2", { id: "services-title" }, "Services"),
        services,
      ),
      h(
        "section",
        { "aria-labelledby": "breakers-title" },
        h("h2", { id: "breakers-title" }, "Circuit breakers"),
        h(
          "table",
          { "data-testid": "breakers" },
          h(
            "thead",
            {},
            h("tr", {}, ...["Instance", "Breaker", "State"].map((t) => h("th", { scope: "col" }, t))),
          ),
          breakers,
        ),
      ),
      h(
        "section",
        { "aria-labelledby": "orders-title" },
        h("h2", { id: "orders-title" }, "Orders"),
        metrics,
        waiting,
      ),
      h(
        "section",
        { class: "wide", "aria-labelledby": "events-title" },
        h("h2", { id: "events-title" }, "Events on Kafka"),
        events,
      ),
    ),
  );

  const breakerStates = new Map<string, Breaker>();
  const drawBreakers = () =>
    show(
      breakers,
      ...[...breakerStates.values()]
        .sort((a, b) => `${a.instance} ${a.breaker}`.localeCompare(`${b.instance} ${b.breaker}`))
        .map((b) =>
          h(
            "tr",
            { "data-breaker": `${b.instance}/${b.breaker}` },
            h("td", {}, b.instance),
            h("td", {}, b.breaker),
            h(
              "td",
              {},
              h("span", { class: `state ${b.state.toLowerCase()}`, "data-testid": "breaker-state" }, b.state),
            ),
          ),
        ),
    );
  const latestStatus = new Map<string, string>();

  const stops = await Promise.all([
    follow<ServicesHealth>("shop.ops.services", (health) => show(services, servicesTable(health))),
    follow<ShopMetrics>("shop.ops.metrics", (m) => {
      show(metrics, metricsView(m));
      // Prometheus scrapes every few seconds: a live change from shop.breakers is newer than its view.
      for (const b of m.breakers ?? []) {
        if (!breakerStates.has(`${b.instance}/${b.breaker}`)) {
          breakerStates.set(`${b.instance}/${b.breaker}`, b);
        }
      }
      drawBreakers();
    }),
    follow<Breaker>("shop.breakers", (b) => {
      breakerStates.set(`${b.instance}/${b.breaker}`, b);
      drawBreakers();
    }),
    follow<TopicEvent>("shop.ops.events", (e) => {
      events.prepend(
        h(
          "li",
          {},
          h("time", { datetime: e.at }, formatTime(e.at)),
          " ",
          h("code", {}, e.topic),
          " ",
          h("strong", {}, e.type),
          " ",
          h("span", { class: "muted" }, e.key ?? ""),
        ),
      );
      while (events.children.length > LAST_EVENTS) {
        events.lastElementChild?.remove();
      }
    }),
    follow<OrderChange>("shop.orders.status", (change) => {
      latestStatus.set(change.orderId, change.status);
      const count = [...latestStatus.values()].filter((s) => s === "PENDING_PAYMENT").length;
      show(waiting, `${count} order${count === 1 ? "" : "s"} waiting for payment`);
    }),
  ]);
  await loadDrills(drills);
  return () => stops.forEach((stop) => stop());
}

function servicesTable(health: ServicesHealth): HTMLElement {
  return h(
    "table",
    {},
    h(
      "thead",
      {},
      h("tr", {}, ...["Service", "Instance", "Address", "Health"].map((t) => h("th", { scope: "col" }, t))),
    ),
    h(
      "tbody",
      {},
      ...health.services.flatMap((service) =>
        service.instances.map((instance) =>
          h(
            "tr",
            { "data-instance": instance.id },
            h("td", {}, service.name),
            h("td", {}, instance.id),
            h("td", {}, `${instance.address}:${instance.port}`),
            h("td", {}, h("span", { class: `health ${instance.status}` }, instance.status)),
          ),
        ),
      ),
    ),
  );
}

function seconds(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${(value * 1000).toFixed(0)} ms`;
}

function metricsView(m: ShopMetrics): HTMLElement {
  if (!m.available) {
    return h("p", { class: "muted" }, `Metrics unavailable: ${m.reason}`);
  }
  const rates = m.ordersPerSecond ?? [];
  return h(
    "dl",
    {},
    h("dt", {}, "Orders per second"),
    h(
      "dd",
      {},
      rates.length === 0
        ? "none in the last minute"
        : rates
            .map(
              (r) =>
                `${r.status}${r.reason && r.reason !== "none" ? ` (${r.reason})` : ""}: ${r.perSecond.toFixed(2)}`,
            )
            .join(", "),
    ),
    h("dt", {}, "Saga latency (5 min)"),
    h("dd", {}, `p50 ${seconds(m.sagaSeconds?.p50)}, p99 ${seconds(m.sagaSeconds?.p99)}`),
  );
}

async function loadDrills(into: HTMLElement): Promise<void> {
  const { drills } = await api<{ drills: Drill[] }>("GET", "/admin/drills");
  show(
    into,
    ...drills.map((drill) => {
      const button = h("button", {
        type: "button",
        class: "toggle",
        "aria-pressed": String(drill.on),
        "data-drill": drill.name,
      });
      const draw = (on: boolean) => {
        button.setAttribute("aria-pressed", String(on));
        show(button, `${drill.name}: ${on ? "on" : "off"}`);
      };
      draw(drill.on);
      button.addEventListener("click", async () => {
        button.disabled = true;
        try {
          const switched = await api<Drill>("PUT", `/admin/drills/${drill.name}`, {
            on: button.getAttribute("aria-pressed") !== "true",
          });
          draw(switched.on);
        } catch (error) {
          report(error);
        } finally {
          button.disabled = false;
        }
      });
      return h("div", { class: "drill" }, button, h("p", { class: "muted" }, drill.description));
    }),
  );
}
