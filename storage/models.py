"""The database schema: typed SQLAlchemy models. Timestamps are aware UTC in and out."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def to_the_hour(moment: dt.datetime) -> dt.datetime:
    """A time blurred to its hour: where an exact time could tie an anonymous report to its sender."""
    return moment.replace(minute=0, second=0, microsecond=0)


def this_hour() -> dt.datetime:
    return to_the_hour(utcnow())


def whole_hours(moment: dt.datetime, now: dt.datetime) -> dt.datetime:
    """`moment` as a row that names an anonymous report may hold it: a time already come blurred to its hour
    (still come), a time to come moved to the next whole hour (not before it is due)."""
    whole = to_the_hour(moment)
    return whole if moment <= now or whole == moment else whole + dt.timedelta(hours=1)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores aware UTC; SQLite hands back naive values, which are UTC by construction."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware UTC datetime")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _enum(cls: type[enum.Enum]) -> Enum:
    # Store the values ('received'), not the member names, and avoid PostgreSQL CREATE TYPE migrations.
    return Enum(cls, native_enum=False, length=24, values_callable=lambda e: [m.value for m in e],
                validate_strings=True)


# The largest row id: the id columns are PostgreSQL INTEGER, the smaller of the two databases' (SQLite's hold 64
# bits). A larger number in a query is an error there, not a row not found: what asks by id checks it first.
LARGEST_ROW_ID = 2**31 - 1


class Base(DeclarativeBase):
    # Named constraints: Alembic batch mode on SQLite needs them.
    metadata = MetaData(naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    })


class Category(enum.StrEnum):
    SECURITY = "security"          # gangguan keamanan & kriminalitas
    UNSAFE_PLACE = "unsafe_place"  # daerah rawan
    TRAFFIC = "traffic"            # lalu lintas
    SOCIAL = "social"              # persoalan sosial / konflik warga
    DRUGS = "drugs"                # narkoba
    OTHER = "other"                # lainnya & aspirasi
    EMERGENCY = "emergency"        # darurat


# Kinds of report whose mere existence, at a place and an hour, may put their reporter at risk: a dealer learning
# that a neighbour reported the dealing. Never told to whoever writes alike, never published. (A brawl, a crash, a
# flood are seen by many.)
UNDISCLOSED = frozenset({Category.DRUGS})


class ReportStatus(enum.StrEnum):
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    NEED_INFO = "need_info"
    RESOLVED = "resolved"
    REFERRED = "referred"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


class Identity(enum.StrEnum):
    NAMED = "named"                # officers see name and number
    CONFIDENTIAL = "confidential"  # officers reply only through the bot
    ANONYMOUS = "anonymous"        # no link to the contact after submission


class ReportSource(enum.StrEnum):
    CITIZEN = "citizen"
    PATROL = "patrol"


class StationKind(enum.StrEnum):
    POLSEK = "polsek"        # covers kecamatan
    POLRES = "polres"        # covers kabupaten/kota: the fallback for places no Polsek covers
    NATIONAL = "national"    # the desk that routes what could not be placed


class OfficerRole(enum.StrEnum):
    DUTY = "duty"    # gets the station's alerts and acts on reports
    HEAD = "head"    # the Kapolsek: digests and escalations


class EventKind(enum.StrEnum):
    STATUS = "status"          # a status change, with its note
    ESCALATION = "escalation"  # an unacknowledged alert sent again, to the duty officers or the head
    REPLY = "reply"            # the reporter's answer to an officer's question
    NOTE = "note"              # an officer's note on the report, for officers alone; the status stays
    REOPEN = "reopen"          # an officer reopening a closed report, with the reason


class OutboxState(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"
    NEEDS_TEMPLATE = "needs_template"


class OutboxKind(enum.StrEnum):
    """What an outbox row is: each kind has its own WhatsApp template outside the 24-hour window."""

    OFFICER_ALERT = "officer_alert"  # a report for the station's officers; a bare number answers the latest
    STATUS_UPDATE = "status_update"  # a status change relayed to the reporter
    INFO_REPLY = "info_reply"        # a reporter's answer relayed to the officer who asked
    DIGEST = "digest"                # the station head's daily digest
    EXPIRY_NOTICE = "expiry_notice"  # a report left unfinished was not sent
    WITNESS_ADDED = "witness_added"  # "+1 saksi": another resident told of a report's incident
    LATE_ANSWER = "late_answer"      # the bot's answer to a message, ready after its webhook's caller gave up


# The kinds that go to an officer as an officer (and a late answer, to whoever wrote): a row of them names the
# officer its chat was when it was queued, and goes only while they are still that station's officer.
TO_OFFICERS = frozenset({OutboxKind.OFFICER_ALERT, OutboxKind.INFO_REPLY, OutboxKind.DIGEST, OutboxKind.WITNESS_ADDED,
                         OutboxKind.LATE_ANSWER})


class Station(Base):
    __tablename__ = "station"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[StationKind] = mapped_column(_enum(StationKind))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"), index=True)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Jakarta")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    phone: Mapped[str | None] = mapped_column(String(32))
    digest_time: Mapped[str] = mapped_column(String(5), default="06:00")  # HH:MM in the station's timezone
    # Whether the open read API (Open311) may publish what residents wrote in this station's reports.
    public_descriptions: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class StationArea(Base):
    """A region a station covers: a kecamatan for a Polsek, a kabupaten/kota for a Polres. Each region has
    exactly one station."""

    __tablename__ = "station_area"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"), index=True)
    region_code: Mapped[str] = mapped_column(String(16), unique=True)


class Contact(Base):
    """Someone who talks to the bot on one channel address (URN)."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    urn_hash: Mapped[str] = mapped_column(String(64), unique=True)
    urn_encrypted: Mapped[str] = mapped_column(Text)
    display_name_encrypted: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(8))
    unreachable: Mapped[bool] = mapped_column(Boolean, default=False)
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)  # said STOP: nothing sent unasked
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_inbound_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class ConversationSession(Base):
    """Where a contact is in a conversation; the draft lives in `data` until it is submitted."""

    __tablename__ = "conversation_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), unique=True)
    step: Mapped[str] = mapped_column(String(32), default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # Whole hours for everyone: an officer's session may name a report (a pending action, the buttons last
    # shown), and a time kept of an anonymous report must not be finer than that.
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=this_hour, onupdate=this_hour)


