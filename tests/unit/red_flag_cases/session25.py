"""The red-flag rules on session 25: an operation dated by its weekday alone, Spanish words for what was
operated on, an ability kept, a mouth corner gone down, and a symptom dated by what it began after.

Urgent now: the operation told with its day and no verb ("Muscle transplant on Tuesday."), "después del
injerto" and a cheek "hinchándose" fast, "I can still walk, but..." (an ability kept is no standing
condition, unlike "still" alone), the corner of the mouth "gone down" since this morning, and a breathing
trouble that "started after I took" something, asked about with a general question.

Not urgent now: whether an operation exists ("are there procedures where they cut a nerve so ...?", a treatment
question), and an eye that is "constantly" red, with drops every morning (the everyday care of an eye that does
not close). Still not urgent: an operation to come on a weekday asked about, a mouth corner gone down years ago.

A low mood told in everyday words ("a rough week and I'm a bit low", "ando bajoneada") gets the check-in's
gentle line beside its answer; it is no self-harm cue.

The messages were written for these tests, never from a held-out text. Before the change every case of
NOW_URGENT got no urgent advice, every case of LOW_MOOD_CHECKIN got no check-in, and the two cases of
NOT_URGENT marked so were taken over.
"""

from __future__ import annotations

NOW_URGENT = [
    ("Muscle transplant on Tuesday. Since last night my cheek keeps getting bigger and it's hard as a rock.",
     "post_op"),
    ("Después del injerto del martes tengo la mejilla hinchándose muy rápido.", "post_op"),
    ("I can still walk fine but my throat is closing up.", "breathing"),
    ("My son can still talk, but his tongue keeps swelling.", "breathing"),
    ("Since this morning the corner of my mouth has gone down.", "new_palsy"),
    ("Really hard to breathe, it started after I took the new tablets. What are the usual side effects?",
     "breathing"),
]

NOT_URGENT = [
    # urgent before the change: whether an operation exists is a treatment question; an eye constantly red, with
    # drops every morning, is the everyday care of an eye that does not close
    "Are there procedures where they cut a nerve so my swollen-looking cheek relaxes?",
    "Grandad's eye won't fully close, it's constantly red and he says it hurts, his drops every morning barely help. "
    "Would a lid weight fix it?",
    "I have my cross face graft on Monday. What is the usual pain like?",
    "The corner of my mouth went down after the Botox I had in 2019, will surgery fix it?",
    "I can still remember when my face drooped in 2015. Is surgery still possible?",
]


# A low mood in everyday words beside a question: answered, with the check-in's gentle line (never urgent).
# Physical words that share the vocabulary ("my smile is flat", "the swelling went down") stay plain questions.
LOW_MOOD_CHECKIN = [
    "Had a rough week and I'm a bit low. Can the brow lift be done under local?",
    "Honestly a grim mood all month, my partner says I'm not myself. Is physio worth starting again?",
    "Ando bajoneada por mi cara. ¿Cuánto dura la recuperación?",
    "My teenage son is sad about his smile in every photo. What age can he have surgery?",
]
NO_CHECKIN = [
    "My smile has been flat on the left since 2012. Would a nerve transfer help?",
    "The swelling went down after a week. When can I start the facial exercises?",
    "Can you lift the low corner of my mouth with a sling?",
]
