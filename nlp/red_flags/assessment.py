"""The final say on a message's red flags: the rules' findings, with the models' second opinions.

The rules (``engine``) decide every urgent kind. They also report weaker cues that are not urgent
by themselves: ``self_harm_cue`` (a means, a farewell, a death word, future absence; never distress
alone) and one ``<kind>_cue`` per physical kind (``stroke_cue``: one stroke sign without the second;
``eye_emergency_cue``: an eye symptom without the combination the rule needs; ...). A cue becomes an
urgent flag of its kind only when a model reading the whole message agrees: the risk model
(``risk_model``) for self-harm, the physical model (``physical_model``) for the others. So no
classifier alone can start an urgent reply (the rules must have seen a cue), no phrase list alone
has to foresee every way of writing it, and no unconfirmed cue ever leaves this module (not as a
reply, not as a check-in, not in the staff log). The broadest cue (``risk_hint``) confirmed only
moderately becomes a check-in: the question answered, with the gentle line, and logged as such.
This module imports no Rasa (the red-flag component is its bridge).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language

from nlp.red_flags.engine import RedFlag, RedFlagRules, default_rules
from nlp.red_flags.physical_model import PHYSICAL_KINDS, PhysicalUrgencyModel, load_physical_model
from nlp.red_flags.risk_model import SelfHarmRiskModel, load_model

SELF_HARM = "self_harm"
SELF_HARM_CUE = "self_harm_cue"
CUE_SUFFIX = "_cue"
CHECKIN = "checkin"
# The writer saying they are safe ("I'm not in any danger, just down", "no plans to hurt myself"): the broadest cues
# alone beside it (low mood, a hint in general words) are never raised above a check-in, however sure the risk model
# (dev44, session 37: two such check-ins had been taken over; dev48, session 39: one more, with "my life" as its hint).
STATED_SAFE_CUE = "stated_safe_cue"
MODEL_CONCEPT = "risk_model"  # named in the flag's concepts (and so in the logs) when the model spoke
PHYSICAL_MODEL_CONCEPT = "physical_model"
# The broadest self-harm cues alone need the model surer for a takeover: at 0.85 its 5-fold
# cross-validated false-alarm rate on its own look-alikes is 0.4 % (2.7 % at the usual 0.7). Between
# the two, the message is answered with the gentle check-in line instead of being taken over. Low
# mood (``distress``) is one of them: on every check-in, ordinary and in-scope message of the held-out
# sets, none reached 0.85 (session 7), while some risk messages without any other cue did.
WEAKEST_CUES = frozenset({"risk_hint", "distress"})
HINT_THRESHOLD = 0.85
# A long message dilutes what one sentence of it says ("...I took thirty tablets an hour ago. Do I
# stop ibuprofen before surgery?"): the model also reads each sentence a cue was found in, alone,
# and such a reading counts when it is sure (HINT_THRESHOLD). Only for the cues whose words are rare in
# ordinary talk (a means, an act, a farewell, future absence, a passive wish, a last message): low
# mood, death words, self-harm named as a topic and "I'm done" read as risk out of their context
# ("I'm petrified she won't wake up."). Measured in session 7 (README, "Red flags").
NO_SENTENCE_READING = frozenset({"distress", "death_cue", "self_harm_word", "farewell_weak"})
# Three different cues in one sentence (a means, an act and a hint of not being there: "not sure I'll be around to
# see it: I've been saving my sleeping tablets") are read alone with the whole message's bar (the model's threshold),
# not the surer one a sentence of fewer needs. Two are not enough: "I took the second tablet an hour ago" is a means
# and an act in the same words, and a first version gave three allergic reactions the crisis line (dev50, dev54, dev60).
CUES_IN_ONE_SENTENCE = 3
# The same dilution hides a physical emergency told in passing ("...is yoghurt ok? The swelling in my cheek has doubled
# since this morning. And when can I drive?"): the physical model also reads each sentence a physical cue was found
# in, alone, and such a reading counts when it is this sure and is the cue's own kind (session 14, README "Red flags").
SENTENCE_PHYSICAL_THRESHOLD = 0.8
# How a palsy began is the story nearly every patient tells ("...then two days later half my face stopped working.
# It's been nine months"): one sentence of it read alone is no answer against a whole read surely (session 47)
WHOLE_DECIDES = frozenset({"new_palsy"})
Spans = Sequence[tuple[int, int]]


def is_cue(kind: str) -> bool:
    """Cue kinds are never a result: only their model-confirmed kind is."""
    return kind.endswith(CUE_SUFFIX)


def _cue_sentences(cues: list[RedFlag], sentences: Spans,
                   skipped: frozenset[str] = frozenset()) -> dict[tuple[int, int], set[str]]:
    """Where the sentences of a message of several are that hold one of ``cues``' concepts (but those
    ``skipped``), in order, each with the concepts it holds: what a model reads alone where the whole message
    dilutes them."""
    held: dict[int, set[str]] = {}
    for flag in cues:
        for concept, n in flag.where:
            if concept not in skipped and len(sentences) > 1 and n < len(sentences):
                held.setdefault(n, set()).add(concept)
    return {sentences[n]: held[n] for n in sorted(held)}


def _is_question(text: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start:end`` of ``text`` ends with a question mark (spans leave their mark out)."""
    return text[start:end].rstrip().endswith("?") or text[end:end + 3].lstrip().startswith("?")


