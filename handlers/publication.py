"""What other systems may read of the reports (the Open311 GeoReport v2 read API): only what is fit to publish.

Every report is published the same way whoever sent it and however: an anonymous or confidential report
must not stand out from a named one. So no field depends on the identity; times are to the hour (an
anonymous report is only kept to the hour); the place is the kelurahan (or kecamatan), never what the
resident typed, nor their pin; the id is not the ref; no photo, no name, no contact. The resident's own words
are published only where the station has chosen to (`public_descriptions`), with numbers and addresses that
could reach a person taken out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

from handlers.i18n import LANGUAGES, aliases, labels, t
from handlers.language.emergency import tells_of_violence_at_home_or_a_threat
from handlers.language.self_told import contacts_told, names_told
from handlers.routing import place_label
from storage.contacts import DIGIT_SEPARATORS
from storage.models import UNDISCLOSED, Category, Report, ReportStatus, Station, to_the_hour
from storage.regions import RegionIndex
from storage.workflow import OPEN_STATUSES

#: GeoReport v2's two statuses.
OPEN, CLOSED = "open", "closed"
#: The fields of a service request and of a service, as GeoReport v2 names them, in its order.
REQUEST_FIELDS = ("service_request_id", "status", "status_notes", "service_name", "service_code", "description",
                  "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
                  "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url")
SERVICE_FIELDS = ("service_code", "service_name", "description", "metadata", "type", "keywords", "group")
#: What could reach or place a person in a report's text: phone numbers (however their digits are set apart),
#: NIK and other long numbers, e-mail addresses, @handles, links, RT/RW and house numbers, number plates ("AG
#: 1234 XY"), and the words after a street marker with the house's number ("Jl. Melati Indah no 12"); the place
#: published is the kelurahan, not the house. Plates come last: "RT 03 RW" and "no 12 RT" would look like one.
_REACHABLE = re.compile(
    rf"\+?\d[\d{DIGIT_SEPARATORS}]{{5,}}\d|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<!\w)@[\w.]{{3,}}"
    r"|https?://\S+|www\.\S+"
    rf"|\br[tw]\.?\s*\d+|\b(?:no|nomor|blok)\.?\s*\d(?:[{DIGIT_SEPARATORS}]*\d)*\w*"
    r"|\b(?:jl|jln|jalan|gg|gang|lorong|perum|perumahan|komplek|kompleks)\b\.?\s*\w+(?:\s+\w+)?"
    r"(?:\s*(?:no|nomor)?\.?\s*\d+\w*)?"
    r"|\b[a-z]{1,2}\s?\d{1,4}\s?[a-z]{1,3}\b",
    re.IGNORECASE)
_REMOVED = "[…]"
# What Lapor put in place of a reporter's name or number (hidden, or erased by HAPUS): published as any other
# removal, since only an unnamed or erased reporter's report has them.
_MARKERS = tuple(t(lang, key) for lang in LANGUAGES
                 for key in ("report.name_hidden", "report.number_hidden", "report.email_hidden",
                             "report.account_hidden", "privacy.erased"))
# Only a report whose reporter can be asked waits for their answer: published as being handled, so that an
# anonymous report does not stand apart from the others by never having it.
_PUBLISHED_STATUS = {ReportStatus.NEED_INFO: ReportStatus.IN_PROGRESS}


def status_of(report: Report) -> str:
    return OPEN if report.status in OPEN_STATUSES else CLOSED


def statuses_for(published: list[str]) -> list[ReportStatus]:
    """Lapor's statuses behind GeoReport's `open` and `closed`."""
    return [s for s in ReportStatus if (OPEN if s in OPEN_STATUSES else CLOSED) in published]


PUBLISHED = tuple(category for category in Category if category not in UNDISCLOSED)


def withheld(category: Category, story: str, *, voice: bool = False) -> bool:
    """Whether a report is kept from all but its officers: never published, never offered to another resident
    who writes alike (who may be the one it is about). Drugs (kelurahan and hour could point the dealer at the
    neighbour who told), violence at home and threats (the household, or whoever threatened, would know); and a
    story told only by voice of a crime or a quarrel, which cannot be read to tell."""
    return category in UNDISCLOSED or tells_of_violence_at_home_or_a_threat(story) \
        or (voice and category in (Category.SECURITY, Category.SOCIAL))


def services(lang: str) -> list[dict[str, Any]]:
    """The categories a resident picks from that are published, as GeoReport services."""
    names, words = labels(lang, "category"), aliases(lang, "category")
    return [{"service_code": category.value, "service_name": names[category.value],
             "description": t(lang, f"open311.description.{category.value}"), "metadata": False,
             "type": "realtime", "keywords": ",".join(words.get(category.value, [])),
             "group": t(lang, "open311.group")}
            for category in PUBLISHED]


def service_request(report: Report, station: Station | None, public_id: str, regions: RegionIndex,
                    lang: str) -> dict[str, Any]:
    """One report as a GeoReport service request."""
    zone = ZoneInfo(station.timezone) if station else dt.UTC
    place_code = report.village_code or report.district_code
    return {
        "service_request_id": public_id,
        "status": status_of(report),
        # the status in words, no officer's note
        "status_notes": t(lang, f"status.label.{_PUBLISHED_STATUS.get(report.status, report.status).value}"),
        "service_name": labels(lang, "category")[report.category.value],
        "service_code": report.category.value,
        "description": redact(report.description) if station and station.public_descriptions else None,
        "agency_responsible": station.name if station else None,
        "service_notice": None,
        "requested_datetime": _hour(report.created_at, zone),
        "updated_datetime": _hour(report.updated_at, zone),
        "expected_datetime": None,
        "address": place_label(lang, place) if (place := regions.candidate_for(place_code or "")) else None,
        "address_id": place_code,
        "zipcode": regions.postal_code(report.village_code) if report.village_code else None,
        # The region data has no coordinates for a kelurahan's centre, and a resident's pin is never published.
        "lat": None,
        "long": None,
        "media_url": None,
    }


def redact(text: str) -> str:
    """The text with what could reach a person taken out: the names the reporter introduced themself by (of a
    named report too), numbers (in words too), addresses, handles, links, and what stands for a name or number
    hidden."""
    for name in names_told(text):
        text = re.sub(rf"\b{re.escape(name)}\b", _REMOVED, text, flags=re.IGNORECASE)
    for marker in _MARKERS:
        text = text.replace(marker, _REMOVED)
    for told in contacts_told(text):  # whoever's, as in digits: "nol delapan satu…", "budi at gmail dot com"
        text = text.replace(told.said, _REMOVED)
    return _REACHABLE.sub(_REMOVED, text)


def _hour(moment: dt.datetime, zone: dt.tzinfo) -> str:
    return to_the_hour(moment).astimezone(zone).isoformat()

