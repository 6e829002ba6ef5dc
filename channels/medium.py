"""Fitting the assistant's replies to a text-messaging medium, and reading a patient's choice.

Pure Python (no Rasa, no network), shared by the Telegram, SMS and WhatsApp channels:

- A bot turn (one or more messages, some with buttons) becomes as few texts as the medium's
  length limit allows, in order, so urgent advice stays first even on SMS, where separate texts
  can arrive out of order.
- Buttons become numbered lines ("2. Risks") in the same text, never raw ``/intent{...}``
  payloads; the numbers belong to the turn's last message with buttons, which is what a patient
  replying "2" means.
- Longer texts are split at paragraph, line, then sentence boundaries; a word is never cut
  unless a single word is longer than the limit.
- A reply ("2", "option 2", or an option's own words) is mapped back to a payload the bot
  actually offered, and to nothing else.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
NUMBER_CHOICE = re.compile(r"^\s*(?:(?:option|number|no\.?|nr\.?)\s*|#)?(\d{1,3})\s*[.)]?\s*$", re.IGNORECASE)
MARKDOWN_LINK = re.compile(r"\[([^\]\n]{1,200})\]\((https?://[^)\s]{1,500})\)")
MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)([^\n]{1,500}?)(?<=\S)\1")
HTML_TAG = re.compile(r"</?(?:b|i|u|em|strong|code|br|p)\s*/?>", re.IGNORECASE)
STOP_WORDS = frozenset({"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "optout", "revoke"})
START_WORDS = frozenset({"start", "unstop"})
HELP_WORDS = frozenset({"help", "info"})
MAX_WORDS_IN_A_CHOICE = 6
MIN_CHARS_IN_A_WORD = 4
# Words that say nothing about which option is meant ("and", "the one with"): a reply made only
# of these and of short words never chooses an option by its title.
FUNCTION_WORDS = frozenset("""about also both does each from have into just like more most much only other
please some than that their them then there these they this those what when which with your yours okay
thanks thank tell""".split())


@dataclass(frozen=True)
class Option:
    """A button as the bot offered it: what the patient reads and what Rasa receives."""

    title: str
    payload: str


@dataclass(frozen=True)
class BotMessage:
    """One message of a bot turn, as Rasa hands it to an output channel."""

    text: str
    options: tuple[Option, ...] = ()


@dataclass
class Chunk:
    """One text to send. ``options`` are set on the text that shows the numbered choices, so a
    channel with real buttons (Telegram) can attach them there."""

    text: str
    options: list[Option] = field(default_factory=list)


def options_of(buttons: Iterable[dict] | None) -> tuple[Option, ...]:
    """Rasa's button dicts as options; buttons without a title or payload are dropped."""
    options = []
    for button in buttons or []:
        title, payload = str(button.get("title") or "").strip(), str(button.get("payload") or "").strip()
        if title and payload:
            options.append(Option(title, payload))
    return tuple(options)


