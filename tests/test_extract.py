"""End-to-end behaviour on real news-style text, with the bundled models."""

from __future__ import annotations

import json
import os

import pytest

from quoteattr import ConllUError, Extractor, InputError, ModelError, OptionError, Result


def speakers(result: Result) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in result.quotes
            if q.kind != "indirect"]


def test_trailing_dash_attribution(extractor) -> None:
    text = ('The agency voted 3-2 to adopt the rules.\n\n'
            '"This decision protects consumers and keeps the internet open." '
            '-Commissioner Geoffrey Starks')
    r = extractor.extract(text)
    q = next(q for q in r.quotes if q.text.startswith("This decision"))
    assert q.speaker is not None and q.speaker.name == "Geoffrey Starks"
    assert q.speaker.role == "Commissioner"


def test_lead_in_line_before_quoted_paragraph(extractor) -> None:
    text = ('The commission approved the plan on Thursday.\n\n'
            'And from Chairwoman Jessica Rosenworcel:\n\n'
            '"Today we restore the authority this agency needs to protect consumers."')
    r = extractor.extract(text)
    q = next(q for q in r.quotes if q.text.startswith("Today"))
    assert q.speaker is not None and q.speaker.name == "Jessica Rosenworcel"
    # the lead-in rule answers; the ranker may confirm it
    assert q.resolver in ("lead_in", "ranker")


def test_appositive_speaker_and_quote_over_paragraphs(extractor) -> None:
    text = ('Hugh Hill, a doctor at the local hospital, said: "We saw dozens of patients '
            'in the first hour.\n\n"By the evening we had run out of beds," he added.')
    r = extractor.extract(text)
    quotes = [q for q in r.quotes if q.kind != "indirect"]
    assert quotes, r
    for q in quotes:
        assert q.speaker is not None and q.speaker.name == "Hugh Hill"
    assert any(q.speaker and q.speaker.role == "doctor" for q in quotes)


@pytest.mark.parametrize("text", [
    'Police arrested a man who goes by the name "Shorty" on Tuesday.',
    'She starred in the film "Gone Girl" before moving to television.',
])
def test_names_and_titles_in_quotes_are_not_speech(extractor, text: str) -> None:
    assert extractor.extract(text).quotes == ()


@pytest.mark.parametrize(("text", "not_quotes", "quotes"), [
    # a show's title after a possessive, next to a real quotation
    ('Sanders told MSNBC\'s "Morning Joe" that nobody would question her intelligence. '
     '"She knows the issues better than anyone," Sanders said.',
     {"Morning Joe"}, {"She knows the issues better than anyone"}),
    # a nickname inside a name
    ('Rep. Robert C. "Bobby" Scott threw open his back yard. "This is a big year," Scott said.',
     {"Bobby"}, {"This is a big year"}),
    # a film title after its director's name
    ('Ava DuVernay\'s "13th" documents the prison boom. "We have no context," '
     'DuVernay said.', {"13th"}, {"We have no context"}),
])
def test_quote_filter_drops_titles_and_nicknames(
        extractor, text: str, not_quotes: set[str], quotes: set[str]) -> None:
    found = {q.text for q in extractor.extract(text).quotes}
    assert quotes <= found
    assert not (not_quotes & found)
    # without the filter they are there: the model, not the scanner, removed them
    doc = extractor.parse(text)
    from quoteattr.extractor import run_stages

    assert not_quotes <= {q.text for q in run_stages(doc, keep_unattributed=True).quotes}


def test_reported_speech_in_its_common_shapes(extractor) -> None:
    text = ('The Trump team has said single people and families would qualify for the tax '
            'breaks.\n\nThe museum, Mr. Obama said, would make visitors face uncomfortable '
            'truths.')
    got = {q.text: q.speaker.name if q.speaker else None
           for q in extractor.extract(text).quotes if q.kind == "indirect"}
    assert got.get("single people and families would qualify for the tax breaks") \
        == "Trump team"
    museum = [t for t in got if t.startswith("The museum")]
    assert museum and got[museum[0]] == "Obama"


