"""The red-flag rules and the self-harm model on session 22: emergencies told in plain words, and
ordinary words that read as risk.

Urgent now: a diary entry "Day 3 after the surgery", a face gone wonky "since the weekend", swelling on "the op
side", the operation told with its weekday and a past verb ("the op on Monday went fine"), pain bad enough to make one
vomit, an eye named only in a sentence that asks while the next one tells its symptoms, and a forehead that
cannot be wrinkled, in Spanish. (Bleeding one "can't make stop", "alot" read as "a lot" and speech gone
"slurry" are rules now too; the physical model already confirmed most such messages, so no test here.)

Not urgent now: being taken somewhere by someone ("they took me back to theatre"), a medicine taken for a
long-standing condition, pain relief that "does nothing", an eye emergency placed in a stage of life gone by ("in
my thirties"), and an age told in Spanish ("tengo 45 años" is no temperature).

The messages were written for these tests, never from a held-out text. Before the change every case of
NOW_URGENT got no advice of its kind first, and every case of NOT_URGENT was taken over.
"""

from __future__ import annotations

NOW_URGENT = [
    ("Day 3 after my eyelid surgery and the pain is 9 out of 10 even with the tablets.", "post_op"),
    ("my cheek is swelling up really fast on the op side and it feels rock hard", "post_op"),
    ("The operation on Monday went well. Since lunch there's a swelling under my jaw that keeps getting bigger.",
     "post_op"),
    ("the ache since my brow lift yesterday has got so bad it's making me vomit", "post_op"),
    ("Is it normal for the eye with the spring in it to look cloudy? It's been very painful and red since "
     "yesterday and I can barely see through it.", "eye_emergency"),
    ("My smile has gone a bit crooked since the weekend. Should I mention it at my next check-up?", "new_palsy"),
    ("No puedo arrugar la frente de un lado desde esta mañana.", "new_palsy"),
]

NOT_URGENT = [
    "They took me back to theatre and fixed it.",
    "My mother takes pills for her heart. Is she too old for a gold weight?",
    "pain pills do nothing",
    "In my thirties my eye got an ulcer because it would not close. It healed fine. Should I get a weight put in?",
    "De pequeño me operaron de la cara. Ahora tengo 45 años. ¿Puedo operarme otra vez?",
]
