"""A spaCy pipeline component named ``quoteattr``: quoteattr as the last step of your own spaCy
pipeline (``nlp.add_pipe("quoteattr")``).

With quoteattr installed, spaCy finds the factory through the ``spacy_factories`` entry point;
importing this module registers it too::

    import spacy

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("quoteattr")
    doc = nlp(text)
    doc._.quotes          # list[spacy.tokens.Span], one per quote
    doc._.quotes[0]._.quote   # the quoteattr.Quote (speaker, role, cue, kind)
    doc._.quoteattr       # the whole quoteattr.Result (quotes and speaker entities)

The component reads what the earlier components left on the ``Doc``: tokens (text, offsets,
whitespace), ``lemma_``, ``pos_``, ``tag_``, ``morph``, the dependency tree (``head``,
``dep_``), sentence boundaries and ``doc.ents``. It builds quoteattr's document view from them
(:func:`to_document`) and runs every quoteattr stage after parsing on it, so the quotes come
from spaCy's parse, not stanza's. Quote offsets index ``doc.text``.

**Labels.** spaCy's English pipelines tag entities with OntoNotes labels and parse with
ClearNLP-style dependency labels; quoteattr's stages read Universal Dependencies (the labels
stanza gives). Entities are mapped as for stanza (:data:`~quoteattr.nlp.document.NER_TYPES`:
PERSON, ORG, GPE and LOC are speaker types; NORP, FAC and every other label are OTHER).
Dependencies are converted by :func:`to_ud`: a relabelling (:data:`CLEAR_TO_UD`), two
restructurings where UD puts the head elsewhere, and one relabelling that looks around:

* prepositions: ``prep``/``agent``/``dative`` + ``pobj`` becomes the noun as ``obl`` (under a
  verb, adjective or adverb; ``obl:agent`` for ``agent``) or ``nmod`` (under a noun) with the
  preposition as its ``case``; a ``pcomp`` clause becomes ``advcl``/``acl`` with the
  preposition as its ``mark``; a two-word preposition ("according to", "because of") becomes
  ``case`` + ``fixed``;
* copulas: a form of "be" with an ``attr`` or ``acomp`` predicate becomes the predicate's
  ``cop``, the predicate takes its place and its other dependents (``"It is a mission," he
  added``: "mission" is the complement of "added", "It" its subject); after "there is" the
  ``attr`` is the ``nsubj``;
* addressees: a ``dobj`` before a clausal complement that has its own subject is ``iobj``
  ("told the committee the plan failed"; without a subject, "said the union expected ...",
  it stays ``obj``: the clause's subject misread as the verb's object, which quoteattr's
  indirect-quote stage repairs);
* everything else keeps spaCy's attachment.

**Limits.** The conversion is label- and local-structure based, not a full converter:
multi-word names keep spaCy's ``compound`` chain headed by the last name (UD has the first
name as head with ``flat``), a ``prep`` predicate of "be" ("is in Paris") keeps "be" as head,
a preposition with no object ("what he talked about") is labelled ``case`` where it stands,
``npadvmod`` becomes ``obl:npmod``/``nmod:npmod``, ``attr`` of a verb other than "be" and
``oprd`` become ``xcomp``, and labels spaCy pipelines trained on other schemes (UD-trained
non-English ones already use UD labels) pass through unchanged. spaCy's sentences are used as
they are, except that a sentence longer than
:data:`~quoteattr.nlp.sentences.MAX_SENTENCE_WORDS` words is cut as the stanza path cuts it
(heads across a cut are detached), and whitespace tokens (``SPACE``) are left out.

The results are kept on the ``Doc`` as plain data (``Result.to_dict()``) in
``doc._.quoteattr_data``, and ``doc._.quoteattr``, ``doc._.quotes`` and ``Span._.quote`` read
them, so that docs still serialize (``Doc.to_bytes``, ``DocBin(store_user_data=True)``,
``nlp.pipe(..., n_process=2)``).
"""

# no ``from __future__ import annotations``: spaCy reads the factory's annotations at runtime
# to validate its config

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

try:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
except ImportError as exc:  # pragma: no cover - spaCy is an optional extra
    raise ImportError("quoteattr's spaCy component needs spaCy: pip install "
                      "'quoteattr[spacy]'") from exc

from . import learned
from .errors import InputError, OptionError
from .extractor import _guarded, run_stages
from .nlp.document import Document, Sentence, Word, entities_from_bio
from .nlp.sentences import MAX_SENTENCE_WORDS, pieces
from .resolvers import Resolver, rules
from .resolvers.arbiter import STRATEGIES
from .types import Quote, Result

