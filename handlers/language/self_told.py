"""What residents tell of themselves inside a story: a name they introduce themselves by ("nama saya Budi",
"sy Agus Salim tinggal sebelahnya", "Ini Pak RT Slamet yg lapor") and their own phone number ("wa sy
0857-1234-9876"), so that a report they asked to keep unnamed does not carry them to officers. A number told of
someone else ("nomor penipunya 0812…") is evidence, and stays."""

from __future__ import annotations

import re

from handlers.language.normalise import normalise, words

# Words that say how a name is to be used, not what it is ("nama saya jangan ditampilkan", "my name is secret").
ABOUT_A_NAME = frozenset({"jangan", "tidak", "enggak", "usah", "rahasia", "rahasiakan", "dirahasiakan", "anonim",
                          "disembunyikan", "sembunyikan", "ditampilkan", "tampilkan", "tampil", "disamarkan",
                          "dicantumkan", "pakai", "boleh", "not", "secret", "hidden", "anonymous", "shown", "show",
                          "private", "confidential", "dirahasiain", "rahasiain", "disembunyiin", "sudah", "ada",
                          "data", "sama", "biasa", "takut", "ketahuan", "inisial", "aman", "terserah", "samarkan",
                          "ktp", "profil", "asli", "palsu", "samaran", "apa", "siapa", "di", "yang", "kan", "mau"})
# A name said as a name: "nama saya Budi Santoso, mau lapor…", "namaku Rina", "my name is Ann and …".
_NAME_SAID = re.compile(r"\b(?:nama\s+(?:saya|sy|aku|ku|gue|gw)|namaku|my\s+name\s+is)\b[\s:,-]*(?:adalah\s+)?"
                        r"(?P<name>[^\W\d_]+(?:[ '][^\W\d_]+){0,3})", re.IGNORECASE)
# Oneself followed by a capitalised name, a title before it if any: "sy Agus Salim", "saya Bu Ratna". "Ini" (this
# is) only with a title: "Ini Pak RT Slamet yg lapor", not "ini Polsek Sananwetan?". Not English's "I am", which
# is as often "I am Scared".
_TITLE = r"(?i:pak|bu|bapak|ibu|mas|mbak|mba|kak|mr|mrs|ms)\.?\s+(?:(?i:rt|rw)\s+)?"
_SELF_THEN_NAME = re.compile(
    rf"(?<![\w-])(?:(?i:saya|sy|aku|gue|gw)\s+(?:{_TITLE})?|(?i:ini)\s+{_TITLE})"
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
# A phone number: "0857-1234-9876", "+62 812 3456 7890", "081234567890".
_PHONE = re.compile(r"(?<![\w+])(?:\+?62|0)\s?8\d(?:[\s.-]?\d){6,11}(?!\d)")
_OWN = frozenset({"saya", "aku", "gue", "my", "me", "mine", "ku"})  # words() reads "sy", "gw" as these
_SOMEONE_ELSE = frozenset({"pelaku", "penipu", "dia", "mereka", "orang", "his", "her", "their", "scammer", "seller",
                           "penjual", "nya", "tersangka", "terlapor"})
_NUMBER_NEAR_A_NAME = 30  # characters between a name told and a number told with it ("Dewi Lestari no hp 0812…")


def names_told(text: str) -> list[str]:
    """The names the resident introduces themselves by in the text, as written."""
    found = []
    for said in _NAME_SAID.finditer(text):
        name = _until_the_story_goes_on(said["name"].split())
        if len(name) >= 2 and not ABOUT_A_NAME & set(words(name)):
            found.append(name)
    letters = [word for word in re.findall(r"[^\W\d_]+", text)]
    title_case = sum(word[0].isupper() for word in letters) * 2 > len(letters)  # "Saya Kehilangan Motor": no name
    if not title_case:
        for said in _SELF_THEN_NAME.finditer(text):
            name = _until_the_story_goes_on(said["name"].split())
            if len(name) >= 2:
                found.append(name)
    return list(dict.fromkeys(found))


def _until_the_story_goes_on(name: list[str]) -> str:
    taken = []
    for word in name:
        if normalise(word) in _NAME_ENDS:
            break
        taken.append(word)
    return " ".join(taken).strip(" .,!'’")


def own_numbers(text: str, names: list[str]) -> list[str]:
    """The phone numbers told as the resident's own: with "saya"/"my" a few words before ("wa sy 0857…", "no hp
    saya: 0812…"), or right after a name they told ("nama sy Dewi Lestari no hp 0812…"); not one told of
    someone else ("nomor penipunya 0812…", "no hp pelaku 0812…")."""
    found = []
    for number in _PHONE.finditer(text):
        before = words(text[max(0, number.start() - 40):number.start()])[-4:]
        whose = before[-2:]  # "nomor penipunya 0812…", "no hp si pelaku: 0812…"
        near_a_name = any(0 <= number.start() - (text.find(name) + len(name)) <= _NUMBER_NEAR_A_NAME
                          for name in names if name in text)
        others = _SOMEONE_ELSE & set(whose) or any(word.endswith("nya") for word in whose)
        if not others and (_OWN & set(before) or near_a_name):
            found.append(number.group())
    return found
