"""The time a story names, as one of the report's time choices: now, today, or before today."""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

from handlers.language.answers import NEUTRAL
from handlers.language.normalise import phrase_at, phrase_words, phrases_found, positions_of, stems_of, words

# Words of the moment, checked in this order: "2 jam yang lalu" is today, "tadi malam" earlier than "tadi",
# "kemarin" than "sekarang".
WHEN_PHRASES = (
    ("today", ("jam lalu", "jam yang lalu", "menit lalu", "menit yang lalu", "hours ago", "hour ago", "minutes ago")),
    ("earlier", ("kemarin", "kemaren", "kemarinnya", "kemarennya", "semalam", "semalem", "tadi malam",
                 "malam tadi", "minggu lalu", "bulan lalu", "hari lalu", "tahun lalu", "yang lalu", "lusa",
                 "seminggu lalu", "sebulan lalu", "setahun lalu",
                 "yesterday", "last night", "last week", "days ago", "week ago", "ago",
                 "mau bengi", "tadi wengi", "mau wengi", "kapungkur", "tahun baru")),  # Javanese and
    # Sundanese: yesterday, last night (Sundanese "kamari" is spelt "kemarin" by words())
    ("now", ("sekarang", "sedang", "lagi", "masih", "saat ini", "barusan banget", "right now", "happening",
             "now", "currently", "ayeuna")),  # Sundanese: now
    ("today", ("tadi", "barusan", "hari ini", "pagi ini", "siang ini", "sore ini", "malam ini", "today",
               "this morning", "this afternoon", "this evening", "just now", "earlier today")),
    # A day of the week named, and no word above: a day of the past ("pada hari Rabu malam"); today is "tadi".
    # Not "minggu", which is also a week.
    ("earlier", WEEKDAYS := ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "monday", "tuesday", "wednesday",
                             "thursday", "friday", "saturday", "sunday")),
)
# Around a day of the week, words of one to come: "rabu depan", "next friday"; "jumat ini" is to come only when
# something is to happen ("jumat ini mau ada tawuran"), this week's past day when it has ("senin ini motor saya
# dicuri").
_COMING_DAY = frozenset({"depan", "besok", "nanti", "next", "coming"})
_THIS_DAY = frozenset({"ini", "this"})
_TO_HAPPEN = frozenset({"mau", "akan", "bakal", "rencana", "rencananya", "will", "going", "gonna", "plan", "planned"})


# Words that tell of a time in a story: a part of the day, an hour, a repeat ("jam 9 malam", "tiap hari").
TIME_WORDS = frozenset({
    "pagi", "siang", "sore", "malam", "subuh", "jam", "pukul", "sejak", "tiap", "setiap", "hari", "minggu",
    "bulan", "morning", "afternoon", "evening", "night", "tonight", "since",
})  # fmt: skip
# Words of a time that TIME_WORDS, the story's, leave out: a day, a repeat, a stretch of time.
DAY_WORDS = frozenset({
    "kemarin", "semalam", "lalu", "tadi", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "tahun", "every",
    "daily", "day", "days", "week", "weeks", "month", "ago", "yesterday", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "year", "sebulan", "sebulanan", "seminggu", "semingguan", "setahun",
    "setahunan", "sehari", "seharian",
})  # fmt: skip


# A time read whole: one said to be before ("sebelum hari ini", "before today") is earlier, and so is one said
# not to be today ("bukan hari ini", "not today"): a report is of what has happened. "Bukan sekarang" leaves
# today and earlier both open, so it names no time.
BEFORE = frozenset({"sebelum", "before"})
# "Pas lagi di angkot", "waktu sedang di pasar": "while", the moment of the story, not now ("pas sekarang" is now).
WHILE = frozenset({"pas", "waktu", "saat", "ketika", "sewaktu", "sambil", "while"})
NOT = frozenset({"bukan", "tidak", "enggak", "not"})


def when_named(text: str) -> str | None:
    """"now", "today", "earlier", or None when the text names no time; a fire told burning, with no time, is now
    ("rumah tetangga kebakaran apinya gede bgt"). A dream's time is no time of the incident (without_a_dream)."""
    text = without_a_dream(text)
    said = words(text)
    found = _time_in(said, _now_after_a_deed(text), still_there_now(text))
    if found is None and (dated := _slashed_date(text)):
        return dated[0]
    if found is None and _burning(said):
        return "now"
    return found[0] if found else None


# A dream told, up to the clause's end or the next happening: "tadi malam sy mimpi motor sy dicuri, terus pagi ini
# motor sy ilang" is this morning's, "last night I dreamt about it and this morning my bike was gone" too; "tadi
# malam motor sy ilang pas sy lagi mimpi" is still last night's.
_DREAMING = re.compile(r"\b(?:mimpi|bermimpi|mimpiin|ngimpi|dream|dreamt|dreamed|dreaming)\b", re.IGNORECASE)
_BEYOND_A_DREAM = re.compile(r"[,.;!?\n]|\b(?:terus|trus|trs|lalu|kemudian|tapi|tp|pas|waktu|saat|ketika|abis|habis|"
                             r"then|and|but|when|while)\b", re.IGNORECASE)


def without_a_dream(text: str) -> str:
    """The text less each dream told in it, from the clause's start (or the word of when before it) to its end (or
    the next word of then): the time a dream was dreamt is not when what happened did."""
    at, kept = 0, []
    for dream in _DREAMING.finditer(text):
        if dream.start() < at:
            continue
        before = [found.end() for found in _BEYOND_A_DREAM.finditer(text, at, dream.start())]
        after = _BEYOND_A_DREAM.search(text, dream.end())
        kept.append(text[at:before[-1] if before else at])
        at = after.start() if after else len(text)
    return "".join(kept) + text[at:]


# A date written with slashes or dashes, day first as Indonesians write it ("3/12/2026", "tgl 12/11", "30-11-2026");
# not an address's numbers ("rt 02/05", "no 12/3"), nor "1/2 jam" (half an hour).
_SLASHED_DATE = re.compile(r"(?:\b(?P<marked>tgl|tanggal|tang|pada|on)\.?\s*)?(?<![\w/.-])"
                           r"(?P<day>\d{1,2})[/-](?P<month>\d{1,2})(?:[/-](?P<year>\d{4}|\d{2}))?(?![\w/-])",
                           re.IGNORECASE)
_NUMBERED_BEFORE = frozenset({"rt", "rw", "no", "nomor", "nomer", "blok", "gang", "gg", "km", "kav", "lantai",
                              "jalan", "jl", "kamar", "unit"})
_OF_A_SPAN = frozenset({"jam", "hour", "hours", "bagian", "porsi", "kg", "liter"})  # "1/2 jam"; not "jam 21.00"
_BEFORE_A_COUNT = frozenset({"jam", "pukul", "umur", "usia", "skor", "score", "nilai", "rasio"})
_COUNTED = frozenset({"orang", "org", "tahun", "kali", "ekor", "unit", "buah", "people"})
_WIB = ZoneInfo("Asia/Jakarta")
_MONTHS_AHEAD = 2  # a date with no year this far ahead was last year's ("30/12" written on 3 January)


def _slashed_date(text: str) -> tuple[str, str] | None:
    """A date written with slashes, as its choice ("today", "earlier") and in its words with the hour told beside it
    ("tanggal 12/11 jam 21.00"); None for none, or one still to come."""
    today = datetime.datetime.now(_WIB).date()  # Indonesia's day, not the server's
    for found in _SLASHED_DATE.finditer(text):
        before, after = words(text[:found.start()])[-1:], words(text[found.end():])[:2]
        if "/" not in found.group() and not found["year"] and not found["marked"]:
            continue  # "jam 7-8", "4-5 org": a range; a date with dashes has its year or its "tgl"
        if (before and before[0] in _BEFORE_A_COUNT) or (after and after[0] in _COUNTED):
            continue  # "umur 5/6", "3/4 org"
        if (before and before[0] in _NUMBERED_BEFORE) or \
                (after[:1] and after[0] in _OF_A_SPAN and not (after[1:] and after[1].isdecimal())):
            continue
        year = int(found["year"]) if found["year"] else today.year
        try:
            date = datetime.date(year + 2000 if year < 100 else year, int(found["month"]), int(found["day"]))
        except ValueError:
            continue
        if not found["year"] and (date.year - today.year) * 12 + date.month - today.month > _MONTHS_AHEAD:
            date = date.replace(year=today.year - 1)
        if date > today:
            continue  # to come: no time of what happened
        typed = f"{found['day']}/{found['month']}" + (f"/{found['year']}" if found["year"] else "")
        if found["marked"] and found["marked"].lower() not in ("pada", "on"):
            typed = f"tanggal {typed}"
        rest = f"{text[:found.start()]} {text[found.end():]}"
        hour = hour_phrase(rest) or next((word for word in after[:1] if word in _PARTS_OF_DAY), None)
        return ("today" if date == today else "earlier"), f"{typed} {hour}" if hour else typed
    return None


