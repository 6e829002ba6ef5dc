"""The red-flag rules on everyday phrasings found by probing in session 7 (without Rasa).

Every message here was written for these tests, from general knowledge of how patients, relatives
and people at risk write: slang, wishes, warning signs, fears, idioms, non-native English, Spanish.
The held-out sets in tests/e2e/ are never read here.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds


# Session 7: forms the rules lacked (written here from general knowledge, not from a held-out message):
# a slang "-in" spelling of a concept word, a wish to have died, the writer's absence as a condition,
# wanting it all to stop, an apology before an emergency, non-native stroke signs, a means found hidden.
@pytest.mark.parametrize(("text", "kind"), [
    ("been thinkin about hangin myself most nights", "self_harm"),
    ("some days I wish I had died in the operation", "self_harm"),
    ("sorry if this is a mess, my throat is closing up and I can barely breathe", "breathing"),
    ("his face went lopsided at lunch and he cannot pronounce words properly", "stroke"),
    ("her face is drooping since lunch and her leg is not strong", "stroke"),
])
def test_slang_wishes_apologies_and_non_native_signs_fire(nlp: Language, rules: RedFlagRules, text: str,
                                                          kind: str) -> None:
    assert kinds(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", [
    "I'm anxious the sedation could make me choke, is that a thing?",
    "how much bleeding is normal in the first days after surgery?",
])
def test_a_feared_effect_and_anyones_first_week_are_not_urgent(
    nlp: Language, rules: RedFlagRules, text: str
) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == [], text


def test_not_knowing_where_someone_is_is_no_confusion(nlp: Language, rules: RedFlagRules) -> None:
    """A missing relative with a palsy is a worry (here, a self-harm one), not a stroke sign."""
    text = "my husband has Bell's palsy and I don't know where he is, he said he would end it tonight"
    assert kinds(nlp, rules, text)[:1] == ["self_harm"]
    assert "stroke" not in kinds(nlp, rules, text)


def test_bridging_is_how_grafts_are_explained_not_a_means(nlp: Language, rules: RedFlagRules) -> None:
    """The verb "bridge" (a graft bridges a gap) is no bridge to jump from: not even a weak cue."""
    doc = nlp("instead of bridging it, can they go around the damaged part of the nerve?")
    assert [f.kind for f in rules.detect(doc)] == []


def test_wanting_the_pain_to_stop_for_good_is_a_cue_for_the_model(nlp: Language, rules: RedFlagRules) -> None:
    """Never urgent by the rules alone (pain relief questions say it too): the risk model reads the rest."""
    flags = rules.detect(nlp("I just want the pain to stop for good"))
    assert [(f.kind, f.concepts) for f in flags] == [("self_harm_cue", ("farewell_weak",))]
    assert kinds(nlp, rules, "the painkillers aren't working and I want the pain to stop, what else can I take?") == []


# Session 7: Spanish forms the rules lacked, written here from general knowledge of how Spanish
# speakers describe these emergencies (not from a held-out message).
@pytest.mark.parametrize(("text", "kind"), [
    ("a mi abuelo se le durmió medio cuerpo y habla raro desde hace media hora", "stroke"),
    ("se me cayó la cara de golpe y se me olvidan las palabras", "stroke"),
    ("mi marido arrastra las palabras y se le cae un lado de la cara", "stroke"),
    ("después de la cirugía la mejilla se hincha cada vez más y está dura", "post_op"),
    ("la herida de la operación está abierta y sale líquido amarillo", "post_op"),
    ("desde esta mañana no puedo mover el lado izquierdo de la cara", "new_palsy"),
    ("hace dos días se me paralizó la cara, creo que es parálisis de Bell", "new_palsy"),
    ("el ojo me supura y veo borroso desde ayer", "eye_emergency"),
])
def test_more_spanish_emergencies(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert kinds(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize(("text", "urgent"), [
    ("I tried to take my own life ten years ago, I'm well now and just want to know about the recovery time", False),
    ("years ago I tried to end my life and I want to do it again", True),
])
def test_an_old_attempt_is_history_unless_the_wish_is_back(nlp: Language, rules: RedFlagRules, text: str,
                                                          urgent: bool) -> None:
    """"Want to" is how every question starts ("want to know..."): only wanting to do it again is a relapse."""
    assert ("self_harm" in kinds(nlp, rules, text)) is urgent


@pytest.mark.parametrize(("text", "urgent"), [
    ("Years ago I scratched my cornea because my eye wouldn't close; can eyelid surgery prevent that happening again?",
     False),
    ("my eye won't close and I scratched it this morning, now it's really sore", True),
])
def test_an_eye_injury_years_ago_is_history(nlp: Language, rules: RedFlagRules, text: str, urgent: bool) -> None:
    """An injury or change of sight placed months or years back is history; one today is not."""
    assert ("eye_emergency" in kinds(nlp, rules, text)) is urgent


# Warning signs in everyday words (session 7, written here from general knowledge of them): each is a
# cue for the risk model, never urgent by the rules alone.
@pytest.mark.parametrize(("text", "concept"), [
    ("my dog needs a new home, I've sorted everything out", "affairs_in_order"),
    ("I won't be using any of my follow-up appointments", "affairs_in_order"),
    ("they'd all manage fine without me", "future_absence"),
    ("pronto se van a librar de mí", "future_absence"),
    ("it wouldn't be so bad if I just crashed the car and that was it", "passive_wish"),
])
def test_warning_signs_in_everyday_words_are_cues(nlp: Language, rules: RedFlagRules, text: str, concept: str) -> None:
    flags = rules.detect(nlp(text))
    assert any(f.kind == "self_harm_cue" and concept in f.concepts for f in flags), flags


def test_giving_photos_away_after_making_peace_is_no_farewell(nlp: Language, rules: RedFlagRules) -> None:
    """Things given away are only a cue: with "made peace" they do not make the farewell rule's pair."""
    text = "I gave away my old photos because I've made peace with my new face. When is my review?"
    assert "self_harm" not in [f.kind for f in rules.detect(nlp(text))]


