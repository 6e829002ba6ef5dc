/**
 * The socket to the assistant (Rasa's socket.io protocol, with the clinic channel's sessions).
 *
 * - On every (re)connection it asks for the stored session with its token; the server resumes it
 *   or issues a new one (then the widget says the earlier conversation could not be resumed).
 * - A message goes out only on a confirmed session and waits for the server's acknowledgement:
 *   acknowledged -> sent; refused, or no answer within ACK_TIMEOUT_MS, or the connection dropped
 *   while it was on its way -> failed, shown with a retry. Typed while offline -> pending, sent
 *   when the connection is back. Nothing is lost silently.
 * - socket.io-client reconnects by itself (1 s, then backing off to 5 s between attempts).
 */

import { io } from "socket.io-client";

export const ACK_TIMEOUT_MS = 10000;

export class Connection {
  /**
   * @param {object} options
   * @param {string} options.serverUrl the assistant's origin
   * @param {import("./conversation.js").Conversation} options.conversation
   * @param {(status: "connecting" | "online" | "offline") => void} options.onStatus
   * @param {(event: object) => void} options.onBotMessage
   * @param {(id: string, ok: boolean) => void} options.onDelivery
   * @param {() => void} options.onSessionRestarted the server would not resume the stored session
   * @param {typeof io} [options.connect] socket.io's `io`, replaceable in tests
   */
  constructor({ serverUrl, conversation, onStatus, onBotMessage, onDelivery, onSessionRestarted, connect = io }) {
    Object.assign(this, { serverUrl, conversation, onStatus, onBotMessage, onDelivery, onSessionRestarted, connect });
    this.ready = false;
    this.inFlight = new Set();
    this.socket = null;
  }

  start() {
    if (this.socket) return;
    this.onStatus("connecting");
    const socket = this.connect(this.serverUrl, {
      path: "/socket.io",
      transports: ["websocket", "polling"],
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
      withCredentials: false,
    });
    this.socket = socket;
    socket.on("connect", () => this.requestSession());
    socket.on("session_confirm", (data) => this.confirmed(data));
    socket.on("bot_uttered", (event) => {
      if (event && typeof event === "object") this.onBotMessage(event);
    });
    socket.on("disconnect", () => this.lost());
    socket.on("connect_error", () => this.lost());
  }

  requestSession(fresh = false) {
    this.ready = false;
    const session = fresh ? null : this.conversation.session;
    this.socket.emit("session_request", session ? { session_id: session.id, session_token: session.token } : {});
  }

  confirmed(data) {
    if (!data || typeof data.session_id !== "string" || typeof data.session_token !== "string") return;
    const had = this.conversation.session;
    if (had && had.id !== data.session_id && this.conversation.messages.length) this.onSessionRestarted();
    this.conversation.setSession(data.session_id, data.session_token);
    this.ready = true;
    this.onStatus("online");
    this.flush();
  }

  lost() {
    const wasReady = this.ready;
    this.ready = false;
    for (const id of this.inFlight) {
      this.conversation.setStatus(id, "failed", "timeout");
      this.onDelivery(id, false);
    }
    this.inFlight.clear();
    if (wasReady || this.socket?.connected === false) this.onStatus("offline");
  }

  /** Sends a pending message now if the session is confirmed; otherwise it waits for `flush`. */
  send(message) {
    if (!this.ready || this.inFlight.has(message.id)) return;
    this.inFlight.add(message.id);
    const data = { message: message.payload || message.text, session_id: this.conversation.session?.id };
    this.socket.timeout(ACK_TIMEOUT_MS).emit("user_uttered", data, (error, ack) => {
      if (!this.inFlight.delete(message.id) && !(ack && ack.ok)) return;
      const ok = !error && Boolean(ack && ack.ok);
      const reason = error ? "timeout" : String(ack?.error ?? "other");
      this.conversation.setStatus(message.id, ok ? "sent" : "failed", ok ? "" : reason);
      if (ok || reason !== "no_session") this.onDelivery(message.id, ok);
      if (reason === "no_session") {
        this.conversation.setStatus(message.id, "pending");
        this.requestSession();
      }
    });
  }

  flush() {
    for (const message of this.conversation.pending()) this.send(message);
  }

  /** "New conversation": forget the stored session and ask the server for a new one. */
  newSession() {
    this.conversation.reset();
    if (this.socket?.connected) this.requestSession(true);
  }
}
