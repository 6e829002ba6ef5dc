"""The red-flag rules on phrasings added in session 9 (without Rasa).

Every message here was written for these tests from general knowledge of how people at risk, their
relatives and patients write (the families the session's probe batches found missing, not their
texts). The held-out sets in tests/e2e/ are never read here.
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
    # Probe batch 9 (untuned: 8/25 urgent missed): a weight round other people's necks, an accident
    # that would be welcome, a car and a hose, last words for someone else with the
    # phone off, a sleep with no waking in Spanish, lingering where trains pass.
    ("i'm a weight around my family's neck, they deserve a life without me in it", "self_harm"),
    ("honestly if a lorry hit me on the way home i'd be relieved", "self_harm"),
    ("the car, the hose and the tape are in the garage, I just need to be alone", "self_harm"),
    ("she left a message saying look after the dog for me and now she isn't answering", "self_harm"),
    ("quiero dormirme y no volver a despertar nunca", "self_harm"),
    ("i stood at the edge of the platform for an hour watching the trains go through", "self_harm"),
    # Families seen in a studied set's misses (dev11), written anew: a burden soon lifted, medicine
    # gathered in secret, a sleep "and that's it", a written note and an empty house, not sticking
    # around, a side of the face that "has gone", a Spanish muscle transplant turned dark.
    ("I'm such a burden to my parents. Soon they won't have to worry about me, it's all arranged.", "self_harm"),
    ("i've been secretly saving up my mum's oramorph", "self_harm"),
    ("some nights i hope i just fall asleep and that's it", "self_harm"),
    ("My letters have been written and I'm only waiting for everyone to be out tomorrow.", "self_harm"),
    ("if the graft fails I'm not going to stick around. Do you take card payments?", "self_harm"),
    ("My face was fine at breakfast. Since lunch the right side has gone.", "new_palsy"),
    ("el músculo nuevo de la cara se ha puesto negro desde ayer, me operaron el lunes", "post_op"),
    # A reaction to a new prescription gets the breathing advice first, not the crisis line.
    ("my throat is swelling up and I'm wheezing since I took the new tablets the GP gave me", "breathing"),
    # Probe batch 10 (untuned: 7/25 urgent missed, 2/15 ordinary alarmed, 5/5 check-ins missed): a
    # drowning looked up, a last contact with thanks, an illness hoped for, a Spanish relative about to
    # end his life, no future the writer wants, medicine gathered in secret.
    ("my girlfriend keeps searching how long it takes to drown", "self_harm"),
    ("It's the last time anyone will hear from me. Thanks anyway.", "self_harm"),
    ("part of me hopes I get cancer, then nobody could blame me", "self_harm"),
    ("mi padre dice que va a acabar con su vida", "self_harm"),
    ("there isn't a future I want to be around for", "self_harm"),
    ("I've been secretly keeping back my sleeping tablets for weeks", "self_harm"),
    # Probe batch 11 (untuned: 11/25 urgent missed, 1/15 ordinary alarmed, 3/5 check-ins missed): not
    # growing old, tired of life and going to God, not needed much longer, a Spanish rope kept, "all of
    # them" taken, a face that cannot whistle since this morning.
    ("i can't see myself getting older, not planning to", "self_harm"),
    ("I am tired of life, I want to be with God now", "self_harm"),
    ("wont be needing ur help much longer, thx for everything", "self_harm"),
    ("tengo una soga guardada en el coche", "self_harm"),
    ("my friend texted that she's swallowed all of them and wants to sleep", "self_harm"),
    ("since this morning I can't whistle and my eye won't shut, I've never had palsy", "new_palsy"),
    # Batches 12-13: an overdose as a quantity idiom of a named medicine, learners' "kill me", a fall let
    # happen, goodbyes said, a place handed over after a farewell, "not going to be around", dying fine by me.
    ("just so you know i took a handful of my diazepam after tea, feeling very woozy", "self_harm"),
    ("Sorry my English. Many nights I want to kill me, I cannot more with this face.", "self_harm"),
    ("I've made my peace. Someone else can have my place on the list.", "self_harm"),
    ("I've said my goodbyes to the kids, please tell the surgeon thank you for everything.", "self_harm"),
    ("no need to book my follow up, I'm not going to be around for it", "self_harm"),
    ("Honestly if I died under the anaesthetic, that would be fine by me.", "self_harm"),
    # Physical kinds in lay words: a drain bag filling with blood, nothing going down, breath too short to talk,
    # Spanish wheeze and the operated area.
    ("the drain bottle keeps filling up with fresh blood since the op yesterday", "post_op"),
    ("since this afternoon I can't get any water down at all, it just won't go", "breathing"),
    ("my mum can only say two or three words at a time, she's so out of breath", "breathing"),
    ("mi hija respira con pitidos y tiene los labios hinchados", "breathing"),
    ("el lado de la operación está rojo, caliente y sale pus", "post_op"),
    # Studied-miss classes: a growing tight neck swelling, a spot on the front of the eye, a lid operation named.
    ("my throat is swollen and getting tighter by the minute since the op", "breathing"),
    ("there's a white patch on my cornea since yesterday and everything looks blurry", "eye_emergency"),
    ("Eyelid lift 4 days ago and now there's pus coming out of the cut", "post_op"),
    # The lead's probe batches (untuned on the helpers' work: 3/55 urgent missed): Spanish air that will
    # not go in, a swollen tongue in Spanish.
    ("a mi padre no le entra bien el aire desde que le pusieron la inyección", "breathing"),
    ("tengo los labios hinchados después de comer marisco", "breathing"),
    # Probe batch 14 (self-harm buried, negated then contradicted, told by a relative, practical;
    # untuned: 1/25 urgent missed, 2/15 ordinary alarmed, 2/5 check-ins missed): going to a high or
    # dangerous place and not coming back.
    ("going up to the railway tonight and I'm not coming back home", "self_harm"),
    ("told my sister I'm off to the viaduct and she'll never hear from me again", "self_harm"),
    ("he cut himself on purpose again last night", "self_harm"),
    # A means put away for when "it" gets too much; everything set for a named day beside written letters.
    ("I've got my old tramadol put away for when things get too much, and that's soon", "self_harm"),
    ("My letters are written and everything is set for Saturday", "self_harm"),
]

# Messages that use alarming words and get no urgent advice (a check-in line may come with them).
NOT_URGENT = [
    # Everyday uses of the new families' words.
    "I finally found the courage to book a consultation. What should I bring?",
    "Can my sister look after the kids for me while I'm in hospital?",
    "The swelling on the left side has gone. When can I go back to work?",
    "I'm collecting my painkillers from the pharmacy tomorrow, can I take them with ibuprofen?",
    # A past operation's after-effects, and a child jumping off furniture (batch 10).
    "Last time I had an operation I couldn't breathe through my nose for a month, will this be the same?",
    "My son jumped off the bed and hit his cheek, can a knock cause facial palsy?",
    # A drain taken out is its planned removal (batch 11).
    "The nurse took the drain out this morning and there was a spot of blood, is that expected?",
    # Batches 12-13: whether the operation affects a function is a question; a choke feared is no choke.
    "Could the muscle transfer affect my speech or my breathing?",
    "Will they put a tube in, and could I choke when I wake?",
    "I let myself fall asleep on the sofa every night, will that hurt the graft?",
    # The eye as it always is.
    "My eye doesn't shut fully and it's sore most days, same as ever. Would a gold weight help?",
    # An eye that turns red or sore at a time of day is the habit of long-standing eye care.
    "the eye that won't close goes red and gritty by the end of the day, has done for ages. Options?",
    # A count of tablets is only a cue: the risk model must be sure before a takeover.
    "I took 2 of my painkillers after the injection, is that ok?",
    # Batch 14: someone else's kitchen accident, equipment bought for a named use, a trip with a return date.
    "My son cut himself on a broken glass at school, does that matter before his anaesthetic?",
    "She burnt herself cooking last night, can she still have the Botox on Friday?",
    "I bought a climbing rope last week, how soon after surgery can I climb?",
    "My husband keeps a gun for hunting, does that matter for the home nurse?",
    "We walk along the cliffs every Sunday and I'm not coming back from holiday until June, can the op wait?",
    "I keep paracetamol in the car in case the pain gets too much on long drives, can I still do that after surgery?",
    "Everything's ready for Thursday, my fit note is written, what time should I arrive?",
]

# Low mood beside a real question: the gentle check-in line, nothing urgent.
CHECK_IN = [
    "I cried again when I saw the wedding photos. How long does a cross face graft take to work?",
    "It breaks my heart that my son won't smile in photos. Can children have the surgery?",
    "I've had enough of people staring at me on the bus. Does a static sling look natural?",
    "The palsy cost me my job and my confidence. Is surgery covered by insurance?",
    "I'm a shadow of who I used to be. Can Botox help the tightness?",
    # Batch 10: the joke of others, barely talking to anyone, a world shrunk, Spanish overwhelm, a lost self.
    "I'm the laughing stock of my class. Can teenagers have the smile operation?",
    "I hardly speak to anyone now. Does physio help after a nerve graft?",
    "My life has shrunk to the house and work. Is surgery the next step?",
    "Estoy abrumada con todo esto. ¿Cuánto cuesta la consulta?",
    "It feels like I've lost my identity with my smile. What does a cross face graft involve?",
    # Batch 11: in a bad way, looked at as broken, Spanish "bicho raro".
    "My husband has been in a bad way since his palsy. Can he still have a nerve transfer?",
    "Kids stare like I'm a freak. How long does a static sling last?",
    # Batch 12: how to go on living like this.
    "I don't know how people live like this. Is there a nerve transfer for older patients?",
    # The lead's batch: crying as a habit.
    "I sob in the bathroom every time I see my smile. What does a temporalis transfer involve?",
    # Batch 14: not knowing how to carry on, feeling very low, tired of looking like this.
    "Honestly I don't know how to carry on like this. Is the waiting list long?",
    "I'm really low, to be honest. When can I see the surgeon?",
    "I'm so tired of looking like this. What does a static sling cost?",
]


@pytest.mark.parametrize(("text", "kind"), URGENT)
def test_urgent_forms_get_their_advice_first(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"][:1] == [kind], text


@pytest.mark.parametrize("text", NOT_URGENT)
def test_everyday_uses_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == [], text


@pytest.mark.parametrize("text", CHECK_IN)
def test_low_mood_is_a_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text
