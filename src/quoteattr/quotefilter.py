"""Which quoted stretches are quotations: a learned filter against scare quotes, titles and
nicknames.

News text puts quotation marks around much that nobody is quoted as saying: titles (the
show "Morning Joe", the book "Make Your Kid a Millionaire"), nicknames (Rep. Robert C.
"Bobby" Scott), terms (the so-called "carried interest" loophole) and irony ("too loud").
Pairing marks finds them all; this stage keeps the ones that are someone's words.

Each direct or mixed candidate gets sparse binary features of its words (length, case,
punctuation, first and second person), its surroundings (the words before and after the marks,
the cue and its distance, other quotes in the paragraph) and what the speaker resolvers found.
A logistic model (``models/quotefilter.json``, trained by ``scripts/train_quotefilter.py``
on PolNeAR train: a quoted stretch is positive when it lies in an annotated attribution's
Content) gives the probability that the stretch is a quotation; below :data:`THRESHOLD` it is
dropped. Under ``strategy="rules"`` (no learned parts) a rule takes its place: short mixed
stretches with neither cue nor speaker are dropped. Before either, stretches without words
(quoted numbers, links and handles of embedded tweets) are dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import regex

from . import lexicons, linear, marks
from .cues import Cues, lemma_of
from .linear import Weights
from .mentions import pronouns
from .nlp.document import Document
from .values import Choice, QuoteCandidate, QuoteId

NAME = "quotefilter"
#: the version of the features :func:`features` computes (the weights file must match)
FEATURES = "quotefilter/2"
#: below this probability a quoted stretch is not reported as a quotation (chosen on PolNeAR
#: train: direct+mixed F1 0.967 at 0.5, 0.968 to 0.969 from 0.6 to 0.65, 0.967 at 0.7)
THRESHOLD = 0.6
#: the same for reported speech (chosen on PolNeAR train for the best indirect F1)
INDIRECT_THRESHOLD = 0.5

_NOT_WORDS = regex.compile(r"^(?:[\d\W_]+|\S*(?:https?:|www\.|\.com|pic\.twitter|@)\S*)$")


def _bucket(n: int) -> str:
    for b in (1, 2, 3, 4, 6, 9, 14, 20, 30):
        if n <= b:
            return str(b)
    return "more"


def _context_word(doc: Document, cues: Cues, i: int) -> list[str]:
    """Features of a word next to the marks: its form when frequent enough to matter (a small
    closed set is learned by the weights), its tag, and its shape."""
    if i < 0 or i >= len(doc.words):
        return ["none"]
    w = doc.words[i]
    low = w.text.lower()
    out = [f"w={low}" if len(low) <= 12 else "w=long", f"pos={w.upos or 'NA'}"]
    if w.text[:1].isupper():
        out.append("cap")
    if cues.is_cue(i):
        out.append(f"cue={lemma_of(w)}")
    return out


def _in_headline(doc: Document, c: QuoteCandidate) -> bool:
    """Whether c is in the article's headline: a short first paragraph with more after it."""
    if len(doc.paragraphs) < 2 or c.start >= doc.paragraphs[0].end:
        return False
    return len(doc.words_in(doc.paragraphs[0].start, doc.paragraphs[0].end)) <= 30


def _outside(doc: Document, i: int, step: int, lo: int, hi: int) -> int:
    """The nearest word from i in direction step that is not a quotation mark, within
    [lo, hi); -1 when none."""
    while lo <= i < hi and marks.is_marks(doc.words[i].text):
        i += step
    return i if lo <= i < hi else -1


