"""Whether a question asks for a verdict on the writer's own case ("should I have it?", "is it worth it
for me?", "what would you do in my place?"), which the assistant never gives: the page's words on how the
decision is made answer it, under "only your surgeon can assess".

The classifier files many questions about a fact under that topic only because they are put as "would
I...": "if it's done in spring, will I see a difference by the summer?" asks when results show; "would I
stay overnight?" asks about the hospital stay. Over the studied sets dev53 to dev74, 75 questions were filed
there; of the 34 that have none of these words, all but one asked for a fact of another topic, and that one (whether
anything can be done for "someone like me", in text-speak) is read by "like me" here. Plain words, read
the same by every channel.
"""

from __future__ import annotations

import re

_VERDICT_WORDS = re.compile(
    r"\b(?:should|shud|shoud|shld|recommend\w*|rec+om+end\w*|advi[sc]e\w*|suggest\w*|worth\w*|wurth|need|needs|"
    r"best|better|right (?:for|choice|one|op|operation|thing|surgery|treatment)|suit\w*|opinion|decid\w*|"
    r"choos\w*|choice|pick|assess\w*|judge|severe|mild|bad|serious|hopeless|too late|reckon|think|bother|point|"
    r"waste|go for|go ahead|benefit\w*|help (?:me|him|her|us|them)|my case|in (?:my|his|her) (?:situation|place|"
    r"shoes|case)|were me|what would you do|what do you|look at|weigh\w*|take into account|factors?|consider\w*|"
    r"candidate|eligible|like (?:me|him|her|us|mine)|for (?:me|him|her|us|someone)|my options|can (?:you|u|they) "
    r"do|anything|something|possible|option)\b", re.IGNORECASE)


def asks_for_verdict(text: str) -> bool:
    """Whether the words ask for a judgement on one's own case, not for a fact put as "would I"."""
    return bool(_VERDICT_WORDS.search(text))
