"""The resident's report, one step per function, wired together in STEPS at the bottom.

Each step has an `ask_*` that sends its question and an answer function, named after what it
receives, that stores the answer and returns the next step. A step that cannot use the answer says
why and returns itself, so its question is asked again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from typing import Any

from handlers.choices import Menu
from handlers.i18n import labels, t
from handlers.text import letters_and_digits
from handlers.turn import Turn
from storage.models import Category, Identity
from storage.reports import NewAttachment, create_report

CATEGORY, DESCRIPTION, LOCATION, WHEN, PHOTO, IDENTITY, SUMMARY, CHANGE = (
    "category", "description", "location", "when", "photo", "identity", "summary", "change")
ORDER = (CATEGORY, DESCRIPTION, LOCATION, WHEN, PHOTO, IDENTITY, SUMMARY)
DONE = "menu"

DESCRIPTION_CHARS = (10, 4000)
LOCATION_CHARS = (3, 300)
WHEN_CHARS = (2, 200)

CATEGORIES = Menu("category")
WHEN_OPTIONS = Menu("when")
PHOTO_OPTIONS = Menu("photo")
IDENTITIES = Menu("identity")
SUMMARY_OPTIONS = Menu("summary")
FIELDS = Menu("field")


def start(turn: Turn) -> str:
    """Opens an empty draft at the first step."""
    turn.data["draft"] = {}
    return CATEGORY


def advance(turn: Turn, current: str) -> str:
    """The step after `current`, or back to the summary when the resident was changing one answer."""
    if turn.draft.pop("changing", False):
        return SUMMARY
    following = ORDER[ORDER.index(current) + 1]
    if following == PHOTO and turn.draft.get("photo"):
        return IDENTITY  # a photo came with the description already
    return following


def _keep_photo(turn: Turn) -> bool:
    """Keeps a photo sent with this message; says why when one was refused."""
    if turn.photo:
        turn.draft["photo"] = asdict(turn.photo)
        return True
    if turn.photo_problem:
        turn.say(f"photo.rejected_{turn.photo_problem}")
    return False


def ask_category(turn: Turn) -> None:
    turn.say("report.ask_category", CATEGORIES)


async def category(turn: Turn) -> str:
    """Stores the category and asks what happened."""
    picked = turn.pick(CATEGORIES)
    if picked is None:
        turn.say("common.not_a_choice")
        return CATEGORY
    if picked == Category.EMERGENCY:
        turn.answer_emergency()
    turn.draft["category"] = picked
    return advance(turn, CATEGORY)


def ask_description(turn: Turn) -> None:
    turn.say("report.ask_description", shortest=DESCRIPTION_CHARS[0], longest=DESCRIPTION_CHARS[1])


async def description(turn: Turn) -> str:
    """Stores what happened, and a photo sent with it, and asks where."""
    got_photo = _keep_photo(turn)
    shortest, longest = DESCRIPTION_CHARS
    if got_photo and not turn.text:
        turn.say("report.photo_needs_words")
        return DESCRIPTION
    if letters_and_digits(turn.text) < shortest:
        turn.say("report.description_too_short", shortest=shortest)
        return DESCRIPTION
    if len(turn.text) > longest:
        turn.say("report.description_too_long", longest=longest, length=len(turn.text))
        return DESCRIPTION
    turn.draft["description"] = turn.text
    return advance(turn, DESCRIPTION)


def ask_location(turn: Turn) -> None:
    turn.say("report.ask_location", ask_location=True)


async def location(turn: Turn) -> str:
    """Stores where it happened, a pin or typed words, and asks when."""
    pin = turn.inbound.location
    if pin is not None:
        turn.draft.update(latitude=pin.latitude, longitude=pin.longitude, location_text=turn.text or None)
        return advance(turn, LOCATION)
    shortest, longest = LOCATION_CHARS
    if letters_and_digits(turn.text) < shortest or len(turn.text) > longest:
        turn.say("report.location_invalid", shortest=shortest, longest=longest)
        return LOCATION
    turn.draft.update(latitude=None, longitude=None, location_text=turn.text)
    return advance(turn, LOCATION)


def ask_when(turn: Turn) -> None:
    turn.say("report.ask_when", WHEN_OPTIONS)


async def when(turn: Turn) -> str:
    """Stores when it happened, a choice or the resident's own words, and asks for a photo."""
    picked = turn.pick(WHEN_OPTIONS)
    if picked is not None:
        turn.draft["when"] = labels(turn.lang, WHEN_OPTIONS.group)[picked]
        return advance(turn, WHEN)
    shortest, longest = WHEN_CHARS
    if letters_and_digits(turn.text) < shortest or len(turn.text) > longest:
        turn.say("report.when_invalid", shortest=shortest, longest=longest)
        return WHEN
    turn.draft["when"] = turn.text
    return advance(turn, WHEN)