def features(doc: Document, cues: Cues, c: QuoteCandidate, att: Choice | None,
             quotes_in_paragraph: int = 1) -> list[str]:
    """Sparse binary features of a direct or mixed candidate (see module docstring)."""
    text = doc.text[c.start:c.end]
    words = text.split()
    n = len(words)
    f = ["bias", f"kind={c.kind}", f"n={_bucket(n)}", f"kind_n={c.kind}|{_bucket(n)}"]
    last = text.rstrip(marks.ALL_MARKS + " ")[-1:]
    f.append(f"last={last if last in ',.!?:;…-—' else ('alnum' if last.isalnum() else 'other')}")
    first = text.lstrip(marks.ALL_MARKS + " .…[")[:1]
    f.append(f"first={'upper' if first.isupper() else 'lower' if first.islower() else 'other'}")
    content = [w.strip(".,!?;:()" + marks.ALL_MARKS) for w in words]
    content = [w for w in content if w]
    small = lexicons.words("title_small_word")
    titlecase = bool(content) and all(w[:1].isupper() or w.lower() in small for w in content)
    if titlecase:
        f.append(f"titlecase|n={_bucket(n)}")
    lows = {w.lower() for w in content}
    if lows & lexicons.words("first_second_person"):
        f.append("first_second_person")
    if any(ch.isdigit() for ch in text):
        f.append("digits")
    if _in_headline(doc, c):
        # the headline: title case throughout, and its quotes are speech more often than in
        # running text ("Obama Sees 'Personal Insult' if Blacks Don't Rally")
        f.append(f"headline|cue={'none' if c.cue is None else 'yes'}")
        if titlecase:
            f.append("headline|titlecase")
    if c.pieces:
        f.append("multi_paragraph")
    if c.mark is not None:
        f.append(f"style={c.mark.style}")
        if not c.mark.closed:
            f.append("unclosed")
        para = doc.paragraphs[doc.paragraph_index(c.mark.open_start)]
        outside = doc.text[para.start:c.mark.open_start] + doc.text[c.mark.close_end:para.end]
        if not any(ch.isalnum() for ch in outside):
            f.append(f"whole_paragraph|n={_bucket(n)}")
            f.append(f"whole_paragraph|style={c.mark.style}")
    inside = range(c.first, c.last)
    if doc.parsed:
        verbs = sum(1 for i in inside if doc.words[i].upos in ("VERB", "AUX"))
        f.append(f"verbs={min(verbs, 3)}")
        propn = sum(1 for i in inside if doc.words[i].upos == "PROPN")
        f.append(f"propn_share={round(4 * propn / max(1, c.last - c.first))}")
        ents = doc.entities_in(c.start, c.end)
        if ents and sum(e.end - e.start for e in ents) >= 0.8 * len(text.strip()):
            f.append(f"all_entity={ents[0].type}")
    # the words around the marks
    sent = doc.sentence_of(c.first)
    before = _outside(doc, c.first - 1, -1, 0, len(doc.words))
    after = _outside(doc, c.last, 1, 0, len(doc.words))
    if before < sent.first:
        f.append("sentence_start")
    before_feats = _context_word(doc, cues, before)
    after_feats = _context_word(doc, cues, after)
    f.extend(f"before_{x}" for x in before_feats)
    f.extend(f"after_{x}" for x in after_feats)
    # two words before the marks: "so called", "known as", "what he calls", "episode of"
    if before >= 1:
        pair = f"{doc.words[before - 1].text.lower()}_{doc.words[before].text.lower()}"
        f.append(f"before2={pair}" if len(pair) <= 20 else "before2=long")
    possessive = before >= 0 and doc.words[before].text in ("'s", "’s", "s'", "s’")
    if possessive:
        f.append("after_possessive")
    if titlecase:
        # a capitalised name after "CNN's", "episode of", "the show", or before "show",
        # "program": a title
        f.extend(f"titlecase|before_{x}" for x in before_feats)
        f.extend(f"titlecase|after_{x}" for x in after_feats)
        if possessive:
            f.append("titlecase|after_possessive")
    if "cap" in before_feats and "cap" in after_feats and n <= 2:
        f.append("between_capitals")  # a nickname inside a name: Marcia "Cia" Price
    # the cue
    if c.cue is None:
        f.append("cue=none")
    else:
        lemma = lemma_of(doc.words[c.cue])
        gap = (doc.words[c.cue].index - c.last) if c.cue >= c.last else (c.first - c.cue)
        f.append(f"cue={lemma}")
        f.append(f"cue_dist={_bucket(gap)}|{'after' if c.cue >= c.last else 'before'}")
        entry = cues.entry(c.cue)
        if entry is not None:
            f.append(f"cue_part={entry.part}")
    s_cues = sum(1 for i in range(sent.first, sent.last)
                 if i not in c.words and cues.is_cue(i))
    f.append(f"sentence_cues={min(s_cues, 2)}")
    # the speaker
    if att is None:
        f.append("speaker=none")
    else:
        f.append(f"resolver={att.resolver}")
        head = int(att.mention)
        if 0 <= head < len(doc.words):
            w = doc.words[head]
            ent = doc.entity_at(head)
            f.append(f"speaker_ner={ent.type if ent else 'O'}")
            if w.text.lower() in pronouns():
                f.append("speaker_pronoun")
    f.append(f"quotes_in_paragraph={min(quotes_in_paragraph, 4)}")
    if c.kind == "indirect" and c.cue is not None:
        f.extend(_reported(doc, c))
    return f


