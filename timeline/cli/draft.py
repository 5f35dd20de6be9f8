"""A first draft of an entry from a raw article's text (`timeline new --from article.txt`).

Paywall and sign-up lines are dropped, the registry's actors named in the text are proposed,
the lede becomes the draft summary and the rest is kept as a quoted excerpt to rewrite.
Everything here is a proposal for a contributor to check; nothing is published as is.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..check.registry import Registry
from ..check.schema import SUMMARY_MAX_CHARS

# Lines that belong to the publisher's page, not the story. Deliberately narrow: a news line
# wrongly dropped is lost from the draft, a boilerplate line wrongly kept is deleted in review.
_BOILERPLATE = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^to continue reading\b",
        r"\bcontinue reading\b.*\b(log ?in|sign ?in|subscribe|subscription|account)\b",
        r"\b(create|register for|sign up for) (a |an |your )?free account\b",
        r"^(please )?(log|sign) ?in\b",
        r"^(subscribe|sign up|register) (now|today|here)\b",
        r"\balready (a subscriber|subscribed|have an account)\b",
        r"\bunlimited (news|access|articles|reading|digital access)\b",
        r"\b(subscribe|subscription|subscribers?)\b.*\b(to (read|continue)|full access)\b",
        r"^(advertisement|advertising|sponsored content)$",
        r"^(share|print|email|e-mail) (this )?(article|story|page)\b",
        r"\bwe use cookies\b",
    )
)
_LONGEST_BOILERPLATE = 200  # a longer line is a paragraph of the story
_SENTENCE_END = re.compile(r"(?<=[.!?…”\"'])\s+(?=[A-Z“\"'‘(])")
_ORDERED_MARK = re.compile(r"^(\d+)([.)])")


@dataclass(frozen=True, slots=True)
class Draft:
    """What an article offers an entry: a summary, the kept paragraphs and the actors named."""

    summary: str
    paragraphs: tuple[str, ...]
    actors: tuple[str, ...]  # registry ids, in the order the text first names them
    dropped: tuple[str, ...]  # boilerplate lines left out


def is_boilerplate(line: str) -> bool:
    text = line.strip()
    if len(text) > _LONGEST_BOILERPLATE:
        return False
    return any(pattern.search(text) for pattern in _BOILERPLATE)


def propose_actors(text: str, registry: Registry) -> tuple[str, ...]:
    """Registry actors whose name or an alias occurs in `text` as whole words, as written
    (case-sensitive, so the alias 'US' does not match the word 'us'), in order of first mention."""
    names: dict[str, str] = {}
    for actor in registry:
        for name in (actor.name, *actor.aliases):
            if name.strip():
                names.setdefault(name.strip(), actor.id)
    if not names:
        return ()
    # longest first, so 'North Korea' is found as itself and not as a shorter alias inside it
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    found: list[str] = []
    for match in re.finditer(rf"(?<!\w)(?:{alternatives})(?!\w)", text):
        actor_id = names[match.group(0)]
        if actor_id not in found:
            found.append(actor_id)
    return tuple(found)


def lede_summary(lede: str, limit: int = SUMMARY_MAX_CHARS) -> str:
    """The lede as a summary: whole, or its first sentences within the summary's limit."""
    lede = " ".join(lede.split())
    if len(lede) <= limit:
        return lede
    summary = ""
    for sentence in _SENTENCE_END.split(lede):
        if summary and len(summary) + 1 + len(sentence) > limit:
            break
        summary = f"{summary} {sentence}".strip()
    return summary[:limit]


def draft_from_text(text: str, registry: Registry) -> Draft:
    """Split an article's text into kept paragraphs and dropped boilerplate; propose the rest."""
    kept: list[str] = []
    dropped: list[str] = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        (dropped if is_boilerplate(line) else kept).append(line)
    summary = lede_summary(kept[0]) if kept else ""
    return Draft(summary, tuple(kept), propose_actors("\n".join(kept), registry), tuple(dropped))


def quoted_excerpt(paragraphs: tuple[str, ...]) -> str:
    """The paragraphs as a Markdown block quote that shows the text literally: HTML is escaped
    and a line that Markdown would read as a heading or list keeps its first character as text."""
    lines = []
    for paragraph in paragraphs:
        text = html.escape(paragraph, quote=False)
        if text[0] in "#+-*=`~_":  # a backslash keeps any punctuation literal in Markdown
            text = "\\" + text
        elif mark := _ORDERED_MARK.match(text):  # '1. ' would start a list: write '1\. '
            text = f"{mark[1]}\\{mark[2]}{text[mark.end() :]}"
        lines.append(f"> {text}")
    return "\n>\n".join(lines) + "\n"
