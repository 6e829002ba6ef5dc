/**
 * The clinic's chat widget. Embed it with one script tag (settings in data-* attributes, or in
 * `window.ClinicChatConfig` set before it):
 *
 *   <script src="/widget/clinic-chat.js" data-server="https://assistant.example-clinic.org"
 *           data-clinic-name="Example Clinic" data-emergency-number="999"
 *           data-front-desk-phone="+44 20 7946 0000" defer></script>
 *
 * It lives in a shadow root (the site's CSS cannot break it, its CSS cannot touch the site), with
 * its stylesheet constructed in script, which a strict Content-Security-Policy allows.
 */

import css from "./widget.css";
import { readConfig } from "./config.js";
import { Connection } from "./connection.js";
import { Conversation } from "./conversation.js";
import { strings } from "./strings.js";
import { ChatUI } from "./ui.js";

function storageFor(persist) {
  try {
    return persist === "browser" ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return null; // storage blocked (privacy settings): the conversation just does not survive a reload
  }
}

function mount(script) {
  if (document.querySelector("clinic-chat")) return; // embedded twice: one widget
  const config = readConfig({ ...(script?.dataset ?? {}) }, globalThis.ClinicChatConfig, script?.src ?? "",
    document.documentElement.lang);
  const host = document.createElement("clinic-chat");
  host.style.setProperty("--ccw-accent", config.accentColor);
  const root = host.attachShadow({ mode: "open" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  document.body.append(host);

  const conversation = new Conversation(storageFor(config.persist));
  const ui = new ChatUI(root, config, strings(config.language), conversation);
  const connection = new Connection({
    serverUrl: config.serverUrl,
    conversation,
    onStatus: (status) => ui.setStatus(status),
    onBotMessage: (event) => ui.botMessage(event),
    onDelivery: (id, ok) => ui.delivered(id, ok),
    onSessionRestarted: () => ui.sessionRestarted(),
  });
  ui.connection = connection;
  // Visitors who never open the chat cost the server no socket; a conversation in progress reconnects at once.
  if (conversation.session || conversation.messages.length) connection.start();
  if (conversation.open) ui.open(false);
}

const script = document.currentScript;
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => mount(script));
} else {
  mount(script);
}
