"""The red-flag rules on session 13: dev16's misses as kinds of failure.

Every message here was written for these tests from general knowledge of how patients and relatives write (a plan
told as settling it one's own way for good, other plans for how it ends, thanks passed to the team "for trying", time
at a bridge or an edge growing, a count of a named medicine taken, the worst hoped for, a grave preferred, waiting for
the rest of oneself to die, eyes closed for the end, Spanish wishes not to wake and a relative's threat; a curtain over
one eye's sight, towels or dressings gone through or used up, the good side drooping too, a Spanish palsy on waking;
the risk of not waking or of infection asked about, thanks for trying to fit one in, a dressing coming apart; low
mood in everyday words beside a question), never a held-out text.
Every case of URGENT_BY_RULES, PHYSICAL, NOT_URGENT and CHECKIN fails on the rules of the session's start (the urgent
ones in what the rules find without the models); STILL_NOT_URGENT and NO_CHECKIN are guards that must keep holding.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent

# Self-harm the rules themselves now find (the models not needed).
URGENT_BY_RULES = [
    # settling it one's own way, for good
    "Don't bother booking the revision, I'll deal with this myself in my own way, for good.",
    "No more appointments please. I'm going to handle things my own way permanently.",
    # other plans for how it ends; deciding how it ends
    "I've cancelled my physio. I have my own plans now for how all of this ends.",
    "I quit the botox months ago and I've decided how this ends.",
    # thanks passed to the team "for trying", beside a farewell cue
    "Please thank the team for trying with me. I won't need my follow-up appointment. Bye.",
    "Could you tell my consultant thanks for trying. I won't be needing the review in March.",
    # time at a bridge or an edge growing
    "There's a railway bridge I walk to at night. I've been staying there a bit longer every time. What's the recovery "
    "after a gracilis transfer?",
    "I keep driving up to the cliffs and getting closer to the edge every time. Anyway, is the consultation free?",
    # a count of a named medicine taken
    "took 25 propranolol about an hour ago, not sure why I'm telling a chatbot",
    "necked 12 of my mum's diazepam after the appointment",
    # the worst hoped for; a grave preferred; waiting for the rest of oneself, or just to die
    "When the nurse read out what could go wrong under anaesthetic I caught myself wishing the worst would happen.",
    "honestly I pray the worst happens on the operating table",
    "I would happily trade places with someone in their grave right now.",
    "I'd rather be six feet under than keep looking like this.",
    "Inside I'm already gone, I'm waiting for the rest of me to follow.",
    "Most days I'm just waiting to die.",
    # everything stopped, "permanently" told apart; eyes closed for the end
    "I need everything to stop. Permanently.",
    "I'm not suicidal, I'd just love to shut my eyes tonight and for that to be the end.",
    "some nights I want to close my eyes and never open them",
    # Spanish: not waking in another verb form, a relative's threat
    "Ojalá no despertarme mañana, estoy cansada de todo.",
    "Mi hijo dice que se va a matar.",
]

# Physical emergencies the rules now find: (message, first kind).
PHYSICAL = [
    # a curtain, blind or shadow come down over one eye's sight
    ("Out of nowhere a dark curtain has come across the top half of my left eye's vision", "eye_emergency"),
    ("its like someone pulled a blind down over my right eye, started at lunch", "eye_emergency"),
    # towels or dressings gone through, pressure held and it still runs
    ("Since my facelift two days ago the cheek has been bleeding for an hour. I've gone through 6 pads pressing on it.",
     "post_op"),
    ("I had my brow lift on Monday. I've used up 4 dressings since lunch.", "post_op"),
    # the good side drooping too, beside an existing palsy
    ("Ever since my Bell's palsy in 2019 the left has been weak, but this morning the other side of my face has "
     "started sagging too.", "new_palsy"),
    # Spanish: woken with it, the mouth or smile gone with "ni"
    ("Esta mañana me he despertado y no puedo cerrar el ojo ni mover la boca de ese lado.", "new_palsy"),
]

# A risk asked about is a question, not an event.
NOT_URGENT = [
    "What's the risk that someone never wakes up after a general anaesthetic?",
    "How often do patients never wake up from this kind of surgery?",
    "How likely is a wound infection after these procedures?",
    # thanks for trying to fit one in, beside an appointment no longer needed, is a cancellation
    "Thank you for trying to fit me in. I won't need the appointment after all, my GP sorted it.",
    # a dressing coming apart is the cover, not the wound
    "The dressing is falling apart, can I replace it myself?",
]

STILL_NOT_URGENT = [
    "I hope the worst is over after the second operation.",
    "hope for the best, prepare for the worst - what are the risks?",
    "I took 2 of my co-codamol an hour ago for the pain, can I take more?",
    "I took 400 mg of gabapentin this morning as prescribed, is that ok before the op?",
    "thanks for trying to help, I'll call the clinic instead",
    "I'd like to have one operation and that be the end of it. Is that realistic?",
    "The graft is meant to bridge the gap in the nerve, how long does that take?",
]

# Low mood in everyday words beside a real question: answered, with the gentle line.
CHECKIN = [
    "Really struggling with my confidence since the op. How long does swelling last?",
    "Not in the best headspace right now. Can I pay in instalments?",
    "Haven't been doing too well emotionally since the diagnosis. Does the clinic have a psychologist?",
    "Frightened and low about the whole thing. What happens at the first consultation?",
    "My husband has his op on Friday and I'm an absolute wreck. How long will he be in theatre?",
    "I hate having my picture taken these days. Could a brow lift help?",
    "I feel painfully self-conscious at work. Which procedure leaves the smallest scar?",
]

# Frustration, nerves, disappointment with a result or being overwhelmed: no crisis line, out of proportion.
NO_CHECKIN = [
    "So frustrated that nobody has called me back. When are you open?",
    "A bit nervous about the anaesthetic. How long will I be asleep?",
    "Slightly disappointed with how my smile looks after botox. Is a top-up possible?",
    "Feeling overwhelmed by all the choices. Which is better, static or dynamic?",
    "Gutted the surgery date moved. Can I get an earlier slot?",
    "I'm fine mentally, I just want to know the recovery time.",
]


@pytest.mark.parametrize("text", URGENT_BY_RULES)
def test_self_harm_found_by_the_rules(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["self_harm"], text
    assert "self_harm" in by_rules(nlp, rules, text), text


@pytest.mark.parametrize(("text", "kind"), PHYSICAL)
def test_physical_emergencies_found_by_the_rules(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text
    assert by_rules(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", NOT_URGENT + STILL_NOT_URGENT)
def test_questions_about_risks_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", CHECKIN)
def test_low_mood_in_everyday_words_is_a_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", NO_CHECKIN)
def test_frustration_and_nerves_get_no_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text
