/**
 * The widget's settings, from the script tag's data-* attributes (which work under a strict
 * Content-Security-Policy, no inline script needed) or from `window.ClinicChatConfig` set before
 * the script loads. Anything malformed falls back to a safe default rather than breaking the page.
 */

import { accentColor } from "./colors.js";
import { telHref } from "./text.js";

const FIELDS = {
  server: "serverUrl",
  clinicName: "clinicName",
  emergencyNumber: "emergencyNumber",
  frontDeskPhone: "frontDeskPhone",
  accentColor: "accentColor",
  language: "language",
  persist: "persist",
};

function clean(value, maxLength = 200) {
  return typeof value === "string" ? value.trim().slice(0, maxLength) : "";
}

/** The assistant's origin: an http(s) URL, else the origin the script came from. */
function serverOrigin(value, scriptSrc) {
  for (const candidate of [value, scriptSrc]) {
    try {
      const url = new URL(candidate);
      if (url.protocol === "https:" || url.protocol === "http:") return url.origin;
    } catch {
      // try the next candidate
    }
  }
  return "";
}

/**
 * @param {Record<string, string>} dataset the script tag's data-* attributes
 * @param {object | undefined} globalConfig window.ClinicChatConfig
 * @param {string} scriptSrc where the widget's script was loaded from
 * @param {string} pageLanguage the page's lang attribute
 */
export function readConfig(dataset = {}, globalConfig = undefined, scriptSrc = "", pageLanguage = "") {
  const given = {};
  for (const [attribute, key] of Object.entries(FIELDS)) {
    if (dataset[attribute] !== undefined) given[key] = dataset[attribute];
  }
  if (globalConfig && typeof globalConfig === "object") {
    for (const key of Object.values(FIELDS)) {
      if (globalConfig[key] !== undefined) given[key] = String(globalConfig[key]);
    }
  }
  const phone = clean(given.frontDeskPhone, 40);
  const emergency = clean(given.emergencyNumber, 20) || "911";
  return {
    serverUrl: serverOrigin(clean(given.serverUrl, 500), scriptSrc),
    clinicName: clean(given.clinicName) || "the clinic",
    emergencyNumber: emergency,
    emergencyHref: telHref(emergency),
    frontDeskPhone: phone,
    frontDeskHref: telHref(phone),
    accentColor: accentColor(clean(given.accentColor, 7)),
    language: (clean(given.language, 10) || clean(pageLanguage, 10) || "en").toLowerCase().split("-")[0],
    persist: clean(given.persist) === "browser" ? "browser" : "tab",
  };
}