class InboundMessage(Base):
    """One provider message id, once. It holds no contact, its time only to the hour, and the id keyed-hashed
    (`storage.contacts.record_inbound`), so that it cannot tie an anonymous report to the message that sent it."""

    __tablename__ = "inbound_message"
    __table_args__ = (UniqueConstraint("channel", "provider_message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    provider_message_id: Mapped[str] = mapped_column(String(128))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Report(Base):
    __tablename__ = "report"
    # What a station's digest reads, found and read from the index alone, whatever the size of the table: the
    # period's reports with all it counts them by, and the open ones with what makes them overdue.
    __table_args__ = (Index("ix_report_station_id_created_at_counted", "station_id", "created_at", "status",
                            "category", "urgent", "village_code", "district_code", "occurred_hour", "online"),
                      Index("ix_report_station_id_status_open", "station_id", "status", "created_at", "escalations"))

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(16), unique=True)
    category: Mapped[Category] = mapped_column(_enum(Category))
    description: Mapped[str] = mapped_column(Text)
    occurred_text: Mapped[str] = mapped_column(String(200))
    # The local hour of the day it happened (0–23), where the resident's words or "happening now" say it: the
    # digest's time bands place a report by it, by when it was filed otherwise.
    occurred_hour: Mapped[int | None] = mapped_column(SmallInteger)
    location_text: Mapped[str | None] = mapped_column(String(500))
    # It happened by phone or online: its place is where the resident lives, which routes it, and no scene for the
    # map or the patrol priorities.
    online: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Kept from all but its officers (handlers.publication.withheld): never published, never offered to another
    # resident writing alike.
    withheld: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    province_code: Mapped[str | None] = mapped_column(String(16))
    regency_code: Mapped[str | None] = mapped_column(String(16))
    district_code: Mapped[str | None] = mapped_column(String(16), index=True)
    village_code: Mapped[str | None] = mapped_column(String(16))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id"), index=True)
    needs_routing: Mapped[bool] = mapped_column(Boolean, default=False)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[ReportStatus] = mapped_column(_enum(ReportStatus), default=ReportStatus.RECEIVED)
    identity: Mapped[Identity] = mapped_column(_enum(Identity))
    source: Mapped[ReportSource] = mapped_column(_enum(ReportSource), default=ReportSource.CITIZEN)
    language: Mapped[str] = mapped_column(String(8))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"), index=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"))
    patrol_note_id: Mapped[int | None] = mapped_column(ForeignKey("patrol_note.id"), index=True)
    # When the station's alert goes again if nobody has acknowledged it; None once someone has.
    escalate_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    escalations: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # The last change the reporter can see; set where a status changes, never by other bookkeeping.
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sample: Mapped[bool] = mapped_column(Boolean, default=False)  # made up by `lapor reports generate`

    @property
    def place_code(self) -> str | None:
        """The most specific region it was read as: the kelurahan/desa, else the kecamatan, else the kab/kota."""
        return self.village_code or self.district_code or self.regency_code