@pytest.mark.parametrize("verb", ["sighed", "grumbled", "tweeted", "insisted", "warned"])
def test_speech_verbs_beyond_said(extractor, verb: str) -> None:
    text = f'"We have waited long enough for this," Senator Maria Lopez {verb}.'
    r = extractor.extract(text)
    assert len(r.quotes) >= 1
    q = r.quotes[0]
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == verb
    assert q.speaker is not None and q.speaker.name == "Maria Lopez"
    assert q.speaker.role == "Senator"


def test_standalone_quote_after_narrative_sentence(extractor) -> None:
    text = ('Mayor John Carter walked to the podium on Monday and spoke about the budget.\n\n'
            '"We cannot keep cutting the police and expect the city to be safe."')
    r = extractor.extract(text)
    q = next(q for q in r.quotes if q.text.startswith("We cannot"))
    assert q.speaker is not None and q.speaker.name == "John Carter"


def test_alternating_speakers_in_one_passage(extractor) -> None:
    text = ('"The budget is balanced," said Governor Anne Reed.\n\n'
            '"It is not balanced at all," replied Senator Tom Walsh.\n\n'
            '"The numbers speak for themselves," Reed said.\n\n'
            '"Then they are the wrong numbers," Walsh said.')
    got = speakers(extractor.extract(text))
    assert [name for _, name in got] == ["Anne Reed", "Tom Walsh", "Anne Reed", "Tom Walsh"]


def test_a_pronoun_takes_the_person_named_after_the_last_quote_of_its_gender(
        extractor) -> None:
    # Tom Smith's quote comes later than Hillary Clinton's name, but "She" is not Tom Smith:
    # the quote to weigh against her name is Connie Mariano's, which comes before it
    text = ("“We kept it quiet,” Connie Mariano said.\n\n"
            "Hillary Clinton noted the clot in her book. “It was serious,” Tom Smith said.\n\n"
            "She said she was “whisked off” to the hospital.")
    got = speakers(extractor.extract(text))
    assert got[-1] == ("whisked off", "Hillary Clinton")


def test_a_headline_verb_is_no_part_of_its_speaker(extractor) -> None:
    text = "Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Comment"
    q = next(q for q in extractor.extract(text).quotes if q.text == "A Disgrace")
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.name) == ("Chris Christie", "Chris Christie")


def test_a_double_quote_inside_a_double_quote_is_a_quote_of_its_own(extractor) -> None:
    text = ("“As a young woman, I’d rather live in what he calls “hell” than live in a world "
            "where he is president.” ― Adriana Rodarte")
    quotes = [(q.text, q.kind) for q in extractor.extract(text).quotes]
    assert quotes[0][0].startswith("As a young woman") and quotes[0][0].endswith("president.")
    assert ("hell", "mixed") in quotes


@pytest.mark.parametrize("text", [
    'He said "we will win. Then he left.',
    '"Unclosed at the start\n\nand a new paragraph.',
    'Closing only" at the end" and "one more',
    '""""""',
    "'''",
])
def test_odd_quotation_marks_never_raise(extractor, text: str) -> None:
    r = extractor.extract(text)
    for q in r.quotes:
        assert text[q.start:q.end] == q.text


def test_unbalanced_mark_does_not_swallow_the_article(extractor) -> None:
    text = ('He said "we will win.\n\n'
            'The vote is on Tuesday. "It will be close," Smith said.')
    r = extractor.extract(text)
    assert any(q.text.startswith("It will be close") for q in r.quotes)
    assert all("Tuesday" not in q.text for q in r.quotes if q.kind != "indirect")


def test_empty_and_whitespace_give_empty_results(extractor) -> None:
    assert extractor.extract("") == Result()
    assert extractor.extract("   \n\n\t ") == Result()


def test_non_utf8_bytes_raise_a_clear_error(extractor) -> None:
    with pytest.raises(InputError, match="not UTF-8"):
        extractor.extract('"Caf\xe9," he said.'.encode("latin-1"))


def test_utf8_bytes_are_accepted(extractor) -> None:
    r = extractor.extract(b'"We will win," Senator Jane Smith said.')
    assert r.quotes and r.quotes[0].speaker and r.quotes[0].speaker.name == "Jane Smith"


