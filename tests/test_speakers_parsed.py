"""Speakers on short invented news parsed by the bundled models: the coreference rules for a
quote's pronoun speaker (with the learned antecedent ranker left out, so that the rules
decide) and roles read from the parsed mention."""

from __future__ import annotations

import attrs
import pytest

from quoteattr import learned
from quoteattr.extractor import run_stages


@pytest.fixture(scope="module")
def rules_only():
    parts = attrs.evolve(learned.for_strategy("rules+ranker"), antecedents=None)

    def speakers(extractor, text: str) -> dict[str, str | None]:
        result = run_stages(extractor.parse(text), learned_parts=parts)
        return {q.text.split()[0]: q.speaker.name if q.speaker else None
                for q in result.quotes}

    return speakers


def test_a_person_named_inside_the_quotation_is_not_its_speaker(extractor, rules_only
                                                                 ) -> None:
    text = ('Mayor Tom Walsh opened the meeting on Monday. "The budget is fair," Walsh said. '
            '"Even Governor Peter Grant agreed with us last year," he added.')
    assert rules_only(extractor, text)["Even"] == "Tom Walsh"


def test_a_person_introduced_with_a_role_is_the_next_speaker_even_as_an_object(
        extractor, rules_only) -> None:
    text = ('Senator John Reed praised the plan on Tuesday. "It is a good plan," Reed said.\n\n'
            'The proposal angered Henry Crespo, president of the Miami Black Caucus.\n\n'
            '"Nobody is listening to us," he said.')
    assert rules_only(extractor, text)["Nobody"] == "Henry Crespo"
    # an object named without being introduced does not take the quote from its speaker
    text = ('Senator John Reed praised the plan on Tuesday. "It is a good plan," Reed said.\n\n'
            'Reed met with Henry Crespo on Friday.\n\n"Nobody is listening to us," he said.')
    assert rules_only(extractor, text)["Nobody"] == "John Reed"


def test_a_name_that_only_modifies_a_noun_does_not_take_the_quote(extractor, rules_only
                                                                  ) -> None:
    text = ('Leslie Wimes, president of the Women Caucus, spoke on Friday. "We are tired," '
            'Wimes said.\n\nWimes believes that the Hillary Clinton campaign took black voters '
            'for granted.\n\n"It is not enough," she said.')
    assert rules_only(extractor, text)["It"] == "Leslie Wimes"


def test_a_conjunct_hangs_as_the_first_of_its_coordination(extractor, rules_only) -> None:
    text = ('Don Fowler, a former party chairman, spoke on Monday. "We must be ready," Fowler '
            'said.\n\nThe fight could draw lobbying by loyalists to Joe Biden and Bernie '
            'Sanders.\n\n"This is a different time," he said.')
    assert rules_only(extractor, text)["This"] == "Don Fowler"


def test_a_description_before_the_name_is_the_speakers_role(extractor) -> None:
    (q,) = extractor.extract('"They are wrong," said 9/11 widow Terry Strada.').quotes
    assert (q.speaker.name, q.speaker.role) == ("Terry Strada", "9/11 widow")