class ReportEvent(Base):
    """The audit trail: every status change and note, with who and when."""

    __tablename__ = "report_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    kind: Mapped[EventKind] = mapped_column(_enum(EventKind), default=EventKind.STATUS)
    from_status: Mapped[ReportStatus | None] = mapped_column(_enum(ReportStatus))
    to_status: Mapped[ReportStatus] = mapped_column(_enum(ReportStatus))
    actor: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A referral's: the station that sent the report on, which still follows it (read only) where it went.
    from_station_id: Mapped[int | None] = mapped_column(ForeignKey("station.id", ondelete="SET NULL"), index=True)


class Attachment(Base):
    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    url: Mapped[str | None] = mapped_column(String(1024))
    stored_name: Mapped[str | None] = mapped_column(String(128))
    sha256: Mapped[str] = mapped_column(String(64))
    content_type: Mapped[str] = mapped_column(String(64))
    duration_seconds: Mapped[int | None] = mapped_column(Integer)  # a voice note's; None for a photo
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Outbox(Base):
    """A message the bot starts on its own, written in the transaction that caused it."""

    __tablename__ = "outbox"
    # The failed messages of a period (the digest's), without reading every failure ever kept.
    __table_args__ = (Index("ix_outbox_state_created_at", "state", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # an OutboxKind, stored as plain text: a new kind needs no migration
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[OutboxState] = mapped_column(_enum(OutboxState), default=OutboxState.PENDING, index=True)
    priority: Mapped[int] = mapped_column(Integer, default=1)  # 0 goes first: alerts of urgent reports
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id", ondelete="SET NULL"), index=True)
    # The officer the row is written to (see TO_OFFICERS): checked as it goes.
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id", ondelete="CASCADE"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    # Names an anonymous report: every time the row holds is whole hours (see `whole_hours`).
    hourly: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    provider_message_id: Mapped[str | None] = mapped_column(String(128), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class TelegramUpdate(Base):
    """A Telegram update taken by the webhook and not yet handled: recorded before Telegram is answered, so
    that a crash loses none; deleted once handled. The update itself is encrypted, as contacts are."""

    __tablename__ = "telegram_update"

    id: Mapped[int] = mapped_column(primary_key=True)  # the order updates are handled in after a restart
    update_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    body_encrypted: Mapped[str] = mapped_column(Text)
    # The replies, kept in the transaction that handled the update: after a crash they are sent, not lost.
    replies_encrypted: Mapped[str | None] = mapped_column(Text)


class Officer(Base):
    """A chat enrolled with an invite code to act for a station. The row outlives the chat (HAPUS leaves it
    revoked, with no contact) and its id is never given again: reports' histories name officers by it. A chat
    enrolled again after a revoke is a new officer, so a chat may have many rows, one of them active at most."""

    __tablename__ = "officer"
    __table_args__ = (
        Index("uq_officer_active_contact_id", "contact_id", unique=True,
              sqlite_where=text("active"), postgresql_where=text("active")),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"), index=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), index=True)
    role: Mapped[OfficerRole] = mapped_column(_enum(OfficerRole))
    name: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Invite(Base):
    """A one-time enrollment code. Only its hash is kept: the code itself is shown once, to the operator."""

    __tablename__ = "invite"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), index=True)
    role: Mapped[OfficerRole] = mapped_column(_enum(OfficerRole))
    name: Mapped[str | None] = mapped_column(String(100))
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class KeyFingerprint(Base):
    """The fingerprint of the SECRET_KEY this database's data was written with (one row): a process with
    another key is refused at start, instead of failing on every encrypted field it reads."""

    __tablename__ = "key_fingerprint"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class EnrollmentFailure(Base):
    """A DAFTAR with a code that matches no invite: counted per chat and over all chats, to refuse enrollment
    for a while when codes are being guessed. Rows older than the window are deleted as new ones come. The chat
    is kept as its contact's keyed hash, not its row, so that HAPUS does not start its count afresh."""

    __tablename__ = "enrollment_failure"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    urn_hash: Mapped[str] = mapped_column(String(64), index=True)


class PatrolNote(Base):
    """A *patroli dialogis*: where officers talked with residents, how many, and whether to follow up.
    Each concern raised becomes a report with source=patrol that points back here."""

    __tablename__ = "patrol_note"
    # A station's notes of a period (the digest's), not all it ever wrote.
    __table_args__ = (Index("ix_patrol_note_station_id_created_at", "station_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id", ondelete="SET NULL"))
    place_text: Mapped[str] = mapped_column(String(300))
    district_code: Mapped[str | None] = mapped_column(String(16))
    village_code: Mapped[str | None] = mapped_column(String(16))
    residents_met: Mapped[int] = mapped_column(Integer)
    follow_up: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class DigestRun(Base):
    """A station's daily digest for one date, sent once: the unique row is what makes it once."""

    __tablename__ = "digest_run"
    __table_args__ = (UniqueConstraint("station_id", "local_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"))
    local_date: Mapped[dt.date] = mapped_column(Date)
    sends: Mapped[int] = mapped_column(Integer, default=1)  # more than 1: sent again by hand (--force)
    recipients: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class WebLink(Base):
    """A one-time sign-in link to the station's web page, sent in the officer's chat. Only a keyed hash of
    its token is kept: the token itself is in the link alone."""

    __tablename__ = "web_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class WebSession(Base):
    """A signed-in browser, bound to the officer, station and role it was opened for; the cookie holds
    the token, the database a keyed hash of it."""

    __tablename__ = "web_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id", ondelete="CASCADE"), index=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"))
    role: Mapped[OfficerRole] = mapped_column(_enum(OfficerRole))
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Witness(Base):
    """A resident who reported an incident that was already reported: their account joins that report instead
    of opening another. An anonymous witness keeps no link to their contact, and their time only to the hour,
    as an anonymous report does."""

    __tablename__ = "witness"
    # One account a contact for a report, anonymous or not (a row joined by an officer's "duplicate" has no token).
    __table_args__ = (Index("uq_witness_report_id_teller_token", "report_id", "teller_token", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"), index=True)
    # ContactCipher.teller_token of the contact and the report: who told it, for this report alone, never the contact.
    teller_token: Mapped[str | None] = mapped_column(String(64))
    identity: Mapped[Identity] = mapped_column(_enum(Identity))
    statement: Mapped[str] = mapped_column(Text)
    occurred_text: Mapped[str] = mapped_column(String(200))  # when it happened, as the witness said
    location_text: Mapped[str | None] = mapped_column(String(500))  # where, as the witness said (or the pin's)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