def _reported(doc: Document, c: QuoteCandidate) -> list[str]:
    """Features of an indirect candidate's cue: tense, negation, modality, relation."""
    assert c.cue is not None
    cue = doc.words[c.cue]
    lemma = lemma_of(cue)
    f = [f"ind_cue={lemma}", f"ind_xpos={cue.xpos or 'NA'}",
         f"ind_deprel={cue.deprel.split(':')[0] or 'NA'}",
         f"ind_side={'before' if c.cue < c.first else 'after' if c.cue >= c.last else 'in'}"]
    kids = [doc.words[k] for k in doc.children(c.cue)]
    if any(k.text.lower() in lexicons.words("negation") for k in kids):
        f.append("ind_negated")
    if any(k.text.lower() in lexicons.words("modal") for k in kids):
        f.append("ind_modal")
    if any(k.text == "?" for k in kids) or doc.text[c.end:c.end + 2].strip().startswith("?"):
        f.append("ind_question")
    first = doc.words[c.first]
    low = first.text.lower()
    f.append(f"ind_first={low if low in lexicons.words('content_opener') else first.upos or 'NA'}")
    if not any(doc.words[k].deprel.startswith("nsubj") for k in c.words.indexes()):
        f.append("ind_no_subject")
    f.append(f"ind_lemma_side={lemma}|{'before' if c.cue < c.first else 'after'}")
    return f


def is_quotation(doc: Document, cues: Cues, c: QuoteCandidate, att: Choice | None,
                 quotes_in_paragraph: int, weights: Weights | None) -> bool:
    """Whether a candidate is reported: the model with ``weights``, else (``strategy="rules"``)
    the rule: a mixed stretch of up to three words needs a cue or a speaker."""
    if weights is not None:
        p = weights.probability(features(doc, cues, c, att, quotes_in_paragraph))
        return p >= (INDIRECT_THRESHOLD if c.kind == "indirect" else THRESHOLD)
    if c.kind == "indirect":
        return True
    n = len(doc.text[c.start:c.end].split())
    return not (c.kind == "mixed" and c.cue is None and att is None and n <= 3)


def paragraph_counts(doc: Document, quotes: Sequence[QuoteCandidate]) -> list[int]:
    """For each candidate, how many direct or mixed candidates share its paragraph."""
    paras = [doc.paragraph_index(c.start) for c in quotes]
    marked = Counter(p for p, c in zip(paras, quotes, strict=True) if c.kind != "indirect")
    return [marked[p] for p in paras]


def keep(doc: Document, cues: Cues, quotes: Sequence[QuoteCandidate],
         answers: Mapping[QuoteId, Choice], weights: Weights | None
         ) -> tuple[QuoteCandidate, ...]:
    """The candidates that are quotations, in order: without stretches that are no words
    (quoted numbers, links and handles) and what :func:`is_quotation` rejects (scare
    quotes, titles, nicknames)."""
    counts = paragraph_counts(doc, quotes)
    return tuple(c for c, n in zip(quotes, counts, strict=True)
                 if not _NOT_WORDS.match(doc.text[c.start:c.end].strip())
                 and is_quotation(doc, cues, c, answers.get(c.id), n, weights))


def load(path: str | None = None) -> Weights:
    """The quote filter's bundled weights (or those at ``path``); raises ModelError when they
    are missing or were trained on another feature set."""
    return linear.load(NAME, FEATURES, path)
