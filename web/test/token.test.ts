import assert from "node:assert/strict";
import { test } from "node:test";
import { claims, isAdmin } from "../src/shop/token.js";

function token(payload: object): string {
  return `eyJhbGciOiJFUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.signature`;
}

test("the user and roles are read from the token's claims", () => {
  const read = claims(token({ sub: "u1", roles: ["customer", "admin"], exp: 2_000_000_000 }));
  assert.deepEqual(read, { userId: "u1", roles: ["customer", "admin"], expiresAt: 2_000_000_000_000 });
  assert.equal(isAdmin(read), true);
});

test("a customer is not an admin", () => {
  assert.equal(isAdmin(claims(token({ sub: "u2", roles: ["customer"] }))), false);
  assert.equal(isAdmin(claims(token({ sub: "u3" }))), false);
  assert.equal(isAdmin(claims(token({ sub: "u4", roles: "admin" }))), false);
  assert.equal(isAdmin(undefined), false);
});

test("claims outside ASCII survive the base64url decoding", () => {
  assert.equal(claims(token({ sub: "ü-ñ", roles: [] }))?.userId, "ü-ñ");
});

test("what is not a token has no claims", () => {
  assert.equal(claims("not-a-token"), undefined);
  assert.equal(claims("a.%%%.c"), undefined);
  assert.equal(claims(token({ roles: ["admin"] })), undefined, "no subject");
});
