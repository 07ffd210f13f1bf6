"""What a conversation keeps between messages (the session's data), typed, and its one (de)serialiser, which
seals it.

Every key is optional: a key is there while its part of the conversation is. A new field is one line in its
TypedDict below; `load_session` reads sessions stored before it existed, and drops keys no type names.
"""

from __future__ import annotations

import json
import logging
from typing import (
    Any,
    Literal,
    NotRequired,  # pydantic needs these on Python 3.11
)

from cryptography.fernet import InvalidToken
from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypedDict

from storage.crypto import ContactCipher

log = logging.getLogger(__name__)


class ReadBack(TypedDict, total=False):
    """What was read from a report told in one message, to confirm: catalogue keys and a region code, or the
    codes of the places that share the name the story gave its place ("desa Sidomulyo"), to pick from."""

    category: str
    place: str
    places: list[str]
    when: str
    when_told: str  # the time in the story's words ("kemarin sore jam 5"), kept for officers on a yes
    spot: str  # the street, RT or shop the story tells its place with ("jl merdeka depan toko mas sinar")
    street: str  # a street the story tells alone, no place read ("di jl soekarno hatta"): its kelurahan is asked


class Photo(TypedDict):
    """A stored photo, stripped of what the camera wrote; the provider's own file is never kept nor sent on."""

    sha256: str
    content_type: str
    stored_name: str


class Voice(Photo):
    """A stored voice note told as the story, with its length read from its bytes."""

    duration_seconds: int


class Proposal(TypedDict):
    """A place offered for confirmation; a pin's comes with the station nearest to it."""

    code: str
    station_id: NotRequired[int]
    label: NotRequired[str]


class When(TypedDict, total=False):
    choice: str  # a catalogue key of the `when` menu
    text: str    # the resident's own words


class SameIncident(TypedDict):
    """An open report alike to the one being told, offered to join: how many reported it and where, nothing of
    its words nor who made it."""

    report_id: int
    residents: int
    place: str
    station: NotRequired[str | None]  # the station holding it now (drafts kept by older versions lack it)


class Draft(TypedDict, total=False):
    """The report being told. A key is there once its answer is (the flow asks what is missing)."""

    category: str
    category_unsure: bool  # "ga tau" where the kind was asked: Lainnya, unless the story names one
    urgent: bool
    urgent_for_a_theft: bool  # urgent for a theft told with no time, and nothing else: a past time told takes it back
    description: str
    story_begun: str  # the story's start told before it is asked: "motor sy ilang pak" where its kind is asked
    read: ReadBack
    photo: Photo
    photo_skipped: bool
    voice: Voice
    identity: str
    identity_read: bool  # read from the resident's words, the question not asked: its reminder said at the summary
    identity_left: list[str]  # the options not declined ("jangan anonim"): the question asks between them
    # Where: a pin, typed words, and the place and station they were read as.
    latitude: float | None
    longitude: float | None
    location_text: str | None
    story_spot: str  # the spot the story told its place with: the typed place once one read from it is taken
    pin_kept: bool  # a pin no station was found near: the place typed next goes with it
    online: bool  # it happened by phone or online: the place typed next is where the resident lives
    place_tries: int
    place_attempts: list[str]
    place_rejected: bool
    # region codes proposed or offered alone and answered "bukan": not read again from the words typed before (of
    # several offered, "none of these" may be a misreading: a kecamatan typed next narrows them)
    places_refused: list[str]
    place_unknown: bool  # "ga tau" where the place was asked: the kecamatan or town is asked next
    home_asked: bool  # "di rumah" where the place was asked: which kelurahan was asked, once
    common_name: str  # a name many villages bear, typed misspelt ("desa sukamju"): the kecamatan is asked with it
    too_wide_asked: bool  # a province or a landmark alone ("jakarta", "masjid istiqlal"): which kelurahan, asked
    street_asked: bool  # a street alone ("jl kalimantan"): kept, and which kelurahan it is in asked, once
    proposal: Proposal
    options: list[str]  # region codes offered to pick from
    place: str  # the confirmed region code
    corrected_place: str  # the region code of a place the resident corrects, beside which the new one is looked for
    offered_before: list[str]  # places offered when another name was typed instead: it is looked for inside them first
    station_id: int | None
    station_label: str | None
    needs_routing: bool
    when: When
    told_time_wrong: bool  # the time the story tells was said not to be right: the time is asked plainly
    when_asked_again: bool  # words no time was read in were added to the story: what comes next is the time
    same: SameIncident  # asked about once the place is known
    join: int  # the report the resident said is theirs: the account is added to it as a witness's
    join_station: str | None  # the station holding that report, which the summary names
    another_asked_at: str  # the step "maaf salah, mau lapor yang lain" was said at: where a no goes back to


class ExpiredDraft(TypedDict):
    """A report left unfinished until its conversation expired, offered back once."""

    draft: Draft
    step: str
    at: str  # ISO time it expired
    unanswered: NotRequired[str]  # the place sent as it expired at the place question, its answer if taken up

class Answered(TypedDict):
    ref: str
    at: str  # ISO time of the answer


class Concern(TypedDict):
    category: str
    text: str


