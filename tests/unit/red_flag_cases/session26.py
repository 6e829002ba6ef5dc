"""The red-flag rules on session 26: an operation's site between it and its day, fever told as
shivery and sweaty beside "can it wait?", the operation "this afternoon", a face trouble dated by when
it began, a voice gone hoarse beside a wheeze, a step nearly taken at a cliff, the good side drooping too,
and something in the eye that explains the lost sight.

Urgent now: "tendon transfer to my upper lip on Thursday." with a lip turned black and cold; "can it wait until
Monday?" asks whether care is needed now, so it no longer reads as a general question that hides the fever and
the angry scar; "the operation was this afternoon"; "my face trouble began this morning" beside a general
question; a wheeze with a croaky voice after a filler; "I almost jumped off" at a cliff; the good side gone droopy
too since yesterday (the existing palsy's exception was there, the new palsy's rule lacked it); and grit in the
palsy eye with the sight gone, the eye's emergency first, not a stroke.

Still not urgent: "one and done" (one operation), a hoarse voice and a wheeze "as always", a long stand on a
bridge to watch trains, going over on one's ankle, the good side sagging with age for years.

The messages were written for these tests, never from a held-out text. Before the change every case of
NOW_URGENT got no advice of its kind first, and the case of NOT_URGENT marked so was taken over.
"""

from __future__ import annotations

NOW_URGENT = [
    ("Tendon transfer to my upper lip on Thursday. Tonight the lip has turned black and it is cold to touch.",
     "post_op"),
    ("Shivery and sweaty, and the scar is angry and hot since my nerve transfer last week. Can it wait until Monday?",
     "post_op"),
    ("The operation was this afternoon and my cheek has ballooned, it's tight as a drum.", "post_op"),
    ("What usually causes a droopy mouth? My face trouble began this morning.", "new_palsy"),
    ("A bit wheezy, and my voice has gone croaky since the filler half an hour ago. Is that a known side effect?",
     "breathing"),
    ("After work I waited at the cliff top and I almost jumped off. What does the consultation involve?", "self_harm"),
    ("Since this morning my left side, the good side, has gone droopy as well.", "new_palsy"),
    ("Since yesterday my good side has gone droopy too.", "new_palsy"),
    ("Some grit got in my eye this morning, the palsy one, it's stabbing and I can't see out of it properly.",
     "eye_emergency"),
]
NOT_URGENT = [
    # urgent before the change (a self-harm takeover): "one and done" read as a life finished
    "The brow lift was meant to be one and done. Why would I need a top-up?",
    "My voice went hoarse from singing and I'm wheezy with my asthma as always. Is a general anaesthetic a problem?",
    "We stood on the bridge for ages watching the trains. Is the op safe at 70?",
    "I nearly went over on my ankle at the station last year. Does the leg muscle operation affect walking?",
    "My good side has started to sag a little too as I get older, for a few years now. Can a face lift help both?",
]