# Session 7, from probes written here (not held-out messages): a future that may come, an injury in
# childhood, a thunderclap headache with double vision, a wound opened on purpose, Spanish forms.
@pytest.mark.parametrize("text", [
    "Could having a stroke in the future affect the muscle transplant?",
    "When I was 12 I was hit in the eye with a ball and my vision on that side has always been a bit blurry. "
    "Does that matter for eyelid surgery?",
])
def test_a_future_that_may_come_and_a_childhood_injury_are_not_urgent(nlp: Language, rules: RedFlagRules,
                                                                      text: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == [], text


@pytest.mark.parametrize(("text", "kind"), [
    ("an hour ago I got the worst headache of my life and now I'm seeing double", "stroke"),
    ("my operation was last Monday and now the cheek is huge, hot to touch and I'm shivering", "post_op"),
    ("I pulled my stitches open on purpose last night and it won't stop bleeding", "self_harm"),
    ("hace media hora se me traba la lengua al hablar y no puedo mover el brazo", "stroke"),
    ("ojalá me muriera mientras duermo", "self_harm"),
])
def test_thunderclap_headache_open_wound_on_purpose_and_spanish_forms(nlp: Language, rules: RedFlagRules,
                                                                      text: str, kind: str) -> None:
    assert kinds(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize(("text", "kind"), [
    ("my dad's smile went lopsided at dinner and he can't lift his coffee cup with his right hand", "stroke"),
    ("sudden numbness down my whole left side and my face feels heavy, what do I do", "stroke"),
    ("wife's face looks uneven all of a sudden and she's confused about where she is", "stroke"),
])
def test_a_cup_that_cannot_be_lifted_a_numb_side_and_confusion_about_where_one_is(
    nlp: Language, rules: RedFlagRules, text: str, kind: str
) -> None:
    """Probes written here (session 7): the second sign of a stroke in everyday words."""
    assert kinds(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", [
    "my hubby snores like he's choking every night lol, does that matter for my op?",
    "I can't swallow big pills, can the antibiotics come as liquid?",
    "I'm a bit confused about the options, which one is for synkinesis?",
])
def test_snoring_big_pills_and_confusing_options_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == [], text


def test_not_picking_up_the_phone_is_no_weak_hand(nlp: Language, rules: RedFlagRules) -> None:
    """"Can't hold a cup" is a weak hand; "not picking up her phone" is someone unreachable."""
    assert "stroke" not in kinds(nlp, rules, "my mum's mouth looks crooked today and she's not picking up her phone")
    assert "stroke" in kinds(nlp, rules, "my mum's mouth looks crooked today and she can't hold her cup")


@pytest.mark.parametrize("text", [
    "I overdosed on youtube videos about gracilis surgery last night, now I have questions",
    "I almost passed out laughing at my own selfie, my smile is so wonky. What can fix it?",
])
def test_jokes_about_too_many_videos_and_laughing_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == [], text


@pytest.mark.parametrize("text", [
    "I can't get out of bed most days since this started. Is physio worth trying first?",
    "I'm so done with the tape and the drops. How long does eyelid surgery take?",
    "I feel invisible at work since my face changed. Do you do consultations by video?",
    "I've been in a dark place about my smile. Is Botox a good first step?",
])
def test_low_mood_in_everyday_words_is_a_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    """Written here (session 7); several are negative themselves, so their "not" is part of the phrase."""
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", ["In selective neurectomy, what is the point of cutting the nerve?",
                                  "my brow hangs so low it touches my lashes, is there an op for that?"])
