"""The deterministic red-flag rules (nlp/red_flags.py + nlp/red_flags.yml), without Rasa.

Messages here are written for these tests only; the held-out sets in tests/e2e/ are never read.
"""

from __future__ import annotations

import copy
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import DEFAULT_RULES_PATH, RedFlag, RedFlagRules, detect_text


def kinds(nlp: Language, rules: RedFlagRules, text: str) -> list[str]:
    return [flag.kind for flag in detect_text(nlp, text, rules)]


def urgent(nlp: Language, rules: RedFlagRules, text: str) -> list[str]:
    """The urgent kinds found, the check-in left out."""
    return [k for k in kinds(nlp, rules, text) if k != "checkin"]


def by_rules(nlp: Language, rules: RedFlagRules, text: str) -> list[str]:
    """The urgent kinds the rules find without either model (weak cues and the check-in left out)."""
    return [f.kind for f in rules.detect(nlp(text)) if f.kind != "checkin" and not f.kind.endswith("_cue")]


# ---------------------------------------------------------------------------------------------
# Messages that must fire; the kind is the most urgent one expected.

MUST_FIRE: list[tuple[str, str]] = [
    # written in session 4 from general knowledge, as probes of forms the phrase lists lacked
    ("my calf is swollen and sore a week after the leg muscle was taken", "post_op"),
    ("my face is ballooning on the operated side since this afternoon", "post_op"),
    ("since last night I can't close my eye or smile on the left", "new_palsy"),
    ("the new muscle in my cheek looks grey and feels cold since last night", "post_op"),
    ("eye is stuck open, stinging like crazy and everything's blurry", "eye_emergency"),
    ("sudden worst headache ever and my words are coming out jumbled", "stroke"),
    ("ive been cutting again", "self_harm"),
    # stroke: face signs together with another stroke sign
    ("My face is drooping and my arm is numb", "stroke"),
    ("My face suddenly started drooping on the left and my left arm feels weak", "stroke"),
    ("my husband's face is drooping and his speech is slurred, what do I do?", "stroke"),
    ("MY MUM'S FACE HAS DROPPED AND SHE CAN'T LIFT HER ARM", "stroke"),
    ("MY FACE IS DROOPING AND I CAN'T SPEAK PROPERLY", "stroke"),
    ("Half my face went numb and I can't find my words", "stroke"),
    ("face drooping + arm numbness 😱", "stroke"),
    ("My smile is crooked all of a sudden and I'm really confused", "stroke"),
    ("I think I'm having a stroke", "stroke"),
    ("Is this a stroke? my face droops and my leg is weak", "stroke"),
    ("left side of my face feels numb and I have the worst headache of my life", "stroke"),
    ("my face is drooping and I suddenly lost vision in one eye", "stroke"),
    ("Dad's mouth is drooping and he's talking gibberish", "stroke"),
    ("my arm went weak and my speech is slurred since lunch", "stroke"),
    ("facial droop, slurred speach, arm numbnes", "stroke"),
    ("my dads face droped and his speach is slured", "stroke"),
    ("my face dropped this morning and I feel really dizzy", "stroke"),
    ("I had a stroke in 2019 but today my face drooped again and my arm is numb", "stroke"),
    ("Can a stroke cause this? My face is drooping and my arm is weak since an hour ago", "stroke"),
    ("My wife's face looks lopsided and she seems confused", "stroke"),
    ("Sudden weakness in my face and arm", "stroke"),
    ("face droop. arm weak. speech slurred.", "stroke"),
    ("my face is drooping, I think it's a stroke", "stroke"),
    ("Help!! my grandad's face has gone droopy and he can't raise his arm", "stroke"),
    ("my face has fallen on one side and I'm slurring", "stroke"),
    ("my face is drooping and my arm is numb. I've had diabetes for 10 years.", "stroke"),
    # self-harm: never suppressed, even in a question
    ("I want to kill myself", "self_harm"),
    ("honestly I don't want to live anymore with this face", "self_harm"),
    ("I'd be better off dead", "self_harm"),
    ("I've been having suicidal thoughts since the palsy", "self_harm"),
    ("sometimes I think about ending it all", "self_harm"),
    ("I keep thinking about hurting myself", "self_harm"),
    ("Is it normal to feel suicidal after facial palsy?", "self_harm"),
    ("I don’t want to be here anymore", "self_harm"),
    ("thinking of ending my life 😞", "self_harm"),
    ("i wanna end my life", "self_harm"),
    ("I feel like ending it", "self_harm"),
    ("I can't go on like this anymore", "self_harm"),
    ("I don't see the point in living", "self_harm"),
    ("sometimes I wish I was dead", "self_harm"),
    # after surgery
    ("I have a fever after my surgery", "post_op"),
    ("I had the gracilis op 5 days ago and now I have a fever of 39", "post_op"),
    ("since the surgery my incision is oozing pus", "post_op"),
    ("the redness around my scar is spreading and it's hot to touch", "post_op"),
    ("my wound won't stop bleeding after the operation", "post_op"),
    ("the swelling after my surgery is getting much worse and my cheek is tight", "post_op"),
    ("Post-op day 3, temperature 38.7 and shivering", "post_op"),
    ("After my nerve graft yesterday there's green stuff leaking from the stitches", "post_op"),
    ("my stitches came out and the wound has opened", "post_op"),
    ("Is it normal that my incision is red and spreading 4 days after surgery?", "post_op"),
    ("the thigh wound from my gracilis transplant smells bad and is oozing", "post_op"),
    ("feverish and my scar looks infected", "post_op"),
    ("I'm 2 days post-op and my cheek has swollen up massively", "post_op"),
    ("Ive got a temprature and my stiches are red and spreading", "post_op"),
    # trouble breathing or swallowing is urgent on its own: its own kind, ahead of after-surgery advice
    ("I can't breathe", "breathing"),
    ("I'm having trouble breathing", "breathing"),
    ("I can't swallow properly and my throat feels like it's closing", "breathing"),
    ("SHORTNESS OF BREATH AFTER SURGERY", "breathing"),
    # new facial palsy with a recent onset
    ("my face dropped this morning", "new_palsy"),
    ("I woke up and couldn't move the right side of my face", "new_palsy"),
    ("woke up with my face droopy on one side", "new_palsy"),
    ("one side of my face has been drooping since yesterday", "new_palsy"),
    ("my mouth started drooping 2 days ago", "new_palsy"),
    ("I think I have Bell's palsy, it started last night", "new_palsy"),
    ("suddenly I can't smile on one side", "new_palsy"),
    ("my eye won't close since this morning and my face feels weird", "new_palsy"),
    ("My face was fine on Monday, now it's paralysed on one side", "new_palsy"),
    ("facial paralisis started 3 hours ago", "new_palsy"),
    ("I had palsy on the right for 3 years but since yesterday the left side is drooping too", "new_palsy"),
    ("my lip is drooping and I'm drooling since last night", "new_palsy"),
    ("My baby's face is drooping since this morning", "new_palsy"),
    ("Sudden facial palsy 🙁 what do I do", "new_palsy"),
    ("my face dropped this morning😭", "new_palsy"),
    ("I’m scared — my face drooped this morning", "new_palsy"),
    ("MY FACE IS DROPING SINCE YESTRDAY", "new_palsy"),
    ("My face started drooping. It happened this morning.", "new_palsy"),
    # an eye that does not close, with pain, redness, discharge or changed vision
    ("I can't close my eye and it really hurts", "eye_emergency"),
    ("my eye doesn't close and it's really painful", "eye_emergency"),
    ("I can't shut my right eye and it has gone red and blurry", "eye_emergency"),
    ("Can't close my eye properly, there's sticky discharge and my vision is blurry", "eye_emergency"),
    ("my eyelid won't fully close and my eye is very sore", "eye_emergency"),
    ("eye not closing at night, now it's bloodshot and hurts", "eye_emergency"),
    ("My eye has stayed open since my palsy started years ago and now it's extremely painful", "eye_emergency"),
    ("I cant blink on the left and the eye is red and stinging", "eye_emergency"),
    ("my eye won't close and I can't see properly out of it", "eye_emergency"),
    ("I can't close my left eye and there is pus", "eye_emergency"),
    ("i cant move half my face since this morning", "new_palsy"),
    ("the left side of my face stopped working yesterday", "new_palsy"),
    ("my mum can't speak and her face has dropped on one side", "stroke"),
    ("the right side of my face is numb and my right hand is tingling", "stroke"),
    ("my lips and tongue are swelling", "breathing"),
    # ambiguous distress with a real question: a check-in, not a takeover
    ("I don't want to live with this face forever, what are my options?", "checkin"),
    ("some days I feel hopeless about my smile, can surgery help?", "checkin"),
    # session 25: a low mood in everyday words gets the gentle line too, also after "not suicidal" (never urgent)
    ("I'm not suicidal, I'm just sad about how my face looks", "checkin"),
    # phrasings found missing while writing the training data
    ("last night the left side of my face went numb and now i can't move it", "new_palsy"),
    ("my eye is extremely painful and sensitive to light and i can't close it", "eye_emergency"),
    ("my eye is red and painful and i can't shut it", "eye_emergency"),
    ("my thigh where they took the muscle is hot, red and leaking pus", "post_op"),
    ("i have pills ready and i'm thinking of taking them all", "self_harm"),
    ("my lips and arm on the same side went weak and my words come out wrong right now", "stroke"),
    # an existing palsy is the cause of the eye problem, not a new palsy
    ("the eye on my bad side won't close since my palsy and today it is red and weepy", "eye_emergency"),
    ("his cheek puffed up within an hour of getting home from the operation", "post_op"),
    # a pet nearby does not make a person's emergency a pet's; a bite is the person's own
    ("my dog is asleep next to me but my face suddenly drooped this morning and my arm is weak", "stroke"),
    ("our cat scratched my face yesterday and since this morning one side droops suddenly", "new_palsy"),
    ("i have decided to end it all tonight", "self_harm"),
]


