"""The final say on a message's red flags: the rules' findings, with the risk model's second opinion.

The rules (``engine``) decide every urgent kind. For self-harm only, the rules also report a weaker
cue (``self_harm_cue``: a means, a farewell, a death word, future absence; never distress alone)
that is not urgent by itself; when the risk model (``risk_model``) reads the whole message as a present risk,
that cue becomes an urgent ``self_harm`` flag. So no classifier alone can start an urgent reply
(the rules must have seen a cue), and no phrase list alone has to foresee every way of writing it.
This module imports no Rasa (the red-flag component is its bridge).
"""

from __future__ import annotations

from spacy.language import Language

from nlp.red_flags.engine import RedFlag, RedFlagRules, default_rules
from nlp.red_flags.risk_model import SelfHarmRiskModel, load_model

SELF_HARM = "self_harm"
SELF_HARM_CUE = "self_harm_cue"
CHECKIN = "checkin"
MODEL_CONCEPT = "risk_model"  # named in the flag's concepts (and so in the logs) when the model spoke


def assess(flags: list[RedFlag], text: str, model: SelfHarmRiskModel | None) -> list[RedFlag]:
    """``flags`` from ``RedFlagRules.detect`` without the cue kind, plus self-harm when the model
    confirms a cue; most urgent first, and no check-in beside an urgent self-harm flag."""
    cue = next((f for f in flags if f.kind == SELF_HARM_CUE), None)
    found = [f for f in flags if f.kind != SELF_HARM_CUE]
    if cue is None or model is None or any(f.kind == SELF_HARM for f in found) or not model.is_risk(text):
        return found
    raised = RedFlag(SELF_HARM, (*cue.concepts, MODEL_CONCEPT))
    order = {kind: i for i, kind in enumerate(RedFlagRules.KINDS)}
    return sorted([*(f for f in found if f.kind != CHECKIN), raised], key=lambda f: order[f.kind])


def detect_text(nlp: Language, text: str, rules: RedFlagRules | None = None,
                model: SelfHarmRiskModel | None = None) -> list[RedFlag]:
    """What the assistant decides for ``text``: the clinic pipeline, the rules (default: the shipped
    file) and the shipped risk model (default), as the Rasa component does."""
    doc = nlp(text)
    chosen = rules if rules is not None else default_rules(nlp.vocab)
    return assess(chosen.detect(doc), doc.text, model if model is not None else load_model())
