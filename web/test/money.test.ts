import assert from "node:assert/strict";
import { test } from "node:test";
import { formatMoney } from "../src/shop/money.js";

/** The text with ICU's no-break spaces read as spaces. */
function format(minor: number, currency: string, locale: string): string {
  return formatMoney(minor, currency, locale).replace(/[\u00a0\u202f]/g, " ");
}

test("prices are shown in their currency's own minor units", () => {
  assert.equal(format(1999, "EUR", "en-US"), "€19.99");
  assert.equal(format(5, "USD", "en-US"), "$0.05");
  assert.equal(format(1999, "JPY", "en-US"), "¥1,999", "the yen has no minor unit");
  assert.equal(format(1234, "KWD", "en-US"), "KWD 1.234", "the dinar has three decimals");
});

test("prices follow the shopper's locale", () => {
  assert.equal(format(123456, "EUR", "de-DE"), "1.234,56 €");
});
