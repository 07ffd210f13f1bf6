"""The floors of reading what residents write, measured on tests/corpus/ (make eval prints the figures)."""

from __future__ import annotations

from handlers.engine import Engine
from tests.corpus import evaluate
from tests.helpers import READING_ON_SQLITE, regions

ONE_MESSAGE_MAX = 5  # a story that names what and where (and when), filed with confirmation and identity


def test_corpus_is_large_and_covers_every_province() -> None:
    names = ("yes_no", "menu", "asides", "stops", "categories", "cries", "places", "stories", "declines", "times",
             "own_names", "follow_ups", "weary")
    total = sum(len(evaluate.load(name)) for name in names)
    assert total >= 400
    provinces = {case["code"][:2] for case in evaluate.load("places")}
    assert len(provinces) == regions().counts()[1] == 38


def test_yes_and_no_are_read_in_their_informal_and_regional_forms() -> None:
    score = evaluate.yes_no()
    assert score.accuracy >= 0.98, score.misses


def test_every_cry_for_help_is_heard_and_no_calm_message_raises_an_alarm() -> None:
    caught, calm = evaluate.cries()
    assert caught.accuracy == 1.0, caught.misses
    assert calm.accuracy == 1.0, calm.misses


def test_menu_intents_and_categories_are_read() -> None:
    menu = evaluate.menu()
    category, _ = evaluate.categories()
    assert menu.accuracy >= 0.95, menu.misses
    assert category.accuracy >= 0.9, category.misses


def test_identity_options_declined_are_read_and_none_in_a_choice() -> None:
    """A decline misread would narrow the options the resident is offered, or keep one they chose from them."""
    score = evaluate.declines()
    assert score.accuracy == 1.0, score.misses


def test_whether_a_way_of_being_shown_can_be_followed_is_read_with_its_way() -> None:
    """A way misread tells the resident they will hear back where they will not; a choice taken for the question
    leaves them unanswered."""
    followed, not_followed = evaluate.follow_ups()
    assert followed.accuracy == 1.0, followed.misses
    assert not_followed.accuracy == 1.0, not_followed.misses


def test_weariness_of_the_questions_is_heard_and_never_taken_from_an_answer() -> None:
    wearied, not_weary = evaluate.weary()
    assert wearied.accuracy == 1.0, wearied.misses
    assert not_weary.accuracy == 1.0, not_weary.misses  # a time taken for weariness is a time lost


def test_a_reporters_own_name_is_found_to_hide_and_anothers_is_left() -> None:
    """A name missed reaches officers of a report the resident asked to keep unnamed; another's taken is evidence
    lost."""
    own, others = evaluate.own_names()
    assert own.accuracy == 1.0, own.misses
    assert others.accuracy == 1.0, others.misses


def test_times_and_stretches_are_read_and_where_one_is_is_no_time() -> None:
    score = evaluate.times()
    assert score.accuracy == 1.0, score.misses


def test_asides_in_a_report_are_answered_and_never_taken_from_an_answer() -> None:
    heard, left = evaluate.asides()
    assert heard.accuracy >= 0.95, heard.misses
    assert left.accuracy == 1.0, left.misses


def test_not_going_on_is_understood_and_never_read_into_an_answer() -> None:
    stopped, answered = evaluate.stops()
    assert stopped.accuracy >= 0.95, stopped.misses
    assert answered.accuracy == 1.0, answered.misses  # a cancel misread drops the report


def test_typed_places_read_right_first_and_never_confidently_wrong() -> None:
    top, confident = evaluate.places(regions())
    assert top.accuracy >= 0.9, top.misses
    assert confident.accuracy == 1.0, confident.misses


@READING_ON_SQLITE
async def test_a_story_told_in_one_message_files_in_at_most_five(engine: Engine) -> None:
    scripted = await evaluate.script_stories(engine)
    assert all(s.filed and s.category_right and s.place_right for s in scripted), [s for s in scripted if not s.filed]
    for kind in ("what, where, when", "what, where"):  # a time not told is asked with the read-back
        told = [s for s in scripted if s.kind == kind]
        assert len(told) >= 10, kind
        assert max(s.messages for s in told) <= ONE_MESSAGE_MAX, [(s.text, s.messages) for s in told]


def test_stories_of_one_incident_are_found_alike_and_no_other_incident_joins() -> None:
    found, apart = evaluate.same_incident()
    assert apart.accuracy == 1.0, apart.misses
    assert found.accuracy >= 0.6, found.misses


def test_a_burst_of_twenty_residents_makes_at_most_three_reports() -> None:
    made = evaluate.burst_alerts()
    assert len(made) == 15 and max(made) <= 3, made
