/**
 * One message of the conversation log as DOM: the assistant's (with its page sources), the front
 * desk's during a takeover (labelled, so the patient knows a person is writing), or the patient's.
 * Pure functions of the message, so the log can be rebuilt from the stored transcript.
 */

import { el, richText } from "./dom.js";

/** @param {{text: string, sources: string[], staff?: boolean}} message @param {(key: string) => string} t */
export function botBubble(message, t) {
  const node = message.staff
    ? el("div", { class: "message bot staff" }, el("span", { class: "author" }, t("staff")),
      el("p", {}, ...richText(message.text)))
    : el("div", { class: "message bot" }, el("span", { class: "sr-only" }, `${t("assistant")}: `),
      el("p", {}, ...richText(message.text)));
  if (message.sources.length) {
    node.append(el("details", { class: "sources" }, el("summary", {}, t("sources")),
      ...message.sources.map((source) => el("blockquote", {}, source))));
  }
  return node;
}

/** @param {{text: string}} message @param {(key: string) => string} t */
export function userBubble(message, t) {
  return el("div", { class: "message user" }, el("span", { class: "sr-only" }, `${t("you")}: `),
    el("p", {}, message.text), el("div", { class: "delivery" }));
}