__all__ = ["CLEAR_TO_UD", "NAME", "QuoteattrComponent", "make_quoteattr", "register_extensions",
           "to_document", "to_ud"]

NAME = "quoteattr"

#: spaCy (ClearNLP) dependency labels -> UD relations, for the labels that differ. Those not
#: here and not restructured by :func:`to_ud` (nsubj, ccomp, xcomp, advcl, advmod, amod, appos,
#: aux, cc, compound, conj, det, expl, mark, nummod, punct, parataxis, acl, csubj, case, dep,
#: nmod) are the same in both schemes.
CLEAR_TO_UD: dict[str, str] = {
    "ROOT": "root",
    "dobj": "obj",
    "dative": "iobj",       # "gave him": a dative with a "to" object is restructured
    "poss": "nmod:poss",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "prt": "compound:prt",
    "relcl": "acl:relcl",
    "neg": "advmod",
    "intj": "discourse",
    "meta": "discourse",
    "quantmod": "advmod",
    "preconj": "cc:preconj",
    "predet": "det:predet",
    "acomp": "xcomp",       # "looks happy"; after "be" restructured to cop
    "attr": "xcomp",        # "became president"; after "be" restructured to cop
    "oprd": "xcomp",
    "prep": "case",         # a preposition left without an object
    "agent": "case",
    "pcomp": "ccomp",       # a clause under a preposition that could not be restructured
    "pobj": "obl",          # an object whose preposition was not restructured
}

# forms of "be", for a pipeline without a lemmatizer (lemma_ is then empty)
_BE = frozenset({"be", "is", "are", "was", "were", "am", "been", "being", "'s", "'re", "'m",
                 "’s", "’re", "’m"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "SYM", "X"})


# --------------------------------------------------------------------------- conversion

def to_ud(heads: Sequence[int], deps: Sequence[str], pos: Sequence[str],
          words: Sequence[str]) -> tuple[list[int], list[str]]:
    """spaCy's (ClearNLP) tree as UD: the heads (-1 for a root) and relations of the same
    words, restructured around prepositions and copulas and relabelled (see the module's
    docstring for what is converted and what is not). ``heads`` are word indexes (a root is
    its own head or -1), ``pos`` UPOS tags, ``words`` the lemmas (or the forms where there
    are none). Linear in the number of words."""
    n = len(heads)
    head = [h if 0 <= h < n and h != i else -1 for i, h in enumerate(heads)]
    dep = list(deps)
    kids: list[list[int]] = [[] for _ in range(n)]
    for i, h in enumerate(head):
        if h >= 0:
            kids[h].append(i)

    def attach(c: int, h: int, rel: str | None = None) -> None:
        if head[c] >= 0:
            kids[head[c]].remove(c)
        head[c] = h
        if h >= 0:
            kids[h].append(c)
        if rel is not None:
            dep[c] = rel

    def rel_under(governor: int) -> str:
        return "nmod" if governor >= 0 and pos[governor] in _NOMINAL else "obl"

    # prepositions: the object is the head, the preposition its case marker
    for p in range(n):
        if dep[p] not in ("prep", "agent", "dative"):
            continue
        obj = next((c for c in kids[p] if dep[c] == "pobj"), None)
        fixed = None
        if obj is None:
            # "according to X", "because of X": prep -> prep -> pobj
            inner = next((c for c in kids[p] if c == p + 1 and dep[c] == "prep"), None)
            if inner is not None:
                obj = next((c for c in kids[inner] if dep[c] == "pobj"), None)
                fixed = inner if obj is not None else None
        gov = head[p]
        if obj is not None:
            attach(obj, gov, "obl:agent" if dep[p] == "agent" else rel_under(gov))
            attach(p, obj, "case")
            if fixed is not None:
                attach(fixed, p, "fixed")
            continue
        clause = next((c for c in kids[p] if dep[c] == "pcomp"), None)
        if clause is not None:
            if pos[clause] in _NOMINAL:  # a nominal complement ("from under the bed")
                attach(clause, gov, rel_under(gov))
                attach(p, clause, "case")
            else:  # "after leaving the office"
                attach(clause, gov, "acl" if gov >= 0 and pos[gov] in _NOMINAL else "advcl")
                attach(p, clause, "mark")
    # copulas: "be" with a nominal or adjectival predicate becomes the predicate's cop
    for b in range(n):
        if words[b].lower() not in _BE or pos[b] not in ("AUX", "VERB"):
            continue
        if any(dep[c] == "expl" for c in kids[b]):  # "there is a man": the man is the subject
            for c in kids[b]:
                if dep[c] == "attr":
                    dep[c] = "nsubj"
            continue
        pred = next((c for c in kids[b] if dep[c] in ("attr", "acomp")), None)
        if pred is None:
            continue
        attach(pred, head[b], dep[b])
        for c in list(kids[b]):
            attach(c, pred)
        attach(b, pred, "cop")
    out: list[str] = []
    for i, d in enumerate(dep):
        if head[i] < 0:
            d = "root"
        elif d == "dobj" and _addressee(i, head[i], kids, dep):
            d = "iobj"
        elif d == "npadvmod":
            d = "nmod:npmod" if pos[head[i]] in _NOMINAL else "obl:npmod"
        out.append(CLEAR_TO_UD.get(d, d))
    return head, out


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _addressee(obj: int, verb: int, kids: Sequence[Sequence[int]], dep: Sequence[str]) -> bool:
    """Whether the object ``obj`` of ``verb`` is the addressee of a verb with a clausal
    complement after it that has its own subject ("told the committee the plan failed"):
    UD's ``iobj``. A complement without a subject keeps the object as ``obj`` ("said the
    union expected ...": the clause's subject read as the verb's object, which quoteattr
    repairs)."""
    return any(dep[c] == "ccomp" and c > obj and any(dep[s] in _SUBJECTS for s in kids[c])
               for c in kids[verb])


