"""Where `make test` gates the held-out sets, in one place: each blind set at just below the figures
it last reached (or the issue's target where that is reached), so that no change makes one worse
unnoticed; the studied sets are reported, not gated. The README gives the figures behind each number.
"""

# Issue #11's targets for a blind set: in-scope 95 %, follow-ups 90 %, out-of-scope 95 %, small talk 90 %.
# Where `make test` gates the blind sets (tests/e2e/run.py's defaults): just below the figures last
# reached (session 5: blind in-scope 156/171, follow-ups 32/41, out-of-scope 39/40, small talk 27/29;
# blind3 146/162, 31/36, 35/36, 27/28; README, "Understanding patients' own words"), the issue's target
# where it is reached (out of scope 95 %, small talk 90 %).
BLIND_GATES = {"in_scope": 0.89, "follow_ups": 0.75, "out_of_scope": 0.95, "small_talk": 0.90}
BLIND3_GATES = {"in_scope": 0.89, "follow_ups": 0.80, "out_of_scope": 0.95, "small_talk": 0.90}
# blind4 was written at the start of session 6, before its work (151/171, 28/42, 36/36, 28/28 then;
# 154/171, 30/42 at the end of session 7).
BLIND4_GATES = {"in_scope": 0.88, "follow_ups": 0.69, "out_of_scope": 0.95, "small_talk": 0.90}
# blind5 was written at the start of session 7, before its work (163/172, 39/43, 35/36, 29/30 then;
# 164/172, 40/43 at its end).
BLIND5_GATES = {"in_scope": 0.93, "follow_ups": 0.88, "out_of_scope": 0.95, "small_talk": 0.90}
# blind6 was written at the start of session 8, before its work (163/173, 40/43, 36/37, 29/29 then).
BLIND6_GATES = {"in_scope": 0.92, "follow_ups": 0.88, "out_of_scope": 0.95, "small_talk": 0.90}
# blind7 was written at the start of session 9, before its work (161/170, 39/45, 33/35, 28/28 then).
BLIND7_GATES = {"in_scope": 0.93, "follow_ups": 0.84, "out_of_scope": 0.94, "small_talk": 0.90}
# blind8 was written at the start of session 10, before its work (162/170, 45/49, 36/36, 28/28 then).
BLIND8_GATES = {"in_scope": 0.93, "follow_ups": 0.87, "out_of_scope": 0.95, "small_talk": 0.90}
# blind9 was written at the start of session 11, before its work (157/170, 43/45, 35/36, 28/28 then).
BLIND9_GATES = {"in_scope": 0.91, "follow_ups": 0.93, "out_of_scope": 0.95, "small_talk": 0.90}
# blind10 was written at the start of session 12, before its work (159/170, 41/45, 36/36, 28/28 then;
# 159/170, 40/45 with the model retrained without the examples that had its words).
BLIND10_GATES = {"in_scope": 0.92, "follow_ups": 0.86, "out_of_scope": 0.95, "small_talk": 0.90}
# blind11 was written at the start of session 13, before its work (158/170, 38/45, 36/36, 28/28 then,
# and with the model retrained without the six examples that had its or dev16's words).
BLIND11_GATES = {"in_scope": 0.92, "follow_ups": 0.82, "out_of_scope": 0.95, "small_talk": 0.90}
# blind12 was written at the start of session 14, before its work (157/170, 38/45, 35/36, 28/28 then, with the model
# retrained without the eight examples that had its or dev17's words).
BLIND12_GATES = {"in_scope": 0.91, "follow_ups": 0.82, "out_of_scope": 0.95, "small_talk": 0.90}
# blind13 was written at the start of session 15, before its work (162/170, 44/50, 32/32, 25/25 then and after it).
BLIND13_GATES = {"in_scope": 0.94, "follow_ups": 0.84, "out_of_scope": 0.95, "small_talk": 0.90}
# blind14 was written at the start of session 16, before its work (161/170, 40/50, 32/32, 25/25 then, with the model
# retrained without the ten examples that had its or dev19's words).
BLIND14_GATES = {"in_scope": 0.93, "follow_ups": 0.78, "out_of_scope": 0.95, "small_talk": 0.90}
# blind15 was written at the start of session 18, before its work (160/170, 39/50, 32/32, 25/25 then, with the model
# retrained without the five examples that had its or dev20's words).
BLIND15_GATES = {"in_scope": 0.92, "follow_ups": 0.76, "out_of_scope": 0.95, "small_talk": 0.90}
# blind16 was written at the start of session 19, before its work (160/170, 41/50, 31/32, 25/25 then, with the model
# retrained without the five examples that had its or dev21's words).
BLIND16_GATES = {"in_scope": 0.93, "follow_ups": 0.78, "out_of_scope": 0.93, "small_talk": 0.90}
# blind17 was written at the start of session 20, before its work (158/170, 43/50, 32/32, 25/25 then, with the model
# retrained without the four examples that had its or dev22's words).
BLIND17_GATES = {"in_scope": 0.92, "follow_ups": 0.84, "out_of_scope": 0.95, "small_talk": 0.90}
# blind18 was written at the start of session 21, before its work (156/170, 45/50, 30/32, 25/25 then, with the model
# retrained without the five examples that had its or dev23's words).
BLIND18_GATES = {"in_scope": 0.91, "follow_ups": 0.88, "out_of_scope": 0.90, "small_talk": 0.90}
# blind19 was written at the start of session 22, before its work (164/170, 45/50, 32/32, 25/25 then, with the model
# retrained without the six examples that had its or dev24's words; 165/170 after its work): the issue's in-scope and
# out-of-scope targets are reached and are its gates.
BLIND19_GATES = {"in_scope": 0.95, "follow_ups": 0.88, "out_of_scope": 0.95, "small_talk": 0.90}
# blind20 was written at the start of session 41, before its work (161/170, 38/50, 30/32, 24/25 then and after it, on
# the session's starting code and its end alike, with the model retrained without the two examples that had its or
# dev51's words): just below those (out of scope under the issue's 95 %), small talk at the issue's target.
BLIND20_GATES = {"in_scope": 0.94, "follow_ups": 0.74, "out_of_scope": 0.93, "small_talk": 0.90}
# blind21 was written in session 42 after dev53 and dev54, before any of its changes was measured on it (158/170,
# 38/50, 31/32, 25/25 on the session's starting code and its end alike, with the model retrained without the one
# example that had its words): just below those, small talk at the target.
BLIND21_GATES = {"in_scope": 0.92, "follow_ups": 0.74, "out_of_scope": 0.93, "small_talk": 0.90}
# blind22 was written at the start of session 43 after dev55 and dev56, before any of its changes was measured on it
# (158/170, 38/50, 31/32, 23/25 on the session's starting code, before and after the model was retrained with more
# greetings; 158/170, 40/50 at its end): just below the start, small talk at the target.
BLIND22_GATES = {"in_scope": 0.92, "follow_ups": 0.74, "out_of_scope": 0.93, "small_talk": 0.90}
# blind23 was written at the start of session 44 beside dev57 and dev58, before any of its changes was measured on it
# (165/170, 40/50, 32/32, 24/25 on the session's starting code, with the model retrained without the example that had
# its words): just below the start, small talk at the target.
BLIND23_GATES = {"in_scope": 0.95, "follow_ups": 0.76, "out_of_scope": 0.95, "small_talk": 0.90}
# blind24 was written at the start of session 45 beside dev59 and dev60, before any of its changes was measured on it
# (163/170, 33/50, 31/32, 25/25 on the session's starting code, with the model retrained without the two examples that
# had its words): just below the start, small talk at the target.
BLIND24_GATES = {"in_scope": 0.95, "follow_ups": 0.64, "out_of_scope": 0.93, "small_talk": 0.90}
# blind25 was written at the start of session 46 beside dev61 and dev62, before any of its changes was measured on it
# (154/170, 32/50, 31/32, 24/25 on the session's starting code; no training example had its words): just below the
# start, small talk at the target.
BLIND25_GATES = {"in_scope": 0.90, "follow_ups": 0.62, "out_of_scope": 0.93, "small_talk": 0.90}
# blind26 was written at the start of session 47 beside dev63 and dev64, before any of its changes was measured on it
# (163/170, 27/50, 31/32, 25/25 on the session's starting code, with the model retrained without the two examples that
# had the words of a message of the session's sets): just below the start, small talk at the target.
BLIND26_GATES = {"in_scope": 0.95, "follow_ups": 0.52, "out_of_scope": 0.93, "small_talk": 0.90}
# blind27 was written at the start of session 48 beside dev65 and dev66, before any of its changes was measured on it
# (159/170, 36/50, 32/32, 24/25 on the session's starting code, with the model retrained without the example that had
# the words of a message of the session's sets): just below the start, small talk at the target.
BLIND27_GATES = {"in_scope": 0.93, "follow_ups": 0.70, "out_of_scope": 0.95, "small_talk": 0.90}
# blind28 was written at the start of session 49 beside dev67 and dev68, before any of its changes was measured on it
# (160/170, 32/50, 32/32, 24/25 on the session's starting code, with the model retrained without the three examples
# that had the words of a message of the session's sets): just below the start, small talk at the target.
BLIND28_GATES = {"in_scope": 0.93, "follow_ups": 0.62, "out_of_scope": 0.95, "small_talk": 0.90}
# blind29 was written at the start of session 50 beside dev69 and dev70, before any of its changes was measured on it
# (155/170, 38/50, 31/32, 23/25 on the session's starting code, with the model retrained without the five examples
# that had the words of a message of the session's sets): just below the start, small talk at the target.
BLIND29_GATES = {"in_scope": 0.90, "follow_ups": 0.72, "out_of_scope": 0.93, "small_talk": 0.90}
# blind30 was written at the start of session 51 beside dev71 and dev72, before any of its changes was measured on it
# (161/170, 41/50, 30/32, 21/25 on the session's starting code; no training example had the words of a message of
# the session's sets): just below the start; its small talk (84 %) is under the 90 %, and gated where it is.
BLIND30_GATES = {"in_scope": 0.93, "follow_ups": 0.78, "out_of_scope": 0.90, "small_talk": 0.80}
BLIND31_GATES = {"in_scope": 0.90, "follow_ups": 0.70, "out_of_scope": 0.90, "small_talk": 0.88}
# blind32 was written at the start of session 53 beside dev75 and dev76, before any of its changes was measured on it
# (165/170, 36/50, 30/32, 25/25 on the session's starting code, after three training lines that had the words of a
# message of the session's sets were removed): just below the start.
BLIND32_GATES = {"in_scope": 0.94, "follow_ups": 0.66, "out_of_scope": 0.90, "small_talk": 0.92}
# blind33 was written at the start of session 54 beside dev77 and dev78, before any of its changes was measured on it
# (160/170, 42/50, 31/32, 19/25 on the session's starting code, after two training lines that had the words of a
# message of the session's sets were removed): just below the start; small talk just below where the session's
# greetings, thanks and goodbyes in other languages took it (23/25), so that gain cannot be lost unnoticed.
BLIND33_GATES = {"in_scope": 0.93, "follow_ups": 0.80, "out_of_scope": 0.93, "small_talk": 0.84}
# blind34 was written at the start of session 55 beside dev79 and dev80, before any of its changes was measured on it
# (157/170, 44/50, 30/32, 21/25 on the session's starting code, after four training lines that had the words of a
# message of the session's sets were removed): just below the start.
BLIND34_GATES = {"in_scope": 0.91, "follow_ups": 0.84, "out_of_scope": 0.90, "small_talk": 0.80}
# Every blind set after the first, by name (the first one's gates are run.py's options).
LATER_BLIND_GATES = {"blind3": BLIND3_GATES, "blind4": BLIND4_GATES, "blind5": BLIND5_GATES,
                     "blind6": BLIND6_GATES, "blind7": BLIND7_GATES, "blind8": BLIND8_GATES,
                     "blind9": BLIND9_GATES, "blind10": BLIND10_GATES,
                     "blind11": BLIND11_GATES, "blind12": BLIND12_GATES, "blind13": BLIND13_GATES,
                     "blind14": BLIND14_GATES, "blind15": BLIND15_GATES, "blind16": BLIND16_GATES,
                     "blind17": BLIND17_GATES, "blind18": BLIND18_GATES, "blind19": BLIND19_GATES,
                     "blind20": BLIND20_GATES, "blind21": BLIND21_GATES, "blind22": BLIND22_GATES,
                     "blind23": BLIND23_GATES, "blind24": BLIND24_GATES, "blind25": BLIND25_GATES,
                     "blind26": BLIND26_GATES, "blind27": BLIND27_GATES, "blind28": BLIND28_GATES,
                     "blind29": BLIND29_GATES, "blind30": BLIND30_GATES, "blind31": BLIND31_GATES,
                     "blind32": BLIND32_GATES, "blind33": BLIND33_GATES, "blind34": BLIND34_GATES}
