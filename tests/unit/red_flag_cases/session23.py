"""The red-flag rules on session 23: emergencies told in plain words, and ordinary words that read as risk.

Urgent now: lips that will not pucker, the other (good) side of the face gone floppy or still after an old palsy,
fingers or a hand that will not cooperate and a leg that went from under one beside a face that slips, part of
what one sees gone beside a face that dropped (a stroke, not only a new palsy), pain gone "from bad to
excruciating", "10/10 and climbing" or "extreme" after an operation (also when the operation is named in a
sentence asking for a physio schedule: a schedule is no operation still to come), blood running onto one's
clothes, a dressing changed every few minutes, a purple lump, a side "a lot puffier", a wound that "unzipped", the
skin patch that shows a transplanted muscle gone dark, a throat tight "around", and questions about how many
tablets kill or "would be too many" when "it's not for pain".

Not urgent now: a choking years ago told as history, a palsy dated by the child born since, and a droop "at
dinners" that has lasted since a year long gone ("at dinner" alone was read as today's).

The messages were written for these tests, never from a held-out text. Before the change every case of
NOW_URGENT got no advice of its kind first, and every case of NOT_URGENT was taken over.
"""

from __future__ import annotations

NOW_URGENT = [
    ("since breakfast half my lips won't pucker", "new_palsy"),
    ("I had Bell's on the right years ago. Since this morning the left side has gone floppy too.", "new_palsy"),
    ("I've had a palsy on my left since 2019. Since this morning my good side won't move at all.", "new_palsy"),
    ("my hand isn't cooperating and my smile is slipping since ten minutes ago", "stroke"),
    ("my leg went from under me and my mouth is drooping since 5 minutes ago", "stroke"),
    ("half of what I see has gone dark and my face dropped a few minutes ago", "stroke"),
    ("Day 4 after the nerve graft. Pain has gone from bad to excruciating.", "post_op"),
    ("the pain after my op yesterday is 10/10 and climbing", "post_op"),
    ("Could you send me the physio schedule after my temporalis transfer? The pain has suddenly got extreme "
     "tonight.", "post_op"),
    ("Had the op today. Blood on the dressing. It's running onto my shirt now.", "post_op"),
    ("Surgery yesterday. Is it ok to change the dressing every few minutes?", "post_op"),
    ("Op yesterday, now a purple lump on my thigh", "post_op"),
    ("it's a lot puffier on the op side than this morning", "post_op"),
    ("Op yesterday, the wound just unzipped", "post_op"),
    ("The skin patch they check the muscle with has gone dark since this morning", "post_op"),
    ("feels tight around my throat since the new tablets", "breathing"),
    ("how many paracetamol kills you", "self_harm"),
    ("How many of my co-codamol would be too many? It's not for pain.", "self_harm"),
]

NOT_URGENT = [
    "A few years back I choked on some food. Can reanimation help me eat?",
    "My face suddenly drooped when I was pregnant with my son, now 7. Can it be fixed?",
    "My mouth has drooped at dinners since 2012 and it's so embarrassing. What helps?",
]