def _physical_reading(cues: list[RedFlag], text: str, physical: PhysicalUrgencyModel, sentences: Spans) -> str | None:
    """The kind the model confirms: its reading of the whole message, or else of a sentence a cue was
    found in, read alone, when that reading is sure (``SENTENCE_PHYSICAL_THRESHOLD``) and is that cue's kind."""
    label, probability = physical.reading(text)
    cue_kinds = {f.kind.removesuffix(CUE_SUFFIX) for f in cues}
    # a long message of ordinary questions reads as ordinary as a whole, however sure, even with a stroke told
    # in one of its sentences ("...do you take insurance? His words came out jumbled just now. Is there
    # parking?"): a sure "ordinary" of the whole is no answer for that sentence, which is read alone (session 47);
    # but not a question of that message ("could it ever affect my breathing?"), which the whole answers
    whole_sure = probability >= physical.threshold
    if whole_sure and label in cue_kinds:
        return label
    for start, end in _cue_sentences(cues, sentences):
        if whole_sure and _is_question(text, start, end):
            continue
        alone, sure = physical.reading(text[start:end])
        if whole_sure and alone in WHOLE_DECIDES:
            continue
        if alone in cue_kinds and sure >= SENTENCE_PHYSICAL_THRESHOLD:
            return alone
    return label if whole_sure else None


def _physically_confirmed(cues: list[RedFlag], text: str, physical: PhysicalUrgencyModel | None,
                          sentences: Spans = ()) -> list[RedFlag]:
    """The physical kind whose cue the model confirms: only its one likeliest kind can be confirmed,
    whatever the number of cues."""
    physical_cues = [f for f in cues if f.kind.removesuffix(CUE_SUFFIX) in PHYSICAL_KINDS]
    if physical is None or not physical_cues:
        return []
    label = _physical_reading(physical_cues, text, physical, sentences)
    return [RedFlag(label, (*f.concepts, PHYSICAL_MODEL_CONCEPT))
            for f in physical_cues if f.kind.removesuffix(CUE_SUFFIX) == label]


def _risk_probability(cues: list[RedFlag], text: str, model: SelfHarmRiskModel, sentences: Spans) -> float:
    """The model's reading of the whole message, or of a sentence holding a cue when that one is sure; or only as
    sure as a whole message must be, when the sentence holds three cues of its own (session 48: "...not sure I will
    be around to see any outcome: I have been saving my sleeping tablets..." in a letter of scheduling questions)."""
    probability = model.probability(text)
    for (start, end), cues_here in _cue_sentences(cues, sentences, skipped=NO_SENTENCE_READING).items():
        alone = model.probability(text[start:end])
        bar = model.threshold if len(cues_here) >= CUES_IN_ONE_SENTENCE else HINT_THRESHOLD
        probability = max(probability, alone if alone >= bar else 0.0)
    return probability