def test_html_is_blanked_and_offsets_index_the_html(extractor) -> None:
    html = ('<html><body><p>&quot;We will win,&quot; <b>Senator Jane Smith</b> said.</p>'
            '</body></html>')
    r = extractor.extract(html)
    assert r.quotes, r
    q = r.quotes[0]
    assert html[q.start:q.end] == q.text == "We will win"
    assert q.speaker is not None and q.speaker.name == "Jane Smith"


def test_extract_many_matches_extract(extractor, founding_text) -> None:
    texts = [founding_text, '"No comment," a spokesman said.', ""]
    many = list(extractor.extract_many(texts))
    assert many == [extractor.extract(t) for t in texts]


def test_result_round_trips_through_json(founding_result) -> None:
    again = Result.from_dict(json.loads(founding_result.to_json()))
    assert again == founding_result


def test_conllu_input(extractor) -> None:
    from tests.test_document import CONLLU

    r = extractor.extract_conllu(CONLLU)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in r.quotes] == [
        ("We will win", "Smith")]


@pytest.mark.parametrize("text", [
    "“I told them, ‘You call it “home”.\n\n“But it is not,” she added.",
    "She said “‘\"We will win.\n„Soon,\" she added.",
])
@pytest.mark.parametrize("mode", ["fast", "full"])
def test_quotes_are_in_text_order_without_duplicates(request, mode: str, text: str) -> None:
    ex = request.getfixturevalue("fast_extractor" if mode == "fast" else "extractor")
    quotes = ex.extract(text).quotes
    assert quotes
    spans = [(q.start, q.end) for q in quotes]
    assert spans == sorted(spans) and len(spans) == len(set(spans))
    assert all(text[q.start:q.end] == q.text for q in quotes)


def test_threads_are_chosen() -> None:
    from quoteattr import Extractor
    from quoteattr.extractor import free_cores

    assert free_cores() >= 1
    assert Extractor(mode="fast", threads=3).threads == 3
    assert 1 <= Extractor(mode="fast").threads <= (os.cpu_count() or 1)
    with pytest.raises(OptionError, match="threads"):
        Extractor(mode="fast", threads=0)


@pytest.mark.parametrize("option", [
    {"mode": "slow"}, {"strategy": "guess"}, {"html": "strip"}, {"threads": 0},
    {"threads": True}, {"threads": 1.5}, {"batch_size": 0}, {"resolvers": ["nobody"]}])
def test_a_bad_option_is_a_documented_error(option: dict) -> None:
    from quoteattr import Extractor, QuoteattrError

    with pytest.raises(QuoteattrError, match=next(iter(option)) if "resolvers" not in option
                       else "nobody"):
        Extractor(**{"mode": "fast", **option})


def test_extract_many_says_which_input_failed_and_can_go_on(fast_extractor) -> None:
    from quoteattr import InputError

    texts = ['"We will win," said Jane Smith.', b"\xff\xfe not utf-8 \xff",
             '"Soon," said Tom Walsh.']
    got = []
    with pytest.raises(InputError, match="input 1"):
        for r in fast_extractor.extract_many(texts):
            got.append(r)
    assert [q.text for r in got for q in r.quotes] == ["We will win"]  # the good one came
    skipped = list(fast_extractor.extract_many(texts, errors="skip"))
    assert [r.quotes[0].text for r in skipped] == ["We will win", "Soon"]
    recorded = list(fast_extractor.extract_many(texts, errors="record"))
    assert [bool(r.error) for r in recorded] == [False, True, False]
    assert recorded[1].error.startswith("input 1: ") and recorded[1].quotes == ()
    assert Result.from_json(recorded[1].to_json()) == recorded[1]
    with pytest.raises(OptionError, match="errors"):
        list(fast_extractor.extract_many(texts, errors="ignore"))


def test_a_document_view_with_a_broken_tree_is_refused() -> None:
    from quoteattr import DocumentError
    from quoteattr.nlp.document import Document, Sentence, Word

    def doc(heads: list[int]) -> Document:
        words = tuple(Word(k, w, 2 * k, 2 * k + 1, 0, head=h)
                      for k, (w, h) in enumerate(zip("abc", heads)))
        return Document("a b c", words, (Sentence(0, 0, 5, 0, 3),))

    assert doc([-1, 0, 1]).words[2].head == 1
    with pytest.raises(DocumentError, match="cycle"):
        doc([1, 2, 0])
    with pytest.raises(DocumentError, match="outside"):
        doc([-1, 0, 7])


