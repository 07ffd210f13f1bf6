"""WhatsApp end to end: signed Twilio webhooks into `lapor serve` on 127.0.0.1, replies as TwiML, and
what the bot starts on its own sent by the outbox through the real twilio Client to a fake Twilio API."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.base import CONTINUED, Choice, Media, Outbound, split_text
from bot.channels.whatsapp import MAX_BODY_CHARS, WhatsAppChannel, _is_media_store
from bot.config import Settings
from bot.outbox import Claim, Dispatcher, Records, RetryPolicy, template_text
from handlers.engine import Engine
from harness.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, SENDER, FakeTwilioAPI, load_payload, sign
from harness.loopback import serving, until
from storage.models import Attachment, Contact, InboundMessage, Outbox, OutboxState, Report, ReportStatus, utcnow
from storage.outbox import claim_due, enqueue, open_payload, record_delivery
from tests.helpers import (
    DESCRIPTION,
    PUBLIC,
    RESIDENT,
    TEST_SECRET,
    Phone,
    Resident,
    contact_of,
    enrolled,
    file_report,
    lapor,
    photo,
    walk_to_summary,
)

JPEG = photo("JPEG", shade=2)


@pytest.fixture
async def twilio() -> AsyncIterator[FakeTwilioAPI]:
    api = FakeTwilioAPI()
    await api.start()
    yield api
    await api.stop()


def settings_for(tmp_path: Path, database_url: str, twilio: FakeTwilioAPI, **overrides: object) -> Settings:
    values: dict[str, object] = dict(
        _env_file=None, data_dir=tmp_path, database_url=database_url, secret_key=TEST_SECRET,
        public_base_url=PUBLIC, twilio_account_sid=ACCOUNT_SID, twilio_auth_token=AUTH_TOKEN,
        twilio_whatsapp_from=SENDER, twilio_api_base_url=twilio.base_url,
    )
    return Settings(**{**values, **overrides})  # type: ignore[arg-type]


@contextlib.asynccontextmanager
async def whatsapp_service(tmp_path: Path, database_url: str, twilio: FakeTwilioAPI,
                           **overrides: object) -> AsyncIterator[tuple[Phone, Engine]]:
    """`lapor serve` with WhatsApp on, and a resident's phone posting to it."""
    settings = settings_for(tmp_path, database_url, twilio, **overrides)
    async with serving(settings) as (url, engine), httpx.AsyncClient(base_url=url) as http:
        yield Phone(http), engine


async def test_a_report_with_a_pin_and_a_typed_place_lands_at_its_polsek(tmp_path: Path, database_url: str,
                                                                       twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, _engine):
        answer = await phone.text("halo")
        assert "Privasi" in answer and "1. Lapor" in answer and "Balas dengan nomor 1–4" in answer
        assert "Gangguan keamanan" in await phone.text("1")
        assert "Ceritakan" in await phone.text("lalu lintaz")  # a typo of a label answers too
        assert "Di mana" in await phone.text(DESCRIPTION)
        answer = "\n".join(await phone.send("location"))  # Bundaran HI, Jakarta: no Polsek registered there
        assert "Titik lokasi sudah kami simpan" in answer
        assert "Maksud Anda Kel. Gedog, Kec. Sananwetan, Kota Blitar?" in await phone.text("gedok sananwetn blitar")
        assert "Kapan" in await phone.text("ya")
        assert "foto" in await phone.text("2")
        assert "identitas" in await phone.text("lewati")
        summary = await phone.text("2")
        assert "Diteruskan ke: Polsek Sananwetan (Polres Blitar Kota)" in summary
        done = await phone.text("kirim")
        assert "LP-" in done and "diteruskan ke Polsek Sananwetan" in done
    listed = lapor("reports", "list", "--json", data_dir=tmp_path, database_url=database_url)
    assert listed.returncode == 0, listed.stderr
    [report] = json.loads(listed.stdout)
    assert report["station"] == "POLSEK-SANANWETAN" and report["village_code"] == "35.72.03.1001"
    assert (report["latitude"], report["longitude"]) == (-6.1944491, 106.8229198)
    assert report["category"] == "traffic"


async def test_forged_and_missing_signatures_get_403_and_change_nothing(tmp_path: Path, database_url: str,
                                                                       twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, engine):
        params = load_payload("text")
        assert (await phone.post(params, signature="")).status_code == 403
        assert (await phone.post(params, signature="bm90IGEgc2lnbmF0dXJl")).status_code == 403
        # Signed for the address Lapor sees itself, not the public one Twilio calls.
        internal = sign(str(phone.http.base_url).rstrip("/") + "/whatsapp/webhook", params)
        assert (await phone.post(params, signature=internal)).status_code == 403
        tampered = {**params, "Body": "diubah di jalan"}
        assert (await phone.post(tampered, signature=sign(PUBLIC + "/whatsapp/webhook", params))).status_code == 403
        other_token = sign(PUBLIC + "/whatsapp/webhook", params, auth_token="another-token")
        assert (await phone.post(params, signature=other_token)).status_code == 403
        async with engine.sessions() as db:
            assert (await db.execute(select(func.count()).select_from(InboundMessage))).scalar_one() == 0
            assert (await db.execute(select(func.count()).select_from(Contact))).scalar_one() == 0


@pytest.mark.parametrize("field", ["To", "AccountSid"])
async def test_a_signed_form_for_another_number_or_account_is_refused_unread(
        tmp_path: Path, database_url: str, twilio: FakeTwilioAPI, caplog: pytest.LogCaptureFixture,
        field: str) -> None:
    """Twilio signs with the account's token, which another number of the account and a subaccount's forms share:
    only what is for this account and this number is read. The log names neither number."""
    other = {"To": "whatsapp:+19998887777", "AccountSid": "AC" + "9" * 32}[field]
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, engine):
        message = load_payload("text", From=RESIDENT, MessageSid=phone.next_sid(), Body="halo", **{field: other})
        answered = await phone.post(message)
        assert answered.status_code == 403 and "<Message>" not in answered.text
        sent = await phone.text("halo")
        row_id = await queue(engine, (await row_of_contact(engine)))
        sid = await sent_by_the_service(engine, row_id)
        status_field = {"To": "From"}.get(field, field)  # a status callback is from our number
        status = load_payload("status_failed", MessageSid=sid, SmsSid=sid, **{status_field: other})
        assert (await phone.post(status, path="/whatsapp/status")).status_code == 403
        assert (await row(engine, row_id)).state != OutboxState.FAILED
        async with engine.sessions() as db:
            assert (await db.execute(select(func.count()).select_from(InboundMessage))).scalar_one() == 1
    assert "Privasi" in sent, "our own number and account are answered"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "refused" in logged and RESIDENT.split("+")[1] not in logged and other not in logged, logged


