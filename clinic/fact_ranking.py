"""Ranking the knowledge base's facts against the words of one question.

A patient asks about one fact ("will the graft weaken my healthy side?"), not about a topic, so
the answer should lead with that fact. Each fact is scored by three things:

- its words and the patients' words for it (``knowledge/fact_cues.yml``), matched with the
  question's words, rare words counting more (BM25 over the facts, word stems, and pairs of
  neighbouring content words so "healthy side" counts as one cue);
- the intent classifier's confidence in the fact's topics (the topic prior);
- whether the fact is about the procedure the question names or the conversation is about.

Plain Python, no Rasa: the actions pass in the text, the topic weights and the procedures.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from clinic.asking_condition import CONDITION_CLAUSE, CONDITION_WORD
from clinic.question_words import KIND_OF_OTHER, read_in_place, words_of
from clinic.spelling import Speller

CUES_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "fact_cues.yml"

STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from into onto up down out over under about as is are was
were be been being am do does did doing done have has had having i me my mine myself you your yours we us our
he him his she her it its they them their this that these those there here what which who whom whose when
where why how can could would should will shall may might must just so too very really actually exactly
please thanks thank hi hello also then than any some all each every much many most such own same
not no nor only still yet even ever get got getting go going gone make made let lets say tell know
want wanted need needed like im ive id youre dont doesnt didnt cant wont isnt arent wasnt u ur r pls plz
one ones thing things something lot bit way dear sir madam doctor dr none non
""".split())
# The clinic's subject itself: in every question, it tells no fact from another.
SUBJECT_WORDS = frozenset("facial face faces reanimation palsy paralysis paralyzed paralysed bell bells".split())
STOPWORDS = STOPWORDS | SUBJECT_WORDS
# Patients' short forms and the page's words for the same thing meet on one stem.
SAME_WORD = {
    "op": "surgery", "ops": "surgery", "operation": "surgery", "operations": "surgery", "surgeries": "surgery",
    "surgical": "surgery", "anaesthetic": "anesthesia", "anaesthesia": "anesthesia", "anesthetic": "anesthesia",
    "physio": "physiotherapy", "haematoma": "hematoma", "paralysed": "paralyzed",
    "offer": "provide", "offers": "provide", "offered": "provide", "offering": "provide",
    "rarer": "rare", "rarest": "rare", "rarely": "rare", "commoner": "common", "commonest": "common",
    "half": "side", "halves": "side",  # "the working half of my face" is the page's "healthy side"
    # "I'm considering surgery" tells what the patient is thinking of, not what surgeons consider
    "considering": "pondering", "contemplating": "pondering",
    "riskier": "risk", "riskiest": "risk", "safer": "safe", "safest": "safe",
    "influence": "affect", "influences": "affect", "influenced": "affect",
    # lay words for the page's "numbness"; the adjective of its "self-confidence"
    "tingly": "numb", "tingling": "numb", "tingle": "numb", "tingles": "numb",
    "confident": "confidence", "unconfident": "confidence",
}
REFERENCE_WEIGHT = 0.3  # a word that only points back to "the surgery": between a stop word and a word
# asking in which case (clinic.asking_condition) is the question; a procedure's description around it only says of what
CONDITION_WEIGHT = 3.0
LEXICAL_FLOOR = 6.0  # about one distinctive word and pair: weaker matches score below 1
SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ied", "ies", "ness", "ments", "ment", "ers", "er",
            "ed", "es", "ly", "s", "y")