def test_the_point_of_an_operation_and_a_low_brow_are_no_low_mood(nlp: Language, rules: RedFlagRules,
                                                                  text: str) -> None:
    assert kinds(nlp, rules, text) == [], text


def test_an_eye_that_does_not_close_is_the_eye_emergency_not_a_new_palsy(nlp: Language, rules: RedFlagRules) -> None:
    """Beside an eye emergency, a "new palsy" seen only in the eye that does not close is that eye;
    a face that changed as well is still a new palsy, advised first."""
    eye_only = "my eye won't shut at night, I woke up and it's burning and everything looks foggy"
    assert kinds(nlp, rules, eye_only) == ["eye_emergency"]
    face_too = "my mouth started drooping this morning and now that eye is red, painful and blurry"
    assert kinds(nlp, rules, face_too)[:2] == ["new_palsy", "eye_emergency"]


@pytest.mark.parametrize(("text", "kind"), [
    ("i sliced my leg again, its bleeding through the towel", "self_harm"),
    ("I took a knife to my scar because I hate it, it's bleeding a lot", "self_harm"),
    ("de repente no puedo cerrar el ojo y la boca se me tuerce, y el ojo me arde", "new_palsy"),
])
def test_a_blade_taken_to_oneself_and_a_mouth_that_twists(nlp: Language, rules: RedFlagRules, text: str,
                                                          kind: str) -> None:
    assert kinds(nlp, rules, text)[:1] == [kind], text


def test_a_ligature_round_the_neck_is_an_act_and_hoping_it_goes_wrong_a_cue(nlp: Language,
                                                                           rules: RedFlagRules) -> None:
    text = "Quick question about hospital stay - my partner found me with a belt round my neck last night. Overnight?"
    assert kinds(nlp, rules, text)[:1] == ["self_harm"]
    flags = rules.detect(nlp("part of me wishes the op goes wrong"))
    assert any(f.kind == "self_harm_cue" and "passive_wish" in f.concepts for f in flags)
    assert kinds(nlp, rules, "I hope nothing goes wrong during the operation, what are the risks?") == []