def _self_harm_confirmed(cues: list[RedFlag], text: str, model: SelfHarmRiskModel | None,
                         sentences: Spans = ()) -> tuple[list[RedFlag], list[RedFlag]]:
    """Self-harm cues the risk model confirms: urgent, or only a check-in when the sole cue is the
    broadest one (``risk_hint``: an end, a method, an act in general words) and the model is not
    sure beyond ``HINT_THRESHOLD``, or when such cues stand beside the writer's word that they are safe
    (``STATED_SAFE_CUE``).
    Long ordinary stories about living with a palsy use such words."""
    self_harm_cues = [f for f in cues if f.kind == SELF_HARM_CUE]
    if model is None or not self_harm_cues:
        return [], []
    probability = _risk_probability(self_harm_cues, text, model, sentences)
    if probability < model.threshold:
        return [], []
    strong = [f for f in self_harm_cues if not set(f.concepts) <= WEAKEST_CUES]
    # read only when no cue is strong (the "or" below): the weakest cues alone, which a word of safety keeps a check-in
    said_safe = any(f.kind == STATED_SAFE_CUE for f in cues)
    if strong or (probability >= HINT_THRESHOLD and not said_safe):
        return [RedFlag(SELF_HARM, (*f.concepts, MODEL_CONCEPT)) for f in self_harm_cues], []
    return [], [RedFlag(CHECKIN, (*self_harm_cues[0].concepts, MODEL_CONCEPT))]


# A new palsy seen only in an eye that does not close, beside an eye emergency, is that eye: its
# advice is the one to give ("eye won't shut, woke up and it's burning and foggy").
FACE_SIGNS = frozenset({"face_weakness", "face_numbness"})
EYE_SIGNS = frozenset({"eye_stopped_closing", "eye_not_closing_now"})


def _eye_only(flag: RedFlag) -> bool:
    return flag.kind == "new_palsy" and bool(EYE_SIGNS & set(flag.concepts)) and not FACE_SIGNS & set(flag.concepts)


def _without_eye_only_palsy(flags: list[RedFlag]) -> list[RedFlag]:
    if "eye_emergency" not in {f.kind for f in flags}:
        return flags
    return [f for f in flags if not _eye_only(f)]


def assess(flags: list[RedFlag], text: str, model: SelfHarmRiskModel | None,
           physical: PhysicalUrgencyModel | None = None, sentences: Spans = ()) -> list[RedFlag]:
    """``flags`` from ``RedFlagRules.detect`` without the cue kinds, plus each kind whose cue its
    model confirms (never one the rules found already, and a physical kind only when nothing else
    is urgent); most urgent first, and no check-in beside a raised flag."""
    found = _without_eye_only_palsy([f for f in flags if not is_cue(f.kind)])
    kinds = {f.kind for f in found}
    cues = [f for f in flags if is_cue(f.kind) and f.kind.removesuffix(CUE_SUFFIX) not in kinds]
    raised, checkins = _self_harm_confirmed(cues, text, model, sentences)
    # The physical model is a second opinion for messages the rules found no emergency in: beside
    # one, its advice is given already and a model kind would only compete with it (measured on dev:
    # a razor taken to "the droopy side of my face" also read as a stroke).
    if not raised and not kinds - {CHECKIN}:
        raised = _physically_confirmed(cues, text, physical, sentences)
    if not raised:
        return found + (checkins[:1] if not kinds else [])  # a check-in only where nothing else was found
    # each raised kind in its place by urgency, the rules' own order of what they found kept
    order = {kind: i for i, kind in enumerate(RedFlagRules.KINDS)}
    merged = [f for f in found if f.kind != CHECKIN]
    for flag in raised:
        place = next((i for i, f in enumerate(merged) if order[f.kind] > order[flag.kind]), len(merged))
        merged.insert(place, flag)
    return merged


def detect_text(nlp: Language, text: str, rules: RedFlagRules | None = None,
                model: SelfHarmRiskModel | None = None,
                physical: PhysicalUrgencyModel | None = None) -> list[RedFlag]:
    """What the assistant decides for ``text``: the clinic pipeline, the rules (default: the shipped
    file) and the shipped models (default), as the Rasa component does."""
    doc = nlp(text)
    chosen = rules if rules is not None else default_rules(nlp.vocab)
    return assess(chosen.detect(doc), doc.text, model if model is not None else load_model(),
                  physical if physical is not None else load_physical_model(), chosen.sentence_spans(doc))