def stem(word: str) -> str:
    """A light suffix stripper: enough for "grafting"/"grafts"/"graft", "transferred"/"transfer"
    and "moved"/"move" to meet, nothing cleverer."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
                return stem(word[:-1])  # "transferr(ed)", "stopp(ed)": the suffix's doubled consonant
            break
    return word[:-1] if len(word) >= 4 and word.endswith("e") else word


# "this kind of surgery", "the operation", "your procedure": words that point back to the surgery in
# general name no fact, yet they match every fact that says "surgery" or "types" ("what types of
# anaesthesia are possible for this kind of surgery?" is about anaesthesia, not the two kinds of
# surgery). They weigh little, not nothing: "how long does the operation take?" still asks for the
# operation time. A question's words only: "what types of surgery are there?" and "is there an
# operation for..." point back to nothing, nor does "the  operation" left by taking out a procedure's
# name (``TopicView.without_keywords`` leaves two spaces): "the muscle transplant operation".
# "What treatments exist for this kind of thing?" points back to what the patient told the same way: its
# "kind" asks for no kinds of surgery.
SURGERY_REFERENCE = re.compile(
    r"\b(?:the|this|that|these|those|such|my|your|his|her|their) "
    r"(?:(?:same|whole|kind|kinds|type|types|sort|sorts) (?:of )?)?"
    r"(?:surgery|surgeries|operation|operations|procedure|procedures|op|ops)\b"
    r"|\b(?:this|that|these|those|such|any|the same) (?:kind|kinds|type|types|sort|sorts) of "
    r"(?:thing|things|stuff|problem|problems|issue|issues|symptom|symptoms)\b")


# Words that turn the next content word around: "the nerve won't recover" asks for what is done
# when it does not, not about recovery.
NEGATORS = frozenset("non none not no never cannot cant wont dont doesnt didnt isnt arent wasnt wouldnt couldnt "
                     "without unable".split())
# "it won't be just one op": a negator before these denies the quantity, not the word after it
LIMITERS = frozenset("just only simply merely".split())


# Kinds of treatment a patient's word can rule out ("non-surgical", "without an operation").
RULED_OUT_KINDS = frozenset({stem("surgery")})


def content_stems(text: str, speller: Speller | None = None) -> list[str]:
    return _stems(text, speller)[0]


def _stems(text: str, speller: Speller | None, as_cue: bool = False) -> tuple[list[str], list[str]]:
    """The content words' stems, and those of them negated ("not_recov" for "won't recover").

    ``as_cue``: the words of a cue, where a negated kind of treatment (``RULED_OUT_KINDS``) is not also itself:
    "without surgery" is a patient's word for physiotherapy, yet it says nothing for "is there surgery
    for the tightness?". A negated state stays itself: "not moving" is what static restoration answers
    "will it make me move?" with."""
    words = words_of(text)
    if speller is not None:  # a question's words, spelt as the facts spell them ("none" is no misspelt "non")
        words = [w if w in STOPWORDS or w in NEGATORS else speller.correct(w) for w in words]
    stems: list[str] = []
    negated: list[str] = []
    after_negator = False
    for at, word in enumerate(words):
        word = read_in_place(words, at, question=speller is not None)
        if word in LIMITERS:
            after_negator = False
        if word in NEGATORS:
            after_negator = True
            if word in STOPWORDS:  # "without" and "never" are words of facts too ("without movement")
                continue
        # numbers ("2 years ago", "I'm 45") describe the patient, not which fact is asked for
        if word not in STOPWORDS and not word.isdigit():
            stems.append(stem(SAME_WORD.get(word, word)))
            if after_negator and word not in NEGATORS:
                negated.append(f"not_{stems[-1]}")
                after_negator = False
                if as_cue and stems[-1] in RULED_OUT_KINDS:
                    stems.pop()
    return stems, negated


def terms(text: str, speller: Speller | None = None, as_cue: bool = False) -> list[str]:
    """Stems plus pairs of content words at most one word apart: "healthy side" gives healthy,
    side and healthy_side; "cut into the tight muscle" also gives cut_muscl; a negated word
    also counts as itself negated ("not_recov"), and in a cue a kind of treatment only so (``as_cue``)."""
    stems, negated = _stems(text, speller, as_cue)
    # in either order: "muscles can be moved" meets "move a muscle"
    pairs = ["_".join(sorted((a, b))) for gap in (1, 2) for a, b in zip(stems, stems[gap:], strict=False)]
    return stems + pairs + negated


# the question's word for asking in which case, as the ranker sees it (stemmed)
CONDITION_TERMS = frozenset(terms(CONDITION_WORD))


@dataclass(frozen=True)
class FactEntry:
    """One fact as the ranker sees it."""

    id: str
    topics: tuple[str, ...]
    procedures: tuple[str, ...]
    text: str
    cues: tuple[str, ...] = ()
    general: bool = False  # about every procedure, its procedures only singled out: no penalty for others


@dataclass(frozen=True)
class Scored:
    fact: FactEntry
    score: float
    lexical: float


@dataclass
class FactIndex:
    """BM25 over facts (text and cues), combined with topic and procedure priors."""

    facts: list[FactEntry]
    topic_weight: float = 0.9
    procedure_weight: float = 0.8
    other_procedure_penalty: float = 0.6
    k1: float = 1.2
    b: float = 0.4
    _bags: list[Counter] = field(default_factory=list, init=False)
    _idf: dict[str, float] = field(default_factory=dict, init=False)
    _avg_len: float = field(default=1.0, init=False)
    _speller: Speller = field(default_factory=lambda: Speller(()), init=False)
    _says_when: list[bool] = field(default_factory=list, init=False)
    _condition_idf: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self._speller = Speller([*(w for f in self.facts for text in (f.text, *f.cues) for w in words_of(text)),
                                 CONDITION_WORD])
        self._bags = [Counter(terms(f.text)) + Counter(t for cue in f.cues for t in terms(cue, as_cue=True))
                      for f in self.facts]
        self._says_when = [CONDITION_CLAUSE.search(f.text) is not None for f in self.facts]
        document_frequency: Counter = Counter(t for bag in self._bags for t in set(bag))
        n = len(self.facts) or 1
        self._idf = {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in document_frequency.items()}
        self._avg_len = sum(sum(b.values()) for b in self._bags) / n if self._bags else 1.0
        when = sum(self._says_when)
        self._condition_idf = math.log(1 + (n - when + 0.5) / (when + 0.5))

    def lexical_scores(self, text: str, conditions_of: frozenset[str] | None = None) -> list[float]:
        """BM25 of each fact for ``text``. With ``conditions_of``, a question asking in which case
        (``ASKS_CONDITION``) also matches the facts that say when they apply: of those procedures (the
        question's or the conversation's; "when do they use it?" after a cross-face graft is not asking
        when nerve grafting in general is needed), of any when it is empty. Without it (which fact or
        procedure do the words describe?), asking in which case describes none."""
        query = set(terms(text, self._speller))
        kept = set(terms(KIND_OF_OTHER.sub(" ", SURGERY_REFERENCE.sub(" ", text.lower())), self._speller))
        weight = {t: 1.0 if t in kept else REFERENCE_WEIGHT for t in query}
        asks_when = conditions_of is not None and bool(query & CONDITION_TERMS)
        scores = []
        for fact, bag, says_when in zip(self.facts, self._bags, self._says_when, strict=True):
            length = sum(bag.values())
            norm = self.k1 * (1 - self.b + self.b * length / self._avg_len)
            total = 0.0
            for term in query & bag.keys():
                tf = bag[term]
                total += weight[term] * self._idf[term] * tf * (self.k1 + 1) / (tf + norm)
            if asks_when and says_when and (not conditions_of or conditions_of & set(fact.procedures)):
                # as if the fact had the question's one word for asking in which case
                total += CONDITION_WEIGHT * self._condition_idf * (self.k1 + 1) / (1 + norm)
            scores.append(total)
        return scores

    def rank(self, text: str, topic_weights: dict[str, float], procedures: Iterable[str] = (),
             context_procedures: Iterable[str] = (), background: Iterable[str] = (),
             answering: bool = False) -> list[Scored]:
        """Every fact, best first. ``topic_weights``: topic id -> 0..1 (the classifier's belief);
        ``procedures``: named in this question; ``context_procedures``: the conversation's;
        ``background``: named in the story around the question ("I had a nerve transfer three months
        ago... is it normal to see no change?"): a lift for their facts, no penalty for the others',
        since the question may well ask for something else ("is there a surgery for this?").
        ``answering``: the ranking answers the question, so asking in which case counts
        (``lexical_scores``); not when it only tells which fact or procedure the words describe."""
        named, context = set(procedures), set(context_procedures) - set(procedures)
        story = set(background) - named - context
        lexical = self.lexical_scores(text, frozenset(named | context) if answering else None)
        scale = max(max(lexical, default=0.0), LEXICAL_FLOOR)  # a question of common words does not get a full score
        ranked = []
        for fact, lex in zip(self.facts, lexical, strict=True):
            prior = max((topic_weights.get(t, 0.0) for t in fact.topics), default=0.0)
            score = lex / scale + self.topic_weight * prior
            about = set(fact.procedures)
            if about & named:
                score += self.procedure_weight
            elif about & context and not named:
                score += self.procedure_weight * 0.75
            elif about and (named or context) and not fact.general:
                score -= self.other_procedure_penalty
            elif about & story:
                score += self.procedure_weight * 0.5
            ranked.append(Scored(fact, score, lex / scale))
        return sorted(ranked, key=lambda s: -s.score)


@lru_cache(maxsize=4)
def index_of(facts: tuple[FactEntry, ...]) -> FactIndex:
    """The index of these facts, built once: several checks of one turn rank the same facts, and
    building (BM25 tables and the speller's deletion index) costs far more than looking it up.
    A changed fact or cue is a different key, so an edited knowledge base is indexed anew."""
    return FactIndex(list(facts))


@lru_cache(maxsize=4)
def _cues(path: Path, mtime: float) -> dict[str, tuple[str, ...]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): tuple(str(c) for c in v or []) for k, v in (data.get("cues") or {}).items()}


def load_cues(path: Path = CUES_PATH) -> dict[str, tuple[str, ...]]:
    """The patients' words per fact id; re-read when the file changes (no restart needed)."""
    if not path.exists():
        return {}
    return _cues(path, path.stat().st_mtime)
