"""The conversation's typed state: sessions stored in the JSON shape of earlier versions load and carry on."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from handlers.engine import Engine
from handlers.state import dump_session, load_session
from storage.crypto import ContactCipher
from storage.models import Category, Contact, ConversationSession, Identity, utcnow
from storage.reports import find_ref
from tests.helpers import TEST_SECRET, Resident, report, station

# A session as the database holds it: a report at its summary, an officer's unfinished business beside it,
# and a key no version of the flow reads any more. {station} is filled with the station's id.
STORED = """{
  "draft": {"category": "security", "description": "Motor saya dicuri di parkiran pasar tadi pagi",
            "latitude": null, "longitude": null, "location_text": "gedog sananwetan blitar",
            "place": "35.72.03.1001", "needs_routing": false, "station_id": {station},
            "station_label": "Polsek Sananwetan", "when": {"choice": "today"}, "photo_skipped": true,
            "identity": "confidential", "urgent": true},
  "shortcuts": ["view:LP-2345-6789"], "outbox_seen": 3,
  "retired_key": {"anything": [1, 2]}
}"""

EVERY_PART = {
    "draft": {
        "category": "drugs", "urgent": False, "description": "Ada transaksi narkoba di gang belakang",
        "read": {"category": "drugs", "place": "35.72.03.1001", "when": "now"},
        "photo": {"sha256": "ab" * 32, "content_type": "image/jpeg", "stored_name": "ab.jpg"},
        "photo_skipped": False, "identity": "anonymous", "latitude": -8.1, "longitude": 112.2,
        "location_text": "gedog", "pin_kept": True, "place_tries": 1, "place_attempts": ["gedog"],
        "place_rejected": True, "proposal": {"code": "35.72.03.1001", "station_id": 4, "label": "Polsek"},
        "options": ["35.72.03.1001", "35.72.03.1002"], "place": "35.72.03.1001", "station_id": 4,
        "station_label": "Polsek", "needs_routing": False, "when": {"text": "kemarin sore"},
    },
    "expired_draft": {"draft": {"category": "traffic"}, "step": "when", "at": "2026-11-20T03:00:00+00:00"},
    "patrol": {"place_text": "Pasar Legi", "code": None, "options": ["35.72.03.1001"], "met": 12,
               "category": "social", "concerns": [{"category": "traffic", "text": "Parkir liar tiap pagi"}]},
    "resume": ["menu", "when"],
    "pending_action": {"action": "resolve", "ref": "LP-2345-6789"},
    "number_meant": {"number": 2, "alert_key": "progress:LP-2345-6789", "menu_key": None},
    "shortcuts": ["view:LP-2345-6789"],
    "outbox_seen": 17,
}


CIPHER = ContactCipher(TEST_SECRET)


def test_every_part_of_a_stored_session_loads_and_is_stored_back_as_it_was() -> None:
    stored = json.loads(json.dumps(EVERY_PART))  # as stored before sessions were sealed
    assert load_session(stored, CIPHER) == EVERY_PART
    assert load_session(dump_session(load_session(stored, CIPHER), CIPHER), CIPHER) == EVERY_PART


def test_a_stored_session_is_sealed_and_says_nothing_in_clear() -> None:
    sealed = json.dumps(dump_session(load_session(json.loads(json.dumps(EVERY_PART)), CIPHER), CIPHER))
    for said in ("Parkir liar", "Pasar Legi", "LP-2345-6789", "drugs", "draft", "35.72.03.1001"):
        assert said not in sealed, said
    assert load_session(dump_session(EVERY_PART, ContactCipher("another secret")), CIPHER) == {}, \
        "sealed with another key: dropped, not read"
    assert dump_session({}, CIPHER) == {}


def test_keys_no_type_names_are_dropped_and_a_part_out_of_shape_goes_alone() -> None:
    loaded = load_session({"draft": {"category": "drugs", "old_field": 1}, "resume": "menu",
                           "pending_action": {"ref": "LP-2345-6789"}, "gone": True}, CIPHER)
    assert loaded == {"draft": {"category": "drugs"}}
    assert load_session(None, CIPHER) == {} and load_session(["not", "a", "session"], CIPHER) == {}


async def _store(engine: Engine, resident: Resident, step: str, data: str) -> None:
    urn_hash = ContactCipher(TEST_SECRET).lookup_hash(resident.urn)
    async with engine.sessions() as db, db.begin():
        session = (await db.execute(
            select(ConversationSession).join(Contact).where(Contact.urn_hash == urn_hash))).scalar_one()
        session.step, session.data = step, dump_session(json.loads(data), CIPHER)
        session.expires_at = utcnow() + dt.timedelta(minutes=10)


async def _data_of(engine: Engine, resident: Resident) -> dict[str, object]:
    urn_hash = ContactCipher(TEST_SECRET).lookup_hash(resident.urn)
    async with engine.sessions() as db:
        return dict(load_session((await db.execute(
            select(ConversationSession.data).join(Contact).where(Contact.urn_hash == urn_hash))).scalar_one(), CIPHER))


async def test_a_report_stored_mid_conversation_in_todays_shape_is_sent(engine: Engine) -> None:
    resident = Resident(engine, "console:stored")
    await resident.send("halo")
    sananwetan = await station(engine)
    await _store(engine, resident, "summary", STORED.replace("{station}", str(sananwetan.id)))
    await resident.send("kirim")
    assert resident.heard("report.submitted"), resident.text
    ref = find_ref(resident.text)
    assert ref is not None
    sent = await report(engine, ref)
    assert (sent.category, sent.identity, sent.station_id) == (Category.SECURITY, Identity.CONFIDENTIAL, sananwetan.id)
    assert sent.description == "Motor saya dicuri di parkiran pasar tadi pagi" and sent.urgent
    assert (sent.village_code, sent.occurred_text) == ("35.72.03.1001", "Tadi, hari ini")
    assert await _data_of(engine, resident) == {"shortcuts": ["view:LP-2345-6789"], "outbox_seen": 3,
                                                "just_filed": "linked", "unread_at": "Polsek Sananwetan"}