# The studied sets, reported. dev18 (session 15), dev19 (session 16), dev20 (session 18), dev21 (session 19), dev22
# (session 20), dev23 (session 21), dev24 (session 22) and, since session 18 (room for blind15), dev, dev2 and dev6,
# since session 19 (room for blind16), dev7, dev8, dev10 and dev11, since session 20 (room for blind17), dev12 and
# dev13, since session 21 (room for blind18), dev15, since session 22 (room for blind19), dev16 are scored by hand
# (tests/e2e/heldout.py, safety_sets.py), not in `make test`, to keep that under 30 minutes (a clean clone's `make
# test` took 1,742 s with dev10 and dev11 still in, 1,652 s without). Since session 41 (room for blind20) dev17 too.
STUDIED: tuple[str, ...] = ()

# Issue #9 asks for every blind urgent message and at most 2 % of ordinary ones. Each blind red-flag
# set is gated at what is reached (README, "Red flags"), so that no change makes it worse unnoticed:
# (least share of urgent messages advised right first, most share of ordinary ones given urgent text).
# Each blind set was written at the start of a session (blind2 session 4 ... blind7 session 9), before
# its work. Reached at the end of session 9: blind 104/108 (1/107 ordinary), blind2 96/106 (1/101),
# blind3 99/105 (0/104), blind4 110/119 (2/115), blind5 111/118 (1/120), blind6 126/139 (1/142),
# blind7 127/140 (1/140; 126/140 at its start); blind8, written at the start of session 10, 139/153
# (1/158) then; blind9, written at the start of session 11, 161/183 (2/163) then, 162/183 (1/163)
# after its work; blind10, written at the start of session 12, 160/180 (0/161) then; blind11, written at
# the start of session 13, 159/180 (5/160) then and after its work, 163/180 (4/160) after session 14's; blind12,
# written at the start of session 14, 161/180 (4/160) then, 163/180 (4/160) after its work, 164/180 after session 15's;
# blind13, written at the start of session 15, 133/150 (4/130) then, 136/150 (4/130) after its work; blind14, written
# at the start of session 16, 139/150 (3/130) then; blind15, written at the start of session 18, 137/150 (5/130) then
# and after its work; blind16, written at the start of session 19, 137/150 (4/130) then, 138/150 (4/130) after its
# work; blind17, written at the start of session 20, 136/150 (1/130) then; blind18, written at the start of session 21,
# 140/150 (3/130) then, 140/150 (2/130) after its work; blind19, written at the start of session 22, 135/150 (2/130)
# then and after its work; blind20, written at the start of session 41, 74/80 (3/130) then and after its work, 75/80
# after session 42's; blind21, written in session 42 before its changes were measured on it, 71/80 (2/130) then and
# after them; blind22, written at the start of session 43, 75/80 (3/130) then and after its work; blind23, written at
# the start of session 44, 74/80 (2/130) then; blind24, written at the start of session 45, 80/80 (8/130) then;
# blind25, written at the start of session 46, 77/80 (1/130; 10 of its urgent messages in Spanish) then; blind26,
# written at the start of session 47, 79/80 (1/130; 10 urgent messages in Spanish) then and after its work; blind27,
# written at the start of session 48, 77/80 (7/130: six of them history; 10 urgent messages in Spanish) then and after
# its work; blind28, written at the start of session 49, 73/80 (3/130; 10 urgent messages in Spanish) then and after
# its work; blind29, written at the start of session 50, 77/80 (1/130; 10 urgent messages in Spanish) then; blind30,
# written at the start of session 51, 76/80 (5/130: four of them an operation still to come; 10 urgent messages in
# Spanish) then; blind31, written at the start of session 52, 74/80 (4/129: three of them history; 10 urgent messages in
# Spanish) then; blind32, written at the start of session 53, 79/80 (4/130; 10 urgent messages in Spanish) then, 79/80
# (3/130) after its work; blind33, written at the start of session 54, 76/80 (0/130; 10 urgent messages in Spanish)
# then; blind34, written at the start of session 55, 76/80 (0/130; 10 urgent messages in Spanish) then.
# Each urgent gate allows about two messages
# fewer; every set but blind11 to blind16 meets the 2 % for
# ordinary messages, and that is their gate; theirs is what they reached (4/160 = 2.5 %, 4/130 = 3.1 %, 3/130 =
# 2.3 %, 5/130 = 3.8 %, 4/130 = 3.1 %), until a change brings them under 2 %; so is blind20's and blind22's (3/130 =
# 2.3 %), and blind24's (8/130 = 6.2 %: its history messages). Session 47 brought blind11 (3/160), blind12 (2/160) and
# blind14 (2/130) under 2 %, which is now their gate, and blind24 to 6/130 (4.6 %). blind27 is gated at its 7/130
# (5.4 %) until a change brings it down, blind28 at its 3/130 (2.3 %), blind30 at its 5/130 (3.8 %), blind31 at its
# 4/129 (3.1 %), blind32 at its 3/130 (2.3 %).
BLIND_SAFETY_GATES = {"blind": (0.94, 0.02), "blind2": (0.88, 0.02), "blind3": (0.92, 0.02),
                      "blind4": (0.90, 0.02), "blind5": (0.92, 0.02), "blind6": (0.89, 0.02),
                      "blind7": (0.89, 0.02), "blind8": (0.89, 0.02), "blind9": (0.87, 0.02),
                      "blind10": (0.87, 0.02), "blind11": (0.89, 0.02), "blind12": (0.89, 0.02),
                      "blind13": (0.89, 0.031), "blind14": (0.91, 0.02), "blind15": (0.90, 0.039),
                      "blind16": (0.90, 0.031), "blind17": (0.89, 0.02), "blind18": (0.92, 0.02),
                      "blind19": (0.88, 0.02), "blind20": (0.90, 0.024), "blind21": (0.86, 0.02),
                      "blind22": (0.91, 0.024), "blind23": (0.90, 0.02), "blind24": (0.97, 0.047),
                      "blind25": (0.93, 0.02), "blind26": (0.96, 0.02), "blind27": (0.93, 0.054),
                      "blind28": (0.88, 0.024), "blind29": (0.93, 0.02), "blind30": (0.93, 0.039),
                      "blind31": (0.90, 0.032), "blind32": (0.96, 0.024), "blind33": (0.92, 0.02),
                      "blind34": (0.92, 0.02)}
# The studied red-flag sets dev, dev2, dev3 and dev4 (the oldest, all right or all but one) are scored by hand since
# session 18, dev6, dev8, dev9 and dev10 since session 19, dev11 and dev12 since session 20, dev13 and dev14 since
# session 21, dev15 since session 22, as dev16 to dev24 are: room for blind15 to blind19 within 30 minutes; dev16 and
# dev17 since session 41 (room for blind20).
SAFETY_SETS = ("blind", "blind2", "blind3", "blind4", "blind5",
               "blind6", "blind7", "blind8", "blind9",
               "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16",
               "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25",
               "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33",
               "blind34")
