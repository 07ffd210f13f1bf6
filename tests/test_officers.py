"""Officers' enrollment: one-time invite codes, DAFTAR in the chat, listing and revoking."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from handlers.engine import Engine
from storage.crypto import ContactCipher
from storage.models import Contact, Invite, OfficerRole, Outbox, utcnow
from storage.officers import invite_code_in, revoke
from storage.reports import find_ref
from tests.helpers import DESCRIPTION, TEST_SECRET, Resident, enrolled, invite, officers, walk_to_summary
from tests.helpers import lapor as run_lapor


async def test_an_invite_code_enrolls_a_chat_once(engine: Engine) -> None:
    code = await invite(engine)
    petugas = Resident(engine, "telegram:700100")
    await petugas.send(f"/daftar {code.lower()}")
    assert petugas.heard("officer.enrolled") and "Polsek Sekar (Polres Bojonegoro)" in petugas.text
    [officer] = await officers(engine)
    assert (officer.role, officer.name, officer.active) == (OfficerRole.DUTY, "Bripka Santoso", True)
    other = Resident(engine, "whatsapp:+6281200001111")
    await other.send(f"DAFTAR {code}")
    assert other.heard("officer.code_used")
    assert len(await officers(engine)) == 1


async def test_unknown_expired_and_malformed_codes_are_refused(engine: Engine) -> None:
    expired = await invite(engine, at=utcnow() - dt.timedelta(hours=25))
    petugas = Resident(engine, "telegram:700200")
    await petugas.send(f"DAFTAR {expired}")
    assert petugas.heard("officer.code_expired")
    await petugas.send("DAFTAR 2345-6789")
    assert petugas.heard("officer.code_unknown")
    await petugas.send("daftar")
    assert petugas.heard("officer.code_format")
    assert await officers(engine) == []


async def test_only_a_hash_of_the_code_is_stored(engine: Engine) -> None:
    code = await invite(engine)
    async with engine.sessions() as db:
        stored = (await db.execute(select(Invite.code_hash))).scalar_one()
    assert code not in stored and code.replace("-", "") not in stored


async def test_a_revoked_officer_can_enroll_again_only_with_a_new_code(engine: Engine) -> None:
    code = await invite(engine)
    petugas = Resident(engine, "telegram:700300")
    await petugas.send(f"/daftar {code}")
    [officer] = await officers(engine)
    async with engine.sessions() as db, db.begin():
        assert await revoke(db, officer.id, utcnow())
        assert not await revoke(db, officer.id, utcnow()), "revoking twice says so"
    await petugas.send(f"/daftar {code}")
    assert petugas.heard("officer.code_used")
    assert not (await officers(engine))[0].active
    await petugas.send(f"/daftar {await invite(engine, role=OfficerRole.HEAD)}")
    [again] = await officers(engine)
    assert again.active and again.role == OfficerRole.HEAD


async def test_a_description_that_starts_with_daftar_stays_a_description(engine: Engine) -> None:
    resident = Resident(engine)
    await walk_to_summary(resident, description="Daftar barang yang hilang: dompet, HP, dan kunci motor")
    assert "Daftar barang yang hilang" in resident.text
    assert await officers(engine) == []


@pytest.mark.parametrize(("typed", "code"), [("7kx4 9qm2", "7KX4-9QM2"), ("7KX4-9QM2", "7KX4-9QM2"),
                                             ("7KX49QM2", "7KX4-9QM2"), ("7KX4-9QM", None), ("OOOO-IIII", None)])
def test_codes_are_read_however_they_are_typed(typed: str, code: str | None) -> None:
    assert invite_code_in(typed) == code


def test_the_officers_commands(tmp_path: Path, database_url: str) -> None:
    def lapor(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return run_lapor(*args, data_dir=tmp_path, database_url=database_url, stdin=stdin)

    invited = lapor("officers", "invite", "--station", "polsek-sananwetan", "--role", "duty", "--name", "Aiptu Rina")
    assert invited.returncode == 0, invited.stderr
    code = invited.stdout.split()[0]
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", code)
    chat = lapor("chat", "--urn", "console:petugas", stdin=f"DAFTAR {code}\n")
    assert "petugas piket untuk Polsek Sananwetan (Polres Blitar Kota)" in chat.stdout
    [listed] = json.loads(lapor("officers", "list", "--json").stdout)
    assert (listed["station"], listed["role"], listed["name"], listed["active"]) == (
        "POLSEK-SANANWETAN", "duty", "Aiptu Rina", True)
    assert lapor("officers", "revoke", str(listed["id"])).returncode == 0
    assert json.loads(lapor("officers", "list", "--json").stdout)[0]["active"] is False
    assert lapor("officers", "revoke", "999").returncode == 1
    unknown = lapor("officers", "invite", "--station", "NOWHERE", "--role", "head")
    assert unknown.returncode == 1 and "no station NOWHERE" in unknown.stderr


# --- alerts ---------------------------------------------------------------------------------------

RESIDENT = "whatsapp:+6281234567890"


async def alerts(engine: Engine) -> list[Outbox]:
    async with engine.sessions() as db:
        return list((await db.execute(select(Outbox).where(Outbox.kind == "officer_alert")
                                      .order_by(Outbox.id))).scalars())


async def test_a_sent_report_alerts_every_duty_officer_of_its_station_and_no_one_else(engine: Engine) -> None:
    duty = [await enrolled(engine, "telegram:800001"), await enrolled(engine, "whatsapp:+6281300000002")]
    await enrolled(engine, "telegram:800003", role=OfficerRole.HEAD)
    await enrolled(engine, "telegram:800004", station="POLSEK-SEKAR")
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident)  # Kel. Gedog: Polsek Sananwetan; confidential
    await resident.send("kirim")
    ref = find_ref(resident.text)
    sent = await alerts(engine)
    assert len(sent) == 2
    async with engine.sessions() as db:
        to = {(await db.get(Contact, row.contact_id)).urn_hash for row in sent}
    assert to == {ContactCipher(TEST_SECRET).lookup_hash(officer.urn) for officer in duty}
    for row in sent:
        text = row.payload["text"]
        assert ref in text and "Kel. Gedog, Kec. Sananwetan, Kota Blitar" in text and DESCRIPTION in text
        assert "dirahasiakan" in text
        assert "6281234567890" not in json.dumps(row.payload), "a confidential reporter's number never reaches officers"
        assert row.priority == 1


async def test_a_named_report_shows_name_and_number_and_an_urgent_one_goes_first(engine: Engine) -> None:
    await enrolled(engine, "telegram:800001")
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident, identity="1", description="Tolong saya, ada begal di depan gang sekarang")
    await resident.send("kirim")
    [alert] = await alerts(engine)
    assert "Budi Santoso, +6281234567890" in alert.payload["text"] and "MENDESAK" in alert.payload["text"]
    assert alert.priority == 0


async def test_an_anonymous_report_alert_says_so(engine: Engine) -> None:
    await enrolled(engine, "telegram:800001")
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident, identity="3")
    await resident.send("kirim")
    [alert] = await alerts(engine)
    assert "Pelapor: anonim" in alert.payload["text"] and "6281234567890" not in alert.payload["text"]


async def test_a_revoked_officer_gets_no_alert(engine: Engine) -> None:
    await enrolled(engine, "telegram:800001")
    [officer] = await officers(engine)
    async with engine.sessions() as db, db.begin():
        await revoke(db, officer.id, utcnow())
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident)
    await resident.send("kirim")
    assert await alerts(engine) == []


async def test_the_alert_reaches_the_officer_on_telegram(engine: Engine) -> None:
    from telegram import Bot

    from bot.channels.telegram import TelegramChannel
    from bot.outbox import Dispatcher
    from harness.fake_telegram import TOKEN, FakeBotAPI

    await enrolled(engine, "telegram:800001")
    resident = Resident(engine, RESIDENT)
    await walk_to_summary(resident)
    await resident.send("kirim")
    fake = FakeBotAPI()
    await fake.start()
    try:
        async with Bot(TOKEN, base_url=fake.base_url) as bot:
            outbox = Dispatcher(engine.sessions, engine.cipher, {"telegram": TelegramChannel(bot)})
            assert await outbox.run_once() == 1
        [text] = fake.sent_texts(800001)
        assert find_ref(resident.text) in text and text.startswith("Laporan baru")
    finally:
        await fake.stop()
