"""What residents tell of themselves inside a story: a name they introduce themselves by ("nama saya Budi",
"sy Agus Salim tinggal sebelahnya", "Ini Pak RT Slamet yg lapor") and their own phone number ("wa sy
0857-1234-9876"), so that a report they asked to keep unnamed does not carry them to officers. A number told of
someone else ("nomor penipunya 0812…") is evidence, and stays."""

from __future__ import annotations

import re

from handlers.language.normalise import normalise, words
from handlers.language.written import ENGLISH_GRAMMAR
from storage.lexicon import is_ordinary

# Words that say how a name is to be used, not what it is ("nama saya jangan ditampilkan", "my name is secret").
ABOUT_A_NAME = frozenset({"jangan", "tidak", "enggak", "usah", "rahasia", "rahasiakan", "dirahasiakan", "anonim",
                          "disembunyikan", "sembunyikan", "ditampilkan", "tampilkan", "tampil", "disamarkan",
                          "dicantumkan", "pakai", "boleh", "not", "secret", "hidden", "anonymous", "shown", "show",
                          "private", "confidential", "dirahasiain", "rahasiain", "disembunyiin", "sudah", "ada",
                          "data", "sama", "biasa", "takut", "ketahuan", "inisial", "aman", "terserah", "samarkan",
                          "ktp", "profil", "asli", "palsu", "samaran", "apa", "siapa", "di", "yang", "kan", "mau"})
# A name said as a name: "nama saya Budi Santoso, mau lapor…", "namaku Rina", "my name is Ann and …".
_NAME_IN_STORY = re.compile(r"\b(?:nama\s+(?:saya|sy|aku|ku|gue|gw)|namaku|my\s+name\s+is)\b[\s:,-]*(?:adalah\s+)?"
                            r"(?P<name>[^\W\d_]+(?:[ '][^\W\d_]+){0,3})", re.IGNORECASE)
# Oneself, opening a sentence, followed by a capitalised name, a title before it if any: "…. sy Agus Salim
# tinggal sebelahnya", "saya Bu Ratna, …", "Ini Pak RT Slamet yg lapor". Not "anak saya Dimas", "motor saya Honda
# Beat", "tetangga saya Pak Budi", "pelakunya ini Pak Budi": those are others, and evidence. Not English's "I am",
# which is as often "I am Scared".
_TITLE = r"(?i:pak|bu|bapak|ibu|mas|mbak|mba|kak|mr|mrs|ms)\.?\s+(?:(?i:rt|rw)\s+)?"
_SELF_THEN_NAME = re.compile(
    rf"(?:^|[.,!?;:\n]\s*)(?:(?i:saya|sy|aku|gue|gw)\s+(?:{_TITLE})?|(?i:ini)\s+{_TITLE})"
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})")
# Words a name ends before: the story going on ("sy Agus Salim tinggal sebelahnya"), a place or an office.
_NAME_ENDS = frozenset({
    "mau", "ingin", "hendak", "akan", "dari", "warga", "tinggal", "alamat", "umur", "usia", "pak", "bu", "mas", "mbak",
    "kak", "ya", "saya", "aku", "dan", "yang", "rt", "rw", "asal", "di", "ke", "sudah", "tadi", "kemarin", "ini", "itu",
    "minta", "mohon", "tolong", "lapor", "melapor", "melaporkan", "ada", "and", "i", "from", "who", "live", "want",
    "would", "to", "sir", "polsek", "polres", "polisi", "kelurahan", "desa", "kecamatan", "kota", "kabupaten", "jalan",
    "gang", "pasar", "masjid", "sekolah", "kantor", "rumah", "korban", "pelapor", "orang", "sendiri", "juga",
    "no", "nomor", "hp", "wa", "telepon", "telp", "nomer", "number", "phone",
})  # fmt: skip
# A phone number: "0857-1234-9876", "+62 812 3456 7890", "+62-857…", "(0857) 1234 9876", "081234567890".
_PHONE = re.compile(r"(?<![\w+])\(?(?:\+?62[\s-]?|0)8\d(?:[\s.)-]{0,2}\d){6,11}(?!\d)")
_OWN = frozenset({"saya", "aku", "gue", "my", "me", "mine", "ku"})  # words() reads "sy", "gw" as these
# Said between one's own word and the number: "wa sy: 0857…", "hubungi saya di 0812…", "no hp saya yaitu 0812…".
_BETWEEN = frozenset({"di", "ke", "yaitu", "adalah", "is", "at", "on", "nomor", "no", "nomer", "hp", "wa", "whatsapp",
                      "telepon", "telp", "number", "phone"})