def _photo_options(turn: Turn) -> Menu:
    return PHOTO_OPTIONS if turn.draft.get("photo") else PHOTO_OPTIONS.only("skip")


def ask_photo(turn: Turn) -> None:
    turn.say("report.ask_photo", _photo_options(turn))


async def photo(turn: Turn) -> str:
    """Stores the photo, or none, and asks how the resident wants to be identified."""
    if _keep_photo(turn):
        return advance(turn, PHOTO)
    if turn.photo_problem:
        return PHOTO
    picked = turn.pick(_photo_options(turn))
    if picked is None:
        turn.say("report.photo_or_skip")
        return PHOTO
    if picked == "remove":
        turn.draft.pop("photo", None)
    return advance(turn, PHOTO)


def ask_identity(turn: Turn) -> None:
    turn.say("report.ask_identity", IDENTITIES)


async def identity(turn: Turn) -> str:
    """Stores how the resident wants to be identified and shows the summary."""
    picked = turn.pick(IDENTITIES)
    if picked is None:
        turn.say("common.not_a_choice")
        return IDENTITY
    turn.draft["identity"] = picked
    return advance(turn, IDENTITY)


def ask_summary(turn: Turn) -> None:
    draft = turn.draft
    if draft.get("location_text"):
        place = draft["location_text"]
    else:
        place = t(turn.lang, "report.pin", latitude=f"{draft['latitude']:.5f}", longitude=f"{draft['longitude']:.5f}")
    turn.say(
        "report.summary", SUMMARY_OPTIONS,
        category=labels(turn.lang, CATEGORIES.group)[draft["category"]],
        urgent=t(turn.lang, "report.urgent_mark") if draft.get("urgent") else "",
        description=draft["description"],
        place=place,
        when=draft["when"],
        photo=t(turn.lang, "report.photo_yes" if draft.get("photo") else "report.photo_no"),
        identity=labels(turn.lang, IDENTITIES.group)[draft["identity"]],
    )


async def summary(turn: Turn) -> str:
    """Sends, changes or cancels the report."""
    picked = turn.pick(SUMMARY_OPTIONS)
    if picked == "send":
        await submit(turn)
        return DONE
    if picked == "change":
        return CHANGE
    if picked == "cancel":
        turn.data.pop("draft", None)
        turn.say("report.cancelled")
        return DONE
    turn.say("common.not_a_choice")
    return SUMMARY


def ask_change(turn: Turn) -> None:
    turn.say("report.ask_change", FIELDS)


async def change(turn: Turn) -> str:
    """Asks again the one step the resident wants to change; its answer leads back to the summary."""
    picked = turn.pick(FIELDS)
    if picked is None:
        turn.say("common.not_a_choice")
        return CHANGE
    turn.draft["changing"] = True
    return picked


async def submit(turn: Turn) -> None:
    """Stores the report as `received` and gives the resident its reference."""
    draft: dict[str, Any] = turn.data.pop("draft")
    anonymous = draft["identity"] == Identity.ANONYMOUS
    photo = draft.get("photo")
    report = await create_report(
        turn.db,
        attachments=[NewAttachment(**photo)] if photo else [],
        actor="resident",
        category=Category(draft["category"]),
        description=draft["description"],
        occurred_text=draft["when"],
        location_text=draft.get("location_text"),
        latitude=draft.get("latitude"),
        longitude=draft.get("longitude"),
        urgent=bool(draft.get("urgent")),
        identity=Identity(draft["identity"]),
        language=turn.lang,
        contact_id=None if anonymous else turn.contact.id,
        created_at=turn.now,
        updated_at=turn.now,
    )
    turn.say("report.submitted_anonymous" if anonymous else "report.submitted", ref=report.ref)


@dataclass(frozen=True)
class Step:
    ask: Callable[[Turn], None]
    answer: Callable[[Turn], Awaitable[str]]


STEPS: dict[str, Step] = {
    CATEGORY: Step(ask_category, category),
    DESCRIPTION: Step(ask_description, description),
    LOCATION: Step(ask_location, location),
    WHEN: Step(ask_when, when),
    PHOTO: Step(ask_photo, photo),
    IDENTITY: Step(ask_identity, identity),
    SUMMARY: Step(ask_summary, summary),
    CHANGE: Step(ask_change, change),
}
