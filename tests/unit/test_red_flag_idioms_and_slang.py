"""The red-flag rules on everyday phrasings added in session 8 (without Rasa).

Every message here was written for these tests, from general knowledge of how patients, relatives
and people at risk write (the session's own probe batches, not their exact texts). The held-out sets
in tests/e2e/ are never read here.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds

# Messages that get the advice of their kind first.
URGENT = [
    # Forms the rules lacked: text-speak for not wanting to be here, sparing others the writer's
    # company soon, leaving "for good" beside putting one's affairs away, air that will not go in, a
    # Spanish cheek swelling since yesterday's operation, an eye swollen shut with pus now, lips that no
    # longer close since waking.
    ("honestly i dont wanna b here nemore", "self_harm"),
    ("don't worry, soon nobody will have to look after me anymore", "self_harm"),
    ("I've cancelled my appointments and deleted my account, I'm leaving for good tonight", "self_harm"),
    ("my transfer was two days ago and now I'm fighting to get air in", "breathing"),
    ("desde la operación de ayer el cuello se hincha cada vez más", "post_op"),
    ("my eye is now swollen shut and there is pus coming out", "eye_emergency"),
    ("woke up today and can't close my lips on the left, water dribbles out", "new_palsy"),
    # Indirect self-harm and other urgent forms found by our own probe batches (session 8): a method
    # searched for, the one thing holding someone back, a funeral pictured, an attempt interrupted,
    # misery to be ended by someone, an intended crash, life "not worth it" with words in between,
    # a third person's wish in Spanish, an airway that whistles, a tongue gone huge.
    ("been reading up on painless methods late at night", "self_harm"),
    ("the only reason keeping me here is my cat", "self_harm"),
    ("i keep imagining my own funeral and it feels calm", "self_harm"),
    ("my sister walked in before i could do it", "self_harm"),
    ("I just want someone to put me out of my misery", "self_harm"),
    ("I'm going to steer the car into a tree tonight", "self_harm"),
    ("life with a face like mine is not worth it", "self_harm"),
    ("mi hijo ya no quiere vivir", "self_harm"),
    ("my breathing is whistling and tight since the operation this morning", "breathing"),
    ("after the injection my tongue is huge and I can't speak or swallow", "breathing"),
    # A relative describing how they would do it, and a goodbye after "I can't do this anymore".
    ("my daughter keeps talking about how she would do it, down to the details", "self_harm"),
    ("I can't do this anymore. Goodbye, and thank you for trying to help.", "self_harm"),
    # Probe batch 6 (untuned: 4/25 urgent missed): a life "finished" in non-native English, "no one
    # will miss me", a Spanish life "not worth it", breathing through a straw.
    ("please understand, I want finish my life, nothing helps", "self_harm"),
    ("nobody will even notice me gone, so whatever", "self_harm"),
    ("mi padre dice que no vale la pena vivir así", "self_harm"),
    ("my throat is so swollen it's like breathing through a straw", "breathing"),
    # Probe batch 7 (untuned: 3/24 urgent missed, 2/15 ordinary alarmed, 2/3 check-ins missed): a
    # night chosen beside having had enough, someone only still here for others, air hardly getting in.
    ("had enough of it all. tonights the night", "self_harm"),
    ("honestly I'm only here because of my daughter", "self_harm"),
    ("two days after the op my neck is swelling and I can barely get any air", "breathing"),
    # Probe batch 8 (untuned: 2/21 urgent missed, 0/15 ordinary alarmed): wrists scratched, harm
    # felt as deserved.
    ("my son keeps scratching his wrists till they bleed", "self_harm"),
    ("there are marks on her arms and she told me she deserves it", "self_harm"),
]

# Messages that use alarming words and get no urgent advice (a check-in line may come with them).
NOT_URGENT = [
    # Idioms and other people's actions that use alarming words: a ruinous move, a surgeon's incision
    # for a graft, failing under pressure, a treatment window, a general Spanish risk question, a
    # future state of the mouth.
    "Quitting my job for the surgery would be social suicide in my town. How long is the hospital stay?",
    "Do they cut into the thigh to take the gracilis? Is the scar long?",
    "I choked at my job interview because my lip wouldn't close. Would a muscle transfer help?",
    "Why must Bell's palsy be treated within 3 days to work best?",
    "¿Cuáles riesgos hay de hinchazón después de la cirugía?",
    "After the operation my lip will be numb, is there a risk of biting it when I eat?",
    # Questions about what may come, the anaesthetist's airway, a reckless choice called suicide, a
    # Spanish "what do I do if": no urgent advice.
    "Will I bleed a lot when the stitches come out, since my skin is thin?",
    "How do they protect the airway when I'm asleep, and is there a breathing tube?",
    "My mum says having an operation at my age is suicide, is it that risky?",
    "¿Qué pasa si me sube la fiebre después de la cirugía?",
    # Shock, beauty and bad news in idioms, and an eye injury placed in a past year: no urgent advice.
    "The quote for the brow lift nearly gave me a stroke! Is it covered by insurance?",
    "The before and after photos took my breath away. How long until I see results?",
    "Being told the nerve can't be repaired was a hard pill to swallow. What are the other options?",
    "In 2017 my eye wouldn't close and I scratched the cornea. Can eyelid surgery prevent that happening again?",
    # A side effect asked about, a drink with the prescribed painkillers (probe batch 6).
    "Can steroids make people feel suicidal? I read it somewhere.",
    "Could I have a glass of wine with the painkillers after my operation?",
    # A dental injection's numbness wearing off, a lopsided smile that "looks like a stroke" (batch 7).
    "My lip went numb on the left at the dentist this morning and it's slowly wearing off, is that ok?",
    "My kids tease me that I look like I'm having a stroke when I laugh. Which surgery evens the smile?",
]

# Low mood beside a real question: the gentle check-in line, nothing urgent.
CHECK_IN = [
    # Low mood in more everyday words: a check-in, not urgent.
    "I feel so flat these days. Does physio help with synkinesis?",
    "It's been a dark couple of months since the surgery. When will I see movement?",
    "I was heartbroken when the graft didn't work. What else is there?",
    # Low mood in still more everyday words (probe batch 5, untuned before: 8/25 missed): a check-in.
    "I've lost interest in going out since the palsy. Does Botox last long?",
    "It's getting hard to keep going with my face like this. How long is the hospital stay?",
    "The palsy shattered my confidence. Would a face lift help?",
    "Nothing really makes me happy since my face changed. Is there surgery for the smile?",
]

# An eye that does not close and "keeps getting red and sore" is the long-standing eye care the clinic
# treats; discharge, a change of sight or "since this morning" still make it urgent.
EYE_FLARES = [
    ("Dad's eye doesn't close since his palsy and it keeps going red and gritty. Can surgery help it close?", []),
    ("my eye doesn't close and it keeps getting red, now there's yellow pus coming out", ["eye_emergency"]),
    (
        "my eye doesn't close, it keeps getting sore and since this morning it's red and I can't see well",
        ["eye_emergency"],
    ),
]


@pytest.mark.parametrize(("text", "kind"), URGENT)
def test_urgent_forms_get_their_advice_first(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert kinds(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", NOT_URGENT)
def test_idioms_questions_and_history_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == [], text


@pytest.mark.parametrize("text", CHECK_IN)
def test_low_mood_in_everyday_words_is_a_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize(("text", "expected"), EYE_FLARES)
def test_eye_flares_and_what_still_makes_them_urgent(
    nlp: Language, rules: RedFlagRules, text: str, expected: list[str]
) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"][:1] == expected, text
