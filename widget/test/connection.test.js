import assert from "node:assert/strict";
import { test } from "node:test";
import { Connection } from "../src/connection.js";
import { Conversation } from "../src/conversation.js";

const ID = "0123456789abcdef0123456789abcdef";
const OTHER = "fedcba9876543210fedcba9876543210";
const TOKEN = `1700000000.${"A".repeat(43)}`;

/** Stands in for a socket.io socket: records what is emitted, lets the test fire events and acks. */
class FakeSocket {
  constructor() { this.handlers = {}; this.emitted = []; this.connected = false; }
  on(event, handler) { this.handlers[event] = handler; }
  fire(event, data) {
    this.connected = event === "connect" ? true : event === "disconnect" ? false : this.connected;
    this.handlers[event]?.(data);
  }
  emit(event, data, ack) { this.emitted.push({ event, data, ack }); }
  timeout() { return this; }
  last(event) { return this.emitted.filter((e) => e.event === event).at(-1); }
}

function setup(conversation = new Conversation(null)) {
  const socket = new FakeSocket();
  const log = { statuses: [], deliveries: [], bot: [], restarted: 0 };
  const connection = new Connection({
    serverUrl: "http://127.0.0.1:5005", conversation, connect: () => socket,
    onStatus: (s) => log.statuses.push(s), onBotMessage: (e) => log.bot.push(e),
    onDelivery: (id, ok) => log.deliveries.push([id, ok]), onSessionRestarted: () => { log.restarted += 1; },
  });
  connection.start();
  return { socket, log, connection, conversation };
}

test("a stored session is asked for with its token on every connection", () => {
  const conversation = new Conversation(null);
  conversation.setSession(ID, TOKEN);
  const { socket } = setup(conversation);
  socket.fire("connect");
  assert.deepEqual(socket.last("session_request").data, { session_id: ID, session_token: TOKEN });
});

test("a message typed before the session is confirmed waits, then goes out", () => {
  const { socket, connection, conversation, log } = setup();
  socket.fire("connect");
  assert.deepEqual(socket.last("session_request").data, {});
  const message = conversation.addUser("Risks", "/ask_risks");
  connection.send(message);
  assert.equal(socket.last("user_uttered"), undefined);
  socket.fire("session_confirm", { session_id: ID, session_token: TOKEN, resumed: false });
  const sent = socket.last("user_uttered");
  assert.deepEqual(sent.data, { message: "/ask_risks", session_id: ID });
  sent.ack(null, { ok: true });
  assert.equal(conversation.find(message.id).status, "sent");
  assert.deepEqual(log.deliveries, [[message.id, true]]);
  assert.deepEqual(log.statuses, ["connecting", "online"]);
});

test("a refused or unanswered message is marked failed with its reason", () => {
  const { socket, connection, conversation } = setup();
  socket.fire("connect");
  socket.fire("session_confirm", { session_id: ID, session_token: TOKEN });
  const long = conversation.addUser("x");
  connection.send(long);
  socket.last("user_uttered").ack(null, { ok: false, error: "too_long" });
  assert.equal(conversation.find(long.id).error, "too_long");
  const lost = conversation.addUser("y");
  connection.send(lost);
  socket.last("user_uttered").ack(new Error("operation has timed out"));
  assert.deepEqual([conversation.find(lost.id).status, conversation.find(lost.id).error], ["failed", "timeout"]);
});

test("a connection lost mid-send fails the message (retry offered), later ones wait for the reconnection", () => {
  const { socket, connection, conversation, log } = setup();
  socket.fire("connect");
  socket.fire("session_confirm", { session_id: ID, session_token: TOKEN });
  const inFlight = conversation.addUser("first");
  connection.send(inFlight);
  socket.fire("disconnect");
  assert.equal(conversation.find(inFlight.id).status, "failed");
  assert.equal(log.statuses.at(-1), "offline");
  const offline = conversation.addUser("second");
  connection.send(offline);
  assert.equal(socket.emitted.filter((e) => e.event === "user_uttered").length, 1);
  socket.fire("connect");
  assert.deepEqual(socket.last("session_request").data, { session_id: ID, session_token: TOKEN });
  socket.fire("session_confirm", { session_id: ID, session_token: TOKEN, resumed: true });
  assert.equal(socket.last("user_uttered").data.message, "second");
  assert.equal(log.restarted, 0);
});

test("a session the server would not resume is reported", () => {
  const conversation = new Conversation(null);
  conversation.setSession(ID, TOKEN);
  conversation.addBot({ text: "earlier answer" });
  const { socket, log } = setup(conversation);
  socket.fire("connect");
  socket.fire("session_confirm", { session_id: OTHER, session_token: TOKEN, resumed: false });
  assert.equal(log.restarted, 1);
  assert.equal(conversation.session.id, OTHER);
});

test("malformed server events are ignored", () => {
  const { socket, log, connection } = setup();
  socket.fire("connect");
  socket.fire("session_confirm", "not an object");
  assert.equal(connection.ready, false);
  socket.fire("bot_uttered", "text only");
  assert.deepEqual(log.bot, []);
});
