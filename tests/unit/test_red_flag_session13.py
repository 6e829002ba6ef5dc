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
from pathlib import Path

import pytest
import yaml

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, minimal_rules, urgent

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


# ---------------------------------------------------------------------------------------------
# Session 13, second round (branch cry13): three kinds of ordinary question that dev16 saw taken over by urgent
# text, written here in new words. The NOT_URGENT_13B cases fail on the rules of the round's start (the first
# group got a check-in or, beside enough "I just want ..." in the whole message, the risk model's self-harm; the
# others a stroke or a post-operative emergency); the STILL_* lists are guards that must keep holding.

# A thing (the face, a smile, the mouth) wanted to look or be normal again is what the operation is for: an aim, not
# low mood, so neither a check-in nor a self-harm cue. "Not caring" about a thing (smiling, the scar, how long it
# takes) is a preference of the same kind.
AIM_NOT_LOW_MOOD = [
    "I really just want my smile to look normal again in the wedding photos, moving it matters less to me. Is a "
    "static sling the thing for that?",
    "Movement isn't a big deal for me, I'm not a big smiler. I mainly want my face to look normal again in pictures. "
    "What would you recommend?",
    "My aim is simple: I need my mouth to be normal again when I'm resting. Which operation does that?",
]

# Puzzled why, about why or on what: a question about information, not a confused mind beside a face that does not
# move (which here is the palsy the question is about).
PUZZLED_NOT_CONFUSED = [
    "The neurologist wants nerve studies first and I'm confused why, my face doesn't move at all anyway. What do the "
    "studies show?",
    "Honestly I'm confused about why I need an MRI when my face clearly won't move on the right. Is it routine?",
    "I'm confused on what comes first, my face doesn't move and I've been offered both botox and surgery.",
]

# Whether a part of the body can, could or will change after an operation, asked as such, no event told.
RISK_ASKED_NOT_TOLD = [
    "could my top lip swell up after the operation?",
    "will my face puff up after the op and for how long?",
    "Can my eye get red and sore after the lid surgery?",
]

NOT_URGENT_13B = AIM_NOT_LOW_MOOD + PUZZLED_NOT_CONFUSED + RISK_ASKED_NOT_TOLD

# Preferences told as not caring about a thing: never urgent (guards; already so at the round's start).
STILL_NO_FLAG_13B = [
    "I'm not too fussed about the scar on my leg, I only care that the smile works. How big is it?",
    "I don't care how long the recovery takes if my eye closes at the end. How long is it roughly?",
    "I don't really care about symmetry when I talk, only at rest. Is that a static procedure?",
    "Looks don't matter much to me, I don't care about them. I want the eye to close at night.",
    "Might her cheek go numb following the surgery?",
]

# Must keep firing: not caring whether one wakes, the writer wanting to feel normal again (a check-in), a confused
# mind beside a face sign (also "confused about where he is"), a change after an operation told, including a
# risk question followed by the event in another sentence.
STILL_URGENT_13B: list[tuple[str, str]] = [
    ("I don't care if I wake up from the op or not", "self_harm"),
    ("i dont care if i dont wake up after the surgery tbh", "self_harm"),
    ("My dad is confused and the side of his face has dropped", "stroke"),
    ("She suddenly got confused and her mouth is crooked", "stroke"),
    ("He's confused about where he is and his smile looks lopsided", "stroke"),
    ("can you help, my face is puffing up after my op", "post_op"),
    ("my cheek has puffed up since the op yesterday", "post_op"),
    ("Can my wound come open after surgery? Mine split this morning and it's bleeding through the dressing", "post_op"),
    ("can my face go numb after the op? it went numb an hour ago and my arm is weak too", "stroke"),
]


@pytest.mark.parametrize("text", NOT_URGENT_13B)
def test_aims_puzzlement_and_risk_questions_get_no_flag(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", STILL_NO_FLAG_13B)
def test_not_caring_about_a_thing_is_a_preference(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT_13B)
def test_told_events_and_wishes_still_fire(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


def test_wanting_to_feel_normal_again_is_still_a_checkin(nlp: Language, rules: RedFlagRules) -> None:
    assert kinds(nlp, rules, "I just want to feel normal again") == ["checkin"]


def test_an_unless_cue_may_cancel_from_anywhere_in_the_message(nlp: Language, tmp_path: Path) -> None:
    raw = minimal_rules()
    raw["concepts"]["told"] = ["today"]
    raw["suppressors"]["hypothetical"]["unless"] = ["told"]
    path = tmp_path / "rules.yml"
    text = "what if it droops. it started today"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert kinds(nlp, RedFlagRules.from_file(nlp.vocab, path), text) == []  # the time is another sentence's
    raw["suppressors"]["hypothetical"]["unless_in"] = "message"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert kinds(nlp, RedFlagRules.from_file(nlp.vocab, path), text) != []
    raw["suppressors"]["hypothetical"]["unless_in"] = "paragraph"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(ValueError, match="unless_in"):
        RedFlagRules.from_file(nlp.vocab, path)
