"""Whose time a "how long" question asks about: the operation's, the patient's time out of action, or the
time before the operation works.

The classifier learnt "how long" from questions about the operation's length ("how long does the
surgery take?") and reads most "how long" questions so. "How long must I close the cafe?", "how long
would he need to take it easy?" or "how long am I gonna be laid up?" ask how long a person is out of
their everyday life: the page's time off work, not its surgery time. A question whose person is in
the operation ("how long will I be under?", "how long is he in theatre for?") stays the operation's, and
so does one that names nothing the person is kept from: without "off", "work", "home", "easy"... a
person's "how long" was measured to be as often the operation's (session 50).
"""

from __future__ import annotations

import re

_RELATIVES = ("dad|mum|mom|mam|mother|father|son|daughter|husband|wife|partner|child|kid|boy|girl|grandad|"
              "granddad|grandpa|grandma|gran|nan|nana|brother|sister|friend|boyfriend|girlfriend|fiance|fiancee")
# "how long" with a person as the subject of what follows, within two words ("how long must I...",
# "how long I must...", "how long would my dad have to..."); not "they", mostly the surgeons ("how long will
# they be working on him?")
_HOW_LONG_OF_PERSON = re.compile(
    r"\bhow long(?: \w+){0,2}? (?:i|im|ill|id|he|hes|hell|she|shes|shell|we|were|well|"
    rf"(?:my|our|his|her) (?:{_RELATIVES}))\b(?P<rest>[^.?!;]*)")
# What a person is kept from, or kept to, while out of action: work, a shop to close, the house, taking it easy
_OUT_OF_ACTION = re.compile(
    r"\b(?:off|work|working|job|shift|close|shut|easy|laid|rest|resting|home|house|indoors|stuck|back|school|college|"
    r"uni|drive|driving|gym|sport|business|shop|store|office|away|miss|leave|cover)\b")
# What puts the person in the operation itself (its name, the theatre, the table, the anaesthetic), in
# hospital, or in the healing ("how long will I be swollen?"): another time the page gives, not time off
_ANOTHER_TIME = re.compile(
    r"\b(?:surgery|surgeries|operation|operations|op|ops|procedure|procedures|theatre|theater|table|under|"
    r"operating|asleep|anaesthetic|anesthetic|anaesthesia|anesthesia|sedated|knocked out|hours?|minutes?|hospital|ward|"
    r"overnight|nights?|recover|recovered|recovering|heal|healed|healing|swollen|swelling|bruised|numb|sleep|"
    # "how long will I be out?", "how long is he in for?": under the anaesthetic, in theatre or on the ward
    r"(?:out|in)(?: for)?\s*$)\b")


def asks_time_out_of_action(text: str) -> bool:
    """Whether ``text`` asks how long a person is out of action rather than how long the operation lasts."""
    lowered = _plain(text)
    if len(re.findall(r"\bhow long\b", lowered)) > 1:
        return False  # "how long is the operation and how long would I be off?": each question is its own
    found = _HOW_LONG_OF_PERSON.search(lowered)
    return (found is not None and _OUT_OF_ACTION.search(found.group("rest")) is not None
            and not _ANOTHER_TIME.search(found.group("rest")))


def as_time_off_question(text: str) -> str:
    """``text`` with its "how long" said as the time off it asks about, for the fact ranking: "how long"
    and "take" are the surgery time's words, and "how long would he need to take it easy?" matched it."""
    return _how_long_said_as("how much time off", text)


# "How long does it take to work?", "how long till the graft kicks in": the time before it works, which the
# classifier reads as the operation's length or, for the word "work", as the time off work
_TIME_TO_WORK = re.compile(
    r"\bhow long\b[^.?!;]{0,40}?\b(?:(?:take|takes|taking|took) to (?:start )?(?:work|working)\b|"
    r"(?:till|til|until|before|for) (?:it|they|this|that|the \w+|my \w+) (?:starts? |begins? )?"
    r"(?:work|works|working|kicks? in|takes? effect)\b|to (?:kick in|take effect)\b)")


def asks_time_to_work(text: str) -> bool:
    """Whether ``text`` asks how long before an operation or treatment works (not the operation's length)."""
    return _TIME_TO_WORK.search(_plain(text)) is not None


def as_time_to_work_question(text: str) -> str:
    """``text`` with its "how long" said as "how soon", for the fact ranking: "how long" and "take" are the
    surgery time's words."""
    return _how_long_said_as("how soon", text)


def _plain(text: str) -> str:
    """Lower case without apostrophes ("I'm" is "im"), as the patterns above are written."""
    return re.sub(r"['’]", "", text.lower())


def _how_long_said_as(words: str, text: str) -> str:
    return re.sub(r"\bhow long\b", words, text, count=1, flags=re.IGNORECASE)