def to_document(doc: Doc) -> Document:
    """quoteattr's document view of a spaCy ``Doc`` (offsets index ``doc.text``).

    The tree is converted to UD by :func:`to_ud` when the ``Doc`` has one (else the view is
    unparsed, like fast mode); ``doc.ents`` become BIO tags grouped by quoteattr's own
    :func:`~quoteattr.nlp.document.entities_from_bio`.

    Raises:
        InputError: the ``Doc`` has neither sentence boundaries nor a dependency parse (add a
            parser, "senter" or "sentencizer" before quoteattr).
    """
    has_tree = doc.has_annotation("DEP")
    keep = [t.i for t in doc if not t.is_space]
    if not keep:
        return Document(doc.text, (), (), (), (), has_tree)
    if not has_tree and len(doc) > 1 and not doc.has_annotation("SENT_START"):
        raise InputError("the spaCy Doc has no sentence boundaries: put a parser (as in "
                         "en_core_web_sm), a 'senter' or a 'sentencizer' before 'quoteattr'")
    new = {old: k for k, old in enumerate(keep)}
    if has_tree:
        heads = [t.head.i if t.head.i != t.i else -1 for t in doc]
        ud_heads, ud_deps = to_ud(heads, [t.dep_ for t in doc], [t.pos_ for t in doc],
                                  [t.lemma_ or t.text for t in doc])
    else:
        ud_heads, ud_deps = [-1] * len(doc), [""] * len(doc)

    def kept_head(i: int) -> int:
        """The nearest kept ancestor of token i (a whitespace token's children go up)."""
        h = ud_heads[i]
        seen = {i}
        while h >= 0 and h not in new and h not in seen:
            seen.add(h)
            h = ud_heads[h]
        return new.get(h, -1)

    # sentences: spaCy's, each cut into bounded pieces as the stanza path does
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        members = [new[t.i] for t in sent if t.i in new]
        if not members:
            continue
        texts = [doc[keep[k]].text for k in members]
        for a, b in pieces(texts, MAX_SENTENCE_WORDS):
            bounds.append((members[a], members[b - 1] + 1))
    sent_of = [0] * len(keep)
    for s, (first, last) in enumerate(bounds):
        for k in range(first, last):
            sent_of[k] = s
    words: list[Word] = []
    for k, old in enumerate(keep):
        t = doc[old]
        h = kept_head(old)
        deprel = ud_deps[old]
        if h >= 0 and sent_of[h] != sent_of[k]:
            h = -1  # across a cut
        if h < 0 and has_tree:
            deprel = "root"  # a root, or a word whose head was cut off or was whitespace
        if t.ent_iob_ in ("B", "I") and t.ent_type_:
            ner = f"{t.ent_iob_}-{t.ent_type_}"
        else:
            ner = "O"
        words.append(Word(k, t.text, t.idx, t.idx + len(t.text), sent_of[k],
                          t.lemma_ or t.text, t.pos_, t.tag_, str(t.morph), h, deprel, ner))
    sentences = tuple(Sentence(s, words[first].start, words[last - 1].end, first, last)
                      for s, (first, last) in enumerate(bounds))
    return Document(doc.text, tuple(words), sentences,
                    tuple(entities_from_bio(words, doc.text)), (), has_tree)