# Flames told as they are: "apinya gede bgt", "api makin membesar", "apinya belum padam".
_FLAMES_AS_THEY_ARE = frozenset({"besar", "gede", "gedhe", "membesar", "berkobar", "menyala", "nyala", "merambat",
                                 "menjalar", "makin", "tinggi"})
_PUT_OUT = frozenset({"padam", "padem", "dipadamkan", "dipadamin", "mati"})


def _burning(said: list[str]) -> bool:
    """Whether flames are told burning and not put out."""
    flames = any(word in ("api", "apinya") and (" ".join(said[i + 1:i + 2]) in _FLAMES_AS_THEY_ARE
                                                 or said[i + 1:i + 3] in (["belum", "padam"], ["belum", "mati"]))
                 for i, word in enumerate(said))
    put_out = any(word in _PUT_OUT and not (i and said[i - 1] in NOT | {"belum"}) for i, word in enumerate(said))
    return flames and not put_out


def _when_reported(said: list[str], at: int) -> bool:
    """Whether the time at `at` is when the resident reported, not when it happened: a word of reporting right after
    it ("kemarin sy lapor"), or "sudah lapor" right before it ("udah lapor kemarin"); not "mau lapor, kemarin …"."""
    return bool(REPORTING & set(said[at + 1:at + 3])) or (
        bool(REPORTING & set(said[max(0, at - 2):at])) and bool(_DONE & set(said[max(0, at - 3):at])))


def time_told(text: str) -> tuple[str, str] | None:
    """The time a story tells, as its choice and in its words with the hour, the part of the day or the count
    around them ("earlier", "jam 10 malam kemarin"; "earlier", "2 jam yang lalu"; "today", "tadi pagi"), or a repeat
    ("earlier", "tiap malam"); None when it tells none, or only "lagi" or "masih" (again, still: see _ALSO_AGAIN).
    A dream's time is left out (without_a_dream)."""
    text = without_a_dream(text)
    if dated := _slashed_date(text):
        return dated
    said = words(text)
    timed, repeat = _time_in(said, _now_after_a_deed(text), still_there_now(text)), _repeat_in(said)
    found = timed or repeat or _a_year_in(said) or _an_hour_in(said)
    if found is None:
        return None
    choice, start, end = found
    span = _span_in(said)
    told = span[3] if span and span[1:3] == (start, end) else _told_around(said, start, end)
    told = _JUST_TOLD.get(told, told)  # "my bike was just stolen": "just now", not "just"
    if told in _ALSO_AGAIN:
        return None
    repeat_told = _told_around(said, repeat[1], repeat[2]) if repeat else ""
    if timed and repeat and (repeat[2] <= start or end <= repeat[1]) and repeat_told not in told:
        # "tiap malem …, barusan juga": both, in the order told; the choice is the time's
        both = sorted([(start, told), (repeat[1], repeat_told)])
        told = ", ".join(part for _at, part in both)
    return choice, told


def _a_year_in(said: list[str]) -> tuple[str, int, int] | None:
    """A year gone by told as when: "tahun 2019 sy pernah dipukul", "th 2020" ("th" is "tahun" to the lexicon);
    not this year's, which says no day, nor a thing's ("motor beat tahun 2020", "hp keluaran tahun 2019")."""
    this_year = datetime.date.today().year
    at = next((i for i, word in enumerate(said[1:], 1) if said[i - 1] == "tahun" and word.isdecimal()
               and 1900 < int(word) < this_year and not _A_THINGS_YEAR & set(said[max(0, i - 4):i - 1])), None)
    return None if at is None else ("earlier", at - 1, at + 1)


_A_THINGS_YEAR = frozenset({"motor", "mobil", "sepeda", "hp", "keluaran", "model", "tipe", "type", "rakitan",
                            "produksi", "beat", "vario", "scoopy", "nmax", "mio", "supra", "avanza", "xenia"})


# Words before an hour that say until when something lasts, not when it happened: "warungnya buka sampai jam 10 malam".
_UNTIL = frozenset({"sampai", "sampe", "hingga", "until", "till"})
# Words before an hour that say it is when something usually is: "anak sy blm pulang, biasanya jam 1 udh di rmh".
_USUALLY = frozenset({"biasanya", "usually", "normally"})
_USUALLY_BEFORE = 4  # "biasanya jam 1", "biasanya dia pulang jam 1"


def _usual(said: list[str], at: int) -> bool:
    """Whether the word at `at` tells when something usually is, not when it happened."""
    return bool(_USUALLY & set(said[max(0, at - _USUALLY_BEFORE):at]))


def _an_hour_in(said: list[str]) -> tuple[str, int, int] | None:
    """An hour told with no day, as a person told it would take it: the last such hour come (hour_before), today's
    or, not come yet today, yesterday's ("pas bangun jam 6 pagi motor sy udah ga ada", "when I woke up at 6 my car
    was gone"); not an hour something lasts until ("buka sampai jam 10 malam"), nor the one it usually happens at."""
    for at in range(len(said)):
        if _an_hour(said, at) and not _UNTIL & set(said[max(0, at - 2):at]) and not _usual(said, at):
            hour = hour_before(_told_around(said, at, at + 1), datetime.datetime.now(_WIB))
            if hour is not None:
                return ("today" if hour <= datetime.datetime.now(_WIB).hour else "earlier"), at, at + 1
    return None


def hour_phrase(text: str) -> str | None:
    """An hour told on its own, in its words ("sekitar pukul 14.00 wib", "around 9 pm", "at 9"); None when none
    is."""
    said = words(text)
    at = next((i for i in range(len(said)) if _an_hour(said, i)), None)
    return None if at is None else _told_around(said, at, at + 1)


# Before an hour in English, where a number after them is one only at the end or with more of a time ("at 9", "at 9
# last night"; not "at 9 Jalan Merdeka", "about 30 people").
_AT_AN_HOUR = frozenset({"at", "around", "about", "abt", "sekitar", "kira"})  # "kira" of "kira2 9"
_AFTER_AN_HOUR = frozenset({"o", "last", "this", "yesterday", "today", "in"})  # "o'clock", "around 10 last night"
# Who or what a clause begins with, after "at 6" or "around 6": "when I woke up at 6 my car was gone".
_A_CLAUSE_BEGINS = frozenset({"i", "my", "we", "our", "he", "his", "she", "her", "they", "their", "someone",
                              "somebody", "the", "there"})
_HOURS_A_DAY = 24
_CLOCK_WORDS = frozenset({"jam", "pukul", "pkl"})  # "pkl" of "pkl 9.30" only here: alone it is a street vendor (PKL)


def _an_hour(said: list[str], at: int) -> bool:
    """Whether the number at `at` is an hour: after "jam" or "pukul", with its am or pm ("9pm", "9 pm"), or, in
    English, after "at" or "around" and alone or with more of a time."""
    word, before, after = said[at], said[at - 1] if at else "", said[at + 1:at + 2]
    if not _NUMBER.match(word):
        return False
    if before in _CLOCK_WORDS:
        return not (at > 1 and said[at - 2].isdecimal())  # "antri 2 jam 30 menit": minutes of a stretch of time
    return word.endswith(("am", "pm")) or after in (["am"], ["pm"]) \
        or (before in _AT_AN_HOUR and int(word.rstrip("anpm")) <= _HOURS_A_DAY
            and (not after or _of_a_time(said, at + 1) or after[0] in _AFTER_AN_HOUR
                 or (before in ("at", "around") and after[0] in _A_CLAUSE_BEGINS)))


def _told_around(said: list[str], start: int, end: int) -> str:
    """The words of a time from `start` to `end`, with what belongs with it on either side."""
    while start > 0 and end - start < _TOLD_WORDS and _of_a_time(said, start - 1) \
            and said[start - 1] not in _DRAWING_OUT and not _usual(said, start - 1):
        # "berisik bgt tiap malam": "bgt" draws out what is before it; "biasanya pulang jam 1, td jam 5": the usual
        # hour is none of the time
        start -= 1
    while end < len(said) and end - start < _TOLD_WORDS and _of_a_time(said, end):
        end += 1
    while said[end - 1] in _AROUND_AN_HOUR and not said[end - 2].isdecimal() and said[end - 2] not in _EVERY:
        # "kemarin sore jam" of "… jam brp"; but "setiap jam" is every hour
        end -= 1
    return _CLOCK.sub(r"\1.\2", " ".join(said[start:end]))


