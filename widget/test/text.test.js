import assert from "node:assert/strict";
import { test } from "node:test";
import { linkPieces, safeHref, telHref } from "../src/text.js";

test("only https, tel and mailto links are allowed", () => {
  assert.equal(safeHref("https://clinic.example/page"), "https://clinic.example/page");
  assert.equal(safeHref("tel:+15550100"), "tel:+15550100");
  assert.equal(safeHref("mailto:desk@clinic.example"), "mailto:desk@clinic.example");
  for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "http://clinic.example",
    "https://user:pw@clinic.example", "//clinic.example", "", null, "x".repeat(3000)]) {
    assert.equal(safeHref(bad), null, String(bad).slice(0, 40));
  }
});

test("markup in a message stays text", () => {
  const pieces = linkPieces("<img src=x onerror=alert(1)>");
  assert.deepEqual(pieces, [{ text: "<img src=x onerror=alert(1)>" }]);
});

test("links are cut out of text, trailing punctuation left as text", () => {
  assert.deepEqual(linkPieces("See https://clinic.example/faq. Or call tel:+1 555 0100!"), [
    { text: "See " },
    { text: "https://clinic.example/faq", href: "https://clinic.example/faq" },
    { text: ". Or call " },
    { text: "tel:+1 555 0100", href: "tel:+15550100" },
    { text: "!" },
  ]);
});

test("a javascript: link is never a link", () => {
  assert.deepEqual(linkPieces("click javascript:alert(1) now"), [{ text: "click javascript:alert(1) now" }]);
});

test("linking costs time in proportion to the text", () => {
  const hostile = "https://a".repeat(20000) + " tel:".repeat(20000);
  const start = performance.now();
  linkPieces(hostile);
  assert.ok(performance.now() - start < 500);
});

test("phone numbers become tel: links, junk does not", () => {
  assert.equal(telHref("+1 (555) 010-2030"), "tel:+15550102030");
  assert.equal(telHref("the front desk"), null);
  assert.equal(telHref(""), null);
});
