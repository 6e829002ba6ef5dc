"""The red-flag rules on session 24: emergencies told in plain words, and ordinary words that read as risk.

Urgent now: short of breath while keeping still ("sitting still", "lying still": the body kept still, not a
condition that is "still" there), and a wound named as what pours or gushes after an operation, with no word for
blood; a myoplasty is an operation, pain that "has become unbearable" with its place told between, and the gap
between a wound's stitches growing.

Not urgent now: a face that droops "when I'm doing nothing" (the face at rest, in lay words, like "at rest"), a
request to "level" it (a treatment question), and laughing so hard one cannot breathe.

The messages were written for these tests, never from a held-out text. Before the change every case of
NOW_URGENT got no urgent advice, and every case of NOT_URGENT was taken over.
"""

from __future__ import annotations

NOW_URGENT = [
    ("Breathless just lying still in bed, I can barely finish a sentence", "breathing"),
    ("Out of breath sitting still and I can't finish a sentence", "breathing"),
    ("Since I got home from my op it's been pouring out of the incision", "post_op"),
    ("Surgery this morning and now it's gushing from the wound on my cheek", "post_op"),
    ("My myoplasty was on Monday and the pain in my jaw has gone excruciating", "post_op"),
    ("The gap between my stitches is wider than it was at lunch", "post_op"),
]

NOT_URGENT = [
    "My face droops on one side when I'm doing nothing",
    "Half my face slumps when I'm not doing anything",
    "My face is droopy on the right while I'm doing nothing, can they level it?",
    "My grandkids giggle so much at my wonky smile they can't breathe. Could surgery even it up?",
]
