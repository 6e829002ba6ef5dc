"""The red-flag rules on session 27: a swelling told as growing in the next sentence, breathing
worse "all afternoon" beside a general question, the place the transplanted muscle went, an eye
pushed forward with sight changed, a writer's own cheek that will not puff out beside a relative's
old palsy, a gun taken out, and the Spanish for an operation's day, an unbearable pain, speech that
costs effort and a past dated by its year.

Urgent now: a lump by the jaw after a neurectomy that "has grown really fast"; "mine has been
getting worse all afternoon" after a question about wheezing; the cheek "where the muscle went in"
gone dark; an eye bulging after a brow lift with sight gone (the eye's advice, not a stroke's); "I
can't puff out my own left cheek" beside a sister's palsy of ten years; a shotgun out on the table;
"la operación fue esta mañana" with an unbearable pain; a sudden droop with "me cuesta hablar".

Only its own advice: a son's wish to die beside his palsy of years (no new palsy). Not urgent: a
suicide attempt "en 2010", told as over.

The messages were written for these tests, never from a held-out text. Before the change every case of
NOW_URGENT got no advice of its kind first, the first EXACT_URGENT case also got a new palsy's, and the
NOT_URGENT case was taken over. The second EXACT_URGENT case guards a phrase measured and dropped: "I
have Bell's palsy" read as a palsy held for long hid a new palsy told with a hedge ("I think I have
..."). Other session-27 phrases (a swallow "getting difficult", a dragged leg, half the sight lost, a
face "kind of" floppy) were already caught by other rules or the physical model, so they have no
case here.
"""

from __future__ import annotations

NOW_URGENT = [
    ("There's a lump next to my jaw since the neurectomy on Monday. It has grown really fast.", "post_op"),
    ("Is wheezing normal after Botox? Mine has been getting worse all afternoon and I'm struggling to get air in.",
     "breathing"),
    ("Two days after discharge the cheek where the muscle went in looks dark purple.", "post_op"),
    ("The brow lift was this morning and now my eye is bulging and I can hardly see out of it.", "eye_emergency"),
    ("My sister has had a palsy for 10 years, she wants the smile surgery. This morning I can't puff out my own "
     "left cheek.", "new_palsy"),
    ("I've got my father's shotgun out on the table and I keep looking at it.", "self_harm"),
    ("La operación fue esta mañana y el dolor en la mejilla es insoportable, cada vez peor.", "post_op"),
    ("De repente se me cayó la cara y me cuesta hablar.", "stroke"),
]
# (the son's risk is the emergency: the palsy held for years is no new palsy)
EXACT_URGENT = [
    ("My son has had facial paralysis for years and today he told me he wants to die.", ["self_harm"]),
    # a guard: "I have Bell's palsy" named as a held condition hid this new palsy (measured and dropped)
    ("I think I have Bell's palsy, it started this morning. Can I be seen today?", ["new_palsy"]),
]
NOT_URGENT = [
    "En 2010 intenté suicidarme. Hoy estoy bien y con terapia. ¿Puedo operarme?",
]
