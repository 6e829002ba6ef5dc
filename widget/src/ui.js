/**
 * The widget on the page: launcher, panel, conversation log, composer, quick replies, sources,
 * front desk. Accessibility is part of the structure, not an extra: a real <button> launcher, a
 * non-modal dialog panel, the log as a polite live region, every control named, Escape closes and
 * gives focus back to the launcher, focus goes to the text box when the panel opens and after a
 * quick reply. Rendering goes through dom.js only (text nodes, never HTML).
 */

import { botBubble, userBubble } from "./bubbles.js";
import { chatIcon, el, link } from "./dom.js";

const MAX_INPUT = 1000;
const SLOW_REPLY_MS = 25000;

export class ChatUI {
  /**
   * @param {ShadowRoot} root where the widget lives (styles scoped to it)
   * @param {object} config from config.js
   * @param {(key: string, values?: object) => string} t the widget's strings
   * @param {import("./conversation.js").Conversation} conversation
   */
  constructor(root, config, t, conversation) {
    Object.assign(this, { root, config, t, conversation });
    this.connection = null;
    this.typingTimer = 0;
    this.lastStatus = "";
    this.build();
  }

  build() {
    const { t, config } = this;
    const clinic = config.clinicName;
    // The launcher's visible words are its accessible name (what a speech-control user says).
    this.launcher = el("button", {
      type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "ccw-panel",
    }, chatIcon(), el("span", {}, t("launcher")));
    this.closeButton = el("button", { type: "button", class: "icon-button", "aria-label": t("close") },
      el("span", { "aria-hidden": "true" }, "✕"));
    this.newButton = el("button", { type: "button", class: "text-button" }, t("newConversation"));
    this.status = el("p", { class: "status", role: "status" });
    this.log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": t("logLabel"), tabindex: "0" });
    this.quickReplies = el("div", { class: "quick-replies", role: "group", "aria-label": t("suggestions"), hidden: true });
    this.typing = el("p", { class: "typing", hidden: true }, el("span", { class: "dots", "aria-hidden": "true" }, "• • •"), " ",
      t("typing"));
    this.input = el("textarea", {
      id: "ccw-input", rows: "2", placeholder: t("placeholder"), autocomplete: "off", "aria-describedby": "ccw-input-note",
      enterkeyhint: "send",
    });
    this.inputNote = el("p", { id: "ccw-input-note", class: "input-note", role: "alert" });
    this.form = el("form", { class: "composer" },
      el("label", { for: "ccw-input", class: "sr-only" }, t("inputLabel")), this.input,
      el("button", { type: "submit", class: "send" }, t("send")));
    this.frontDeskToggle = el("button", {
      type: "button", class: "text-button", "aria-expanded": "false", "aria-controls": "ccw-front-desk",
    }, t("frontDesk"));
    this.frontDesk = el("p", { id: "ccw-front-desk", class: "front-desk", hidden: true },
      ...(config.frontDeskHref
        ? [t("frontDeskCall"), link(config.frontDeskPhone, config.frontDeskHref)]
        : [t("frontDeskNoPhone")]));
    const [before, after = ""] = t("emergency").split("{number}");
    const emergency = [before, config.emergencyHref ? link(config.emergencyNumber, config.emergencyHref) : config.emergencyNumber, after];
    this.panel = el("section", {
      id: "ccw-panel", class: "panel", role: "dialog", "aria-modal": "false", "aria-label": t("dialogLabel", { clinic }), hidden: true,
      lang: config.language,
    },
    el("header", {}, el("h2", { id: "ccw-title" }, t("title")), this.newButton, this.closeButton),
    el("p", { class: "emergency" }, el("span", { class: "emergency-icon", "aria-hidden": "true" }, "⚠"), " ", ...emergency),
    this.status, this.log, this.typing, this.quickReplies, this.inputNote, this.form,
    el("footer", {}, this.frontDeskToggle, this.frontDesk));
    this.root.append(el("div", { class: "ccw", lang: config.language }, this.panel, this.launcher));
    this.bind();
  }