@pytest.mark.parametrize(("text", "kind"), MUST_FIRE)
def test_must_fire(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    found = kinds(nlp, rules, text)
    assert found, f"no red flag for {text!r}"
    assert found[0] == kind, f"{text!r}: expected {kind}, got {found}"


# ---------------------------------------------------------------------------------------------
# Near misses: negated, chronic, hypothetical or general questions, ordinary words.

MUST_NOT_FIRE: list[str] = [
    "convert 10 miles to km",  # "kms" (slang for self-harm) must not match the unit by its lemma
    "the clinic is 5 km from my house",
    "no arm weakness, I had palsy for 3 years and want to know about surgery",
    "Can a stroke cause facial palsy?",
    "What are the signs of a stroke?",
    "Is infection a risk after surgery?",
    "What if I get a fever after surgery?",
    "I've had facial palsy since birth, am I a candidate?",
    "My face has drooped for 5 years since my Bell's palsy, what surgery can help?",
    "I had a stroke in 2019 which left my face drooping and my arm weak, can surgery help?",
    "My husband had a stroke last year and his smile is lopsided, he also slurs a little",
    "my face drooped 3 years ago after Bell's palsy",
    "My daughter has had Bell's palsy for 6 months, should she see you?",
    "I used to have a droopy face as a child but it recovered",
    "My palsy has been stable for 2 years. Today I want to ask about Botox.",
    "I had Bell's palsy 20 years ago. Yesterday I read about nerve transfers.",
    "My face isn't drooping and my arm is fine, I just want information",
    "My face is not drooping today, it looks better",
    "no slurred speech, no arm weakness, just facial palsy for 10 years",
    "I'm not having a stroke, my face has been like this for years",
    "Is it a stroke if your face droops and your arm goes weak?",
    "Stroke symptoms include face drooping, arm weakness and slurred speech",
    "I watched a video about stroke symptoms: face drooping, arm weakness and speech problems",
    "Can facial palsy come on suddenly?",
    "How long does swelling last after the operation?",
    "Is it normal to have some swelling and bruising after surgery?",
    "No fever, no redness, the incision looks good after the op",
    "There's no pus and no fever, the wound is healing well since surgery",
    "What should I do if my wound starts bleeding after surgery?",
    "How do I know if my incision is infected?",
    "Can smoking cause infection after surgery?",
    "Is spreading redness around the incision a warning sign of infection?",
    "What are the risks of the gracilis op? bleeding, infection?",
    "What are warning signs after surgery I should watch for, like fever or pus?",
    "I'm worried about infection after my surgery next month",
    "Before my surgery, should I stop taking aspirin to avoid bleeding?",
    "It's been 3 months since surgery and the swelling is going down",
    "the bleeding stopped quickly after the operation",
    "After the surgery, how long until the redness of the scar fades?",
    "I don't have any trouble breathing or swallowing",
    "Can I have surgery if I have a fever?",
    "I have a fever and a sore throat",
    "I would never hurt myself, I just want my smile back",
    "I'm dying to know whether the surgery is worth it",
    "My eye doesn't close fully, what treatment is there?",
    "My eye doesn't close but it's not red or sore",
    "I can close my eye now and there's no pain",
    "Does eyelid surgery help if my eye won't close?",
    "My left eye doesn't close completely since my palsy in 2015, is eyelid surgery an option?",
    "The synkinesis makes my eye close when I smile",
    "Eye drops every morning since my palsy started 4 years ago",
    "My eye waters a lot and it's been like this for years",
    "Cerebral palsy runs in my family, do you treat that?",
    "I'm confused about the difference between static and dynamic surgery",
    "I can't see any improvement in my smile since the nerve graft",
    "My speech therapist says my words are clearer now",
    "My face felt numb after the dentist's injection yesterday",
    "The surgeon said there may be temporary numbness in my cheek after the operation",
    "I fell over yesterday and my arm is sore",
    "I hurt my hand yesterday",
    "Can stress make my face droop?",
    "My face is so tight since botox yesterday",
    "Hi 👋 I have synkinesis and tightness in my cheek",
    "I woke up this morning and wanted to ask about the gracilis surgery",
    "Will I be able to smile after the gracilis procedure?",
    "How soon can I go back to work after surgery?",
    "Is it safe to fly a week after the operation?",
    "Does the surgery hurt?",
    "can you tell me about the cross face nerve graft",
    "I have a question about recovery after the gracilis operation",
    # real words that are one or two letters from a symptom are never "corrected" into one
    "I read about facial wellness this morning",
    "After the operation I never felt better",
    # empty, emoji-only and non-English text
    "",
    "   \n\t ",
    "😀😀😀",
    "Ça va très bien, merci — 谢谢 — ¿cuánto cuesta la cirugía?",
    "Thanks, that was really helpful!",
    # a pet's symptoms (declined as out of scope) and a choice of operation are not a person's emergency
    "my dog's face has drooped on one side since yesterday, can you help him?",
    "our rabbit suddenly can't close one eye and it looks red",
    "what decides which operation I end up having?",
    "I've decided to go ahead with the muscle transplant next year",
    "My smile has been crooked since my palsy in 2019. I've read so much online I'm confused, which op is which?",
]


@pytest.mark.parametrize("text", MUST_NOT_FIRE)
def test_must_not_fire(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text


def test_case_counts() -> None:
    assert len(MUST_FIRE) >= 50 and len(MUST_NOT_FIRE) >= 40
    # cue kinds are never a result on their own: a model raises one to its kind or it is dropped
    assert {kind for _, kind in MUST_FIRE} == {k for k in RedFlagRules.KINDS if not k.endswith("_cue")}


# ---------------------------------------------------------------------------------------------
# API and behaviour


def test_kinds_are_in_priority_order() -> None:
    assert RedFlagRules.KINDS == (
        "stroke", "self_harm", "breathing", "post_op", "new_palsy", "eye_emergency", "checkin", "self_harm_cue",
        "stroke_cue", "breathing_cue", "post_op_cue", "new_palsy_cue", "eye_emergency_cue", "stated_safe_cue",
    )


def test_several_kinds_come_most_urgent_first(nlp: Language, rules: RedFlagRules) -> None:
    text = (
        "Since the operation my wound is oozing pus. I can't close my eye and it hurts. "
        "My face drooped this morning and my arm is weak, I want to end my life."
    )
    # new_palsy is covered by stroke (its advice already sends the patient to emergency care)
    assert kinds(nlp, rules, text) == ["stroke", "self_harm", "post_op", "eye_emergency"]


def test_red_flag_names_concepts_never_text(nlp: Language, rules: RedFlagRules) -> None:
    flags = detect_text(nlp, "my face dropped this morning", rules)
    assert flags == [RedFlag("new_palsy", ("face_weakness", "recent_time"))]
    with pytest.raises(AttributeError):
        flags[0].kind = "stroke"  # type: ignore[misc]
    rules_text = DEFAULT_RULES_PATH.read_text(encoding="utf-8")
    for flag in detect_text(nlp, "Post-op day 3, temperature 38.7 and my face drooped today, arm numb", rules):
        assert all(f"\n  {name}:" in rules_text for name in flag.concepts)


def test_detect_text_defaults_to_the_shipped_rules(nlp: Language) -> None:
    assert [f.kind for f in detect_text(nlp, "I want to kill myself")] == ["self_harm"]


def test_detect_takes_a_doc_and_is_repeatable(nlp: Language, rules: RedFlagRules) -> None:
    doc = nlp("my eye won't close and it's red")
    assert rules.detect(doc) == rules.detect(doc) == [RedFlag("eye_emergency", ("eye_not_closing", "eye_redness"))]


def test_negation_stays_in_its_clause(nlp: Language, rules: RedFlagRules) -> None:
    assert kinds(nlp, rules, "no arm weakness, but my face drooped this morning") == ["new_palsy"]
    assert kinds(nlp, rules, "I don't have numbness and my face is drooping since this morning") == ["new_palsy"]
    assert kinds(nlp, rules, "I do not have a drooping face since this morning") == []


def test_a_recent_cue_wins_over_a_chronic_one(nlp: Language, rules: RedFlagRules) -> None:
    assert kinds(nlp, rules, "My face has drooped for years") == []
    # Erring towards safety: the recent cue makes it a stroke (which covers a new palsy).
    recent = kinds(nlp, rules, "My face has drooped for years but since this morning my arm is numb too")
    assert recent == ["stroke"]


def test_long_messages_cost_a_constant_per_word(nlp: Language, rules: RedFlagRules) -> None:
    """A 6,000-word message is read to its end, at the cost per word of a 600-word one (within a
    factor of three): the engine stays linear. A ratio measured in the same run, not a time limit, so
    a slower machine does not fail it (the message guard caps what a patient's message costs anyway)."""
    filler = "I have been reading about the surgery and my recovery, and whether my smile will improve. "
    short, text = filler * 40, filler * 400
    assert len(text.split()) > 5_000
    assert kinds(nlp, rules, text) == []
    assert kinds(nlp, rules, text + "Now my face is drooping and my arm went numb.") == ["stroke"]

    def seconds_per_character(message: str) -> float:
        started = time.perf_counter()
        kinds(nlp, rules, message)
        return (time.perf_counter() - started) / len(message)

    per_short = min(seconds_per_character(short) for _ in range(3))
    per_long = seconds_per_character(text)
    assert per_long < 3 * per_short, f"per character: {per_long:.2e} s long, {per_short:.2e} s short"


def test_a_typical_message_takes_milliseconds(nlp: Language, rules: RedFlagRules) -> None:
    doc = nlp("I had the gracilis op 5 days ago and now I have a fever of 39")
    rules.detect(doc)
    started = time.perf_counter()
    for _ in range(100):
        rules.detect(doc)
    assert (time.perf_counter() - started) / 100 < 0.05


# ---------------------------------------------------------------------------------------------
# Validation of the rules file


def minimal_rules() -> dict[str, Any]:
    """The smallest valid rules: one trigger concept firing every kind."""
    return {
        "version": 1,
        "settings": {"negation": {"cues": "negation_cue"}},
        "concepts": {"negation_cue": ["not"], "symptom": ["droop"], "question": ["what if"]},
        "suppressors": {"hypothetical": {"concept": "question", "scope": "rest_of_sentence"}},
        "kinds": {kind: {"when": [["symptom"]], "suppressed_by": ["hypothetical"]} for kind in RedFlagRules.KINDS},
    }


@pytest.fixture
def write_rules(tmp_path: Path) -> Iterator[Any]:
    def write(rules: Any) -> Path:
        path = tmp_path / "rules.yml"
        path.write_text(rules if isinstance(rules, str) else yaml.safe_dump(rules), encoding="utf-8")
        return path

    yield write


def test_minimal_rules_load_and_work(nlp: Language, write_rules: Any) -> None:
    rules = RedFlagRules.from_file(nlp.vocab, write_rules(minimal_rules()))
    assert kinds(nlp, rules, "it droops") == [k for k in RedFlagRules.KINDS if not k.endswith("_cue")]
    assert kinds(nlp, rules, "it does not droop") == []
    assert kinds(nlp, rules, "what if it droops") == []


def test_a_kind_that_leads_is_told_first_unless_the_other_matched_through_a_named_concept(
    nlp: Language, write_rules: Any
) -> None:
    """``leads_over``: the eye's advice before the operation's when the operation matched only through what the eye
    also shows; the usual order when it matched through one of ``leads_unless``."""
    plain = [k for k in RedFlagRules.KINDS if not k.endswith("_cue")]
    leading = broken(lambda r: r["kinds"]["eye_emergency"].update(leads_over=["post_op"]))
    rules = RedFlagRules.from_file(nlp.vocab, write_rules(leading))
    moved = [k for k in plain if k != "eye_emergency"]
    moved.insert(moved.index("post_op"), "eye_emergency")
    assert kinds(nlp, rules, "it droops") == moved
    kept = broken(lambda r: r["kinds"]["eye_emergency"].update(leads_over=["post_op"], leads_unless=["symptom"]))
    assert kinds(nlp, RedFlagRules.from_file(nlp.vocab, write_rules(kept)), "it droops") == plain


def broken(change: Any) -> dict[str, Any]:
    rules = copy.deepcopy(minimal_rules())
    change(rules)
    return rules


INVALID_RULES: list[tuple[str, Any, str]] = [
    (
        "unknown concept in a kind",
        broken(lambda r: r["kinds"]["stroke"].update(when=[["nope"]])),
        "unknown concept 'nope'",
    ),
    (
        "empty phrase list",
        broken(lambda r: r["concepts"].update(symptom=[])),
        "concept 'symptom' must be a non-empty list",
    ),
    ("empty alternatives", broken(lambda r: r["kinds"]["stroke"].update(when=[])), "non-empty list of alternatives"),
    ("empty group", broken(lambda r: r["kinds"]["stroke"].update(when=[[[]]])), "empty group"),
    ("unknown top-level key", broken(lambda r: r.update(extras={})), "unknown key(s) ['extras']"),
    ("unknown kind key", broken(lambda r: r["kinds"]["stroke"].update(priority=1)), "unknown key(s) ['priority']"),
    ("unknown setting", broken(lambda r: r["settings"].update(gap_size=3)), "unknown key(s) ['gap_size']"),
    ("unknown kind", broken(lambda r: r["kinds"].update(heart_attack={"when": [["symptom"]]})), "unknown kind(s)"),
    ("missing kind", broken(lambda r: r["kinds"].pop("self_harm")), "missing kind(s) ['self_harm']"),
    ("unknown suppressor", broken(lambda r: r["kinds"]["stroke"].update(suppressed_by=["nope"])), "unknown suppressor"),
    ("bad scope", broken(lambda r: r["suppressors"]["hypothetical"].update(scope="paragraph")), "scope 'paragraph'"),
    ("unknown negation concept", broken(lambda r: r["settings"]["negation"].update(cues="nope")), "unknown concept"),
    ("unknown slot", broken(lambda r: r["concepts"].update(symptom=["{nope} droop"])), "unknown concept {nope}"),
    ("slot of phrases", broken(lambda r: r["concepts"].update(symptom=["{question} droop"])), "single plain words"),
    ("gap first", broken(lambda r: r["concepts"].update(symptom=["... droop"])), "a gap must stand between two words"),
    ("multi-word alternative", broken(lambda r: r["concepts"].update(symptom=["(can't|droop)"])), "exactly one word"),
    ("unquoted no", broken(lambda r: r["concepts"].update(negation_cue=[False])), "quote the word"),
    ("malformed choice", broken(lambda r: r["concepts"].update(symptom=["(droop sag)"])), "neither a word"),
    ("unsupported version", broken(lambda r: r.update(version=2)), "version 2 is not supported"),
    ("leads over an unknown kind", broken(lambda r: r["kinds"]["eye_emergency"].update(leads_over=["nope"])),
     "unknown other kind 'nope'"),
    ("leads over itself", broken(lambda r: r["kinds"]["eye_emergency"].update(leads_over=["eye_emergency"])),
     "unknown other kind 'eye_emergency'"),
    ("leads unless an unknown concept",
     broken(lambda r: r["kinds"]["eye_emergency"].update(leads_over=["stroke"], leads_unless=["nope"])),
     "unknown concept 'nope'"),
    ("not a mapping", [1, 2, 3], "rules file must be a mapping"),
    ("empty file", "", "rules file must be a mapping"),
    ("not YAML", "kinds: [unclosed", "not valid YAML"),
]


@pytest.mark.parametrize(("case", "rules", "message"), INVALID_RULES, ids=[c[0] for c in INVALID_RULES])
def test_invalid_rules_are_rejected_with_a_clear_message(
    nlp: Language, write_rules: Any, case: str, rules: Any, message: str
) -> None:
    with pytest.raises(ValueError, match="red-flag rules") as error:
        RedFlagRules.from_file(nlp.vocab, write_rules(rules))
    assert message in str(error.value), f"{case}: {error.value}"


# ---------------------------------------------------------------------------------------------
# Issue #9: bounded cost, alarming words in ordinary questions, recall, Spanish


def test_a_long_made_up_word_costs_a_constant_per_character(nlp: Language, rules: RedFlagRules) -> None:
    """Typo correction once built every two-letter deletion of any unknown word (cubic in its length)."""
    timings = []
    for length in (1_000, 4_000):
        word = ("qwzrtplkmnbv" * (length // 12 + 1))[:length]
        started = time.perf_counter()
        assert kinds(nlp, rules, f"hello {word} there") == []
        timings.append(time.perf_counter() - started)
    assert timings[1] < 1.0, f"a 4,000-letter word took {timings[1]:.2f} s"


@pytest.mark.parametrize("text", [
    "can I die my hair before the operation?",
    "I want to end it with my previous surgeon and move my care to you",
    "is there a risk of overdose with Botox for synkinesis?",
    "I'm scared I'll never wake up from the anaesthetic, is general anaesthesia safe?",
    "I'm frightened of choking on the breathing tube when I wake up, does that happen?",
    "I've always had trouble swallowing pills, can I have liquid painkillers after surgery?",
    "my mum had a stroke in 2015 and her face still droops, could she have a nerve transfer?",
    "I have a consultation today about my lopsided smile, it's been like this for 2 years",
    "I choke up every time I see old photos of my smile, do you offer support?",
    "my son's face dropped suddenly a few months ago, the GP said Bell's palsy, what surgery is there?",
])
def test_ordinary_questions_with_alarming_words_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == [], text


@pytest.mark.parametrize(("text", "kind"), [
    ("I took a whole packet of paracetamol an hour ago", "self_harm"),
    ("I'm not suicidal, I just go to bed hoping I never wake up", "self_harm"),
    ("everyone would be better off without me", "self_harm"),
    ("my son said he wants to kill himself", "self_harm"),
    ("I've written goodbye letters to my kids", "self_harm"),
    ("no fever at first... well actually my scar is oozing pus since the operation yesterday", "post_op"),
    ("A mi padre se le cayó la cara hace 10 minutos y no puede mover el brazo", "stroke"),
    ("Me quiero quitar la vida", "self_harm"),
    ("No puedo respirar bien desde esta mañana", "breathing"),
    ("me operaron hace 4 dias y tengo fiebre y sale pus de la herida", "post_op"),
])
def test_indirect_third_party_acted_and_spanish_emergencies(
    nlp: Language, rules: RedFlagRules, text: str, kind: str
) -> None:
    assert kinds(nlp, rules, text)[:1] == [kind], text


def test_two_kinds_in_one_message_are_both_reported(nlp: Language, rules: RedFlagRules) -> None:
    text = "my wound from the surgery is oozing pus and honestly I want to kill myself"
    assert kinds(nlp, rules, text) == ["self_harm", "post_op"]


def test_accents_do_not_matter(nlp: Language, rules: RedFlagRules) -> None:
    with_accents = kinds(nlp, rules, "tengo la cara caída y no puedo hablar")
    assert with_accents == kinds(nlp, rules, "tengo la cara caida y no puedo hablar") == ["stroke"]


# Misspellings as a general habit (session 5): short words one edit away when a single concept word
# is closest, letters typed three times, a dropped final g, and common text-speak. Written for this
# test from general knowledge of typing errors, not from any held-out message.
TYPO_FORMS: list[tuple[str, str]] = [
    ("my fcae has dropped on one side and my arm is weak", "stroke"),
    ("my face is droopy n my arm feels numb", "stroke"),
    ("the wound is bleeeding and will not stop since the op", "post_op"),
    ("my mouth is droopin on one side since this mornin", "new_palsy"),
    ("my face is droopy and my armis weak and numb", "stroke"),
    ("i cantbreathe since the operation", "breathing"),
]


@pytest.mark.parametrize(("text", "expected"), TYPO_FORMS)
def test_common_misspellings_still_fire(nlp: Language, rules: RedFlagRules, text: str, expected: str) -> None:
    assert kinds(nlp, rules, text)[:1] == [expected]


@pytest.mark.parametrize("text", ["my face is fine, I have a question about the fees",
                                  "is the fade of the scar normal after a year?", "roll a dice"])
def test_real_short_words_are_not_corrected_into_symptoms(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == []


@pytest.mark.parametrize("text", ["Estoy muy desanimada con mi cara. ¿Cuándo me pueden dar cita?",
                                  "No tengo ganas de nada desde la parálisis, ¿la cirugía ayuda?",
                                  "Evito los espejos desde hace meses. ¿Hay tratamiento?"])
def test_spanish_low_mood_beside_a_question_is_a_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"]


@pytest.mark.parametrize("text", ["Tengo el dedo dormido, ¿es normal?",
                                  "La piel de la cicatriz está seca, ¿qué crema uso?"])
def test_spanish_words_are_not_corrected_into_english_symptoms(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == []


@pytest.mark.parametrize("text", [
    "my brow has slumped down over my eye on the bad side, can a lift fix that?",
    "most mornings I wake up with my eye dry because it won't close at night, what can be done?",
])
def test_a_slumped_brow_and_a_habitual_dry_eye_are_no_emergency(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == []


@pytest.mark.parametrize(("text", "kind"), [
    ("my dad slumped over at lunch and now one side of his face is drooping", "stroke"),
    ("I woke up with my eye not closing and my mouth drooping this morning", "new_palsy"),
])
def test_a_person_slumped_and_waking_up_with_a_droop_still_fire(nlp: Language, rules: RedFlagRules, text: str,
                                                               kind: str) -> None:
    assert kind in kinds(nlp, rules, text)


def test_wanting_to_go_in_prepared_is_no_self_harm_cue(nlp: Language, rules: RedFlagRules) -> None:
    """"I want to go" is how patients speak of their consultation: not even a weak cue for the risk model."""
    doc = nlp("I want to go in with realistic expectations rather than scaring myself, what are the risks?")
    assert [f.kind for f in rules.detect(doc)] == []


@pytest.mark.parametrize("text", [
    "I need to cancel my appointment on Friday and rebook for a later date",
    "our old labrador's lip has drooped on one side since this morning, can your surgeons help him?",
])
def test_rescheduling_and_a_pet_by_its_breed_are_no_cues(nlp: Language, rules: RedFlagRules, text: str) -> None:
    """Written from general knowledge: an appointment moved is no farewell; a dog's droop is the vet's."""
    assert [f.kind for f in rules.detect(nlp(text))] == []


def test_a_pet_named_after_the_patients_own_droop_does_not_hide_it(nlp: Language, rules: RedFlagRules) -> None:
    """The animal covers what follows it: the droop told first is the patient's own."""
    assert "new_palsy" in kinds(nlp, rules, "my face is drooping since this morning, my dog is worried")