async def row_of_contact(engine: Engine) -> int:
    async with engine.sessions() as db:
        return (await db.execute(select(Contact.id))).scalar_one()


async def test_the_same_message_sid_three_times_is_handled_once(tmp_path: Path, database_url: str,
                                                               twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, engine):
        first = await phone.send(Body="halo", MessageSid="SM" + "a" * 32)
        again = [await phone.send(Body="halo", MessageSid="SM" + "a" * 32) for _ in range(2)]
        assert first and again == [[], []]
        async with engine.sessions() as db:
            assert (await db.execute(select(func.count()).select_from(InboundMessage))).scalar_one() == 1


async def sent_late(phone: Phone, engine: Engine, body: str) -> str:
    """Sends `body` while another transaction holds the contact, so the answer is ready only after Twilio, here a
    client that waits half a second, has stopped waiting; returns the MessageSid."""
    sid = phone.next_sid()
    params = load_payload("text", From=RESIDENT, WaId=RESIDENT.split("+")[1], MessageSid=sid, Body=body)
    headers = {"X-Twilio-Signature": sign(PUBLIC + "/whatsapp/webhook", params)}
    async with engine.sessions() as db, db.begin():
        await db.execute(update(Contact).values(language=Contact.language))
        with pytest.raises(httpx.ReadTimeout):
            await phone.http.post("/whatsapp/webhook", data=params, headers=headers, timeout=0.5)
        await asyncio.sleep(0.2)  # for the service, in this loop, to read that the connection was closed
    return sid


async def test_an_answer_ready_after_twilio_gave_up_is_sent_once_through_the_outbox(
        tmp_path: Path, database_url: str, twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, engine):
        await phone.text("halo")
        sid = await sent_late(phone, engine, "1")
        await until(lambda: any("Gangguan keamanan" in message["Body"] for message in twilio.sent(RESIDENT)),
                    what="the late answer")
        # Twilio's retry of the message is a replay: the answer it would carry has gone already.
        assert await phone.send(Body="1", MessageSid=sid) == []
        assert "Ceritakan" in await phone.text("2")  # the conversation went on from the answer sent
        async with engine.sessions() as db:
            [row] = (await db.execute(select(Outbox).where(Outbox.kind == "late_answer"))).scalars()
        assert sid not in row.idempotency_key, "the provider's id is kept nowhere in clear"
    sent = [message["Body"] for message in twilio.sent(RESIDENT)]
    assert len(sent) == 1 and "Balas dengan nomor" in sent[0]


async def test_a_late_answer_to_an_anonymous_kirim_is_sent_and_kept_nowhere(tmp_path: Path, database_url: str,
                                                                            twilio: FakeTwilioAPI) -> None:
    """The answer to an anonymous report's Kirim carries its only ref: late, it still reaches the resident, and
    no row keeps it beside the contact (an outbox row written with the report would tie the two)."""
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, engine):
        await walk_to_summary(Resident(engine, RESIDENT), identity="3")
        sid = await sent_late(phone, engine, "kirim")
        await until(lambda: any("LP-" in message["Body"] for message in twilio.sent(RESIDENT)), what="the late ref")
        assert await phone.send(Body="kirim", MessageSid=sid) == []
        async with engine.sessions() as db:
            assert (await db.execute(select(func.count()).select_from(Outbox)
                                     .where(Outbox.kind == "late_answer"))).scalar_one() == 0
            [report] = (await db.execute(select(Report))).scalars()
        sent = [message["Body"] for message in twilio.sent(RESIDENT)]
        assert report.identity == "anonymous" and sum(report.ref in body for body in sent) == 1, sent


async def test_an_anonymous_kirim_whose_connection_closed_at_once_still_gets_its_ref(
        tmp_path: Path, database_url: str, twilio: FakeTwilioAPI) -> None:
    """The request is written and its connection closed before the service reads it (Twilio gone, or the network):
    the answer, with the anonymous report's only ref, goes through the REST API, though the handling never waited
    for anything that would have let the service see the connection go."""
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, engine):
        await walk_to_summary(Resident(engine, RESIDENT), identity="3")
        params = load_payload("text", From=RESIDENT, WaId=RESIDENT.split("+")[1], MessageSid=phone.next_sid(),
                              Body="kirim")
        body = str(httpx.QueryParams(params))
        url = httpx.URL(str(phone.http.base_url))
        _reader, writer = await asyncio.open_connection(url.host, url.port)
        writer.write((f"POST /whatsapp/webhook HTTP/1.1\r\nHost: {url.host}\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n"
                      f"X-Twilio-Signature: {sign(PUBLIC + '/whatsapp/webhook', params)}\r\n"
                      f"Content-Length: {len(body)}\r\n\r\n{body}").encode())
        writer.close()
        await writer.wait_closed()
        await until(lambda: any("LP-" in message["Body"] for message in twilio.sent(RESIDENT)), what="the late ref")
        async with engine.sessions() as db:
            [report] = (await db.execute(select(Report))).scalars()
        assert report.identity == "anonymous" and any(report.ref in m["Body"] for m in twilio.sent(RESIDENT))


