"""Signs a patient describes without naming them. Synkinesis is one part of the face moving by itself
when the patient moves another ("when I smile my eye closes", "my mouth twitches every time I blink"). The
words of such a sign ("eye", "closes", "shut") are those of eyelid surgery, yet they tell a symptom, not a
question about the eyelid: ``without_synkinesis_signs`` takes them out before a question's words are weighed.
Plain words, no Rasa."""

from __future__ import annotations

import re

from clinic.question_split import clip

# A movement made on purpose, and another part that moves by itself: the mouth moved (a smile, eating,
# talking, pursed lips) and an eye closes or narrows, or the neck, chin or brow tightens; or the eye moved
# (a blink, eyes shut) and the mouth or cheek twitches. A smile that pulls the mouth to one side is the
# palsy itself, not synkinesis: the part moving by itself must be another one.
_WHEN = (r"\b(?:when(?:ever)?|every time|each time|anytime|any time|if|while|as soon as)\s+"
         r"(?:i|he|she|they|you|we)\s+(?:\w+\s+){0,2}?")
_MOUTH_MOVED = (r"(?:smil\w*|grin\w*|laugh\w*|eat\w*|chew\w*|talk\w*|speak\w*|sing\w*|whistl\w*|blow\w*|kiss\w*|"
                r"purs\w*|pucker\w*|drink\w*|sip\w*|yawn\w*|play\w*|mov\w* my (?:mouth|lips?))")
_EYE_MOVED = (r"(?:blink\w*|(?:close|closing|shut|shutting|screw\w*|squeez\w*) my eyes?|"
              r"rais\w* my (?:eye)?brows?)")
_GAP = r"\s+(?:(?!not\b|never\b|cannot\b|no\b)\w+\s+){0,2}?"
_TWITCH = r"twitch\w*|tighten\w*|tight|cramp\w*|spasm\w*|jerk\w*|goes (?:tight|hard|stiff)"
_EYE_BY_ITSELF = (r"\b(?:eyes?|eyelids?|lids?)" + _GAP + r"(?:clos\w*|shut\w*|squeez\w*|squint\w*|narrow\w*|"
                  r"wink\w*|scrunch\w*|goes small|get\w* (?:small|smaller)|" + _TWITCH + r")\b"
                  r"|\b(?:neck|chin|forehead|brows?|eyebrows?|nose|cheeks?)" + _GAP + r"(?:" + _TWITCH + r")\b")
_MOUTH_BY_ITSELF = (r"\b(?:mouth|lips?|cheeks?|neck|chin|nose)" + _GAP
                    + r"(?:" + _TWITCH + r"|pull\w*|jump\w*|mov\w*|dimpl\w*)\b")
_AFTER = r"(?:\s+(?:shut|closed|tight|up|together|too))?"  # "squeezes shut", "screws up"
_SENTENCE = re.compile(r"[^.!?;\n]+")
_TRIGGERED = [(re.compile(_WHEN + moved + r"\b", re.IGNORECASE),
               re.compile(r"(?:" + by_itself + r")" + _AFTER, re.IGNORECASE))
              for moved, by_itself in ((_MOUTH_MOVED, _EYE_BY_ITSELF), (_EYE_MOVED, _MOUTH_BY_ITSELF))]


def describes_synkinesis(text: str) -> bool:
    """Whether one sentence tells a part of the face moving by itself when the patient moves on purpose."""
    return any(moved.search(sentence) and by_itself.search(sentence)
               for sentence in _SENTENCE.findall(clip(text)) for moved, by_itself in _TRIGGERED)


def without_synkinesis_signs(text: str) -> str:
    """``text`` with the part said to move by itself blanked out ("my eye squeezes shut" when I whistle),
    in each sentence that describes synkinesis: the sign's words are no question about that part. So is the
    movement made on purpose ("when I smile"), when that sentence tells a part moving by itself with it: the
    smile there is the sign's trigger, no question about restoring one."""
    def blank(sentence: re.Match[str]) -> str:
        said = sentence.group()
        for moved, by_itself in _TRIGGERED:
            if moved.search(said):
                signed = by_itself.search(said) is not None
                said = by_itself.sub(_spaces, said)
                said = moved.sub(_spaces, said) if signed else said
        return said
    read = clip(text)
    blanked = _SENTENCE.sub(blank, read)  # a part blanked only where its sentence tells the movement made on purpose
    return blanked if blanked != read else text


def _spaces(found: re.Match[str]) -> str:
    return " " * len(found.group())
