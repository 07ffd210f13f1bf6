"""What officers read of a reporter who did not report by name: the number they write from (however written, in
digits or in words), the numbers, e-mail addresses and accounts they tell as theirs, and the names they introduce
themselves by, hidden. The story, the place typed, a witness's account, an answer to an officer's question and an
objection to a decision all pass through here."""

from __future__ import annotations

import re

from handlers.i18n import t
from handlers.language.self_told import names_told, own_contacts, own_id_numbers, phones
from storage.contacts import address_as_written


def unexposed(text: str, *, lang: str, urn: str | None, names_in: str = "") -> str:
    """`text` with the reporter's own contacts and names hidden; `names_in`, more of what they wrote, whose
    introductions count too ("nama saya Budi" in the story hides "Budi" in the place typed)."""
    hidden = t(lang, "report.number_hidden")
    if urn is not None and (address := address_as_written(urn)) is not None:
        text = address.sub(hidden, text)
        for phone in phones(text):  # the same number read out in words: "nol delapan satu dua…"
            if not address.sub("", phone.digits):
                text = text.replace(phone.said, hidden)
    names = list(dict.fromkeys([*names_told(names_in), *names_told(text)]))
    # the longest first: "budi_s" hidden first would leave "[akun disembunyikan]88" of "budi_s88"
    for told in sorted(own_contacts(text, names), key=lambda told: len(told.said), reverse=True):
        text = text.replace(told.said, t(lang, f"report.{told.kind}_hidden"))
    for number in own_id_numbers(text):
        text = text.replace(number, hidden)
    for name in sorted(names, key=len, reverse=True):  # "Hadi Sutrisno" before "Hadi", which would leave "Sutrisno"
        text = re.sub(rf"\b{re.escape(name)}\b", t(lang, "report.name_hidden"), text, flags=re.IGNORECASE)
    return text