def _of_a_time(said: list[str], at: int) -> bool:
    """Whether the word at `at` belongs with a time beside it: a part of the day, a unit, a word of about; a
    number only as an hour ("jam 5", "9 pm") or a count of units ("2 jam yang lalu"), not "kemarin 3 motor"."""
    word, before = said[at], said[at - 1] if at else ""
    after = said[at + 1] if at + 1 < len(said) else ""
    if _in_an_age(said, at):
        return False  # "umur 72 tahun. Kemarin sore …": an age, not part of the time after it
    if _NUMBER.match(word):
        minutes = len(word) == 2 and before.isdecimal()  # "9.30", split in two words
        return (word.endswith(("am", "pm")) or minutes or before in _BEFORE_A_NUMBER
                or after in _UNITS | _MERIDIEM | MONTHS  # "tgl 1", "setengah 5", "29 november"
                or (after == "setengah" and said[at + 2:at + 3] != [] and said[at + 2] in _UNITS))  # "1 setengah jam"
    if word in ("yang", "pas"):  # "2 jam yang lalu", "kemarin pas jam 9"
        return after in ("lalu", "jam", "pukul")
    if word == "dari":  # "dari tadi": since earlier, and still; "tadi" alone would say it is over
        return after == "tadi"
    if word in _COUNTS:  # "dua minggu lalu", "tiga hari yg lalu"
        return after in _UNITS
    if word in ("an", "a"):  # "an hour ago"
        return after in _UNITS
    return word in _TOLD_WITH


# Words of "now" that say "again" or "still" as often ("dicuri lagi"): alone, no time told to show.
_ALSO_AGAIN = frozenset({"lagi", "masih", "sedang"})
_CLOCK = re.compile(r"\b(\d{1,2}) (\d{2})\b")  # "jam 9.30", which the words split in two
_TOLD_WORDS = 12  # "hari minggu tanggal 29 november yang lalu sekitar pukul 10 00 pagi": a time told is a few words
_AROUND_AN_HOUR = frozenset({"jam", "pukul", "pkl", "sekitar", "kira", "kurang", "lebih", "around", "about", "abt",
                             "at"})