class PatrolDraft(TypedDict, total=False):
    """The patrol note being told by an officer."""

    place_text: str
    code: str | None
    options: list[str]
    met: int
    category: str  # of the concern being told
    told: str  # a concern told where another was offered, kept while its kind is asked
    concerns: list[Concern]
    kept: bool  # BATAL kept the concerns noted once: BATAL again drops the whole note


class PendingAction(TypedDict):
    """An officer's action waiting for the note, question, station or ref it needs."""

    action: str
    ref: str
    returns_to: NotRequired[str]  # a referral declined: the station it goes back to, which reads the reason


class LastRef(TypedDict):
    """The report an officer last acted on, opened or noted, and when."""

    ref: str
    at: str  # ISO time


class NoteTyped(TypedDict):
    """Words an officer typed alone after handling a report: kept as its note if they tap to keep them."""

    ref: str
    text: str


class NumberMeant(TypedDict):
    """A bare number an officer typed just as an alert came in: for the alert, or for the menu shown before."""

    number: int
    alert_key: str
    menu_key: str | None


class CommandMeant(TypedDict):
    """An officer's command read with the reports it may be for (typed without its ref, or with a slip in its word),
    taken on the one tapped: for the officer's next message alone, and a few minutes."""

    keyword: str
    argument: str
    refs: list[str]
    confirm: bool  # one report named, asked "…?": a yes takes it (a list to pick from is answered by a pick)
    at: str  # when it was offered (ISO)
    spent: bool  # the officer has written since it was offered: the message that may take it has come


# What a report sent by the message before was: one of the resident's own ("linked"), or anonymous, of which the
# resident may have been told already that a photo cannot be added ("anonymous_told"). Which report is not kept; that
# one was anonymous tells no more than that none of theirs was sent then, which their reports already show.
JustFiled = Literal["linked", "anonymous", "anonymous_told"]
# An account added to another resident's report as a witness by the message before: linked to the resident, or not.
JustJoined = Literal["linked", "anonymous"]


class SessionData(TypedDict, total=False):
    draft: Draft
    expired_draft: ExpiredDraft
    patrol: PatrolDraft
    resume: list[str]  # the steps side questions go back to, innermost last
    pending_action: PendingAction
    number_meant: NumberMeant
    shortcuts: list[str]  # what the numbers of the list or report shown last to an officer mean
    outbox_seen: int  # the newest outbox row sent to the officer before they last wrote
    wrote_at: str  # when the officer last wrote (ISO): a number typed soon after may be for what was on screen
    last_ref: LastRef
    note_typed: NoteTyped
    meant: CommandMeant
    already_reported_ref: str  # the report whose story the resident sent again and was told of
    cancelled: ExpiredDraft  # the report cancelled by the message before, kept for the next one only
    answered: Answered  # an officer's question the resident just answered: their next message may add to it
    just_filed: JustFiled  # a report was sent by the message before (which one is not kept: it may be anonymous)
    just_joined: JustJoined  # a witness account was added by the message before (to which report is not kept)
    unread_at: str  # the station that report went to, where no officer reads it yet


_SESSION = TypeAdapter(SessionData)


def stored_names(data: SessionData) -> set[str]:
    """The stored photos and voice notes a session's drafts hold: the report being written, one set aside as its
    conversation expired, one cancelled by the message before."""
    drafts = [data["draft"]] if "draft" in data else []
    drafts += [kept["draft"] for kept in (data.get("expired_draft"), data.get("cancelled")) if kept]
    return {media["stored_name"] for draft in drafts for media in (draft.get("photo"), draft.get("voice")) if media}


# The key of a stored session's one field: the data sealed with the contact key, so that a copy of the database (or
# of SQLite's write-ahead log, which keeps earlier versions of the row) holds no draft, nor what a contact was
# writing when: the story of an anonymous report stays out of reach of whoever has the file.
SEALED = "sealed"


def load_session(stored: Any, cipher: ContactCipher) -> SessionData:
    """The session's data as stored, unsealed and typed. Keys no type names are dropped; a part whose shape no
    longer fits is dropped (logged by name, never its content) rather than stop the contact's conversation. Data
    stored before sessions were sealed is read as it is."""
    if isinstance(stored, dict) and isinstance(stored.get(SEALED), str):
        try:
            stored = json.loads(cipher.decrypt(stored[SEALED]))
        except (InvalidToken, ValueError):
            log.warning("session data that does not unseal dropped")
            return SessionData()
    if not isinstance(stored, dict):
        return SessionData()
    try:
        return _SESSION.validate_python(stored)
    except ValidationError as error:
        broken = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
        log.warning("session data dropped: %s", ", ".join(sorted(broken)))
        return _SESSION.validate_python({key: value for key, value in stored.items() if key not in broken})


def dump_session(data: SessionData, cipher: ContactCipher) -> dict[str, Any]:
    """The session's data as stored: sealed (empty stays empty), a new object each time (so the row is seen as
    changed)."""
    if not data:
        return {}
    plain = json.dumps(_SESSION.dump_python(data, mode="json"), ensure_ascii=False, separators=(",", ":"))
    return {SEALED: cipher.encrypt(plain)}