def test_conllu_offsets_that_do_not_fit_the_text_are_refused(fast_extractor) -> None:
    from quoteattr import ConllUError

    row = "1\tYes\tyes\tINTJ\t_\t_\t0\troot\t_\tstart_char={s}|end_char={e}\n\n"
    for s, e in (("abc", "3"), ("3", "0"), ("500", "503")):
        with pytest.raises(ConllUError, match="start_char"):
            fast_extractor.extract_conllu(row.format(s=s, e=e), text="Yes, she said.")
    assert fast_extractor.extract_conllu(row.format(s=0, e=3), text="Yes").quotes == ()


@pytest.mark.parametrize(("conllu_text", "line", "what"), [
    ("1\ta\tb", 1, "3 tab-separated columns"),
    ("# text = He won\n1\tHe\the\tPRON\t_\t_\t2\tnsubj\t_\t_\n2\twon\n", 3, "2 tab-separated"),
    ("1\tHe\the\tPRON\t_\t_\t9\tnsubj\t_\t_\n\n", 1, "HEAD 9 is not a word"),
    ("1\tHe\the\tPRON\t_\t_\tx\tnsubj\t_\t_\n", 1, "HEAD 'x'"),
    ("2\tHe\the\tPRON\t_\t_\t0\troot\t_\t_\n", 1, "word ID 2 where 1 comes next"),
])
def test_malformed_conllu_names_the_line(conllu_text: str, line: int, what: str) -> None:
    with pytest.raises(ConllUError, match=f"line {line}: .*{what}"):
        Extractor(mode="fast").extract_conllu(conllu_text)


def test_conllu_empty_nodes_are_read_past_and_a_bad_id_is_refused() -> None:
    # an empty node before the first word (0.1), as in GUM and the enhanced UD treebanks
    rows = ["0.1\tsaid\tsay\tVERB\t_\t_\t_\t_\t2:nsubj\t_",
            "1\tShe\tshe\tPRON\t_\t_\t2\tnsubj\t_\t_",
            "2\twon\twin\tVERB\t_\t_\t0\troot\t_\t_", "2.1\tx\tx\tX\t_\t_\t_\t_\t_\t_"]
    from quoteattr.nlp.document import from_conllu

    doc = from_conllu("\n".join(rows) + "\n\n")
    assert [w.text for w in doc.words] == ["She", "won"]
    for bad in ("00.1", "1.0", "0"):
        with pytest.raises(ConllUError, match=f"the ID '{bad}'"):
            Extractor(mode="fast").extract_conllu("\n".join([bad + rows[1][1:], *rows[1:3]]))


def test_models_load_on_the_first_parse_only() -> None:
    ex = Extractor()  # full mode: nothing loaded yet
    assert ex._nlp is None
    conllu_text = ("1\tYes\tyes\tINTJ\t_\t_\t0\troot\t_\t_\n")
    assert ex.extract_conllu(conllu_text).quotes == ()
    assert ex._nlp is None  # CoNLL-U in: the stanza models are never needed
    assert ex.load() is ex and ex._nlp is not None
    # a missing model folder still fails when the Extractor is made
    with pytest.raises(ModelError, match="does not exist"):
        Extractor(models="/nonexistent/models")


def test_plain_text_keeps_a_literal_tag_and_its_words(fast_extractor) -> None:
    text = '"Use <b>bold</b> for titles," Senator Jane Smith said.'
    (q,) = fast_extractor.extract(text).quotes
    assert q.text == "Use <b>bold</b> for titles"
    # blanking is the caller's explicit choice
    (q,) = Extractor(mode="fast", html="blank").extract(text).quotes
    assert text[q.start:q.end] == q.text and "bold" in q.text


def test_device_is_checked_when_the_extractor_is_made() -> None:
    import torch

    with pytest.raises(OptionError, match="device"):
        Extractor(mode="fast", device="tpu")
    assert Extractor(device="cpu")._nlp is None  # checked, not loaded
    if not torch.cuda.is_available():
        with pytest.raises(ModelError, match="sees no GPU"):
            Extractor(device="cuda")
