/**
 * Building elements without HTML strings: every text goes into a text node, so nothing a message
 * contains can become markup. (eslint forbids innerHTML and its relatives in this project.)
 */

import { linkPieces, safeHref } from "./text.js";

/** `el("button", {type: "button", class: "x"}, "Send")`: attributes set one by one, children as nodes or text. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** A link to a checked https:/tel:/mailto: address; plain text when the address is not one. */
export function link(text, href, attributes = {}) {
  const safe = safeHref(href);
  if (!safe) return document.createTextNode(text);
  const external = safe.startsWith("https:");
  return el("a", { href: safe, ...(external ? { target: "_blank", rel: "noopener noreferrer" } : {}), ...attributes }, text);
}

/** Message text as text nodes, with its https:/tel:/mailto: links made clickable. */
export function richText(text) {
  return linkPieces(text).map((piece) => (piece.href ? link(piece.text, piece.href) : document.createTextNode(piece.text)));
}

/** The launcher's speech-bubble icon, drawn (an emoji needs a font the device may not have). */
export function chatIcon() {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  for (const [name, value] of Object.entries({ viewBox: "0 0 24 24", width: "22", height: "22", "aria-hidden": "true",
    focusable: "false" })) svg.setAttribute(name, value);
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", "M4 4h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z");
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  return svg;
}
