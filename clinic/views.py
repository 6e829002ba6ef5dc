"""What the knowledge layer hands out: plain frozen dataclasses, detached from any session.

A caller cannot lazily trigger queries through them, and they are safe to share between threads,
which is what lets the action server keep the whole content in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime


def padded_words(text: str) -> str:
    """Lower-case alphanumeric words between single spaces, with a space at each end. An apostrophe
    joins its word ("aren't" stays one word, "arent"), so a negation survives for the fact ranking."""
    return " " + re.sub(r"[^a-z0-9]+", " ", re.sub(r"['’]", "", text.lower())) + " "


@dataclass(frozen=True)
class TopicView:
    id: str
    intent: str
    title: str
    intro: str
    closing: str
    uses_procedure: bool
    lists: str
    list_intro: str
    without_procedure: str
    keywords: tuple[str, ...]
    with_procedure: str = ""
    confusable_with: tuple[str, ...] = ()
    menu_order: int = 0
    frame_always: bool = False  # its facts come with its intro and each other, whatever reached them

    def without_keywords(self, text: str) -> str:
        """The text with this topic's keywords taken out: what is left asks something more specific."""
        padded = padded_words(text)
        for keyword in sorted(self.keywords, key=len, reverse=True):
            padded = padded.replace(f" {keyword} ", "  ")
        return padded.strip()

    def mentioned_in(self, text: str) -> bool:
        """Whether one of the topic's keywords occurs in ``text`` as whole words."""
        padded = padded_words(text)
        return any(f" {keyword} " in padded for keyword in self.keywords)


@dataclass(frozen=True)
class ProcedureView:
    id: str
    name: str
    category: str
    kind: str
    detail_topic: str
    list_name: str
    list_order: int
    # an operation, not an injection, therapy or test: "is there an operation for it?" after the
    # synkinesis treatments asks for the neurectomy and the myectomy, not Botox
    operation: bool = False

    @property
    def is_treatment(self) -> bool:
        """A surgery, an approach or a treatment, not a test: the page's figures for surgery in general are never
        said to be "not for blood tests specifically" when a question about the operation follows the tests."""
        return self.category != "test"


@dataclass(frozen=True)
class FactView:
    id: str
    label: str
    text: str
    procedure_ids: tuple[str, ...]
    source: tuple[str, ...] = ()  # the page text it rests on (the widget shows it)
    general: bool = False  # holds for every procedure; procedure_ids are the ones it singles out

    def said_in_general(self, procedure: str) -> bool:
        """Whether this fact says for surgery in general what is asked of ``procedure`` (not singled out)."""
        return not self.procedure_ids or self.general and procedure not in self.procedure_ids

    def about_only(self, procedures: set[str]) -> bool:
        """Whether this fact is about procedures and none of ``procedures`` (a general one never is)."""
        return bool(self.procedure_ids) and not self.general and not set(self.procedure_ids) & procedures


@dataclass(frozen=True)
class CatalogueFact:
    """A fact with everything the ranker and the reply need: where it is shown, what it is about,
    and the page sentences it rests on (sent along with the answer for the widget to show)."""

    fact: FactView
    topic_ids: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Answer:
    """What the page says on a topic, for a procedure when one is known.

    ``facts`` has the procedure-specific facts first. ``general_only`` is true when a procedure
    was asked about but the page says nothing specific to it on this topic, so the reply can say
    the figures are general rather than imply they are about that procedure.
    """

    topic: TopicView
    procedure: ProcedureView | None
    facts: tuple[FactView, ...]
    closing: str
    options: tuple[ProcedureView, ...]
    general_only: bool


@dataclass(frozen=True)
class RedFlagRecord:
    id: int
    conversation_id: str
    kind: str
    message: str
    channel: str
    created_at: datetime
