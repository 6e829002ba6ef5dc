"""Misspelt clinic words read back before the message is understood (nlp/term_spelling.py)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from clinic.question_parts import looks_like_question
from nlp.spelling_component import ClinicSpelling
from nlp.term_spelling import TermSpeller, clinic_speller

TARGETS = "nerve graft transfer gracilis muscle eyelid surgery lift brow home work".split()
REAL = "the is a how long what recover recovery painful homework lint form".split()
SPELLER = TermSpeller(TARGETS, known=TARGETS, real_words=REAL)


@pytest.mark.parametrize(("typed", "read"), [
    ("how long is the eyelid surgry", "how long is the eyelid surgery"),   # a letter left out
    ("a brow lfit", "a brow lift"),                                         # four letters, two swapped
    ("Gracillis muscle", "Gracilis muscle"),                                # capital kept
    ("wat is a nervegraft?", "what is a nerve graft?"),                     # text-speak, two words joined
    ("r u a doctor or a bot", "are you a doctor or a bot"),                 # who is asked, texted
])
def test_misspelt_clinic_words_are_read_back(typed: str, read: str) -> None:
    assert SPELLER.correct(typed) == read


@pytest.mark.parametrize("typed", [
    "is it painfull",     # "painful" misspelt, not "pain full"
    "my homework",        # a real word is never split
    "a lint and a form",  # real words are never corrected
    "the banana",         # close to no clinic word
    "a U shaped scar",    # a capital letter alone is a letter
])
def test_real_words_and_other_words_stay_as_typed(typed: str) -> None:
    assert SPELLER.correct(typed) == typed


def test_the_clinic_speller_reads_procedure_names_back_and_leaves_real_words() -> None:
    speller = clinic_speller()
    assert speller.correct("temporalis tranfer") == "temporalis transfer"  # a listed misspelling, read back
    assert speller.correct("the myectomey") == "the myectomy"
    assert speller.correct("my algebra homework") == "my algebra homework"


def test_the_component_rewrites_messages_but_not_payloads() -> None:
    component = ClinicSpelling(SPELLER)
    typed, payload = Message(data={TEXT: "wat is the eyelid surgry"}), Message(data={TEXT: "/greet"})
    component.process([typed, payload])
    assert typed.get(TEXT) == "what is the eyelid surgery"
    assert payload.get(TEXT) == "/greet"


def test_a_question_starting_whats_is_a_question() -> None:
    assert looks_like_question("whats a brow lift")
    assert looks_like_question("hows the recovery after it")


def test_negations_other_languages_and_closer_real_words_stay_as_typed() -> None:
    speller = TermSpeller(["would", "spine", "hernia", "graft"], known=[], real_words=["since", "night", "ninth"])
    assert speller.correct("it wouldn't stop") == "it wouldn't stop"      # never "wouldn" -> "would"
    assert speller.correct("la herida", language="es") == "la herida"     # Spanish is not misspelt English
    assert speller.correct("sinse monday") == "sinse monday"              # "since" is nearer than "spine"
    assert speller.correct("a nerve grafft") == "a nerve graft"
