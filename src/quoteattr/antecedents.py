"""Pronoun antecedents: the candidates a third-person pronoun may refer to, their features, and
the learned ranker that chooses among them ("rule-plus-model").

Candidates are the noun-phrase heads before the pronoun in its sentence and in the three
sentences before it: names, nouns and third-person pronouns (a pronoun candidate stands for
its own antecedent, so chains resolve). Each (pronoun, candidate) pair gets sparse binary
features: distance in sentences and words, the relations of both in the tree, the candidate's
kind (name, noun, pronoun) and type (PERSON, ORG, GPE, OTHER), gender and number agreement
(pronouns, first names and courtesy titles of the article, plural nouns), whether the
candidate is the subject of a clause that governs the pronoun's clause (the rule of
:func:`quoteattr.coref.governing_subject`), whether it is the nearest compatible candidate,
and whether it is named with a role. The weights (``models/coref.json``, a plain data file)
are trained by ``scripts/train_coref.py`` on GUM's gold coreference (train split), listwise: a
softmax over each pronoun's candidates. Needs the dependency tree (full mode).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import attrs

from . import lexicons, linear
from .linear import Weights
from .mentions import Mentions, enclosing_subject, pronouns, speaker_type
from .values import WordRange

__all__ = ["FEATURES", "NAME", "Antecedents", "Setting", "agreeing", "candidates",
           "features", "gender_of", "load", "third_person"]

NAME = "coref"
#: the version of the features :func:`features` computes (the weights file must match)
FEATURES = "coref/1"  # first release; bump when features change
#: how many sentences before the pronoun's own are searched
SENTENCES_BACK = 3
_HEAD_POS = {"NOUN", "PROPN", "PRON"}
_INNER = {"compound", "flat", "flat:name", "det", "amod", "nummod", "fixed", "goeswith"}


def third_person(word: str) -> bool:
    """Whether ``word`` is a third-person personal pronoun (he, her, their, it, ...)."""
    entry = lexicons.pronouns().get(word.lower())
    return entry is not None and entry[2] == "3"


@attrs.frozen
class Setting:
    """What the features read besides the tree: the article's courtesy-title genders and the
    speaker mentions (head words) of the quotes before the pronoun, nearest last."""

    genders: Mapping[str, str]
    speakers: tuple[int, ...] = ()
    #: the quoted words of the document (sorted): a speaker's antecedent is never inside a
    #: quotation
    quoted: tuple[WordRange, ...] = ()
    #: the rules' antecedent (:func:`quoteattr.coref.rule_antecedent`): the head word of its
    #: mention and its name
    rule: tuple[int, str | None] | None = None


def candidates(mentions: Mentions, pronoun: int, setting: Setting) -> list[int]:
    """Head words of the possible antecedents of the pronoun at word ``pronoun``, nearest
    last: noun-phrase heads before it in its sentence and the :data:`SENTENCES_BACK`
    sentences before, without those that cannot agree with it (the rules: "he" never takes
    a woman's name, a plural noun or "she"; "she" likewise; "it" no person)."""
    doc = mentions.doc
    genders = setting.genders
    s = doc.words[pronoun].sent
    pg, _pn = pronouns().get(doc.words[pronoun].text.lower(), ("x", "sg"))
    lo = doc.sentences[max(0, s - SENTENCES_BACK)].first
    out = []
    # the speaker of the last quote before, however far: the news convention ("...," said
    # Obama. ... "...," he added)
    # and the rules' antecedent, so that the ranker can agree with it
    extra = sorted({k for k in (setting.speakers[-1] if setting.speakers else None,
                                setting.rule[0] if setting.rule else None)
                    if k is not None and 0 <= k < lo})
    window = [*extra, *range(lo, pronoun)]
    blocked = {k for r in setting.quoted if r.last > lo and r.first < pronoun
               for k in r.indexes()}
    for i in window:
        w = doc.words[i]
        if w.upos not in _HEAD_POS or w.deprel.endswith("tmod") or i in blocked or \
                mentions.is_layout(i):
            continue
        if w.upos == "PRON" and not third_person(w.text):
            continue
        if w.upos != "PRON" and (w.deprel in _INNER or w.text.lower() in lexicons.non_names()):
            continue
        if pg in ("m", "f") and (_plural(mentions, i) or
                                 gender_of(mentions, i, genders) not in ("x", pg)):
            continue
        if pg == "n" and (gender_of(mentions, i, genders) != "x" or _plural(mentions, i)):
            continue
        out.append(i)
    return out


def gender_of(mentions: Mentions, head: int, genders: Mapping[str, str]) -> str:
    """``m``, ``f`` or ``x`` (unknown) for the mention headed by ``head``: a pronoun's gender,
    a courtesy title's, the article's courtesy titles for its surname, or its first name's."""
    doc = mentions.doc
    text = doc.words[head].text.lower()
    if text in pronouns():
        g = pronouns()[text][0]
        return g if g in ("m", "f") else "x"
    words = mentions.words(head)
    for k in words.indexes():
        g = lexicons.honorific_genders().get(doc.words[k].text.lower(), "x")
        if g != "x":
            return g
    name = mentions.get(head).name
    if not name:
        return "x"
    parts = name.split()
    known = genders.get(parts[-1].lower())
    return known or lexicons.name_gender(parts) or "x"


def _plural(mentions: Mentions, head: int) -> bool:
    w = mentions.doc.words[head]
    if w.text.lower() in pronouns():
        return pronouns()[w.text.lower()][1] == "pl"
    return "Number=Plur" in w.feats


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for b in edges:
        if n <= b:
            return str(b)
    return "far"


def agreeing(mentions: Mentions, pronoun: int, cands: list[int],
             setting: Setting) -> list[int]:
    """The candidates that agree with the pronoun in number, and in gender where known."""
    pg, pn = pronouns().get(mentions.doc.words[pronoun].text.lower(), ("x", "sg"))
    return [k for k in cands if _plural(mentions, k) == (pn == "pl") and
            (pg not in ("m", "f") or gender_of(mentions, k, setting.genders) in ("x", pg))]


def features(mentions: Mentions, pronoun: int, cand: int, agree: list[int],
             setting: Setting) -> list[str]:
    """Sparse binary features of antecedent candidate ``cand`` for the pronoun at word
    ``pronoun`` (``agree``: its :func:`agreeing` candidates, in text order)."""
    doc = mentions.doc
    genders = setting.genders
    p, c = doc.words[pronoun], doc.words[cand]
    pg, pn = pronouns().get(p.text.lower(), ("x", "sg"))
    p_kind = "pl" if pn == "pl" else pg
    f = ["bias", f"p={p.text.lower()}"]
    sd = p.sent - c.sent
    f.append(f"sent_dist={min(sd, 3)}")
    f.append(f"word_dist={_bucket(pronoun - cand, (2, 5, 10, 20, 40))}")
    kind = "pron" if c.upos == "PRON" else "name" if c.upos == "PROPN" else "noun"
    f.append(f"kind={kind}")
    f.append(f"kind_p={kind}|{p_kind}")
    if kind == "pron":
        same = pronouns().get(c.text.lower(), ("x", "sg"))[:2] == (pg, pn)
        f.append(f"same_pronoun={same}")
    crel, prel = c.deprel.split(":")[0], p.deprel.split(":")[0]
    f.append(f"c_rel={crel}")
    f.append(f"rels={crel}|{prel}")
    if crel == "nsubj" and prel == "nsubj":
        f.append(f"both_subjects|sent_dist={min(sd, 3)}")
    m = mentions.get(cand)
    typ = speaker_type(doc, m.words) if kind != "pron" else m.type
    f.append(f"type={typ}|{p_kind}")
    cg = gender_of(mentions, cand, genders)
    if pg in ("m", "f"):
        f.append(f"gender={'unknown' if cg == 'x' else cg == pg}")
    plural = _plural(mentions, cand)
    f.append(f"number={plural == (pn == 'pl')}|{kind}")
    ent = doc.entity_at(cand)
    f.append(f"ner={ent.type if ent else 'O'}|{p_kind}")
    if enclosing_subject(doc, pronoun) == cand:
        f.append("governing_subject")
    if m.info is not None:
        f.append("has_role")
    if m.name is not None:
        f.append("named")
    # the nearest candidate that agrees in number (and gender, where known)
    if agree and agree[-1] == cand:
        f.append("nearest_agreeing")
    if agree and agree[0] == cand:
        f.append("first_agreeing")
    if doc.paragraph_index(c.start) != doc.paragraph_index(p.start):
        f.append("other_paragraph")
    first = doc.sentences[c.sent].first
    if cand == first or all(doc.words[k].upos in ("DET", "ADJ", "PROPN", "PUNCT")
                            for k in range(first, cand)):
        f.append(f"sentence_start|{kind}")
    # what the rules answered: this candidate, or another mention of its name
    if setting.rule is not None:
        head, rule_name = setting.rule
        if cand == head:
            f.append(f"rule|{kind}")
        elif rule_name is not None and kind != "pron" and mentions.get(cand).name == rule_name:
            f.append("rule_name")
    else:
        f.append("rule=none")
    # what the quotes before say: the candidate speaks one of them, the last one, or names
    # the last one's speaker
    if setting.speakers:
        last = setting.speakers[-1]
        if cand == last:
            f.append(f"last_speaker|{kind}")
        elif cand in setting.speakers:
            f.append(f"earlier_speaker|{kind}")
        name = mentions.get(cand).name
        if name is not None and kind != "pron" and cand != last and \
                name == mentions.get(last).name:
            f.append("names_last_speaker")
    return f


@attrs.frozen
class Antecedents:
    """The learned antecedent ranker (:data:`weights`), scoring a pronoun's candidates."""

    weights: Weights

    def rank(self, mentions: Mentions, pronoun: int, setting: Setting
             ) -> list[tuple[int, float]]:
        """The candidates of the pronoun with their softmax probabilities, best first."""
        cands = candidates(mentions, pronoun, setting)
        if not cands:
            return []
        agree = agreeing(mentions, pronoun, cands, setting)
        z = [self.weights.margin(features(mentions, pronoun, c, agree, setting))
             for c in cands]
        top = max(z)
        exp = [math.exp(v - top) for v in z]
        total = sum(exp)
        return sorted(((c, e / total) for c, e in zip(cands, exp, strict=True)),
                      key=lambda x: -x[1])


def load(path: str | None = None) -> Antecedents:
    """The bundled antecedent weights (or those at ``path``); raises ModelError when they are
    missing or were trained on another feature set."""
    return Antecedents(linear.load(NAME, FEATURES, path))