# A contact given with no "saya": "kalau perlu hubungi 0812…", "cp: 0812…".
_CONTACT_ME = frozenset({"hubungi", "cp", "kontak", "contact"})
# One of the family or someone else before "saya": "nomor hp suami saya 0812…" is the husband's.
_SOMEONE_OF_MINE = frozenset({"suami", "istri", "anak", "bapak", "ibu", "ayah", "adik", "kakak", "tetangga", "teman",
                              "pacar", "mantan", "bos", "husband", "wife", "son", "daughter", "friend", "neighbour"})
_NUMBER_NEAR_A_NAME = 30  # characters between a name told and a number told with it ("Dewi Lestari no hp 0812…")


def name_said(text: str) -> str | None:
    """The name the resident gives as their name in the text ("nama saya Budi Santoso"), as written; None."""
    for said in _NAME_IN_STORY.finditer(text):
        if name := _as_a_name(said["name"].split()):
            return name
    return None


def names_told(text: str) -> list[str]:
    """The names the resident introduces themselves by in the text, as written."""
    found = [name for said in _NAME_IN_STORY.finditer(text) if (name := _as_a_name(said["name"].split()))]
    letters = re.findall(r"[^\W\d_]+", text)
    title_case = sum(word[0].isupper() for word in letters) * 2 > len(letters)  # "Saya Kehilangan Motor": no name
    if not title_case:
        found += [name for said in _SELF_THEN_NAME.finditer(text) if (name := _as_a_name(said["name"].split()))]
    return list(dict.fromkeys(found))


def _as_a_name(said: list[str]) -> str:
    """The words of a name, up to where the story goes on: a word of the story, or one written in lower case that
    is an ordinary word ("nama saya dicatut orang", "my name is on the contract"). A name written in lower case
    and in the lexicon ("nama sy budi") cannot be told from the story, and is left."""
    taken = []
    for word in said:
        plain = normalise(word)
        if plain in _NAME_ENDS or plain in ABOUT_A_NAME or plain in ENGLISH_GRAMMAR \
                or (not word[0].isupper() and is_ordinary(word.lower())):
            break
        taken.append(word)
    name = " ".join(taken).strip(" .,!'’")
    return name if len(name) >= 2 else ""


def own_numbers(text: str, names: list[str]) -> list[str]:
    """The phone numbers told as the resident's own: right after "saya"/"my" and words of contact ("wa sy 0857…",
    "hubungi saya di 0812…"), after a word of contact alone ("cp: 0812…"), or right after a
    name they told ("nama sy Dewi Lestari no hp 0812…"); not one told of someone else ("saya ditelpon 0812…",
    "nomor penipunya 0812…", "nomor hp suami saya 0812…", "ada yg wa saya dari nomor 0812…")."""
    found = []
    for number in _PHONE.finditer(text):
        before = words(text[max(0, number.start() - 60):number.start()])
        while before and before[-1] in _BETWEEN:
            before.pop()
        mine = bool(before) and before[-1] in _OWN and not (len(before) > 1 and before[-2] in _SOMEONE_OF_MINE)
        contact = bool(before) and before[-1] in _CONTACT_ME
        near_a_name = any(0 <= number.start() - (text.find(name) + len(name)) <= _NUMBER_NEAR_A_NAME
                          for name in names if name in text)
        if mine or contact or near_a_name:
            found.append(number.group())
    return found
