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
