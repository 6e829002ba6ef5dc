/**
 * The conversation as the widget keeps it: messages with their delivery state, and the session
 * the server issued. It lives in sessionStorage (this tab only, gone when the tab closes: family
 * computers are shared) unless the site opts in to localStorage. Stored data is checked on the
 * way in, so a damaged or tampered entry starts a clean conversation rather than breaking the page.
 */

export const STORAGE_KEY = "clinic-chat-v1";
export const MAX_MESSAGES = 200;
export const MAX_TEXT = 5000;
const SESSION_ID = /^[0-9a-f]{32}$/;
const TOKEN = /^[0-9]{1,12}\.[A-Za-z0-9_-]{43}$/;

function text(value, max = MAX_TEXT) {
  return typeof value === "string" ? value.slice(0, max) : "";
}

function cleanButtons(buttons) {
  if (!Array.isArray(buttons)) return [];
  return buttons
    .filter((b) => b && typeof b.title === "string" && b.title.trim())
    .slice(0, 12)
    .map((b) => ({ title: text(b.title, 200), payload: text(b.payload, 500) || text(b.title, 200) }));
}

function cleanSources(sources) {
  if (!Array.isArray(sources)) return [];
  return sources.filter((s) => typeof s === "string" && s.trim()).slice(0, 10).map((s) => text(s, 2000));
}

/** A bot_uttered event as a message: text, quick replies, and the page sentences behind it. */
export function botMessage(event, id) {
  const custom = event && typeof event.custom === "object" && event.custom ? event.custom : {};
  return {
    id,
    from: "bot",
    text: text(event?.text),
    buttons: cleanButtons(event?.buttons),
    sources: cleanSources(custom.sources),
    staff: custom.staff === true,
  };
}

function cleanMessage(raw) {
  if (!raw || typeof raw !== "object" || typeof raw.id !== "string") return null;
  if (raw.from === "bot") return { ...botMessage(raw, raw.id), sources: cleanSources(raw.sources), staff: raw.staff === true };
  if (raw.from !== "user") return null;
  const status = ["pending", "sent", "failed"].includes(raw.status) ? raw.status : "failed";
  return { id: raw.id, from: "user", text: text(raw.text), payload: text(raw.payload, 500), status, error: text(raw.error, 40) };
}

export class Conversation {
  /** @param {Storage | null} storage sessionStorage or localStorage; null keeps nothing */
  constructor(storage) {
    this.storage = storage;
    this.session = null;
    this.messages = [];
    this.open = false;
    this.counter = 0;
    this.load();
  }

  nextId() {
    this.counter += 1;
    return `${Date.now().toString(36)}-${this.counter}`;
  }

  load() {
    let data;
    try {
      data = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? "null");
    } catch {
      data = null;
    }
    if (!data || typeof data !== "object") return;
    const session = data.session;
    if (session && SESSION_ID.test(session.id ?? "") && TOKEN.test(session.token ?? "")) {
      this.session = { id: session.id, token: session.token };
    }
    this.messages = (Array.isArray(data.messages) ? data.messages : []).map(cleanMessage).filter(Boolean).slice(-MAX_MESSAGES);
    this.open = data.open === true;
  }

  save() {
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify({ session: this.session, messages: this.messages, open: this.open }));
    } catch {
      // storage full or blocked: the conversation still works, it just will not survive a reload
    }
  }

  setSession(id, token) {
    this.session = SESSION_ID.test(id) && TOKEN.test(token) ? { id, token } : null;
    this.save();
  }

  /** The patient's message, pending until the server acknowledges it. Earlier quick replies go. */
  addUser(shown, payload = "") {
    for (const message of this.messages) if (message.from === "bot") message.buttons = [];
    const message = { id: this.nextId(), from: "user", text: text(shown), payload: text(payload, 500), status: "pending", error: "" };
    this.push(message);
    return message;
  }

  addBot(event) {
    const message = botMessage(event, this.nextId());
    if (!message.text && !message.buttons.length) return null;
    this.push(message);
    return message;
  }

  push(message) {
    this.messages.push(message);
    if (this.messages.length > MAX_MESSAGES) this.messages.splice(0, this.messages.length - MAX_MESSAGES);
    this.save();
  }

  find(id) {
    return this.messages.find((m) => m.id === id) ?? null;
  }

  setStatus(id, status, error = "") {
    const message = this.find(id);
    if (message) {
      message.status = status;
      message.error = error;
      this.save();
    }
    return message;
  }

  remove(id) {
    this.messages = this.messages.filter((m) => m.id !== id);
    this.save();
  }

  /** Messages still to deliver, oldest first: sent on (re)connection. */
  pending() {
    return this.messages.filter((m) => m.from === "user" && m.status === "pending");
  }

  /** Forget everything: "new conversation", or a session the server would not resume. */
  reset() {
    this.session = null;
    this.messages = [];
    this.save();
  }

  setOpen(open) {
    this.open = open;
    this.save();
  }
}
