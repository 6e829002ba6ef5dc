"""Follow-ups that lean on the conversation: a short question about the patient's own case, read
with the case they just described, and the same question again for another procedure.

"My nerve was said to be dead two years ago." then "what is possible for me?": the second message
has no words of its own that say which facts apply; the first one does. The classifier reads the
follow-up alone and files it under a broad topic, whose overview would ignore what the patient
said. So such a follow-up is answered from the two messages together (the ranking and the choice
between overview and facts), while the classifier's topic stays the prior.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.constants import PERSONAL_TOPICS, TOPIC_SLOT
from actions.fact_checks import option_for_case
from actions.fact_ranker import (
    CONTEXT_TOPIC_WEIGHT,
    HUB_TOPICS,
    MAX_FACTS,
    FactAnswer,
    FactRanker,
    sure_of_general_fact,
)
from actions.fact_selection import blank_names
from actions.named_procedures import mentioned_procedures
from actions.turn import (
    intent_confidences,
    latest_intent,
    latest_text,
    previous_text,
    time_to_work_asked,
)
from clinic.asked_for import asks_what_helps
from clinic.fact_ranking import SUBJECT_WORDS
from clinic.queries import Answer, CatalogueFact, KnowledgeBase, TopicView
from clinic.question_parts import (
    is_follow_up,
    looks_like_question,
    only_asks,
    points_back,
    question_focus,
    story_before_question,
)

# The patient, or the person they write for: "for me", "my options", "someone like him".
_ABOUT_THEM = re.compile(r"\b(?:me|my|mine|i|im|i'm|him|his|her|us|our|ours|them|their)\b", re.IGNORECASE)
MAX_FOLLOW_UP_WORDS = 12   # longer messages say enough themselves
MIN_SITUATION_WORDS = 8    # "I see." describes no case


def situation_for(tracker: Tracker) -> str | None:
    """The patient's previous message, when the latest one is a short question about their own case
    that names no procedure ("so what are my options then?") and the previous one described it."""
    text = latest_text(tracker)
    if len(text.split()) > MAX_FOLLOW_UP_WORDS or not _ABOUT_THEM.search(text) or mentioned_procedures(tracker):
        return None
    # "And realistically, how long until I'm fully recovered?" after a story and a question on the stay, read with the
    # story, matched the kinds of surgery and the stay again
    if sure_of_general_fact(intent_confidences(tracker)):
        return None
    situation = previous_text(tracker)
    if len(situation.split()) < MIN_SITUATION_WORDS or not _ABOUT_THEM.search(situation) or only_asks(situation):
        return None
    return situation


def with_situation(tracker: Tracker, text: str) -> str:
    """``text``, preceded by the situation it asks about when it is such a follow-up."""
    situation = situation_for(tracker)
    return f"{situation} . {text}" if situation else text


def leans_on_discussed(tracker: Tracker, kb: KnowledgeBase, text: str) -> TopicView | None:
    """The topic just discussed, when ``text`` is a short question pointing back at it ("why are
    they needed?" after the tests, "would that let me smile again?" after static restoration) that
    names no topic and no procedure, and the classifier is less sure of another topic than the
    ranking's weight for the topic discussed (CONTEXT_TOPIC_WEIGHT; "if that happens, how would it
    be treated?" after the synkinesis risk is filed under synkinesis more surely, and asks it): it
    has only the pronoun's sentence to go on and files it under whichever broad topic such words
    resemble (the surgery options, personal advice), whose overview or frame ignores what "they" or
    "that" is. None otherwise."""
    discussed = kb.topic(str(tracker.get_slot(TOPIC_SLOT) or ""))
    if discussed is None or len(text.split()) > MAX_FOLLOW_UP_WORDS or not points_back(text):
        return None
    if mentioned_procedures(tracker) or any(FactRanker.names_topic(t, text) for t in kb.topics()):
        return None
    if time_to_work_asked(tracker):  # "how long till it works?": its own words say which time it asks about
        return None
    filed = kb.topic_for_intent(latest_intent(tracker))
    if filed is None or filed.id == discussed.id:
        return None
    return discussed if intent_confidences(tracker).get(filed.intent, 0.0) < CONTEXT_TOPIC_WEIGHT else None


# "would that...", "can it...", "does this...": the question's subject is what was just discussed.
# "Is there a chance it won't move?", "what's the risk it fails?": after a risk word the pronoun before its verb is the
# subject as well.
_PRONOUN_SUBJECT = re.compile(r"\b(?:would|will|can|could|does|do|did|is|might|may)\s+(?:it|that|this)\b|"
                              r"\b(?:chance|risk|possible|likely)\s+(?:that\s+)?(?:it|this)\s+"
                              r"(?:won'?t|will not|doesn'?t|does not|might not|may not|could not|can'?t|fails?|"
                              r"would not|wouldn'?t)\b"
                              # "so it won't get me smiling again?", "right, so that type wouldn't bring any back?"
                              r"|^\W*(?:(?:so|and|but|ok|okay|right|oh)\W+){0,2}(?:it|that|this)(?:\s+(?:type|kind|one))?\s+"
                              r"(?:won'?t|wouldn'?t|doesn'?t|can'?t|cannot|isn'?t|will|would|does|can|could|is)\b",
                              re.IGNORECASE)
# Words that describe a procedure rather than what it does ("is that the same for the surgery where...").
_KIND_WORDS = re.compile(r"\b(?:surgery|surgeries|operation|op|procedure|treatment|one|kind|type|technique)s?\b",
                         re.IGNORECASE)


# "that type", "this one": the kind discussed, pointed at, not a procedure described
_POINTED_KIND = re.compile(r"\b(?:that|this|the same)\s+(?:type|kind|one)\b", re.IGNORECASE)


def asks_of_discussed(text: str) -> bool:
    """Whether ``text`` asks what the procedure discussed does ("would that let me smile again?"
    after static restoration) rather than describing another one ("is that the same for the surgery
    where they cut nerves?"): its subject is a pronoun and it names no kind of procedure. Its words
    then say what is asked of that procedure (smiling), not which procedure it is."""
    return bool(_PRONOUN_SUBJECT.search(text)) and not _KIND_WORDS.search(_POINTED_KIND.sub(" ", text))


def same_question_about(ranker: FactRanker, text: str, positions: dict[str, list[tuple[int, int]]],
                        context_topic: str | None, of_siblings: bool = False) -> bool:
    """Whether ``text`` asks the question just answered again, for the procedure it names and
    nothing else ("and for the muscle one?", "same for muscle transfers?", "what about with the leg
    muscle?" after the time off work): the topic discussed is then the question, whatever the
    classifier (which sees little more than a procedure's name) made of it. A description of each
    procedure (the hub topic) mostly needs no such help; but "and the dynamic kind?" right after
    static restoration was described (``of_siblings``: it names only procedures of the same list or
    category as the one described, ``KnowledgeBase.siblings``) is filed under the list its word
    heads, whose overview is not what was asked: it asks for that one's description too."""
    if not context_topic or (context_topic in HUB_TOPICS and not of_siblings):
        return False
    # after a description, "kind" or "one" says which, not what; "if they went for ... instead" says which too
    rest = _CHOSEN_INSTEAD.sub(" ", blank_names(text, positions) if positions else text)
    # a procedure's name alone ("Muscle transplant?") right after an answer is that question again, for it
    if not is_follow_up(text) and not (positions and not _OTHER_WORD.search(rest)):
        return False
    if not positions:
        return same_question_described(ranker, text)
    return not ranker.asks_something(_KIND_WORDS.sub(" ", rest) if of_siblings else rest)


# The other choice, which asks nothing itself: "what about if they went for the muscle transplant instead?"
_CHOSEN_INSTEAD = re.compile(r"\b(?:instead|rather|if (?:they|we|he|she|i|you) (?:went|go|going|opted|opt|chose|choose|"
                             r"picked|pick|did|do|had|have) (?:for|with)?)\b", re.IGNORECASE)
# Any word but an article: what is left of "the muscle transplant?" once its name is taken out.
_OTHER_WORD = re.compile(r"\b(?!(?:the|a|an)\b)\w+", re.IGNORECASE)
# "what about ...", "and how about ...": the question just answered, for what follows.
_WHAT_ABOUT = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)\W+)?(?:what|how) about\b", re.IGNORECASE)


def same_question_described(ranker: FactRanker, text: str) -> bool:
    """"What about when they move a muscle in from the thigh?" after the risks of a nerve transfer:
    "what about" asks the same question again, for a procedure described rather than named (its
    words single out one procedure's fact, ``FactRanker.described``) and no topic named; the
    description is not the question, so the procedure's own description is not the answer."""
    if not _WHAT_ABOUT.match(text) or len(text.split()) > MAX_FOLLOW_UP_WORDS:
        return False
    return ranker.described(text) is not None and not any(ranker.names_topic(t, text) for t in ranker.topics.values())


# Someone describing a case: the writer ("I", "my") or a person they write for.
_SOMEONE = re.compile(r"\b(?:i|im|i'm|ive|i've|my|me|he|she|his|her|son|daughter|mum|mom|mother|dad|father|"
                      r"husband|wife|partner|child|baby|brother|sister|grandmother|grandfather)\b", re.IGNORECASE)
_ANIMAL = re.compile(r"\b(?:dog|dogs|cat|cats|puppy|kitten|horse|pony|rabbit|pet|pets)\b", re.IGNORECASE)
MIN_SITUATION_STATEMENT_WORDS = 6
WEIGHED_TOPIC = "candidacy"  # its facts: the page's line on who can have surgery, and what is weighed
# Words that put a statement in the clinic's field, beside its subject words (face, palsy...).
PALSY_WORDS = frozenset("nerve nerves smile smiling eyelid eyebrow brow cheek mouth synkinesis droop droopy drooping "
                        "lopsided crooked paralysed paralyzed twitch twitching blink blinking".split())


def describes_situation(ranker: FactRanker, text: str) -> bool:
    """A statement, not a question, about the writer's (or a relative's) own palsy: "My surgeon
    removed a tumour and cut my facial nerve three years ago." It is not out of scope and needs no
    "did you mean": the page's facts its words point at are what the patient can use next."""
    if "?" in text or looks_like_question(text) or len(text.split()) < MIN_SITUATION_STATEMENT_WORDS:
        return False
    if not _SOMEONE.search(text) or _ANIMAL.search(text):
        return False
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & (SUBJECT_WORDS | PALSY_WORDS)) and max(ranker.index.lexical_scores(text), default=0.0) > 0


def told_case(tracker: Tracker, text: str) -> str:
    """The patient's own case (or a relative's) that a broad question is asked about: the sentences
    before the question ("I've had no movement since birth. What could you offer me?"), else the
    previous message when this one is a short follow-up about it (``situation_for``); else empty."""
    story = story_before_question(text)
    if len(story.split()) >= MIN_SITUATION_STATEMENT_WORDS and _SOMEONE.search(story) and not _ANIMAL.search(story):
        return story
    return situation_for(tracker) or ""


def case_and_question(tracker: Tracker, kb: KnowledgeBase, answer: Answer, text: str,
                      named: list[str]) -> tuple[tuple[CatalogueFact, dict[str, float]] | None, str]:
    """The option the patient's own case points at (``option_for_case``), and the words that decide
    between the overview and a ranking of facts. "What is possible for me?" after the patient's case
    is read with it; but when that case points at one listed option, the question alone says whether
    the overview is asked for ("is there anything left for me?" is; the story's words are the case).
    (Tried in session 46: the question alone for every story of synkinesis followed by "anything that
    helps with this?"; it won two studied conversations and lost one blind one.)"""
    story = "" if named or text.startswith("/") else told_case(tracker, text)
    case = option_for_case(kb, answer, story, mentioned_procedures(tracker))
    if not case or not text.startswith(story):
        return case, with_situation(tracker, text)
    # "...They mentioned using a different nerve to take over. What is that?": the sentence it points back to goes along
    focus = question_focus(text)
    return case, text[min(focus[0], len(story)):] if focus else text[len(story):]


def listing_asked_for_case(tracker: Tracker, kb: KnowledgeBase, text: str) -> TopicView | None:
    """"...my mouth hangs down and my eye won't shut. What sort of things can you offer me?": after the patient's
    own case, a question asking what can be done in words naming nothing (``asks_what_helps``) asks for the list of
    options, whatever the classifier made of "what can you offer" (what the assistant can do): the listing topic
    it believes likelier (the operations, or the synkinesis treatments). None for any other message."""
    story = told_case(tracker, text)
    if not story or not text.startswith(story) or not asks_what_helps(text[len(story):]):
        return None
    confidence = intent_confidences(tracker)
    listings = [t for t in kb.topics() if t.lists]
    return max(listings, key=lambda listing: confidence.get(listing.intent, 0.0)) if listings else None


def add_case_option(kb: KnowledgeBase, tracker: Tracker, answer: FactAnswer) -> None:
    """After "only your surgeon can assess your case", the page's fact on the one listed option the
    patient's own case points at ("the nerve is gone after a tumour operation" and regional muscle
    transfers, "when nerve function cannot be restored"): what the page ties to such a situation,
    said as that (``case_option``), never as a verdict. The decision factors alone tell a patient
    who described their case nothing the page links to it. Only for the personal topics' frames,
    and only when the case points at one option clearly (``option_for_case``)."""
    framed = {*answer.frames.values(), *([answer.main_topic.id] if answer.main_topic is not None else [])}
    if not framed & PERSONAL_TOPICS:
        return
    story = told_case(tracker, latest_text(tracker))
    if story and story == situation_for(tracker):  # an earlier message: its own question is not the case
        story = story_before_question(story) or story
    for listing in (t for t in kb.topics() if t.lists):
        case = option_for_case(kb, kb.answer(listing.id), story, mentioned_procedures(tracker))
        if case is not None and case[0].fact.id not in answer.framed_ids:
            # after the frame's facts, with its note, also when the words had already ranked it
            answer.facts = [f for f in answer.facts if f != case[0]] + [case[0]]
            answer.case_id = case[0].fact.id
            return


def asked_again(kb: KnowledgeBase, ranker: FactRanker, text: str, positions: dict[str, list[tuple[int, int]]],
                context_topic: str | None, named: list[str],
                context: list[str]) -> tuple[TopicView, dict[str, float], str] | None:
    """The topic just discussed, as the classifier's only reading, when ``text`` asks the same
    question for another procedure (``same_question_about``), and the words that ask it: for a
    description, without "kind" or "one" ("and the dynamic kind?"), which say which procedure, not
    which of its facts (the list of dynamic procedures is cued by "what kinds"). None otherwise."""
    siblings = {p.id for p in kb.siblings(context[0])} if context else set()
    of_siblings = bool(named) and set(named) <= siblings
    asked = kb.topic(context_topic or "") if same_question_about(ranker, text, positions, context_topic,
                                                                 of_siblings) else None
    if asked is None:
        return None
    words = _KIND_WORDS.sub(lambda m: " " * len(m.group()), text) if of_siblings else text  # positions kept
    return asked, {asked.intent: 1.0}, words


# "Does that change anything?", "would my age matter?", "is 70 too old?", "I have diabetes, problem?":
# whether something about the patient weighs in the decision. The page answers it with what the
# surgeon weighs (the considerations), framed as the surgeon's decision, never as a verdict.
_WEIGHS_IN = re.compile(
    r"\b(?:does|do|did|would|will|could|might|can|should|doesn'?t|wouldn'?t|won'?t)\b[^.?!]{0,40}?\b(?:"
    r"matter|make (?:a|any|much of a|some|much|the) difference|change (?:anything|things|something|much|what|"
    r"the picture|my chances|his chances|her chances)|play (?:into|a part|a role)|count against|"
    r"rule (?:me|him|her|them|us) out|"
    r"affect (?:anything|things|whether|which|what|how|my chances|his chances|her chances|my options|the options|"
    r"the choice))\b"
    r"|\btoo (?:old|young|late|long)\b"
    r"|(?:^|[,.;:]|\band)\s*(?:is (?:that|this|it) )?(?:a |an |any )?(?:problem|issue)\s*\?"
    r"|\bbe (?:more |extra |any more )?(?:worried|concerned)\b", re.IGNORECASE)


_MINE = re.compile(r"\bmine'?s?\b", re.IGNORECASE)  # "mine happened after a tumour"


def asks_if_case_weighs(text: str) -> bool:
    """Whether a question asks if something about the patient (or the person they write for)
    weighs in ("I still have a bit of movement, does that change anything?"), rather than asking
    a fact: the message speaks of someone and its question has that shape."""
    return bool(_SOMEONE.search(text) or _MINE.search(text)) and any(
        _WEIGHS_IN.search(s) for s in re.split(r"(?<=[.!?])\s+", text) if s.rstrip().endswith("?"))


def add_what_is_weighed(ranker: FactRanker, answer: FactAnswer, text: str) -> None:
    """Such a question ("I still have a bit of movement, does that change anything?") answered
    with what the surgeon weighs, first and framed as the surgeon's decision: the classifier's
    topic, or the topic just discussed, otherwise gives facts that never say whether it matters,
    or says them after facts on something else. The others make room (they stay on offer)."""
    if not asks_if_case_weighs(text):
        return
    weighed = [c for c in ranker.catalogue.values() if WEIGHED_TOPIC in c.topic_ids]
    if not weighed or answer.facts[:len(weighed)] == weighed:
        return
    others = [c for c in answer.facts if c not in weighed]
    kept = others[:max(1, MAX_FACTS - len(weighed))]
    answer.more = answer.more or len(kept) < len(others)
    answer.facts = weighed + kept
    main = answer.main_topic
    if main is None or main.id != WEIGHED_TOPIC or answer.topic is None or answer.topic.id != main.id:
        answer.frames[weighed[0].fact.id] = WEIGHED_TOPIC  # else the answer's own intro frames it
    answer.framed_ids = answer.framed_ids | {c.fact.id for c in weighed}
