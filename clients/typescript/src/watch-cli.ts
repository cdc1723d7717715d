#!/usr/bin/env node
// shop-watch: places an order over the shop's SockJS event-bus bridge and prints each step of its
// saga until the order is final. Exits 0 when CONFIRMED, 1 when CANCELLED, 2 after 60 s, 3 on an error.
import { parseArgs } from "node:util";
import { Exit, run } from "./watch.js";

const { values } = parseArgs({
  options: {
    gateway: { type: "string", default: process.env.SHOP_GATEWAY_URL ?? "http://127.0.0.1:8080" },
    email: { type: "string", default: process.env.SHOP_EMAIL },
    password: { type: "string", default: process.env.SHOP_PASSWORD ?? "correct horse" },
  },
});

run({ gateway: values.gateway!, email: values.email, password: values.password! }, (line) =>
  console.log(line),
)
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    console.error(`shop-watch: ${error.message}`);
    process.exit(Exit.failed);
  });