  bind() {
    this.launcher.addEventListener("click", () => (this.panel.hidden ? this.open(true) : this.close()));
    this.closeButton.addEventListener("click", () => this.close());
    this.panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        this.close();
      }
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.newButton.addEventListener("click", () => {
      this.connection?.newSession();
      this.hideTyping();
      this.renderAll();
      this.input.focus();
    });
    this.frontDeskToggle.addEventListener("click", () => {
      // The phone number, and a callback request the staff console queues (the assistant's form
      // asks for a name, a contact and a time; "cancel" stops it).
      const show = this.frontDesk.hidden;
      this.frontDesk.hidden = !show;
      this.frontDeskToggle.setAttribute("aria-expanded", String(show));
      if (show) this.sendMessage(this.t("callbackRequest"), "/request_callback");
    });
    const viewport = globalThis.visualViewport;
    if (viewport) {
      // On phones the on-screen keyboard shrinks the visual viewport: keep the panel (and its
      // text box, at the bottom) inside what is visible.
      const fit = () => this.panel.style.setProperty("--ccw-viewport-height", `${Math.round(viewport.height)}px`);
      viewport.addEventListener("resize", fit);
      fit();
    }
  }

  /** Shows the panel; `moveFocus` is false when it reopens by itself after a page load. */
  open(moveFocus) {
    this.panel.hidden = false;
    this.launcher.setAttribute("aria-expanded", "true");
    this.launcher.classList.add("is-open");
    this.conversation.setOpen(true);
    this.connection?.start();
    this.renderAll();
    if (moveFocus) this.input.focus();
  }

  close() {
    this.panel.hidden = true;
    this.launcher.setAttribute("aria-expanded", "false");
    this.launcher.classList.remove("is-open");
    this.conversation.setOpen(false);
    this.launcher.focus();
  }

  /** Sends the text box's message; one that is too long stays in the box, with the reason. */
  submit() {
    const text = this.input.value.trim();
    if (!text) return;
    if (text.length > MAX_INPUT) {
      this.inputNote.textContent = this.t("tooLongInput", { count: text.length, max: MAX_INPUT });
      return;
    }
    this.inputNote.textContent = "";
    this.input.value = "";
    this.sendMessage(text, "");
  }

  sendMessage(shown, payload) {
    const message = this.conversation.addUser(shown, payload);
    this.renderAll();
    this.connection?.send(message);
  }

  setStatus(status) {
    if (status === this.lastStatus) return;
    const previous = this.lastStatus;
    this.lastStatus = status;
    this.panel.dataset.connection = status;
    if (status === "offline") {
      this.hideTyping();
      this.status.textContent = this.t("offline");
    } else if (status === "connecting") {
      this.status.textContent = this.t("connecting");
    } else {
      this.status.textContent = previous === "offline" ? this.t("online") : "";
    }
    this.renderAll();
  }

  botMessage(event) {
    if (this.conversation.addBot(event)) {
      this.hideTyping();
      if (this.lastStatus === "online") this.status.textContent = "";
      this.renderAll();
    }
  }

  /** A message reached the server: the assistant is typing, unless its answer is already here. */
  delivered(id, ok) {
    const messages = this.conversation.messages;
    const answered = messages.slice(messages.findIndex((m) => m.id === id) + 1).some((m) => m.from === "bot");
    if (ok && !answered) this.showTyping();
    this.renderAll();
  }

  /** The server started a new conversation: the old messages go, unsent ones stay to be sent. */
  sessionRestarted() {
    const unsent = this.conversation.pending();
    this.conversation.reset();
    for (const message of unsent) this.conversation.push(message);
    this.hideTyping();
    this.status.textContent = this.t("restarted");
    this.renderAll();
  }

  showTyping() {
    this.typing.hidden = false;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.hideTyping();
      this.status.textContent = this.t("slow");
    }, SLOW_REPLY_MS);
  }

  hideTyping() {
    clearTimeout(this.typingTimer);
    this.typing.hidden = true;
  }

  /**
   * Brings the log up to date with the conversation. Nodes are kept per message and only new or
   * changed parts are touched, because the log is a live region: redrawing it would make a
   * screen reader read the whole conversation again.
   */
  renderAll() {
    if (this.panel.hidden) return;
    if (!this.intro) {
      this.intro = el("p", { class: "intro" }, this.t("intro"));
      this.log.append(this.intro);
      this.nodes = new Map();
    }
    const ids = new Set(this.conversation.messages.map((m) => m.id));
    for (const [id, node] of this.nodes) {
      if (!ids.has(id)) {
        node.remove();
        this.nodes.delete(id);
      }
    }
    let previous = this.intro;
    let firstNewBot = null;
    for (const message of this.conversation.messages) {
      let node = this.nodes.get(message.id);
      if (!node) {
        node = message.from === "bot" ? this.botNode(message) : this.userNode(message);
        previous.after(node);
        this.nodes.set(message.id, node);
        if (message.from === "bot" && !firstNewBot) firstNewBot = node;
      }
      if (message.from === "user") this.updateDelivery(node, message);
      previous = node;
    }
    this.renderQuickReplies();
    // A new answer is read from its start: scroll it to the top when it is longer than the view.
    const bottom = this.log.scrollHeight - this.log.clientHeight;
    this.log.scrollTop = firstNewBot ? Math.min(bottom, firstNewBot.offsetTop - 8) : bottom;
  }

  botNode(message) {
    return botBubble(message, this.t);
  }

  /** The last bot message's buttons, below the log: titles shown, payloads sent. */
  renderQuickReplies() {
    const last = this.conversation.messages.at(-1);
    const buttons = last && last.from === "bot" ? last.buttons : [];
    const key = last ? last.id : "";
    if (this.quickReplies.dataset.for === key) return;
    this.quickReplies.dataset.for = key;
    this.quickReplies.replaceChildren(...buttons.map((button) => {
      const choice = el("button", { type: "button", class: "quick-reply" }, button.title);
      choice.addEventListener("click", () => {
        this.sendMessage(button.title, button.payload);
        this.input.focus();
      });
      return choice;
    }));
    this.quickReplies.hidden = buttons.length === 0;
  }

  userNode(message) {
    return userBubble(message, this.t);
  }

  /** The delivery line of a patient's message: nothing once sent, "waiting" offline, retry on failure. */
  updateDelivery(node, message) {
    const { t } = this;
    const state = `${message.status}:${message.error}:${this.lastStatus}`;
    if (node.dataset.state === state) return;
    node.dataset.state = state;
    node.className = `message user ${message.status}`;
    const line = node.querySelector(".delivery");
    if (message.status === "pending" && this.lastStatus !== "online") {
      line.replaceChildren(t("pending"));
    } else if (message.status === "failed") {
      const reason = t(`error.${message.error}`, { max: MAX_INPUT });
      const retry = el("button", { type: "button", class: "text-button" }, t("retry"));
      retry.addEventListener("click", () => {
        const again = this.conversation.setStatus(message.id, "pending");
        this.renderAll();
        if (again) this.connection?.send(again);
      });
      const remove = el("button", { type: "button", class: "text-button" }, t("remove"));
      remove.addEventListener("click", () => {
        this.conversation.remove(message.id);
        this.renderAll();
        this.input.focus();
      });
      line.replaceChildren(reason.startsWith("error.") ? t("error.other") : reason, " ", retry, " ", remove);
    } else {
      line.replaceChildren();
    }
  }
}