def plain_text(text: str) -> str:
    """Text without markup that SMS, WhatsApp and Telegram (sent without parse mode) would show
    as raw characters: Markdown emphasis and links, a few HTML tags."""
    text = MARKDOWN_LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    text = MARKDOWN_EMPHASIS.sub(lambda m: m.group(2), text)
    text = HTML_TAG.sub("", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def numbered_lines(options: Sequence[Option]) -> str:
    return "\n".join(f"{n}. {option.title}" for n, option in enumerate(options, start=1))


def with_options(text: str, options: Sequence[Option], numbered: bool) -> str:
    """The message text followed by its options, unless the text already lists them in the same
    numbered order (the assistant's own lists of procedures do)."""
    if not options:
        return text
    if numbered and all(f"{n}. {o.title}" in text for n, o in enumerate(options, start=1)):
        return text
    lines = numbered_lines(options) if numbered else "\n".join(f"• {o.title}" for o in options)
    return f"{text}\n{lines}" if text else lines


SPLITTERS = (
    ("\n\n", lambda t: t.split("\n\n")),
    ("\n", lambda t: t.split("\n")),
    (" ", SENTENCE_END.split),
    (" ", str.split),
)


def split_text(text: str, limit: int, level: int = 0) -> list[str]:
    """``text`` as texts of at most ``limit`` characters, cut at paragraph, line, sentence or word
    boundaries (the coarsest that works), each text filled as far as it goes. Linear in the
    length of the text for a fixed number of levels."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    if level == len(SPLITTERS):
        return [text[i:i + limit] for i in range(0, len(text), limit)]
    joiner, splitter = SPLITTERS[level]
    parts = [part.strip() for part in splitter(text) if part.strip()]
    if len(parts) <= 1:
        return split_text(text, limit, level + 1)
    texts: list[str] = []
    for part in parts:
        for piece in split_text(part, limit, level + 1):
            if texts and len(texts[-1]) + len(joiner) + len(piece) <= limit:
                texts[-1] += joiner + piece
            else:
                texts.append(piece)
    return texts


def compose_turn(messages: Sequence[BotMessage], limit: int) -> list[Chunk]:
    """A bot turn as texts under ``limit``: messages in order, packed together while they fit
    (separated by a blank line), a message too long on its own split at sentence boundaries.
    Only the turn's last message with options numbers them; earlier ones list them as bullets."""
    last_with_options = max((i for i, m in enumerate(messages) if m.options), default=-1)
    chunks: list[Chunk] = []
    for index, message in enumerate(messages):
        numbered = index == last_with_options
        text = with_options(plain_text(message.text), message.options, numbered)
        pieces = split_text(text, limit)
        for n, piece in enumerate(pieces):
            options = list(message.options) if numbered and n == len(pieces) - 1 else []
            if chunks and len(chunks[-1].text) + 2 + len(piece) <= limit:
                chunks[-1].text += "\n\n" + piece
                chunks[-1].options = options or chunks[-1].options
            else:
                chunks.append(Chunk(piece, options))
    return chunks


def numbered_options(turn: Sequence[BotMessage]) -> tuple[Option, ...]:
    """The options a reply of "2" chooses from: those of the turn's last message with options."""
    for message in reversed(turn):
        if message.options:
            return message.options
    return ()


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def choose_option(reply: str, turn: Sequence[BotMessage]) -> str | None:
    """The payload a patient's reply chooses among the options of the bot's last turn, or None.

    "2", "2.", "#2", "option 2" pick the second numbered option; otherwise the reply must be an
    option's title, or a short part of exactly one option's title with a word of substance in it
    ("nerve transfer", not "and").
    """
    if len(reply) > 200:
        return None
    numbered = numbered_options(turn)
    match = NUMBER_CHOICE.match(reply)
    if match:
        number = int(match.group(1))
        return numbered[number - 1].payload if 1 <= number <= len(numbered) else None
    words = _words(reply)
    offered = [o for m in turn for o in m.options]
    if not words or not offered:
        return None
    exact = {o.payload for o in offered if _words(o.title) == words}
    if len(exact) == 1:
        return exact.pop()
    content_words = [w for w in words.split() if len(w) >= MIN_CHARS_IN_A_WORD and w not in FUNCTION_WORDS]
    if not content_words or len(words.split()) > MAX_WORDS_IN_A_CHOICE:
        return None
    partial = {o.payload for o in offered if f" {words} " in f" {_words(o.title)} "}
    return partial.pop() if len(partial) == 1 else None


def option_token(payload: str) -> str:
    """A short, fixed-length stand-in for a payload (Telegram's ``callback_data`` holds at most
    64 bytes; payloads with entities are longer). 24 hex characters of its SHA-256."""
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


def payload_for_token(token: str, offered: Iterable[Option]) -> str | None:
    """The offered payload ``token`` stands for; None for a token the bot never offered."""
    for option in offered:
        if option_token(option.payload) == token:
            return option.payload
    return None


def sms_keyword(text: str) -> str | None:
    """"stop", "start" or "help" when the whole text is one of the carriers' keywords."""
    word = text.strip().strip(".!").lower()
    if word in STOP_WORDS:
        return "stop"
    if word in START_WORDS:
        return "start"
    return "help" if word in HELP_WORDS else None
