import assert from "node:assert/strict";
import { test } from "node:test";
import { formatMoney } from "../src/shop/money.js";
import { problemMessage } from "../src/shop/problems.js";
import { cancellable, merge, stepLabel } from "../src/shop/steps.js";
import { claims, isAdmin } from "../src/shop/token.js";

test("prices are shown in their currency's own minor units", () => {
  assert.equal(formatMoney(1999, "EUR", "en-US"), "€19.99");
  assert.equal(formatMoney(1999, "JPY", "en-US"), "¥1,999");
  assert.equal(formatMoney(5, "USD", "en-US"), "$0.05");
});

test("a refusal reads as its detail, with each bad field", () => {
  const problem = JSON.stringify({
    title: "Bad Request",
    status: 400,
    detail: "Invalid field(s): email",
    errors: [{ field: "email", message: "must be an email address" }],
  });
  assert.equal(problemMessage(400, problem), "Invalid field(s): email: email must be an email address");
  assert.equal(
    problemMessage(409, JSON.stringify({ title: "Conflict", detail: "That email is taken" })),
    "That email is taken",
  );
  assert.match(problemMessage(502, "<html>bad gateway</html>"), /cannot answer right now/);
  assert.match(problemMessage(0, ""), /cannot be reached/);
});

test("steps read in plain words, each version once and in order", () => {
  assert.equal(stepLabel("PaymentCaptured"), "Payment captured");
  assert.equal(stepLabel("SomethingNew"), "Something New");
  const live = [{ version: 3, type: "PaymentCaptured", at: "t3" }];
  const history = [
    { version: 1, type: "OrderPlaced", at: "t1" },
    { version: 2, type: "StockReserved", at: "t2" },
    { version: 3, type: "PaymentCaptured", at: "t3" },
  ];
  assert.deepEqual(
    merge(live, history).map((s) => s.version),
    [1, 2, 3],
  );
  assert.equal(cancellable("CONFIRMED"), true);
  assert.equal(cancellable("CANCELLING"), false);
});

test("the roles are read from the token's claims", () => {
  const payload = Buffer.from(
    JSON.stringify({ sub: "u1", roles: ["customer", "admin"], exp: 2_000_000_000 }),
  ).toString("base64url");
  const read = claims(`header.${payload}.signature`);
  assert.deepEqual(read, { userId: "u1", roles: ["customer", "admin"], expiresAt: 2_000_000_000_000 });
  assert.equal(isAdmin(read), true);
  assert.equal(claims("not-a-token"), undefined);
  assert.equal(isAdmin(undefined), false);
});
