import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_ACCENT, accentColor, contrastRatio } from "../src/colors.js";
import { readConfig } from "../src/config.js";

test("data attributes configure the widget", () => {
  const config = readConfig({ server: "http://127.0.0.1:5005/", clinicName: "Example Clinic", emergencyNumber: "999",
    frontDeskPhone: "+44 20 7946 0000", language: "en-GB", accentColor: "#1d4ed8" }, undefined, "http://127.0.0.1:8080/w.js");
  assert.equal(config.serverUrl, "http://127.0.0.1:5005");
  assert.equal(config.clinicName, "Example Clinic");
  assert.equal(config.emergencyHref, "tel:999");
  assert.equal(config.frontDeskHref, "tel:+442079460000");
  assert.equal(config.language, "en");
  assert.equal(config.accentColor, "#1d4ed8");
  assert.equal(config.persist, "tab");
});

test("window.ClinicChatConfig overrides data attributes", () => {
  const config = readConfig({ clinicName: "A" }, { clinicName: "B", persist: "browser" });
  assert.equal(config.clinicName, "B");
  assert.equal(config.persist, "browser");
});

test("a server that is not http(s) falls back to where the script came from", () => {
  assert.equal(readConfig({ server: "javascript:alert(1)" }, undefined, "https://clinic.example/widget/w.js").serverUrl,
    "https://clinic.example");
});

test("an unreadable or malformed accent colour is replaced", () => {
  assert.equal(accentColor("#ffff00"), DEFAULT_ACCENT);
  assert.equal(accentColor("red; background:url(x)"), DEFAULT_ACCENT);
  assert.equal(accentColor(undefined), DEFAULT_ACCENT);
  assert.ok(contrastRatio(DEFAULT_ACCENT, "#ffffff") >= 4.5);
  assert.equal(Math.round(contrastRatio("#000", "#fff")), 21);
});

test("defaults when nothing is configured", () => {
  const config = readConfig();
  assert.equal(config.emergencyNumber, "911");
  assert.equal(config.frontDeskHref, null);
  assert.equal(config.serverUrl, "");
});
