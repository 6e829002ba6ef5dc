import assert from "node:assert/strict";
import { test } from "node:test";
import { Conversation, MAX_MESSAGES, STORAGE_KEY, botMessage } from "../src/conversation.js";

class MemoryStorage {
  constructor() { this.data = new Map(); }
  getItem(key) { return this.data.has(key) ? this.data.get(key) : null; }
  setItem(key, value) { this.data.set(key, String(value)); }
}

const ID = "0123456789abcdef0123456789abcdef";
const TOKEN = `1700000000.${"A".repeat(43)}`;

test("a conversation survives a reload in the same storage", () => {
  const storage = new MemoryStorage();
  const first = new Conversation(storage);
  first.setSession(ID, TOKEN);
  first.addUser("how long is recovery?");
  first.addBot({ text: "About six months.", custom: { sources: ["Recovery takes about six months."] } });
  first.setOpen(true);
  const again = new Conversation(storage);
  assert.deepEqual(again.session, { id: ID, token: TOKEN });
  assert.equal(again.messages.length, 2);
  assert.deepEqual(again.messages[1].sources, ["Recovery takes about six months."]);
  assert.equal(again.open, true);
});

test("damaged or tampered storage starts clean", () => {
  for (const stored of ["{not json", "[]", JSON.stringify({ session: { id: "../../x", token: "t" }, messages: "x" }),
    JSON.stringify({ messages: [{ id: 1, from: "bot" }, { id: "a", from: "admin", text: "x" }] })]) {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, stored);
    const conversation = new Conversation(storage);
    assert.equal(conversation.session, null);
    assert.deepEqual(conversation.messages, []);
  }
});

test("a message restored as pending is still to be sent; unknown states count as failed", () => {
  const storage = new MemoryStorage();
  storage.setItem(STORAGE_KEY, JSON.stringify({ messages: [
    { id: "1", from: "user", text: "a", status: "pending" }, { id: "2", from: "user", text: "b", status: "weird" }] }));
  const conversation = new Conversation(storage);
  assert.deepEqual(conversation.pending().map((m) => m.text), ["a"]);
  assert.equal(conversation.find("2").status, "failed");
});

test("quick replies belong to the last bot message only", () => {
  const conversation = new Conversation(null);
  conversation.addBot({ text: "Did you mean", buttons: [{ title: "Risks", payload: "/ask_risks" }, { title: "" }] });
  assert.deepEqual(conversation.messages[0].buttons, [{ title: "Risks", payload: "/ask_risks" }]);
  conversation.addUser("Risks", "/ask_risks");
  assert.deepEqual(conversation.messages[0].buttons, []);
});

test("bot events are read defensively", () => {
  assert.deepEqual(botMessage({ text: 5, buttons: "x", custom: { sources: [1, "a"] } }, "i"),
    { id: "i", from: "bot", text: "", buttons: [], sources: ["a"], staff: false });
  assert.equal(new Conversation(null).addBot({}), null);
  assert.equal(botMessage({ text: "Hi", custom: { staff: true } }, "s").staff, true);
  assert.equal(botMessage({ text: "Hi", custom: { staff: "yes" } }, "s").staff, false);
});

test("the transcript is capped", () => {
  const conversation = new Conversation(new MemoryStorage());
  for (let i = 0; i < MAX_MESSAGES + 20; i += 1) conversation.addBot({ text: `m${i}` });
  assert.equal(conversation.messages.length, MAX_MESSAGES);
  assert.equal(conversation.messages.at(-1).text, `m${MAX_MESSAGES + 19}`);
});

test("new conversation forgets the session and the messages", () => {
  const storage = new MemoryStorage();
  const conversation = new Conversation(storage);
  conversation.setSession(ID, TOKEN);
  conversation.addUser("hi");
  conversation.reset();
  assert.equal(new Conversation(storage).session, null);
  assert.deepEqual(new Conversation(storage).messages, []);
});