# --------------------------------------------------------------------------- extensions

_lock = threading.Lock()
# the Result and the quotes by token span of the last docs read, keyed by the id of the stored
# data; each entry holds that data, so its id is not reused while the entry is here
_Entry = tuple[dict[str, Any], Result, dict[tuple[int, int], Quote] | None]
_cache: OrderedDict[int, _Entry] = OrderedDict()
_CACHE_SIZE = 64


def _remember(data: dict[str, Any], result: Result,
              spans: dict[tuple[int, int], Quote] | None) -> None:
    with _lock:
        _cache[id(data)] = (data, result, spans)
        _cache.move_to_end(id(data))
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)


def _read(doc: Doc) -> tuple[Result, dict[tuple[int, int], Quote]] | None:
    """The Result kept on ``doc`` and its quotes by (first token, end token), or None."""
    data = doc._.quoteattr_data
    if data is None:
        return None
    with _lock:
        hit = _cache.get(id(data))
        if hit is not None and hit[0] is not data:
            hit = None
    # a doc read back from bytes: its Result from the data (confidences rounded to 4 places)
    result = hit[1] if hit is not None else Result.from_dict(data)
    spans = hit[2] if hit is not None else None
    if spans is None:
        spans = {}
        for q in result.quotes:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None:
                spans.setdefault((span.start, span.end), q)
        _remember(data, result, spans)
    return result, spans


def _doc_result(doc: Doc) -> Result | None:
    found = _read(doc)
    return None if found is None else found[0]


def _doc_quotes(doc: Doc) -> list[SpacySpan]:
    found = _read(doc)
    if found is None:
        return []
    out = []
    for q in found[0].quotes:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


def _span_quote(span: SpacySpan) -> Quote | None:
    found = _read(span.doc)
    return None if found is None else found[1].get((span.start, span.end))


def register_extensions() -> None:
    """Declare ``Doc._.quoteattr_data`` (the stored Result, as ``Result.to_dict()``),
    ``Doc._.quoteattr`` (the Result), ``Doc._.quotes`` (the quotes as spans) and
    ``Span._.quote`` (the Quote of a quote's span, else None). Safe to call again."""
    Doc.set_extension("quoteattr_data", default=None, force=True)
    Doc.set_extension("quoteattr", getter=_doc_result, force=True)
    Doc.set_extension("quotes", getter=_doc_quotes, force=True)
    SpacySpan.set_extension("quote", getter=_span_quote, force=True)


# --------------------------------------------------------------------------- the component

class QuoteattrComponent:
    """Finds the quotes of each ``Doc`` it is given and keeps them on it (see the module's
    docstring for the extensions). Called by spaCy; also callable on a ``Doc`` directly."""

    def __init__(self, name: str = NAME, strategy: str = "rules+ranker",
                 resolvers: Sequence[str | Resolver] | None = None) -> None:
        if strategy not in STRATEGIES:
            raise OptionError(f"strategy must be one of {STRATEGIES}, got {strategy!r}")
        self.name = name
        self.strategy = strategy
        self.resolvers: tuple[Resolver, ...] = rules(resolvers)
        self.learned = learned.for_strategy(strategy)  # missing weights fail here, not later
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        result = _guarded(lambda: run_stages(to_document(doc), self.resolvers, self.strategy,
                                             self.learned))
        data = result.to_dict()
        doc._.quoteattr_data = data
        _remember(data, result, None)  # read back as it is, not through to_dict()
        return doc


@Language.factory(
    NAME,
    default_config={"strategy": "rules+ranker", "resolvers": None},
    assigns=["doc._.quoteattr_data", "doc._.quoteattr", "doc._.quotes", "span._.quote"],
    requires=["doc.sents"],
)
def make_quoteattr(nlp: Language, name: str, strategy: str,
                   resolvers: list[str] | None) -> QuoteattrComponent:
    """The ``quoteattr`` component. Config: ``strategy`` ("rules+ranker", "rules" or
    "ranker", as for :class:`~quoteattr.Extractor`) and ``resolvers`` (registered resolver
    names replacing the default ones, or null for the default)."""
    return QuoteattrComponent(name, strategy, resolvers)
