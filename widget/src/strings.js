/**
 * Every word the widget itself shows (the assistant's own words come from the server). One table
 * per language; a missing language or key falls back to English. `{name}` placeholders are
 * filled with plain text.
 */

const EN = {
  launcher: "Questions? Chat with us",
  title: "Clinic assistant",
  dialogLabel: "Chat with {clinic}'s assistant",
  close: "Close the chat",
  newConversation: "New conversation",
  emergency: "Emergency? Call {number} now.",
  intro: "I'm an automated assistant. I answer general questions about facial palsy and facial reanimation surgery from the clinic's own website. I can't give personal medical advice.",
  inputLabel: "Your question",
  placeholder: "Type your question…",
  send: "Send",
  logLabel: "Conversation",
  you: "You",
  assistant: "Assistant",
  staff: "Front desk (a person)",
  suggestions: "Suggested replies",
  sources: "From the clinic's page",
  typing: "The assistant is typing…",
  frontDesk: "Talk to the front desk",
  callbackRequest: "I'd like the front desk to call me back",
  frontDeskCall: "Call the front desk: ",
  frontDeskNoPhone: "Please call the clinic's front desk.",
  connecting: "Connecting…",
  offline: "Connection lost. Reconnecting… Messages you send now will go out when it is back.",
  online: "Connected again.",
  pending: "Waiting to send",
  failed: "Not sent.",
  retry: "Retry",
  remove: "Remove",
  slow: "The assistant is taking longer than usual. You can wait or try again.",
  restarted: "The earlier conversation could not be resumed, so a new one has started.",
  tooLongInput: "Your message has {count} characters; please shorten it to {max} or fewer.",
  "error.too_long": "Not sent: this message is too long (at most {max} characters).",
  "error.empty": "Not sent: the message is empty.",
  "error.too_fast": "Not sent: too many messages in a short time. Please wait a moment, then retry.",
  "error.timeout": "Not sent: no answer from the server.",
  "error.other": "Not sent: the server refused it.",
};

const TABLES = { en: EN };

export function strings(language) {
  const table = TABLES[language] ?? {};
  return (key, values = {}) => {
    const template = table[key] ?? EN[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  };
}
