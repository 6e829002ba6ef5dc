"""The red-flag rules on session 30: what can or could be done is not a person who is done.

"Done," and "done." are a farewell's weak sign ("I'm done."), a cue the risk model reads; the word also ends what
a doctor said could or could not be done ("nothing more could be done, so I stopped asking"), which read as a
person who is done and took the question over. A thing that can, could, should (...) be done no longer counts;
"I'm done." beside it still does (the last NOW_URGENT case).

The messages were written for these tests, never from a held-out text. Before the change every NO_SELF_HARM_CUE
case gave the risk model a farewell's sign to weigh (it was a held-out story that ended "...with life" that it took
over); the NOT_URGENT cases guard the answer itself, the NOW_URGENT case that "I'm done." still counts.
"""

from __future__ import annotations

NOW_URGENT = [
    ("They said nothing more could be done for my face. i am so done. nobody would care", "self_harm"),
]
NO_SELF_HARM_CUE = [
    "The first specialist said nothing more could be done, so I learned to live with it. Would a transfer work now?",
    "My neurologist thought little could be done, so I went back to work. Is a browlift worth asking about?",
    "What should be done, and in what order, for an eye that will not close?",
]
NOT_URGENT = [
    "The first specialist said nothing more could be done, so I stopped asking. Would a nerve transfer work now?",
    "My neurologist thought little could be done, so I went back to work. Is a browlift worth asking about?",
    "What should be done, and in what order, for an eye that will not close?",
]
