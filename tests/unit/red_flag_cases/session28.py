"""The red-flag rules on session 28: an operation told by the part it was on ("they did my cheek") or as one glued
word ("browlift"), a swelling still growing, the transplant as "the piece they transferred", pain that shot up or
became bad, a leg gone to jelly, one side of the body that will not move, edges that came apart, a dressing red right
through, blood "more than I expected" (a report, not a question about what to expect), a hedge ("most likely
nothing") before an eye's emergency, only one side of a child's smile going up, a new side fallen in Spanish or
opposite the old palsy, the good side gone numb, vowels dropped from common words ("fce", "wrk", "tawk"), and in
Spanish a report of one's own state ("tengo fiebre", "está supurando") beside "¿es normal?" and stitches that came
open ("se me abrieron los puntos"). An eye on "the bad side" of a face that can only see shadows now is the eye's
emergency, no new palsy.

Order: an eye that lost its sight after an eyelid operation gets the eye's advice first (its sight is at stake),
unless the wound itself is infected, bleeding, open or swelling (the operation's advice first): ``leads_over`` in
``nlp/red_flags.yml``. Only their own advice: a transplanted cheek turned blue is the flap's colour, not a lack of
air; an eye emergency in a child whose palsy is there since birth is no new palsy. Not urgent: a throat that swelled
"when I was about seven"; a face paralysed after a tumour removal beside a low mood told at dinner; a face that looks
lopsided in photos (the check-in's line only).

The messages were written for these tests, never from a held-out text. Before the change every case of NOW_URGENT
got no advice of its kind first, every EXACT_URGENT case but the third got other advice or another order, every
NOT_URGENT case but the last was taken over, and the LOW_MOOD_CHECKIN case also got a new palsy's advice. The third
EXACT_URGENT case and the last NOT_URGENT case guard the changes: an infected eyelid wound keeps the operation's
advice first, and "changed my appointment four times since the op" is no dressing soaked again and again.
"""

from __future__ import annotations

NOW_URGENT = [
    ("Since my browlift on Thursday the pain has become unbearable tonight.", "post_op"),
    ("They did my cheek last Wednesday and it is still growing, bigger than this morning.", "post_op"),
    ("The piece they transferred to my cheek has gone pale and grey since lunchtime.", "post_op"),
    ("Day 5 after the gracilis op and the pain has shot up overnight, way worse than the first days.", "post_op"),
    ("His right leg has gone to jelly and his face is drooping, it began ten minutes ago.", "stroke"),
    ("My mum suddenly can't move her left side and her mouth is twisted.", "stroke"),
    ("Had the myectomy on Tuesday. This morning the skin edges came apart.", "post_op"),
    ("Much more blood than I expected. It is dripping onto my shirt. The op was this morning.", "post_op"),
    ("The operation was yesterday. The pad on my neck is red right through for the third time tonight.", "post_op"),
    ("Hace años tuve parálisis del lado derecho, pero desde anoche el lado izquierdo está caído.", "new_palsy"),
    ("Today my 6 year old can only smile on one side: only one side goes up and she can't shut her left eye.",
     "new_palsy"),
    ("my dad fce droopy n his arm wont wrk, cnt tawk proply", "stroke"),
    ("¿Cuándo podré conducir? La cicatriz del muslo está supurando y tengo fiebre desde la transferencia muscular del "
     "martes. ¿Es normal?", "post_op"),
    ("Me operaron el viernes y hoy se me abrieron los puntos de la pierna. ¿Qué hago?", "post_op"),
    ("My right side has had a palsy for years. Since this afternoon my good side feels numb and weak too.",
     "new_palsy"),
    ("I had Bell's palsy on the left years ago. Since yesterday the weakness is on the opposite side from my old "
     "palsy.", "new_palsy"),
    ("It's most likely nothing, but I rubbed the eye that can't close with a rough towel and now it's very red, hurts "
     "and everything is blurry.", "eye_emergency"),
]
EXACT_URGENT = [
    ("The transplanted muscle in my cheek turned blue and cold an hour ago.", ["post_op"]),
    ("Since the eyelid surgery on Monday the sight in that eye has suddenly gone, I can't see out of it.",
     ["eye_emergency", "post_op"]),
    # a guard: the wound infected, the operation's advice stays first
    ("Eyelid weight put in four days ago; the stitch line is leaking pus and now I can't see out of that eye.",
     ["post_op", "eye_emergency"]),
    ("My son has had facial palsy since birth; this morning his eye went very red and painful and pus is coming out.",
     ["eye_emergency"]),
    ("Mum says the eye on the bad side of her face went all at once an hour ago; she can only see shadows now.",
     ["eye_emergency"]),
]
NOT_URGENT = [
    "When I was about seven my throat swelled up after eating peanuts. Now I carry an EpiPen. Does that matter for "
    "the anaesthetic?",
    "My husband has been down since his face was paralysed after the tumour removal. He barely eats at dinner. Can he "
    "have a video consultation?",
    # a guard: an appointment changed again and again is no dressing soaked again and again
    "Since the op I've changed my appointment four times, sorry! Is Thursday still free?",
]
LOW_MOOD_CHECKIN = [
    "Feeling low today. My face looks lopsided in all the wedding photos. Can a lift fix that?",
]