@pytest.mark.parametrize(("fields", "status"), [
    ({"From": ""}, 400),
    ({"From": "+6281234567890"}, 400),
    ({"MessageSid": "not-a-sid"}, 400),
    ({"Latitude": "north", "Longitude": "1"}, 400),
    ({"NumMedia": "many"}, 400),
    ({"NumMedia": "1", "MediaUrl0": "file:///etc/passwd", "MediaContentType0": "image/jpeg"}, 400),
])
async def test_malformed_forms_get_400(tmp_path: Path, database_url: str, twilio: FakeTwilioAPI,
                                       fields: dict[str, str], status: int) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, _engine):
        response = await phone.post(load_payload("text", **fields))
        assert response.status_code == status


async def test_a_status_callback_posted_to_the_message_webhook_is_no_message(tmp_path: Path, database_url: str,
                                                                             twilio: FakeTwilioAPI) -> None:
    """A status callback's URL set to the message webhook by mistake: Lapor's own number is no resident writing."""
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, engine):
        assert (await phone.post(load_payload("status_delivered"))).status_code == 400
        own = load_payload("text", From=SENDER, WaId=SENDER.split("+")[1])
        assert (await phone.post(own)).status_code == 400
        async with engine.sessions() as db:
            assert (await db.execute(select(func.count()).select_from(Contact))).scalar_one() == 0
        assert "Privasi" in await phone.text("halo")