_COUNTS = frozenset({"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
                     "beberapa", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several"})
_UNITS = frozenset({"detik", "menit", "jam", "hari", "minggu", "bulan", "tahun", "second", "seconds", "minute",
                    "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"})
_MERIDIEM = frozenset({"am", "pm", "wib", "wita", "wit"})
DATE_WORDS = frozenset({"tanggal", "tgl", "date"})
MONTHS = frozenset({
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
    "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "sep", "okt", "nov", "des", "january",
    "february", "march", "may", "june", "july", "august", "october", "december",
})  # fmt: skip
# The hours people tell by prayer times, and what draws a part of the day out ("pagi banget", "setengah 5").
_TELLING_AN_HOUR = frozenset({"subuh", "dzuhur", "zuhur", "lohor", "ashar", "asar", "maghrib", "magrib", "isya",
                              "setengah", "seperempat", "banget", "sekali", "dini"})
_BEFORE_A_NUMBER = _AROUND_AN_HOUR | DATE_WORDS | {"setengah", "seperempat"}
_DRAWING_OUT = frozenset({"banget", "sekali"})  # after a part of the day only: "pagi banget"
_TOLD_WITH = TIME_WORDS | _AROUND_AN_HOUR | _UNITS | _MERIDIEM | DATE_WORDS | MONTHS | _TELLING_AN_HOUR | frozenset({
    "lalu", "lusa", "ago", "seminggu", "sebulan", "setahun", "sehari", "senin", "selasa", "rabu", "kamis", "jumat",
    "sabtu", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    # holidays: "pas lebaran kemarin" is the last Lebaran, not yesterday
    "lebaran", "natal", "imlek", "ramadan", "ramadhan", "idul", "fitri", "adha", "nyepi", "waisak",
    "christmas", "eid"})
_NUMBER = re.compile(r"^\d{1,4}(?:an|am|pm)?$")  # "5", "17", "5an" (about five), "11pm"
_BEFORE_A_NAMED_DATE = frozenset({"jalan", "jl", "jln", "gang", "gg", "lantai", "kamar", "no", "nomor", "blok", "rt",
                                  "rw", "street", "floor", "room"})
_DAY_OF_MONTH = re.compile(r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")


def _time_in(said: list[str], now_after_a_deed: bool = False, going_on: bool = False) -> tuple[str, int, int] | None:
    """The time the words name, as its choice and where it stands: taken in WHEN_PHRASES' order, not the text's
    (a story of the past may say "sekarang" of the report itself); "sekarang" told after a deed done is none, and
    "lagi", "sedang", "masih" after a time gone by are the story's while ("tadi siang saya lagi di warung, …")."""
    if going_on:  # "td malam …, skrg orgnya masih di depan": the story's own time, but going on now
        at = next((i for i, word in enumerate(said) if word in _NOW_WORDS),
                  next(i for i, word in enumerate(said) if word in _STILL_WORDS))
        return "now", at, at + 1
    span = _span_in(said)
    found = _moment_in(said, now_after_a_deed)
    if span and (found is None or found[0] == "now"):  # "for two weeks now": since then, not a moment of now
        return span[0], span[1], span[2]
    return found


def _moment_in(said: list[str], now_after_a_deed: bool) -> tuple[str, int, int] | None:
    past_at = min((at for choice, phrases in WHEN_PHRASES if choice != "now"
                   for _phrase, at in phrases_found(said, map(phrase_words, phrases))
                   if not _when_reported(said, at)), default=None)
    present = set(said)
    for choice, phrases in WHEN_PHRASES:
        for phrase in phrases:
            want = phrase_words(phrase)
            for i in positions_of(said, want) if want[0] in present else ():
                before = said[i - 1] if i else ""
                if phrase in ("lagi", "sedang") and before in WHILE:
                    continue
                if phrase == "lagi" and before in REPORTING:
                    continue  # "mau lapor lagi pak, ada anak2 balap liar tiap malem minggu": again, not now
                if choice != "now" and _when_reported(said, i):
                    continue  # "kemarin sy lapor, skrg anak sy tenggelam": when a report was made
                if phrase == "tadi" and before == "yang" and not said[i + 1:i + 2]:
                    continue  # "yang tadi": the one told before, no time
                if phrase in _ALSO_AGAIN and past_at is not None and past_at < i:
                    continue
                if phrase in _NOW_ITSELF and past_at is not None and (past_at < i or REPORTING & set(
                        said[max(0, i - _STILL_WITHIN):i + _STILL_WITHIN + 1])):
                    continue  # "td pagi sy dijambret, skrg masih trauma", "mau lapor skrg, motor sy dicuri td pagi"
                if choice == "now" and past_at is not None and RESIDENT & set(said[max(0, i - _WHERE_ONE_IS):i]):
                    continue  # "sy skrg di polsek, motor sy dicuri td pagi", "sy lagi di rumah skrg, td siang …"
                if choice == "now" and said[i + len(want):i + len(want) + 1] in (["sudah"], ["telah"], ["already"]):
                    continue  # "skrg udh aman": how things stand after it, not when it happened
                if phrase == "sekarang" and now_after_a_deed and not _GOING_ON & set(said):
                    continue  # "udh transfer 850rb…, skrg akunnya ngeblok sy": how it stands after it
                around = {before, *said[i + 1:i + 2]}
                if phrase in WEEKDAYS and (_COMING_DAY & around or (_THIS_DAY & around and _TO_HAPPEN & set(said))):
                    continue  # "rabu depan mau ada tawuran": a day to come
                if before in BEFORE or (before in NOT and choice == "today"):
                    return "earlier", i - 1, i + len(want)
                if before not in NOT:
                    return choice, i, i + len(want)
    return _date_in(said) or _just_done(said)


# "Just" before a deed done is just now, as "barusan" is: over, today, its hour now's. "some guy just pulled a knife
# on me", "my bike was just stolen", "i just got robbed", "hp sy baru aja dijambret", "sy baru kecopetan"; not "i just
# want to report", "i just wanted to ask", "it was just a joke", nor "i had just parked when …", a moment of the story
# told; nor a thing new ("hp yg baru dibeli dicuri", "lampu baru dipasang"), nor when it was found out ("baru tau").
_DONE_UNLIKE_ED = frozenset({"got", "stole", "stolen", "broke", "broken", "hit", "ran", "took", "taken", "threw",
                             "thrown", "shot", "beat", "beaten", "bit", "bitten", "fell", "fallen", "caught", "left",
                             "came", "drove", "went", "saw", "struck", "stuck", "cut", "set", "blew", "burnt"})
_NOT_A_DEED = frozenset({"wanted", "needed", "asked", "wondered", "reported", "called", "texted", "messaged",
                         "checked", "wished", "hoped"})
_JUST = frozenset({"just", "baru"})
_MADE_NEW = frozenset({"dibeli", "dipasang", "dibangun", "diperbaiki", "dibenerin", "diganti", "dicat", "diaspal",
                       "direnovasi", "dibuat", "dikasih", "diberi", "dibayar", "diketahui", "disadari", "dicek"})
_DONE_TO_ONE = re.compile(r"^(?:di[a-z]{4,}|ke[a-z]{3,}an)$")  # "dijambret", "kecopetan"
_JUST_TOLD = {"just": "just now", "baru": "barusan"}


def _just_done(said: list[str]) -> tuple[str, int, int] | None:
    for i, word in enumerate(said[:-1]):
        if word not in _JUST or said[i - 1:i] in (["had"], ["yang"]):
            continue
        deed = said[i + 2] if word == "baru" and said[i + 1] == "saja" and i + 2 < len(said) else said[i + 1]
        done = deed.endswith("ed") or deed in _DONE_UNLIKE_ED if word == "just" else \
            bool(_DONE_TO_ONE.match(deed)) and deed not in _MADE_NEW and deed not in _PLACES_WITH_DI
        if done and deed not in _NOT_A_DEED:
            return "today", i, i + 1
    return None


def _just_happened(said: list[str]) -> bool:
    """Whether the words tell it happened just now: "barusan", "just now", "just" or "baru" before a deed done."""
    return "barusan" in said or phrase_at(said, ("just", "now")) is not None or _just_done(said) is not None


# A story begun before that goes on now, told of someone else or of the event: "td malam ada org mondar mandir…,
# skrg orgnya masih di depan pagar", "tadi ada orang mabuk teriak2…, sekarang masih di situ", "tadi pagi kebakaran
# gudang, skrg api masih besar", "tadi siang ada tawuran, sekarang masih berlangsung", "he is still inside now". Not
# the resident ("hp sy dicopet kemarin, sy sekarang masih di rumah", "dompet sy dijambret td siang, skrg lagi di
# rumah sodara"), not how one is after it ("skrg masih trauma", "sekarang masih dirawat"), not what is still not so
# ("sampai sekarang masih belum ketemu").
_NOW_WORDS = frozenset({"sekarang", "now"})
# Words of now that say when the resident writes as often as when it happened: after a time told of the incident
# ("td pagi sy dijambret, skrg masih trauma"), or beside a word of reporting ("mau lapor skrg, motor sy dicuri td
# pagi"), that time is the incident's; not "sekarang rumah sy kebakaran, tadi mulai dari dapur".
_NOW_ITSELF = frozenset({"sekarang", "saat ini", "now", "right now", "currently"})
REPORTING = frozenset({"lapor", "laporin", "melapor", "melaporkan", "ngelapor", "report", "reporting"})
_STILL_WORDS = frozenset({"masih", "lagi", "sedang", "still"})
# How one is after it, or what is still not so: no story going on ("skrg masih trauma", "masih belum ketemu",
# "masih ada bekas congkelan"); the cry reader reads "still" by it too.
AFTER_IT = frozenset({
    "sakit", "trauma", "takut", "syok", "shock", "kesal", "marah", "sedih", "bingung", "pusing", "lemas", "nangis",
    "menangis", "shaken", "scared", "afraid", "upset", "belum", "tidak", "enggak", "not", "dirawat", "rs",
    "puskesmas", "klinik", "igd", "ugd", "hospital", "opname", "bekas", "jejak",
})  # fmt: skip
# Who or what may be still there or at it: someone else ("orgnya", "dia", "pelakunya"), a fire, a fight.
_OTHERS = frozenset({
    "dia", "mereka", "orang", "org", "pelaku", "maling", "pencuri", "preman", "pemuda", "cowok", "cewek", "pria",
    "penjahat", "begal", "jambret", "copet", "perampok", "rampok", "korban", "api", "asap", "kebakaran", "tawuran",
    "kerusuhan",
    "keributan", "banjir", "he", "she", "they", "someone", "man", "men", "guy", "guys", "thief", "thieves", "fire",
    "smoke", "fight",
})  # fmt: skip
_SOMEONE = ("ada", "yang")  # "tadi ada yg gedor2 pintu": someone
_OWN_PEOPLE = frozenset({
    "saya", "aku", "gue", "kami", "kita", "anak", "adik", "kakak", "suami", "istri", "ibu", "bapak", "ayah",
    "nenek", "kakek", "i", "we", "my", "our", "me",
})  # fmt: skip
_STILL_WITHIN = 3  # words between "now" and "still", either way round
RESIDENT = frozenset({"saya", "aku", "gue", "kami", "kita", "i", "we"})  # the resident, saying where they are
_WHERE_ONE_IS = 4  # words before a word of now that may say the resident is somewhere: "sy lagi di rumah skrg"
_SUBJECT_WORDS = 2  # the words before "still" that say who is still there


def still_there_now(text: str) -> bool:
    """Whether a word of still says someone else, or the event, is still there or at it: named right before it
    ("malingnya masih di dalam"), or beside a word of now ("skrg masih di situ", after "ada orang mabuk …")."""
    earlier: list[str] = []
    for clause in _CLAUSE_END.split(text):
        said = words(clause)
        if any(said[k] in _STILL_WORDS and k and _other(said[k - 1]) and _goes_on_after(said[k + 1:k + 4])
               for k in range(len(said))):
            return True  # "…, malingnya masih di dalam": whoever it is, named, is there still
        for i, word in enumerate(said):
            if word not in _NOW_WORDS:
                continue
            for k in range(max(0, i - _STILL_WITHIN), min(len(said), i + _STILL_WITHIN + 1)):
                if said[k] in _STILL_WORDS and _goes_on_after(said[k + 1:k + 4]) \
                        and _someone_else(said[max(0, min(i, k) - _SUBJECT_WORDS):max(i, k)], earlier + said[:i]):
                    return True
        earlier += said
    return False


def _goes_on_after(after: list[str]) -> bool:
    return bool(after) and not AFTER_IT & set(after) and after[1:3] != ["rumah", "sakit"] and not NOT & set(after[:2])


def _someone_else(subject: list[str], before: list[str]) -> bool:
    """Whether the words before "still" name someone else, or, naming nobody of the resident's, the story did."""
    named = [word for word in subject if word not in _NOW_WORDS | _STILL_WORDS]
    if _OWN_PEOPLE & set(named):
        return False
    return any(map(_other, named + before)) or phrase_at(before, _SOMEONE) is not None


def _other(word: str) -> bool:
    return word in _OTHERS or (word.endswith("nya") and word[:-3] in _OTHERS)


# A stretch of time told as lasting until now: "lampu jalan mati udh seminggu", "sudah 3 hari jalannya rusak", "udh
# sebulan ada yg jualan miras", "for two weeks now". It began that long ago and goes on: read as since then ("sejak
# seminggu lalu"), its choice that of its start (before today; today for hours), never a moment of now. Said after
# a word of lasting ("sudah", "selama", "sejak", "for"); not a point ("seminggu lalu", "3 hari lagi"), nor an age
# ("umur sudah 5 tahun").
_LASTING = frozenset({"sudah", "telah", "selama", "sejak", "already", "for", "deh"})  # "dah" is read as "deh"
_ABOUT_A_SPAN = frozenset({"hampir", "sekitar", "kurang", "lebih", "about", "almost", "nearly", "over", "more",
                           "than"})
_ONE_SPAN = {"seminggu": "seminggu", "semingguan": "seminggu", "sebulan": "sebulan", "sebulanan": "sebulan",
             "setahun": "setahun", "setahunan": "setahun", "sehari": "sehari"}
_SPAN_UNITS = {"hari": "hari", "harian": "hari", "hr": "hari", "minggu": "minggu", "mingguan": "minggu",
               "mgg": "minggu", "bulan": "bulan", "bulanan": "bulan", "bln": "bulan", "tahun": "tahun",
               "tahunan": "tahun", "thn": "tahun", "jam": "jam", "jaman": "jam", "menit": "menit",
               "day": "day", "days": "days", "week": "week", "weeks": "weeks", "month": "month", "months": "months",
               "year": "year", "years": "years", "hour": "hour", "hours": "hours", "minute": "minute",
               "minutes": "minutes"}
_OF_TODAY = frozenset({"jam", "menit", "hour", "hours", "minute", "minutes"})
_ENGLISH_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
                            "minute", "minutes"})
_A_POINT = frozenset({"lalu", "yang", "ago", "lagi", "kemudian", "later", "depan", "sebelumnya", "before"})
_AN_AGE = frozenset({"umur", "usia", "umurnya", "usianya", "berusia", "berumur", "umurku", "usiaku", "age", "aged"})
_AGE_WORDS = 3  # an age word stands this near before its number: "umur sy 60 thn", "berusia 45 tahun"
# Whom a number of years right after them is the age of, told with no age word: "sy (58 thn)", "nenek saya, 70 tahun".
_WHOSE_AGE = frozenset({"saya", "aku", "kami", "dia", "beliau", "ibu", "bapak", "nenek", "kakek", "anak", "istri",
                        "suami", "adik", "kakak", "korban", "pelaku"})


def _in_an_age(said: list[str], at: int) -> bool:
    """Whether the word at `at` is the number of an age, or its unit: "berusia 45 tahun", "umur sy 60 thn", "45 years
    old"; not a count of time gone by ("2 tahun lalu")."""
    number = at if said[at].isdecimal() else at - 1 if at and said[at - 1].isdecimal() else None
    if number is None:
        return False
    unit_after = said[number + 1:number + 2]
    then = said[number + 2:number + 3]
    return bool(_AN_AGE & set(said[max(0, number - _AGE_WORDS):number])) \
        or (unit_after in (["tahun"], ["years"], ["year"]) and then == ["old"]) \
        or (unit_after == ["tahun"] and not (then and then[0] in _A_POINT)
            and bool(_WHOSE_AGE & set(said[max(0, number - 2):number])))  # "sy (58 thn) semalam …", "saya, 45 tahun"


def _span_in(said: list[str]) -> tuple[str, int, int, str] | None:
    """A stretch of time lasting until now, as its choice, where it stands and in words officers read ("earlier",
    …, "sejak seminggu lalu"; "earlier", …, "for two weeks now")."""
    for i, word in enumerate(said):
        if word in _ONE_SPAN:
            start, span = i, [_ONE_SPAN[word]]
        elif word in _SPAN_UNITS and i and (said[i - 1].isdecimal() or said[i - 1] in _COUNTS
                                            or (said[i - 1] in ("a", "an") and word in _ENGLISH_UNITS)):
            start, span = i - 1, [said[i - 1], _SPAN_UNITS[word]]
        else:
            continue
        end = i + 1
        about = [w for w in said[max(0, start - 2):start] if w in _ABOUT_A_SPAN]
        lasting = start - len(about) - 1
        more = said[end:end + 1] == ["lebih"]  # "seminggu lebih"
        if lasting < 0 or said[lasting] not in _LASTING or _A_POINT & set(said[end:end + 1]) \
                or _AN_AGE & set(said[max(0, lasting - 3):lasting]):
            continue
        choice = "today" if span[-1] in _OF_TODAY else "earlier"
        if span[-1] in _ENGLISH_UNITS:
            return choice, lasting, end, " ".join(["for", *about, *span, "now"])
        return choice, lasting, end + more, " ".join(["sejak", *about, *(["lebih", "dari"] if more else []), *span,
                                                      "lalu"])
    return None


# A time that comes back, which names no day: "tiap malam", "setiap malam minggu", "every night". A story tells it
# of what has happened before today, in words officers read; it names no moment (`when_named`), so a question
# ("kalau tetangga berisik tiap malam bisa dilaporkan?") stays one.
_EVERY = frozenset({"tiap", "setiap", "saban", "every", "most"})  # "most" of "most afternoons"
_NEARLY = frozenset({"hampir", "almost", "nearly"})  # "hampir tiap sore": told with the repeat


# A moment of the day people tell by what they do then: "setiap jam pulang sekolah", "tiap pulang kerja", "tiap
# istirahat" (not "setiap jam": every hour, which the words after it may say is not).
_MOMENTS = frozenset({"pulang", "bubaran", "istirahat", "berangkat", "masuk", "bubar", "jumatan"})
_MOMENTS_OF = frozenset({"sekolah", "kerja", "kantor", "kuliah", "pabrik", "ngaji", "sholat", "salat", "pengajian",
                         "pasar"})
_BEFORE_A_MOMENT = frozenset({"jam", "pas", "waktu", "kalau", "habis", "abis"})


def _moment_repeated(said: list[str], at: int) -> int | None:
    """The end of a moment told as coming back from the "tiap" at `at` ("setiap jam pulang sekolah"), or None."""
    end = at + 1
    while end < len(said) and said[end] in _BEFORE_A_MOMENT:
        end += 1
    if end >= len(said) or said[end] not in _MOMENTS:
        return None
    return end + 2 if end + 1 < len(said) and said[end + 1] in _MOMENTS_OF else end + 1


def _repeat_in(said: list[str]) -> tuple[str, int, int] | None:
    for i, word in enumerate(said[:-1]):
        start = i - 1 if i and said[i - 1] in _NEARLY else i
        if word in _EVERY and (moment_end := _moment_repeated(said, i)):
            return "earlier", start, moment_end
        after = said[i + 1]
        if word in _EVERY and (after in _UNITS or after in _PARTS_OF_DAY or after in WEEKDAYS
                               or after.removesuffix("s") in _PARTS_OF_DAY):  # "most afternoons", "every mornings"
            return "earlier", start, i + 2
    return None


def _date_in(said: list[str]) -> tuple[str, int, int] | None:
    """A day told by its date ("tgl 2 jam 14.00", "29 november", "december 2"): one before today, as a report
    tells of what has happened; the words themselves are what officers read."""
    for i, word in enumerate(said[:-1]):
        after = said[i + 1]
        if said[i - 1:i] and said[i - 1] in _BEFORE_A_NAMED_DATE:
            continue  # "jl. 17 agustus", "lantai 2": a street or a floor named after a date
        day_first = _DAY_OF_MONTH.match(word) and after in MONTHS
        if day_first or (word in DATE_WORDS | MONTHS and _DAY_OF_MONTH.match(after)):
            return "earlier", i, i + 2
    return None


# What makes "sekarang" no time of the incident: a deed told as done before it, "sudah" in its own clause
# ("udh transfer 850rb tp … akunnya skrg ngeblok sy") or a deed done to someone in a clause of its own before
# ("sy ditipu arisan online, skrg adminnya ngilang"; not "sy dipukuli suami sekarang"), and nothing said to go
# on ("masih", "lagi"). Words of "di" that are places are no deed.
_DONE = frozenset({"sudah", "udah", "telah", "already"})
_GOING_ON = frozenset({"masih", "lagi", "sedang", "still"})
_DONE_TO = re.compile(r"^di[a-z]{4,}$")
_PLACES_WITH_DI = frozenset({"disini", "disana", "disitu", "dimana", "dirumah", "didalam", "diluar", "didepan",
                             "dibelakang", "dijalan", "dipasar", "disamping", "diatas", "dibawah"})
_CLAUSE_END = re.compile(r"[,.;!?\n]+")


def _now_after_a_deed(text: str) -> bool:
    clauses = [words(clause) for clause in _CLAUSE_END.split(text)]
    for k, clause in enumerate(clauses):
        if "sekarang" in clause:
            before = clause[:clause.index("sekarang")]
            earlier = [word for part in clauses[:k] for word in part]
            return bool(_DONE & set(before + earlier)) or any(
                _DONE_TO.match(word) and word not in _PLACES_WITH_DI for word in earlier)
    return False


# The resident saying where they are, where the place is asked: "sy lg di pasar legi", "posisi sy skrg di pasar",
# "aku masih di kantor", "I'm at the market now". Where, not a sign that it is going on: "malingnya masih di sini",
# "lagi ada tawuran di depan pasar" are.
_BEFORE_ONESELF = frozenset({"posisi", "posisinya", "lokasi", "position"})
_BEING = frozenset({"m", "am", "are", "re", "berada", "ada"})  # "I'm at", "saya sedang berada di"
_AT = frozenset({"di", "at", "in"})  # the lexicon reads Javanese "nang" as "di"
_NOW_OR_STILL = _NOW_WORDS | _STILL_WORDS | {"currently", "right"}


def without_where_one_is(text: str) -> str:
    """The text less the words of now that tell where the resident is ("sy lg di pasar legi, kel. X": "lagi"), clause
    by clause: those between the resident and the place, and one that closes the clause ("… di pasar legi skrg")."""
    kept = []
    for clause in _CLAUSE_END.split(text):
        said = words(clause)
        k = 0
        while k < len(said) and (said[k] in NEUTRAL or said[k] in _BEFORE_ONESELF):
            k += 1
        if k < len(said) and said[k] in RESIDENT:
            at = k + 1
            while at < len(said) and (said[at] in _NOW_OR_STILL or said[at] in _BEING):
                at += 1
            if at < len(said) and said[at] in _AT and at > k + 1:
                said = said[:k + 1] + [w for w in said[k + 1:at] if w not in _NOW_OR_STILL] + said[at:]
                if said[-1] in _NOW_OR_STILL:
                    said = said[:-1]
        kept.append(" ".join(said))
    return ", ".join(kept)


def qualifies_a_time(said: list[str], at: int) -> bool:
    """Whether the word at `at` qualifies the time right after it: "bukan" in "ya, bukan hari ini"."""
    return said[at] in NOT | BEFORE and any(said[at + 1:at + 1 + len(want)] == want
                                            for _, phrases in WHEN_PHRASES for want in map(str.split, phrases))


# Where it happened, said as online ("online", "di medsos") or by a phone or an app ("lewat hp", "via wa", "di fb"):
# no place on the map. A phone or an app's name counts only after a word of "by" or "on": "konter hp" is a shop.
ONLINE_WORDS = frozenset({"online", "daring", "internet", "medsos", "sosmed", "pinjol"})
BY_PHONE_OR_APP = frozenset({
    "facebook", "fb", "instagram", "ig", "whatsapp", "wa", "telegram", "tiktok", "shopee", "tokopedia", "lazada",
    "sms", "website", "web", "aplikasi", "app", "hp", "handphone", "telepon", "phone",
})  # fmt: skip
_BY = frozenset({"lewat", "via", "di", "pakai", "melalui", "by", "through", "on", "over"})


# A ride or a shop that is "online" is met in the street: "pas nunggu ojek online", "driver ojol dipukul preman".
_MET_IN_PERSON = frozenset({"ojek", "ojol", "taksi", "taxi", "driver", "kurir", "ojeknya"})
# A snatch or a robbery is done where the resident was, whatever they were doing on the phone meanwhile ("hp sy
# dijambret pas lagi pesan gojek lewat aplikasi"). Not "begal": an account "dibegal" is taken online; nor one told
# in a scam ("ditipu lewat wa, katanya anak sy dirampok").
_TAKEN_IN_PERSON = frozenset({"jambret", "copet", "rampas", "rampok", "todong"})
_SCAM = frozenset({"tipu", "scam", "scammed", "hoax", "hoaks"})
# What is held online, robbed online: "saldo dana sy dirampok lewat aplikasi", "akun sy dirampas".
_HELD_ONLINE = frozenset({"saldo", "akun", "rekening", "ovo", "gopay", "shopeepay", "dana", "mbanking", "pulsa",
                          "kuota", "account", "balance", "wallet"})


def said_online(text: str) -> bool:
    """Whether it happened by phone or online ("ditipu lewat wa", "pinjol"): not a ride ordered online, nor a
    snatch in the street."""
    said = words(text)
    roots = set(stems_of(said, _TAKEN_IN_PERSON | _SCAM))
    if roots & _TAKEN_IN_PERSON and not roots & _SCAM and not _HELD_ONLINE & set(said):
        return False
    return any(word in ONLINE_WORDS and not (i and said[i - 1] in _MET_IN_PERSON) for i, word in enumerate(said)) \
        or any(word in BY_PHONE_OR_APP and i and said[i - 1] in _BY for i, word in enumerate(said))


# An answer not given: "lewati", "gak tau", "lupa", "I don't know"; or put off ("nanti aja", "cukup").
_PUT_OFF = frozenset({("nanti",), ("nanti", "saja"), ("entar",), ("entar", "saja"), ("later",), ("cukup",),
                      ("sudah", "cukup")})
_NOT_GIVEN = frozenset({("lewati",), ("lewat",), ("skip",), ("lupa",), ("entah",), ("enggak", "tau"),
                        ("enggak", "tahu"), ("tidak", "tahu"), ("tidak", "tau"), ("tidak", "ingat"),
                        ("enggak", "ingat"), ("don", "t", "know"), ("i", "don", "t", "know"), ("dont", "know"),
                        ("not", "sure"), ("no", "idea"), ("unknown",), ("kurang", "tau"),
                        ("kurang", "tahu"), ("kurang", "ingat"), ("sudah", "lupa"), ("lupa", "kapan"),
                        ("enggak", "ingat", "kapan"), ("dunno",), ("idk",), ("forgot",), ("i", "forgot"),
                        ("i", "don", "t", "remember"), ("don", "t", "remember"), ("can", "t", "remember"),
                        ("i", "can", "t", "remember"),
                        ("teu", "terang"), ("teu", "nyaho"), ("henteu", "terang"), ("henteu", "nyaho"),  # Sundanese
                        *_PUT_OFF})
# An answer to "when?" that leaves it as the story told it: "terserah", "sesuai aja", "yang tadi".
_AS_TOLD = frozenset({("terserah",), ("bebas",), ("sesuai",), ("sama",), ("sesuai", "cerita"), ("yang", "tadi"),
                      ("yang", "itu"), ("itu",), ("seperti", "tadi"), ("sama", "seperti", "tadi"), ("kayak", "tadi"),
                      ("seperti", "yang", "tadi"), ("sama", "kayak", "tadi"), ("whatever",), ("as", "i", "said")})
_PARTICLES = frozenset({"saja", "aja", "deh", "dong", "sih", "lah", "ya", "kok"})


def as_told(text: str) -> bool:
    """Whether the answer leaves the time as the story told it ("terserah", "sesuai aja pak", "yg tadi")."""
    return tuple(word for word in words(text) if word not in (NEUTRAL - {"yang", "itu"}) | _PARTICLES) in _AS_TOLD


# Not knowing which kind to pick, where the kind is asked: "ga tau", "bingung pilih yg mana", "ga tau masuk mana",
# "terserah pak", "not sure which one". Said with words of the question, which add nothing.
_KIND_UNSURE = frozenset({("bingung",), ("terserah",), ("entahlah",), ("idk",), ("kurang", "tau"), ("kurang", "tahu"),
                          ("enggak", "mengerti"), ("tidak", "mengerti"), ("enggak", "paham"), ("tidak", "paham"),
                          ("confused",), ("no", "idea")})
_OF_THE_QUESTION = frozenset({"saya", "aku", "juga", "kategori", "kategorinya", "jenis", "jenisnya", "masuk", "mana",
                              "yang", "pilih", "milih", "apa", "termasuk", "category", "kind", "which", "one", "i"})


def kind_not_known(text: str) -> bool:
    """Whether the answer to "what kind?" says the resident does not know which it is."""
    said = tuple(word for word in words(text) if word not in NEUTRAL | _OF_THE_QUESTION | _PARTICLES)
    return said in _KIND_UNSURE or said in _NOT_GIVEN - _PUT_OFF


# Not knowing the village's name, or the exact address ("sy gk tau kelurahannya", "lupa nama desanya", "I don't know
# the exact address"): the words of not knowing, then only words of which place is meant.
_NOT_KNOWN = frozenset({("lupa",), ("entah",), ("enggak", "tau"), ("enggak", "tahu"), ("tidak", "tahu"),
                        ("tidak", "tau"), ("kurang", "tau"), ("kurang", "tahu"), ("belum", "tau"), ("belum", "tahu"),
                        ("enggak", "ingat"), ("tidak", "ingat"), ("don", "t", "know"), ("i", "don", "t", "know"),
                        ("dont", "know"), ("i", "dont", "know"), ("not", "sure"), ("no", "idea")})
_OF_THE_PLACE = frozenset({"kelurahan", "kelurahannya", "kel", "desa", "desanya", "kampung", "kampungnya", "alamat",
                           "alamatnya", "nama", "namanya", "daerah", "daerahnya", "tempat", "tempatnya", "lokasi",
                           "lokasinya", "jalan", "jalannya", "persis", "persisnya", "pasti", "pastinya", "lengkap",
                           "lengkapnya", "detail", "detailnya", "rt", "rw", "saya", "sih", "the", "village", "address",
                           "exact", "street", "name", "area", "of", "its", "it", "where", "exactly", "mana", "di",
                           "ini", "itu", "sini", "this", "is", "apa", "what"})  # "gk tau kelurahannya apa pak"


def village_not_known(text: str) -> bool:
    """Whether the words only say the village or the address is not known: "sy gk tau kelurahannya", "lupa nama
    jalannya", "I don't know the exact address"; not a place ("gk tau pasti, di gedog" holds one: see the caller)."""
    said = [word for word in words(text) if word not in NEUTRAL and word not in ("saya", "aku", "sih", "juga")]
    return any(tuple(said[:n]) in _NOT_KNOWN and said[n:] and all(w in _OF_THE_PLACE for w in said[n:])
               for n in (1, 2, 3, 4))


# What a kelurahan, a desa or a kecamatan is, asked: "kelurahan itu apa ya?", "kelurahan apa maksudnya?", "desa tuh
# apa pak", "what is a kelurahan?". Only the word asked of and words of asking what it means.
_AREA_WORDS = frozenset({"kelurahan", "kel", "desa", "kecamatan", "kec", "kelurahannya", "desanya", "kecamatannya",
                         "kampung"})
_WHAT_IT_MEANS = frozenset({"apa", "apaan", "maksudnya", "maksud", "artinya", "arti", "itu", "tuh", "ya", "sih",
                            "yang", "dimaksud", "what", "is", "a", "the", "does", "mean", "means", "kelurahan", "desa",
                            "atau", "or", "dan", "and"})


def area_word_asked(text: str) -> bool:
    """Whether the message asks what the kelurahan, the desa or the kecamatan asked for is."""
    said = words(text)
    return bool(_AREA_WORDS & set(said)) and bool({"apa", "apaan", "what", "maksudnya", "artinya"} & set(said)) \
        and all(word in _AREA_WORDS or word in _WHAT_IT_MEANS or word in NEUTRAL for word in said)


# What to write asked at the story's question: "sy hrs nulis apa ini pak?", "nulisnya gimana?", "ceritanya apa
# aja?", "kulo mboten ngertos carane pripun nggih?", "what should I write?". Only words of writing or telling, of
# asking how or what, and of not knowing: a word of the incident makes it the story ("motor sy ilang, gimana ini?").
_WRITING = frozenset({"tulis", "menulis", "nulis", "ditulis", "tulisnya", "menulisnya", "nulisnya", "isi", "mengisi",
                      "ngisi", "diisi", "isinya", "cerita", "ceritanya", "bercerita", "ceritain", "diceritakan",
                      "menceritakan", "ketik", "ngetik", "diketik", "carane", "caranya", "cara", "write", "writing",
                      "say", "tell", "type", "put"})
_HOW_OR_WHAT = frozenset({"apa", "apaan", "bagaimana", "gimana", "pripun", "piye", "opo", "what", "how"})
_AROUND_ASKING_WHAT_TO_WRITE = frozenset({
    "saya", "aku", "kulo", "i", "harus", "mesti", "perlu", "musti", "should", "must", "do", "to", "need", "di", "sini",
    "disini", "here", "yang", "aja", "saja", "terus", "tidak", "ngertos", "ngerti", "mengerti", "paham", "tahu",
    "bingung", "iya", "ya", "nggih", "mau", "boleh", "bisa", "can", "am", "supposed", "know", "dont", "don", "t",
    "not", "sure", "me", "about", "contoh", "contohnya", "example", "dulu", "ini", "itu", "nih"})


def story_asked_how(text: str) -> bool:
    """Whether the answer to "what happened?" asks what to write, telling nothing of what happened."""
    said = words(text)
    return bool(_WRITING & set(said)) and bool(_HOW_OR_WHAT & set(said)) \
        and all(word in _WRITING or word in _HOW_OR_WHAT or word in _AROUND_ASKING_WHAT_TO_WRITE or word in NEUTRAL
                for word in said)


# Sounds of chat, laughter or hesitation ("wkwk", "hehe", "hmm", "eh"), no words of an answer.
CHAT_SOUND = re.compile(r"^(?:(?:wk)+w?|(?:ha)+h?|(?:he)+h?|(?:hi)+h?|h+m+|e+h+|a+h+|o+h+|u+h+|e+m+|(?:ck)+)$")
# Said around "not known" and changing nothing: "gatau y", "ga tau jg", "lupa bro", "dunno lol".
_AROUND_NOT_KNOWN = _PARTICLES | {"juga", "lol", "pokoknya", "pastinya", "persisnya", "tepatnya", "exactly"}
_WONDERING = frozenset({"ya", "yah", "yaa"})
def put_off(text: str) -> bool:
    """Whether the answer to "when?" or "where?" is put off: "nanti aja", "ntar aja pak", "later"."""
    return tuple(word for word in words(text) if word not in NEUTRAL | _AROUND_NOT_KNOWN) in _PUT_OFF


# "Kapan" asked back at the question of when: "kapan?", "kapan sih", "kapan ya?", "kapan maksudnya", "kapan
# kejadiannya?". "Kapan ya", said without asking, wonders: the time is not known.
_ASKING_BACK = frozenset({"sih", "maksudnya", "maksud", "emang", "emangnya", "memang", "apa", "apanya", "gimana",
                          "kejadiannya", "kejadian", "yang", "itu", "ini", "nih", "tuh", "when"})


def not_given(text: str) -> bool:
    """Whether the answer to "when?" or "where?" says it is not known or not to be given: "lewati", "ga tau pak",
    "gatau y", "ga inget wkwk", "kapan ya"."""
    said = words(text)
    kept = tuple(word for word in said if word not in NEUTRAL | _AROUND_NOT_KNOWN and not CHAT_SOUND.match(word))
    if kept == ("kapan",):
        return not when_asked_back(text)
    return kept in _NOT_GIVEN


def when_asked_back(text: str) -> bool:
    """Whether the answer to "when?" only asks back what is asked: "kapan?", "kapan sih", "kapan ya?", "kapan
    maksudnya"; not "kapan ya", which wonders, nor a time ("kapan ya, pas mau berangkat ke pasar")."""
    said = words(text)
    kept = [word for word in said if word not in NEUTRAL | _AROUND_NOT_KNOWN | _ASKING_BACK
            and not CHAT_SOUND.match(word)]
    if kept != ["kapan"]:
        return False
    return "?" in text or bool(_ASKING_BACK & set(said)) or not _WONDERING & set(said)


# The hour of the day a time names, for when in the day things happen (the digest's time bands): an hour told,
# placed in the day by the part of it said with it ("jam 9 malam" 21, "pukul 21.30", "jam 2 siang" 14, "11pm",
# "jam setengah 5 pagi" 4), else the part of the day alone ("tadi subuh", "kmrn sore", "semalam").
_PARTS_OF_DAY = {"dini": 2, "subuh": 4, "pagi": 8, "siang": 12, "dzuhur": 12, "zuhur": 12, "lohor": 12, "ashar": 15,
                 "asar": 15, "sore": 16, "maghrib": 18, "magrib": 18, "isya": 19, "malam": 21, "semalam": 21,
                 "morning": 8, "noon": 12, "afternoon": 14, "evening": 18, "night": 21, "tonight": 21}
_AFTER_NOON = frozenset({12, 14, 15, 16, 18, 19, 21})  # parts of the day whose hours are told from 1 to 11
_CLOCK_HOUR = re.compile(r"^(\d{1,2})(?:an)?(am|pm)?$")  # "9", "5an", "11pm"


def hour_told(text: str) -> int | None:
    """The local hour of the day (0–23) the words name; None when they name none ("kemarin", "hari senin"). An hour
    told with no part of the day ("jam 9", "around 9") is read as written, from 1 to 11 in the morning."""
    return _hour_read(text)[0]


def hour_before(text: str, now: datetime.datetime) -> int | None:
    """The hour of the day the words name, as `hour_told`; but an hour from 1 to 11 told with no part of the day
    ("around 9", "jam 9an") and of today or no day named is the last such hour come by `now` (local), as a person
    told it would take it: at 22:30 it was 21, at 10:00 it was 9, at 08:00 (neither has come today) 21 last night.
    Of another day ("kemarin jam 9") nothing says which: read as written, as `hour_told` does. Just now ("barusan",
    "my bike was just stolen"): now's hour."""
    hour, either_half = _hour_read(text)
    if hour is None and when_named(text) == "today" and _just_happened(words(text)):
        return now.hour  # "barusan", "hp sy baru dijambret": this hour
    if hour is None or not either_half or when_named(text) not in (None, "today"):
        return hour
    return hour if hour <= now.hour < hour + 12 else hour + 12


def _hour_read(text: str) -> tuple[int | None, bool]:
    """The hour of the day the words name, and whether it may be of either half of the day (told from 1 to 11 with
    no part of the day, am or pm)."""
    said = words(text)
    part = next((_PARTS_OF_DAY[word] for word in said if word in _PARTS_OF_DAY), None)
    if "midnight" in said or any(said[k:k + 2] == ["tengah", "malam"] for k in range(len(said))):
        part = 0  # "tengah malam"; not the "tengah" of "di tengah jalan"
    hour, meridiem = None, None
    for i, word in enumerate(said):
        after_clock_word = i and said[i - 1] in ("setengah", "at")
        meridiem_after = said[i + 1] if i + 1 < len(said) and said[i + 1] in ("am", "pm") else None  # "9 pm"
        if (found := _CLOCK_HOUR.match(word)) and (after_clock_word or found[2] or meridiem_after or _an_hour(said, i)):
            hour, meridiem = int(found[1]) - (1 if said[i - 1:i] == ["setengah"] else 0), found[2] or meridiem_after
            break
    if hour is None or not 0 <= hour <= _HOURS_A_DAY:
        return part, False
    if meridiem:
        return hour % 12 + (12 if meridiem == "pm" else 0), False
    if hour == 12 and part == 21:
        return 0, False  # "jam 12 malam": midnight
    if hour >= 12 or part not in _AFTER_NOON or (part == 21 and hour <= 4) or (part == 12 and hour >= 10):
        # "jam 2 malam" is two at night, "jam 11 siang" before noon; "jam 9" alone, either
        return hour % 24, part is None and 0 < hour < 12
    return hour + 12, False


# A place alone in its clause: one or two names, each part maybe marked by its level ("di bendogerit", "di kec
# sekar bojonegoro", "di desa bareng kec sekar"); not "di plosokerep dimasuki maling", which goes on to what happened.
_LEVEL = r"(?:kec|kel|ds|desa|kab|kota|kecamatan|kelurahan|kabupaten)\.?\s+"
# One or two names; the second not a word of what happened ("rumah sy di gedog kemalingan", "… di sekar dibobol").
_NAMES = r"[^\W\d_]+(?:\s+(?!(?:ke[^\W\d_]+an|di[^\W\d_]{4,}|ter[^\W\d_]{3,})\b)[^\W\d_]+)?"
_AT_A_PLACE_ALONE = rf"\s+(?:ada\s+)?di\s+(?:{_LEVEL})?{_NAMES}(?:\s+{_LEVEL}{_NAMES})*\s*(?:$|[,.;!?\n])"
# Whose home: the resident's, or someone's they tell of ("bapak sy dicopet di terminal, rumahnya di gedog"); not a
# spot by it, which is the scene ("ada org ngamuk di depan rumah sy di sentul").
_BY_A_HOME = "".join(rf"(?<!{spot} )" for spot in ("depan", "dpn", "belakang", "blkg", "samping", "sebelah", "dekat",
                                                   "deket", "dkt", "dalam", "dalem", "luar"))
_HOME_AT = rf"{_BY_A_HOME}\b(?:rumah|omah)(?:nya|\s*(?:sy|saya|ku|kami|aku|kulo|dia|beliau))(?={_AT_A_PLACE_ALONE})"
# Where the resident is now, told apart from where it happened: "skrg sy lg di rumah sodara di kec sekar"; not
# "skrg sy lg di pasar gedog, hp sy baru dicopet", where they are at the scene.
_SHELTER = r"(?=di\s+(?:rumah|rmh|kos|kosan|kontrakan|kantor|rs|rumah\s+sakit|puskesmas|polsek|polres)\b)"
_NOW_AT = (rf"\b(?:skrg|sekarang)\s+(?:sy|saya|aku|gue|gw)\s+(?:(?:lg|lagi|sedang|masih)\s+)?{_SHELTER}"
           rf"|\b(?:sy|saya|aku|gue|gw)\s+(?:skrg|sekarang)\s+(?:(?:lg|lagi|sedang|masih)\s+)?{_SHELTER}")
# Where the resident lives, works or comes from, told beside where it happened: "sy tinggal di sekar bojonegoro",
# "sy warga desa sekar", "sy dr desa sekar", "alamat sy di …", "I live in …"; up to the clause's end. Said of the
# resident only: "kecelakaan kerja di pabrik kel gedog" and "org asal pukul" tell what happened.
_NOW_AT_RE = re.compile(_NOW_AT, re.IGNORECASE)
_HOME = re.compile(r"\b(?:sy|saya|aku|gue|gw|kami|kulo)\s+(?:(?:juga|jg|sendiri)\s+)?"
                   r"(?:tinggal|domisili|bekerja|kerja|warga|asal|aslinya|asli|(?:dr|dari)\b(?!\s+(?:td|tadi|pagi|siang"
                   r"|sore|malam|mlm|subuh|kemarin|kmrn|semalam|jam)\b))\b"  # not "rmh sy dr td": since earlier
                   r"|\basal\s+(?:sy|saya|aku)\b|\balamat\s+(?:sy|saya|rumah)\b|\bi\s+(?:live|work)\b"
                   rf"|{_HOME_AT}|{_NOW_AT}", re.IGNORECASE)
_HOME_ENDS = re.compile(r"[,.;!?\n]|\b(?:tp|tapi|tetapi|terus|trus|dan|pas|waktu|kemarin|kmrn|td|tadi|but|and)\b",
                        re.IGNORECASE)
# The resident's own home told as where it happened: "rumah sy kemalingan", "omahku dilebokki maling".
# "rumah sy di X" with nothing after the place in its clause says where the home is ("…, rumah sy di bendogerit");
# with more ("rumah saya di plosokerep dimasuki maling") it is the scene.
_OWN_HOME = re.compile(rf"\b(?:rumah|omah)\s*(?:sy|saya|ku|kami|aku|kulo)\b(?!{_AT_A_PLACE_ALONE})"
                       r"|\b(?:rumahku|omahku)\b", re.IGNORECASE)
# A region's name alone after the home's place and a comma: "sy tinggal di sekar, bojonegoro".
_REGION_AFTER = re.compile(r"\s*,\s*(?:kab\.?\s+|kota\s+|kabupaten\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?\s*(?=$|[,.;!?\n])",
                           re.IGNORECASE)


# The incident's place told as such: "kejadiannya di pasar gedog", "TKP di …", "lokasi kejadian: …"; not
# "Kronologi kejadian: …", which tells what happened.
_INCIDENT_AT = re.compile(r"\b(?:(?:tempat|lokasi)\s+kejadian(?:nya)?|tkp(?:nya)?)\s*(?:ada\s+)?(?:di\b|:)\s*"
                          r"|\bkejadian(?:nya)?\s+(?:ada\s+)?di\b\s*", re.IGNORECASE)
# Where someone fled to, which is no scene: "pelakunya kabur ke arah bendogerit".
_FLED_TO = re.compile(r"\b(?:kabur|lari|melarikan\s+diri|ngacir|fled|ran)\s+(?:ke\s+arah|ke|menuju|arah|towards?|to)\b"
                      r"(?:(?!\b(?:setelah|sesudah|habis|lalu|terus|kemudian|after|then)\b)[^,.;!?\n])*", re.IGNORECASE)


def where_it_happened(text: str, *, home_too: bool = False) -> str:
    """What of the text tells where it happened: after words that say so ("sy lg di rumah sodara di klampok,
    kejadiannya di pasar gedog"), else the text without where someone fled to and, unless `home_too` (where no
    other place is named: "tetangga sy dirampok, rumahnya di kel gedog"), where the resident lives, works or is."""
    told = _INCIDENT_AT.search(text)
    told_text = text[told.end():] if told else text
    return _FLED_TO.sub("", told_text if home_too else without_home(told_text))


def without_home(text: str) -> str:
    """The text less what it tells of where the resident lives, works or comes from: the place of the incident is
    read from the rest where the rest names one ("motor sy dicuri di gedog, sy tinggal di sekar, bojonegoro"). Whole
    where their home is told as the scene ("sy tinggal di gedog, rumah sy kemalingan, malingnya kabur ke
    bendogerit"), but for where they are now ("sekarang saya di rumah sodara di klampok, rumah sy di gedog
    kemalingan")."""
    kept, at = [], 0
    for home in (_NOW_AT_RE if _OWN_HOME.search(text) else _HOME).finditer(text):
        if home.start() < at:
            continue
        end = _HOME_ENDS.search(text, home.end())
        kept.append(text[at:home.start()])
        at = end.start() if end else len(text)
        if (region := _REGION_AFTER.match(text, at)) is not None:
            at = region.end()
    return "".join(kept) + text[at:]
