"""Names shared by the domain, the actions and their tests."""

PROCEDURE_SLOT = "procedure"
LISTED_OPTIONS_SLOT = "listed_options"
PREVIOUS_TOPIC_SLOT = "previous_topic"  # the topic before the current one ("going back to...")
RECENT_PROCEDURES_SLOT = "recent_procedures"  # the last procedures discussed or compared, latest first
TOPIC_SLOT = "topic"  # the topic last answered: follow-ups, corrections and "going back to" lean on it
RED_FLAG_KIND_SLOT = "red_flag_kind"

PROCEDURE_ENTITIES = ("procedure", "treatment", "test")
ORDINAL_ENTITY = "ordinal"
RED_FLAG_KIND_ENTITY = "red_flag_kind"
SPANISH_PREFIX = "es."  # content keys of replies to a message written in Spanish ("es.english_only")
RED_FLAG_EXTRACTOR = "RedFlagDetector"  # the only extractor whose red-flag entities are believed
POSSIBLY_URGENT = "possible"
CHECK_IN = "checkin"
NOT_URGENT_KINDS = frozenset({POSSIBLY_URGENT, CHECK_IN})
LANGUAGE_ENTITY = "language"
GUARD_NOTE_ENTITY = "guard_note"

# Topics framed by "only your surgeon can assess your case": what the page ties to a case may follow.
PERSONAL_TOPICS = frozenset({"personal_advice", "candidacy"})
# Topics the page answers the same for every patient (how long it takes, the stay, the recovery, the risks, the
# tests...): no case told before changes which of their facts a question asks for. Not the options, the procedures,
# the synkinesis treatments, the eye, candidacy or advice, whose facts a case picks among.
GENERAL_FACT_INTENTS = frozenset({"ask_surgery_duration", "ask_anesthesia", "ask_hospital_stay", "ask_time_off_work",
                                  "ask_recovery", "ask_risks", "ask_stages", "ask_pain", "ask_diagnosis"})

NLU_FALLBACK_INTENT = "nlu_fallback"
NON_TOPIC_INTENTS = frozenset({
    "nlu_fallback", "out_of_scope", "report_urgent_symptom", "greet", "goodbye", "thank", "bot_challenge",
    "ask_wellbeing",
    "ask_capabilities", "affirm", "deny", "something_else", "choose_option",
})
