import assert from "node:assert/strict";
import { test } from "node:test";
import { problemMessage, unreachable } from "../src/shop/problems.js";

test("a refusal reads as its detail", () => {
  const conflict = JSON.stringify({
    type: "about:blank",
    title: "Conflict",
    status: 409,
    detail: "That email is taken",
  });
  assert.equal(problemMessage(409, conflict), "That email is taken");
});

test("a bad request names each bad field", () => {
  const problem = JSON.stringify({
    title: "Bad Request",
    status: 400,
    detail: "Invalid field(s): email",
    errors: [{ field: "email", message: "must be an email address" }],
  });
  assert.equal(problemMessage(400, problem), "Invalid field(s): email: email must be an email address");
});

test("a problem without a detail reads as its title", () => {
  assert.equal(problemMessage(403, JSON.stringify({ title: "Forbidden", status: 403 })), "Forbidden");
});

test("an answer that is not a problem still reads in words, never as markup or JSON", () => {
  assert.match(problemMessage(502, "<html>bad gateway</html>"), /cannot answer right now/);
  assert.match(problemMessage(404, "[]"), /refused \(404\)/);
  assert.match(unreachable().message, /cannot be reached/);
  assert.equal(unreachable().status, 0);
});