async def test_a_form_with_too_many_fields_gets_413(tmp_path: Path, database_url: str,
                                                     twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, _engine):
        body = "&".join(f"f{n}=x" for n in range(5000)).encode()
        response = await phone.http.post("/whatsapp/webhook", content=body,
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert response.status_code == 413


async def test_a_huge_body_gets_413(tmp_path: Path, database_url: str, twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, _engine):
        response = await phone.http.post("/whatsapp/webhook", content=b"Body=" + b"x" * (2 * 1024 * 1024),
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert response.status_code == 413


async def test_photo_from_twilio_is_stored_and_other_hosts_are_refused(tmp_path: Path, database_url: str,
                                                                      twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, engine):
        for body in ("halo", "1", "1"):
            await phone.text(body)
        evil = await phone.send("image", MediaUrl0="https://attacker.example/steal.jpg", Body="")
        assert any("tidak dapat dibaca" in text for text in evil), evil
        assert not twilio.media_requests, "nothing was fetched from another host"
        media_url = twilio.add_media("MM" + "b" * 32, "ME" + "c" * 32, JPEG, "image/jpeg")
        answer = await phone.send("image", MediaUrl0=media_url, Body=DESCRIPTION)
        assert any("Di mana" in text for text in answer), answer
        assert twilio.media_requests and all(request["authorized"] for request in twilio.media_requests)
        async with engine.sessions() as db:
            stored = (await db.execute(select(func.count()).select_from(Attachment))).scalar_one()
        assert stored == 0, "kept in the draft until the report is sent"
        assert len(list((tmp_path / "media").glob("*.jpg"))) == 1


async def test_unsupported_media_gets_a_clear_answer(tmp_path: Path, database_url: str, twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, _engine):
        await phone.text("halo")
        answer = await phone.send("document")
        assert "belum didukung" in answer[0] and "Apa yang bisa kami bantu?" in answer[1]


async def test_a_button_reply_answers_the_question(tmp_path: Path, database_url: str, twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, _engine):
        await phone.text("halo")
        answer = await phone.send("button", ButtonPayload="report", ButtonText="Lapor", Body="Lapor")
        assert "Laporan tentang apa?" in answer[0]


async def test_the_flood_limit_answers_once_then_ignores(tmp_path: Path, database_url: str,
                                                         twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio, flood_per_minute=3) as (phone, engine):
        for _ in range(3):
            assert await phone.send(Body="halo")
        assert "terlalu banyak" in (await phone.send(Body="halo"))[0]
        assert await phone.send(Body="halo") == []
        assert await Phone(phone.http, "whatsapp:+6281299990000").send(Body="halo"), "others are not held back"
        async with engine.sessions() as db:
            assert (await db.execute(select(func.count()).select_from(InboundMessage))).scalar_one() == 4


async def test_a_request_replayed_over_and_over_does_not_hold_its_sender_back(tmp_path: Path, database_url: str,
                                                                              twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio, flood_per_minute=3) as (phone, engine):
        sid = phone.next_sid()
        assert await phone.send(Body="halo", MessageSid=sid)
        for _ in range(5):
            assert await phone.send(Body="halo", MessageSid=sid) == [], "a replay is answered once, as it was"
        assert "Laporan tentang apa?" in await phone.text("1"), "the resident is still let through"
        async with engine.sessions() as db:
            assert (await db.execute(select(func.count()).select_from(InboundMessage))).scalar_one() == 2


async def test_stop_and_mulai_switch_messages_the_bot_starts(tmp_path: Path, database_url: str,
                                                            twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, engine):
        await phone.text("halo")
        assert "tidak akan mengirim pesan lebih dulu" in await phone.text("BERHENTI")
        assert await opted_out(engine)
        assert "mengabari Anda lagi" in await phone.text("mulai")
        assert not await opted_out(engine)


async def opted_out(engine: Engine) -> bool:
    async with engine.sessions() as db:
        return bool((await db.execute(select(Contact.opted_out))).scalar_one())


def test_long_replies_are_split_within_1600_at_sentence_ends() -> None:
    sentence = "Petugas sudah menerima laporan Anda dan akan segera menindaklanjuti. "
    text = sentence * 60
    pieces = split_text(text, MAX_BODY_CHARS)
    assert len(pieces) >= 3 and all(len(piece) <= 1600 for piece in pieces)
    assert all(piece.endswith(".") for piece in pieces), "cut after a sentence"
    assert all(piece.startswith(CONTINUED) for piece in pieces[1:]), "each goes on with the line before it"
    assert " ".join(piece.removeprefix(CONTINUED) for piece in pieces).split() == text.split()
    channel = WhatsAppChannel(ACCOUNT_SID, AUTH_TOKEN, SENDER)
    xml = channel.twiml([Outbound(RESIDENT, text, choices=(Choice("a", "Satu"),), choices_hint="Balas 1–1")])
    messages = [m.text or "" for m in ET.fromstring(xml).iter("Message")]
    assert len(messages) >= 3 and messages[-1].endswith("1. Satu\n\nBalas 1–1")


@pytest.mark.parametrize("text", ["Motor saya & helm <hilang> di \"Jl. A'ri\" ]]> lalu 5 > 3",
                                  "Terima kasih.\r\nBaris kedua\tdengan tab", "Tidak ada yang perlu diloloskan"])
def test_the_answer_is_twiml_that_reads_back_to_each_reply_as_written(text: str) -> None:
    channel = WhatsAppChannel(ACCOUNT_SID, AUTH_TOKEN, SENDER)
    xml = channel.twiml([Outbound(RESIDENT, text), Outbound(RESIDENT, "Kedua", choices=(Choice("a", "A & B"),),
                                                           choices_hint="Balas 1")])
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(xml)
    assert root.tag == "Response" and [m.tag for m in root] == ["Message", "Message"]
    assert [m.text for m in root] == [text.replace("\r\n", "\n"), "Kedua\n\n1. A & B\n\nBalas 1"]
    assert list(ET.fromstring(channel.twiml([]))) == [], "nothing to say: an empty Response"


# --- what the bot starts on its own: the outbox through the real twilio Client ------------------------


@pytest.fixture
async def whatsapp(twilio: FakeTwilioAPI) -> AsyncIterator[WhatsAppChannel]:
    channel = WhatsAppChannel(ACCOUNT_SID, AUTH_TOKEN, SENDER, api_base_url=twilio.base_url,
                              status_callback=PUBLIC + "/whatsapp/status")
    yield channel
    await channel.close()


def dispatcher(engine: Engine, whatsapp: WhatsAppChannel, templates: dict[str, str] | None = None) -> Dispatcher:
    return Dispatcher(engine.sessions, engine.cipher, {"whatsapp": whatsapp}, templates=templates,
                      on_unreachable=engine.mark_unreachable)


async def queue(engine: Engine, contact_id: int, text: str = "Laporan LP-2345-6789 sedang ditindaklanjuti.",
                kind: str = "status_update") -> int:
    async with engine.sessions() as db, db.begin():
        assert await enqueue(db, engine.cipher, kind=kind, contact_id=contact_id, payload={"text": text},
                             idempotency_key=f"{kind}:{contact_id}:{text}", at=utcnow())
        return (await db.execute(select(Outbox.id).order_by(Outbox.id.desc()))).scalars().first()


async def row(engine: Engine, row_id: int) -> Outbox:
    async with engine.sessions() as db:
        found = await db.get(Outbox, row_id)
        assert found is not None
        return found


async def sent_by_the_service(engine: Engine, row_id: int) -> str:
    """Waits for the running service's own dispatcher to send the row; its provider message id."""
    return (await sent_again(engine, row_id, lambda current: bool(current.provider_message_id))).provider_message_id


async def sent_again(engine: Engine, row_id: int, done: Callable[[Outbox], bool]) -> Outbox:
    """Waits (generously: the machine may be loaded) until the service's dispatcher has recorded the row as
    sent in the way `done` tells; the provider taking a message comes before that record."""
    deadline = asyncio.get_running_loop().time() + 60
    while asyncio.get_running_loop().time() < deadline:
        current = await row(engine, row_id)
        if current.state == OutboxState.SENT and done(current):
            return current
        await asyncio.sleep(0.05)
    raise AssertionError(f"the dispatcher never recorded row {row_id} as sent")


async def make_due(engine: Engine, row_id: int) -> None:
    async with engine.sessions() as db, db.begin():
        (await db.get(Outbox, row_id)).next_attempt_at = utcnow()


async def test_inside_the_window_free_text_goes_out(engine: Engine, whatsapp: WhatsAppChannel,
                                                    twilio: FakeTwilioAPI) -> None:
    row_id = await queue(engine, await contact_of(engine))
    assert await dispatcher(engine, whatsapp).run_once() == 1
    [sent] = twilio.sent(RESIDENT)
    assert sent["Body"].startswith("Laporan LP-2345-6789") and "ContentSid" not in sent
    assert sent["StatusCallback"] == PUBLIC + "/whatsapp/status"
    done = await row(engine, row_id)
    assert done.state == OutboxState.SENT and done.provider_message_id == sent["_sid"]
    assert await dispatcher(engine, whatsapp).run_once() == 0, "sent once"


async def test_outside_the_window_the_template_goes_out(engine: Engine, whatsapp: WhatsAppChannel,
                                                        twilio: FakeTwilioAPI) -> None:
    row_id = await queue(engine, await contact_of(engine, last_message_ago=dt.timedelta(hours=30)))
    await dispatcher(engine, whatsapp, {"status_update": "HX" + "1" * 32}).run_once()
    [sent] = twilio.sent(RESIDENT)
    assert sent["ContentSid"] == "HX" + "1" * 32 and "Body" not in sent
    assert json.loads(sent["ContentVariables"]) == {"1": "Laporan LP-2345-6789 sedang ditindaklanjuti."}
    assert (await row(engine, row_id)).state == OutboxState.SENT


async def test_outside_the_window_without_a_template_is_kept_as_needs_template(
        engine: Engine, whatsapp: WhatsAppChannel, twilio: FakeTwilioAPI) -> None:
    row_id = await queue(engine, await contact_of(engine, last_message_ago=dt.timedelta(days=3)))
    await dispatcher(engine, whatsapp).run_once()
    assert twilio.messages == []
    assert (await row(engine, row_id)).state == OutboxState.NEEDS_TEMPLATE


async def test_63016_switches_to_the_template(engine: Engine, whatsapp: WhatsAppChannel,
                                              twilio: FakeTwilioAPI) -> None:
    row_id = await queue(engine, await contact_of(engine))
    twilio.outside_window.add(RESIDENT)  # Twilio knows better than our clock
    await dispatcher(engine, whatsapp, {"status_update": "HX" + "2" * 32}).run_once()
    assert [m.get("_failed", False) for m in twilio.messages] == [True, False]
    assert twilio.sent(RESIDENT)[0]["ContentSid"] == "HX" + "2" * 32
    assert (await row(engine, row_id)).state == OutboxState.SENT


async def queue_alert(engine: Engine, contact_id: int, ref: str) -> int:
    """An alert as the engine queues one: its text, report, language and actions."""
    alert = {"text": f"Laporan baru {ref}\nKategori: Pencurian", "brief": f"{ref} · Pencurian", "ref": ref,
             "lang": "id", "choices": [[f"ack:{ref}", "Terima"], [f"progress:{ref}", "Proses"]],
             "hint": f"Balas 1–2 ({ref})"}
    async with engine.sessions() as db, db.begin():
        assert await enqueue(db, engine.cipher, kind="officer_alert", contact_id=contact_id, payload=alert,
                             idempotency_key=f"officer_alert:{ref}", at=utcnow())
        return (await db.execute(select(Outbox.id).order_by(Outbox.id.desc()))).scalars().first()


ALERT_REFS = ("LP-2345-6789", "LP-3456-789A", "LP-4567-89AB")


async def test_an_officers_alerts_due_together_go_in_one_call_and_its_callbacks_reach_each(
        engine: Engine, whatsapp: WhatsAppChannel, twilio: FakeTwilioAPI) -> None:
    contact_id = await contact_of(engine)
    rows = [await queue_alert(engine, contact_id, ref) for ref in ALERT_REFS]
    await dispatcher(engine, whatsapp).run_once()
    [sent] = twilio.sent(RESIDENT)
    assert [f"{n}. Terima {ref}" in sent["Body"] for n, ref in enumerate(ALERT_REFS, 1)] == [True] * 3
    assert "Proses" not in sent["Body"], "together, each report offers its acknowledgement"
    assert {(r.state, r.provider_message_id) for r in [await row(engine, row_id) for row_id in rows]} == {
        (OutboxState.SENT, sent["_sid"])}
    async with engine.sessions() as db, db.begin():
        assert await record_delivery(db, sent["_sid"], "delivered", None)
    assert {(await row(engine, row_id)).state for row_id in rows} == {OutboxState.DELIVERED}


async def test_alerts_together_that_twilio_finds_outside_the_window_go_as_a_template_each(
        engine: Engine, whatsapp: WhatsAppChannel, twilio: FakeTwilioAPI) -> None:
    contact_id = await contact_of(engine)
    rows = [await queue_alert(engine, contact_id, ref) for ref in ALERT_REFS]
    twilio.outside_window.add(RESIDENT)  # Twilio knows better than our clock
    await dispatcher(engine, whatsapp, {"officer_alert": "HX" + "4" * 32}).run_once()
    assert [m.get("_failed", False) for m in twilio.messages] == [True, False, False, False]
    templates = twilio.sent(RESIDENT)
    assert [json.loads(m["ContentVariables"])["1"].split()[-1] for m in templates] == ["Pencurian"] * 3
    assert [ref in m["ContentVariables"] for m, ref in zip(templates, ALERT_REFS, strict=True)] == [True] * 3
    assert {(await row(engine, row_id)).state for row_id in rows} == {OutboxState.SENT}


async def test_alerts_together_refused_for_good_go_each_alone(engine: Engine, whatsapp: WhatsAppChannel,
                                                              twilio: FakeTwilioAPI) -> None:
    contact_id = await contact_of(engine)
    rows = [await queue_alert(engine, contact_id, ref) for ref in ALERT_REFS]
    twilio.fail_next(status=400, code=21617, message="The concatenated message body exceeds the 1600 character limit")
    await dispatcher(engine, whatsapp).run_once()
    assert [m.get("_failed", False) for m in twilio.messages] == [True, False, False, False]
    alone = twilio.sent(RESIDENT)
    assert [ref in m["Body"] and "Proses" in m["Body"] for m, ref in zip(alone, ALERT_REFS, strict=True)] == [True] * 3
    assert {(await row(engine, row_id)).state for row_id in rows} == {OutboxState.SENT}


DUTY_OFFICERS = ("whatsapp:+6281300000001", "whatsapp:+6281300000002")


@pytest.mark.parametrize("taking", ["TERIMA {ref}", "SELESAI {ref} sudah diamankan", "RUJUK {ref} POLSEK-SEKAR",
                                    "INFO {ref} alamat lengkapnya di mana?"])
async def test_an_alert_waiting_for_its_retry_is_dropped_once_a_colleague_has_the_report(
        engine: Engine, whatsapp: WhatsAppChannel, twilio: FakeTwilioAPI, taking: str) -> None:
    """The officer whose alert failed once would be called, minutes later, to a report a colleague took (asked its
    reporter about, or sent on to another station): a retry is no fresher than a first try."""
    officers = {urn: await enrolled(engine, urn) for urn in DUTY_OFFICERS}
    elsewhere = await enrolled(engine, "whatsapp:+6281300000003", "POLSEK-SEKAR")
    _warga, ref = await file_report(engine)
    twilio.fail_next(status=429, code=20429, message="Too Many Requests", retry_after=7)
    await dispatcher(engine, whatsapp).run_once()
    [got_it] = [urn for urn in DUTY_OFFICERS if twilio.sent(urn)]
    [waiting] = [urn for urn in DUTY_OFFICERS if urn != got_it]
    async with engine.sessions() as db:
        retry_row = (await db.execute(select(Outbox).where(Outbox.kind == "officer_alert",
                                                           Outbox.state == OutboxState.PENDING))).scalar_one()
    assert retry_row.attempts == 1 and retry_row.last_error, "its first try failed; it waits for its retry"
    await officers[got_it].send(taking.format(ref=ref))
    assert not officers[got_it].heard("officer.not_allowed"), officers[got_it].text
    async with engine.sessions() as db:
        taken = (await db.execute(select(Report).where(Report.ref == ref))).scalar_one()
    assert taken.status != ReportStatus.RECEIVED
    await make_due(engine, retry_row.id)
    outbox = dispatcher(engine, whatsapp)
    while await outbox.run_once():
        pass
    assert twilio.sent(waiting) == [], "the retry came due after the report was taken: dropped, not sent"
    async with engine.sessions() as db:
        assert await db.get(Outbox, retry_row.id) is None
    assert [ref in m["Body"] for m in twilio.sent(elsewhere.urn)] == ([True] if taking.startswith("RUJUK") else []), \
        "the station it was sent on to is alerted"


async def test_429_waits_as_told_then_succeeds(engine: Engine, whatsapp: WhatsAppChannel,
                                               twilio: FakeTwilioAPI) -> None:
    row_id = await queue(engine, await contact_of(engine))
    twilio.fail_next(status=429, code=20429, message="Too Many Requests", retry_after=7)
    before = utcnow()
    await dispatcher(engine, whatsapp).run_once()
    waiting = await row(engine, row_id)
    assert waiting.state == OutboxState.PENDING and waiting.attempts == 1
    assert dt.timedelta(seconds=6) < waiting.next_attempt_at - before < dt.timedelta(seconds=9)
    assert await dispatcher(engine, whatsapp).run_once() == 0, "not before its time"
    await make_due(engine, row_id)
    await dispatcher(engine, whatsapp).run_once()
    assert (await row(engine, row_id)).state == OutboxState.SENT and len(twilio.sent(RESIDENT)) == 1


async def test_5xx_is_retried_with_backoff_and_bounded(engine: Engine, whatsapp: WhatsAppChannel,
                                                       twilio: FakeTwilioAPI) -> None:
    row_id = await queue(engine, await contact_of(engine))
    twilio.fail_next(status=503, message="Service Unavailable", times=20)
    outbox = dispatcher(engine, whatsapp)
    delays = []
    for _ in range(outbox.policy.max_attempts):
        before = utcnow()
        await outbox.run_once()
        current = await row(engine, row_id)
        if current.state == OutboxState.PENDING:
            delays.append((current.next_attempt_at - before).total_seconds())
            await make_due(engine, row_id)
    failed = await row(engine, row_id)
    assert failed.state == OutboxState.FAILED and failed.attempts == outbox.policy.max_attempts
    assert len(twilio.messages) == outbox.policy.max_attempts, "no retry storm: one call per attempt"
    assert delays[0] <= 0.5, "the first failure goes again at once: the provider answered, it may be asked again"
    for attempt, delay in enumerate(delays[1:], 1):  # then exponential, jittered within [ceiling/2, ceiling]
        ceiling = min(outbox.policy.max_delay, outbox.policy.first_delay * 2 ** (attempt - 1))
        assert ceiling / 2 - 0.5 <= delay <= ceiling + 0.5, (attempt + 1, delay)


async def test_an_invalid_recipient_marks_the_contact_unreachable(engine: Engine, whatsapp: WhatsAppChannel,
                                                                  twilio: FakeTwilioAPI) -> None:
    contact_id = await contact_of(engine)
    row_id = await queue(engine, contact_id)
    twilio.fail_next(status=400, code=63024, message="Invalid message recipient")
    await dispatcher(engine, whatsapp).run_once()
    assert (await row(engine, row_id)).state == OutboxState.FAILED
    async with engine.sessions() as db:
        assert (await db.get(Contact, contact_id)).unreachable
    second = await queue(engine, contact_id, "Kabar kedua")
    await dispatcher(engine, whatsapp).run_once()
    assert (await row(engine, second)).last_error == "unreachable" and len(twilio.messages) == 1


async def test_an_opted_out_contact_gets_nothing(engine: Engine, whatsapp: WhatsAppChannel,
                                                 twilio: FakeTwilioAPI) -> None:
    contact_id = await contact_of(engine)
    async with engine.sessions() as db, db.begin():
        (await db.get(Contact, contact_id)).opted_out = True
    row_id = await queue(engine, contact_id)
    await dispatcher(engine, whatsapp).run_once()
    assert twilio.messages == [] and (await row(engine, row_id)).last_error == "opted out"


async def test_delivery_callbacks_move_the_row_forward_only(tmp_path: Path, database_url: str,
                                                           twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, engine):
        await phone.text("halo")
        async with engine.sessions() as db:
            contact_id = (await db.execute(select(Contact.id))).scalar_one()
        row_id = await queue(engine, contact_id)
        sid = await sent_by_the_service(engine, row_id)
        assert sid
        delivered = load_payload("status_delivered", MessageSid=sid, SmsSid=sid)
        assert (await phone.post(delivered, path="/whatsapp/status")).status_code == 200
        assert (await row(engine, row_id)).state == OutboxState.DELIVERED
        late_sent = load_payload("status_delivered", MessageSid=sid, SmsSid=sid, MessageStatus="sent")
        assert (await phone.post(late_sent, path="/whatsapp/status")).status_code == 200
        assert (await row(engine, row_id)).state == OutboxState.DELIVERED, "a late 'sent' does not go back"
        forged = load_payload("status_failed", MessageSid=sid)
        assert (await phone.post(forged, path="/whatsapp/status", signature="x")).status_code == 403
        assert (await row(engine, row_id)).state == OutboxState.DELIVERED
        failed_late = load_payload("status_failed", MessageSid=sid)  # after delivered: a late, stale report
        assert (await phone.post(failed_late, path="/whatsapp/status")).status_code == 200
        assert (await row(engine, row_id)).state == OutboxState.DELIVERED
        unknown = load_payload("status_delivered", MessageStatus="teleported")
        assert (await phone.post(unknown, path="/whatsapp/status")).status_code == 400


async def test_media_is_fetched_only_from_the_configured_api(twilio: FakeTwilioAPI) -> None:
    channel = WhatsAppChannel(ACCOUNT_SID, AUTH_TOKEN, SENDER, api_base_url=twilio.base_url)
    another_port = twilio.base_url.rsplit(":", 1)[0] + ":1/x"  # another service of the API's host
    for url in ("https://attacker.example/x.jpg", "https://api.twilio.com/2010-04-01/x",  # not this API
                twilio.base_url.replace("http://", "https://") + "/x", another_port):
        with pytest.raises(ValueError):
            await channel.fetch_media(Media("image/jpeg", url=url))
    assert twilio.media_requests == []
    assert _is_media_store("https://mms.twiliocdn.com/AC1/x") and _is_media_store("https://media.twiliocdn.com/y")
    assert not _is_media_store("http://mms.twiliocdn.com/x"), "never in clear"
    assert not _is_media_store("https://twiliocdn.com.attacker.example/x")


def test_a_template_variable_is_one_tidy_line() -> None:
    text = "Laporan LP-2345-6789:\n\tsudah   ditindaklanjuti.\n" + "x" * 2000
    variable = template_text(text)
    assert variable.startswith("Laporan LP-2345-6789: sudah ditindaklanjuti. x")
    assert "\n" not in variable and "\t" not in variable and len(variable) <= 900


class Exploding:
    """A sender that fails in a way no channel types (a bug, say) the first time it sends "Pertama"."""

    def __init__(self, inner: WhatsAppChannel) -> None:
        self.inner, self.exploded = inner, False

    async def send(self, message: Outbound) -> str | None:
        if message.text == "Pertama" and not self.exploded:
            self.exploded = True
            raise RuntimeError("bug")
        return await self.inner.send(message)


async def test_an_untyped_failure_does_not_stall_the_rows_behind_it(engine: Engine, whatsapp: WhatsAppChannel,
                                                                   twilio: FakeTwilioAPI) -> None:
    contact_id = await contact_of(engine)
    first, second = await queue(engine, contact_id, "Pertama"), await queue(engine, contact_id, "Kedua")
    other = await queue(engine, await contact_of(engine, "whatsapp:+6281298765432"), "Untuk warga lain")
    outbox = Dispatcher(engine.sessions, engine.cipher, {"whatsapp": Exploding(whatsapp)})
    assert await outbox.run_once() == 3
    failed, held, sent = await row(engine, first), await row(engine, second), await row(engine, other)
    assert failed.state == OutboxState.PENDING and failed.attempts == 1, "retried later, counted as an attempt"
    assert sent.state == OutboxState.SENT, "another contact's message is not held up"
    assert held.state == OutboxState.PENDING and held.attempts == 0, "the same contact's next one waits, unspent"
    assert held.next_attempt_at == failed.next_attempt_at, "and comes due with it, after it by order"


async def test_a_sender_that_lost_its_lease_does_not_overwrite_the_new_one(engine: Engine,
                                                                          whatsapp: WhatsAppChannel) -> None:
    row_id = await queue(engine, await contact_of(engine))
    async with engine.sessions() as db, db.begin():
        [stale] = await claim_due(db, utcnow(), 10, dt.timedelta(seconds=0))  # its lease is already over
        stale_claim = Claim(stale.id, stale.kind, open_payload(engine.cipher, stale), stale.attempts, stale.contact_id)
    await dispatcher(engine, whatsapp).run_once()  # another sender takes the row and sends it
    sent = await row(engine, row_id)
    assert sent.state == OutboxState.SENT and sent.attempts == 2
    await dispatcher(engine, whatsapp)._finish([stale_claim], OutboxState.FAILED, "late")
    assert (await row(engine, row_id)).state == OutboxState.SENT


async def test_a_message_waiting_behind_its_contacts_earlier_ones_keeps_its_lease_for_its_own_send(
        engine: Engine, whatsapp: WhatsAppChannel, twilio: FakeTwilioAPI) -> None:
    # Eight messages to one resident through a provider that takes half a second each: four seconds in all,
    # longer than the two-second lease they were claimed with. A second sender comes by after the lease.
    contact_id = await contact_of(engine)
    texts = [f"Pesan {n}" for n in range(8)]
    for text in texts:
        await queue(engine, contact_id, text)
    twilio.answer_delay = 0.5
    policy = RetryPolicy(lease=dt.timedelta(seconds=2))
    first, second = (Dispatcher(engine.sessions, engine.cipher, {"whatsapp": whatsapp}, policy=policy)
                     for _ in range(2))
    sending = asyncio.create_task(first.run_once())
    await asyncio.sleep(2.6)
    assert await second.run_once() >= 1, "the second sender took over the messages not yet started"
    await sending
    assert sorted(m["Body"] for m in twilio.sent(RESIDENT)) == texts, "each went once: none twice, none lost"
    async with engine.sessions() as db:
        assert set((await db.execute(select(Outbox.state))).scalars()) == {OutboxState.SENT}


async def test_a_send_longer_than_half_the_lease_is_cut_off_and_tried_again(
        engine: Engine, whatsapp: WhatsAppChannel, twilio: FakeTwilioAPI) -> None:
    row_id = await queue(engine, await contact_of(engine))
    twilio.answer_delay = 1.5
    outbox = Dispatcher(engine.sessions, engine.cipher, {"whatsapp": whatsapp},
                        policy=RetryPolicy(lease=dt.timedelta(seconds=2)))
    await outbox.run_once()
    cut_off = await row(engine, row_id)
    assert cut_off.state == OutboxState.PENDING and cut_off.attempts == 1
    assert cut_off.last_error == "no answer within half the lease"


async def test_a_database_failure_before_a_send_spends_no_attempt(
        engine: Engine, whatsapp: WhatsAppChannel, twilio: FakeTwilioAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    contact_id = await contact_of(engine)
    first, second = await queue(engine, contact_id, "Pertama"), await queue(engine, contact_id, "Kedua")
    outbox = dispatcher(engine, whatsapp)

    async def database_gone(_message: list[Claim]) -> bool:
        raise OperationalError("UPDATE outbox", {}, Exception("the database went away"))

    monkeypatch.setattr(outbox, "_renew_lease", database_gone)
    await outbox.run_once()
    for row_id in (first, second):
        kept = await row(engine, row_id)
        assert (kept.state, kept.attempts) == (OutboxState.PENDING, 0), "nothing was tried, nothing is spent"
    assert twilio.sent(RESIDENT) == []
    monkeypatch.undo()
    async with engine.sessions() as db, db.begin():
        await db.execute(update(Outbox).values(next_attempt_at=utcnow()))
    await outbox.run_once()
    assert [m["Body"] for m in twilio.sent(RESIDENT)] == ["Pertama", "Kedua"]


async def test_63016_reported_by_callback_sends_the_message_again_as_a_template(
        tmp_path: Path, database_url: str, twilio: FakeTwilioAPI) -> None:
    template = {"whatsapp_template_status_update": "HX" + "3" * 32}
    async with whatsapp_service(tmp_path, database_url, twilio, **template) as (phone, engine):
        await phone.text("halo")
        async with engine.sessions() as db:
            contact_id = (await db.execute(select(Contact.id))).scalar_one()
        row_id = await queue(engine, contact_id)
        sid = await sent_by_the_service(engine, row_id)
        failed = load_payload("status_failed", MessageSid=sid, SmsSid=sid)  # ErrorCode 63016
        assert (await phone.post(failed, path="/whatsapp/status")).status_code == 200
        await sent_again(engine, row_id, lambda current: current.provider_message_id != sid)
        first, second = twilio.sent(RESIDENT)
        assert "Body" in first and second["ContentSid"] == "HX" + "3" * 32


async def test_an_invalid_recipient_reported_by_callback_marks_the_contact(
        tmp_path: Path, database_url: str, twilio: FakeTwilioAPI) -> None:
    async with whatsapp_service(tmp_path, database_url, twilio) as (phone, engine):
        await phone.text("halo")
        async with engine.sessions() as db:
            contact_id = (await db.execute(select(Contact.id))).scalar_one()
        row_id = await queue(engine, contact_id)
        sid = await sent_by_the_service(engine, row_id)
        failed = load_payload("status_failed", MessageSid=sid, SmsSid=sid, ErrorCode="63024")
        assert (await phone.post(failed, path="/whatsapp/status")).status_code == 200
        assert (await row(engine, row_id)).state == OutboxState.FAILED
        async with engine.sessions() as db:
            assert (await db.get(Contact, contact_id)).unreachable


async def test_the_next_round_is_claimed_during_a_round_and_put_back_when_the_loop_stops(
        engine: Engine, whatsapp: WhatsAppChannel, twilio: FakeTwilioAPI) -> None:
    # Rounds of one row: while the first is slow to be answered, the second is claimed; stopped then, the
    # second goes back unsent and due at once, not when its lease ends.
    addresses = [f"whatsapp:+6281399900{n:03d}" for n in range(2)]
    first, second = [await queue(engine, await contact_of(engine, address), f"Pesan {n}")
                     for n, address in enumerate(addresses)]
    twilio.answer_delay = 3.0  # far longer than a claim takes
    outbox = Dispatcher(engine.sessions, engine.cipher, {"whatsapp": whatsapp}, batch=1)
    stop = asyncio.Event()
    running = asyncio.create_task(outbox.run(stop))
    async with asyncio.timeout(60):
        while (await row(engine, second)).attempts == 0:
            await asyncio.sleep(0.01)
    assert (await row(engine, first)).state == OutboxState.PENDING, "claimed while the round before is sent"
    stop.set()
    await running
    assert (await row(engine, first)).state == OutboxState.SENT
    put_back = await row(engine, second)
    assert (put_back.state, put_back.attempts) == (OutboxState.PENDING, 0)
    assert put_back.next_attempt_at <= utcnow() and not twilio.sent(addresses[1])


async def test_a_dispatcher_at_rest_is_woken_by_what_is_queued(engine: Engine, whatsapp: WhatsAppChannel,
                                                                twilio: FakeTwilioAPI) -> None:
    # After an empty round it would rest an hour: the row queued meanwhile goes only because it is woken.
    transactions = 0

    def counted() -> AsyncSession:
        nonlocal transactions
        transactions += 1
        return engine.sessions()

    outbox = Dispatcher(counted, engine.cipher, {"whatsapp": whatsapp})
    stop = asyncio.Event()
    running = asyncio.create_task(outbox.run(stop, idle_seconds=3600))
    async with asyncio.timeout(60):
        while transactions < 2:  # its claim found nothing, and nothing is due later: it rests
            await asyncio.sleep(0.01)
        sent = await queue(engine, await contact_of(engine))
        outbox.wake()
        while (await row(engine, sent)).state != OutboxState.SENT:
            await asyncio.sleep(0.01)
    stop.set()
    await running


async def test_the_message_that_queues_alerts_wakes_the_dispatcher(engine: Engine) -> None:
    woken: list[str] = []
    engine.on_queued = lambda: woken.append("woken")
    await enrolled(engine, "console:officer")
    resident = Resident(engine, "console:warga")
    await walk_to_summary(resident)
    woken.clear()
    await resident.send("kirim")
    assert woken == ["woken"], "the report's alert was queued: one wake"
    await resident.send("halo")
    assert woken == ["woken"], "a message that queues nothing wakes no one"


async def test_sends_that_end_together_are_written_together_and_a_cancelled_one_stalls_none(engine: Engine) -> None:
    rows = [await queue(engine, await contact_of(engine), f"Pesan {n}") for n in range(6)]
    async with engine.sessions() as db, db.begin():
        claimed = await claim_due(db, utcnow(), 10, dt.timedelta(seconds=60))
        claims = [Claim(c.id, c.kind, open_payload(engine.cipher, c), c.attempts, c.contact_id) for c in claimed]
    transactions = 0

    def counted() -> AsyncSession:
        nonlocal transactions
        transactions += 1
        return engine.sessions()

    records = Records(counted)
    writes = [asyncio.create_task(records.write([(claim, {"state": OutboxState.SENT, "sent_at": utcnow()})]))
              for claim in claims]
    await asyncio.sleep(0)  # all asked for; the first has begun its transaction
    writes[3].cancel()  # its sender gives up waiting: the write is done all the same, no one waits for ever
    async with asyncio.timeout(30):
        await asyncio.gather(*writes, return_exceptions=True)
    assert transactions < len(claims), "the writes asked for meanwhile went in one transaction"
    assert [(await row(engine, row_id)).state for row_id in rows] == [OutboxState.SENT] * len(rows)
