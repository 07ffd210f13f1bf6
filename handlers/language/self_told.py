"""What residents tell of themselves inside a story: a name they introduce themselves by ("nama saya Budi",
"sy Agus Salim tinggal sebelahnya", "Ini Pak RT Slamet yg lapor") and their own phone number ("wa sy
0857-1234-9876"), e-mail address or account ("ig sy @budi_s"), so that a report they asked to keep unnamed does not
carry them to officers. A number, an address or an account told of someone else ("nomor penipunya 0812…") is
evidence, and stays."""

from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.language.answers import NEUTRAL
from handlers.language.normalise import normalise, words
from handlers.language.written import ENGLISH_GRAMMAR
from storage.contacts import DIGIT_SEPARATORS
from storage.lexicon import SLANG_MEANINGS, is_ordinary, spoken_root, stem

# Words that say how a name is to be used, not what it is ("nama saya jangan ditampilkan", "my name is secret").
ABOUT_A_NAME = frozenset({"jangan", "tidak", "enggak", "usah", "rahasia", "rahasiakan", "dirahasiakan", "anonim",
                          "disembunyikan", "sembunyikan", "ditampilkan", "tampilkan", "tampil", "disamarkan",
                          "dicantumkan", "pakai", "boleh", "not", "secret", "hidden", "anonymous", "shown", "show",
                          "private", "confidential", "dirahasiain", "rahasiain", "disembunyiin", "sudah", "ada",
                          "data", "sama", "biasa", "takut", "ketahuan", "inisial", "aman", "terserah", "samarkan",
                          "ktp", "profil", "asli", "palsu", "samaran", "apa", "siapa", "di", "yang", "kan", "mau"})
# A name said as a name: "nama saya Budi Santoso, mau lapor…", "Nama: Rudi Hartono.", "nama lengkap saya …",
# "saya bernama Siti Aminah", "perkenalkan saya …", "a.n. Sri Wahyuni", "namaku Rina", "my name is Ann and …".
_NAME_IN_STORY = re.compile(
    r"(?:\bnama(?:\s+lengkap)?(?:\s+(?:saya|sy|aku|ku|gue|gw))?\b\s*:?|\bnama(?:\s+lengkap)?\s*:|\bnamaku\b"
    r"|\b(?:saya|sy|aku)\s+bernama\b|\bperkenalkan\W+(?:nama\s+)?(?:saya|sy|aku)\b|\ba\.\s?n\.|\bmy\s+name\s+is\b)"
    r"[\s:,-]*(?:adalah\s+)?(?P<name>[^\W\d_]+(?:[ '][^\W\d_]+){0,3})", re.IGNORECASE)
# Oneself, opening a sentence, followed by a capitalised name, a title before it if any: "…. sy Agus Salim
# tinggal sebelahnya", "Saya, Rudi Hartono, melaporkan", "saya Bu Ratna, …", "Dengan Ibu Sri Wahyuni", "Hi, I'm
# Sarah Johnson", "Salam, Rudi Hartono". A name with no title is two words, or one no word of the lexicon in
# Indonesian ("Saya Lihat ada org…" sees; "I am Scared"). Not "anak saya Dimas", "motor saya Honda Beat",
# "tetangga saya Pak Budi": those are others, and evidence.
_TITLE = r"(?i:pak|bu|bapak|ibu|mas|mbak|mba|kak|mr|mrs|ms)\.?\s+(?:(?i:rt|rw)(?:\s+\d+)?\s+)?"
# Who one is, said after one's name and a comma: "Hadi Sutrisno, ketua RT 3", "Bu Dewi, warga RT 2".
_WHO_ONE_IS = r"(?i:ketua|wakil|pengurus|sekretaris|bendahara|warga|rt|rw|dari|tinggal|alamat|domisili)"
_SELF_THEN_NAME = re.compile(
    rf"(?:^|[.,!?;:\n]\s*)(?:(?i:saya|sy|aku|gue|gw|kulo|(?P<english>i\s*'?\s*m|i\s+am))\s*,?\s+(?P<title>{_TITLE})?"
    rf"|(?i:dengan|salam|regards|from)\s*,?\s+(?P<title2>{_TITLE})?)"
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})")
# "Ini Pak RT Slamet yg lapor": "ini" (this is) and a title, only where the one named is the one reporting; "Ini Mas
# Joko pengedar sabu" names the dealer.
# A name and "here" opening the message, or "this is" before a name and a comma: "Dewi Lestari disini pak, …", "This
# is Sarah, staying at…"; and oneself with one name and a comma after it: "sy Dewi, mau lapor…".
_A_NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}"
# Only opening the message, and followed by no more than an address or the start of an introduction: "Budi disini
# mukulin anaknya" names someone else.
_NAME_HERE = re.compile(rf"^\s*(?P<with>(?i:dengan|with)\s+)?(?P<name>{_A_NAME})\s+(?i:disini|di\s+sini|here)"
                        r"(?=\s*(?:[,.!]|$|(?i:pak|bu|mas|mbak|kak|sir|ya|mau|ingin|dari|from|and|dan)\b))"
                        rf"|(?:^|[.,!?]\s*)(?i:this\s+is)\s+(?P<name2>{_A_NAME})\s*(?:[,.!]|$|(?i:from|and|here)\b)")
# Or with no comma, before what goes on an introduction (_INTRODUCTION_GOES_ON): "sy Dewi mau lapor, hp sy dicopet".
_SELF_THEN_ONE_NAME = re.compile(rf"(?:^|[.,!?;:\n]\s*)(?i:saya|sy|aku|gue|gw|i\s*'?\s*m|ini)\s+(?:{_TITLE})?"
                                 r"(?P<name>[A-Z][a-z'’-]+)(?:,|\s+(?P<going_on>[^\W\d_]+))")
# A word after "saya" and before a comma that tells how one is or what one does, not who: "Saya Bingung, …".
_NOT_ONE_NAME = frozenset({"bingung", "takut", "panik", "sedih", "cemas", "marah", "kaget", "lapor", "minta", "mohon",
                           "tolong", "bisa", "mau", "ingin", "sudah", "baru", "lagi", "juga", "sendiri", "warga",
                           "ojol", "driver", "kurir", "sopir", "supir"})
# A letter signed: "Hormat saya, Dewi Lestari", "Salam hormat,\nRudi Hartono".
_SIGNED = re.compile(rf"\b(?i:hormat\s+(?:saya|sy|kami|aku)|salam\s+hormat)\b[\s,:-]*(?:{_TITLE})?"
                     r"(?P<name>[^\W\d_]+(?:[ '][^\W\d_]+){0,2})")
# One name in lower case: "sy dewi, mau lapor…" (the introduction going on after the comma), "dengan rudi disini".
# A title before it lets who one is follow with no comma: "sy pak hadi ketua rt 3 mau lapor".
# "Dengan" and a title open the message as on the phone, before who one is: "dengan bu dewi warga rt 2".
_SELF_THEN_ONE_WORD = re.compile(r"(?:^|[.,!?;:\n]\s*)(?:(?i:saya|sy|aku|gue|gw|ini)"
                                 r"|(?P<english>(?i:i\s*'?\s*m|i\s+am))"
                                 rf"|^\s*(?i:dengan)(?=\s+{_TITLE}))\s+(?P<title>{_TITLE})?"
                                 r"(?P<name>[a-z]+)(?P<comma>\s*,)?\s*(?P<after>[a-z]+)"
                                 r"|^\s*(?i:dengan)\s+(?P<name2>[a-z]+)\s+(?:disini|di\s+sini)\b")
_GOING_ON_AFTER_A_NAME = frozenset({"mau", "ingin", "hendak", "lapor", "melapor", "melaporkan", "dari", "warga",
                                    "tinggal", "asal", "izin", "minta", "mohon", "ini"})
# What goes on an introduction right after a name with no comma between: "sy Dewi mau lapor", "sy hadi warga rt 3";
# not "ini", "dari" ("sy hari ini mau lapor", "sy pulang dari pasar"), which go on a story too.
_INTRODUCTION_GOES_ON = frozenset({"mau", "ingin", "hendak", "lapor", "melapor", "melaporkan", "warga", "tinggal",
                                   "izin"})
# A titled name opening the message, a comma, who they are, and the report: "Bu Dewi, warga RT 2, mau lapor…", "Pak
# Hadi, ketua RT 3, melaporkan…"; not "Pak Hadi, tetangga sy, dipukul" (another, and evidence), nor a greeting ("Pak
# Polisi, …": no name).
_TITLED_OPENING = re.compile(rf"^\W*(?:(?i:assalamualaikum|selamat\s+\w+|halo|permisi)\W+)?{_TITLE}"
                             r"(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s*,\s*"
                             rf"(?:(?i:saya|sy|aku)\s+)?{_WHO_ONE_IS}\b[^!?\n]{{0,40}}?"
                             r"\b(?i:mau|ingin|hendak|izin|akan)?\s*(?i:lapor|melapor|melaporkan|laporkan|report)\b")
# With no title, the name is the reporter's before the report itself: "ini Hadi Sutrisno mau lapor".
_THIS_IS_THE_REPORTER = re.compile(rf"(?:^|[.,!?;:\n]\s*)(?i:ini)\s+(?:{_TITLE})?(?P<name>[A-Z][a-z'’-]+"
                                   r"(?:\s+[A-Z][a-z'’-]+){0,2})\s+(?:(?i:yg|yang)\s+|(?i:mau|ingin|hendak)\s+)"
                                   r"(?i:lapor|melapor|ngelapor|melaporkan)")
# Words a name ends before: the story going on ("sy Agus Salim tinggal sebelahnya"), a place or an office.
_NAME_ENDS = frozenset({
    "mau", "ingin", "hendak", "akan", "dari", "warga", "tinggal", "alamat", "umur", "usia", "pak", "bu", "mas", "mbak",
    "kak", "ya", "saya", "aku", "dan", "yang", "rt", "rw", "asal", "di", "ke", "sudah", "tadi", "kemarin", "ini", "itu",
    "minta", "mohon", "tolong", "lapor", "melapor", "melaporkan", "ada", "and", "i", "from", "who", "live", "want",
    "would", "to", "sir", "polsek", "polres", "polisi", "kelurahan", "desa", "kecamatan", "kota", "kabupaten", "jalan",
    "gang", "pasar", "masjid", "sekolah", "kantor", "rumah", "korban", "pelapor", "orang", "sendiri", "juga",
    "no", "nomor", "hp", "wa", "telepon", "telp", "nomer", "number", "phone",
})  # fmt: skip
# A phone number: "0857-1234-9876", "+62 812 3456 7890", "+62-857…", "(0857) 1234 9876", "081234567890",
# "0812/3456/7890", "812 3456 7890".
_PHONE = re.compile(rf"(?<![\w+])\(?(?:\+?62[\s-]?|0)8\d(?:[{DIGIT_SEPARATORS}]{{0,2}}\d){{6,11}}(?!\d)"
                    rf"|(?<![\w+])8[1-35-9](?:[\s-]?\d){{7,10}}(?!\d|[.,]\d)"  # "812 3456 7890": its 0 left out
                    rf"|(?<![\w+])\+(?!62)[1-9]\d{{0,2}}(?:[{DIGIT_SEPARATORS}]{{0,2}}\d){{6,12}}(?!\d)")  # "+61 412…"
# Digits said as words, as a number is read out over the phone: "nol delapan satu dua…", "kosong delapan…", "zero
# eight one…"; digits may stand among them ("08 satu dua 3456 7890").
_DIGIT_WORDS = {"nol": "0", "kosong": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5",
                "enam": "6", "tujuh": "7", "delapan": "8", "lapan": "8", "sembilan": "9", "zero": "0", "one": "1",
                "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                "nine": "9"}
_SAID_DIGITS = rf"(?:{'|'.join(_DIGIT_WORDS)}|\d+)"
_SPELLED = re.compile(rf"(?<![\w+])(?:\+\s?)?{_SAID_DIGITS}(?:[\s,.\-/]{{1,3}}{_SAID_DIGITS})+(?!\w)", re.IGNORECASE)
# Letters typed for the digits they look like, "o"/"O" for 0 and "l"/"I" for 1: "o8l2 3456 789O". Each group of it
# holds a digit, and the letters are few, so that no word is read as one ("lol", "Ollo").
_LOOKALIKES = str.maketrans("oOlI", "0011")
_LETTERED_GROUP = r"[oOlI]*\d[\doOlI]*"
_LETTERED = re.compile(rf"(?<![\w+])\+?{_LETTERED_GROUP}(?:[{DIGIT_SEPARATORS}]{{0,2}}{_LETTERED_GROUP})*(?!\w)")
_FEWEST_DIGITS_PER_LETTER = 3


@dataclass(frozen=True)
class ContactTold:
    """A way to reach someone told in a text, as written (`said`): a phone number (its `digits` too), an e-mail
    address, an account. `kind` names the catalogue's text that stands in its place when hidden
    (report.number_hidden…)."""

    kind: str
    start: int
    end: int
    said: str
    digits: str = ""


def phones(text: str) -> list[ContactTold]:
    """The phone numbers in `text`, in order: in digits ("0857-1234-9876"), and read out in words, wholly or in part
    ("nol delapan lima tujuh…", "08 satu dua 3456 7890", "zero eight one two…") or with letters for digits ("o8l2
    3456 789O"), whose digits make a number as one in digits would (a count, a sum, a time or a house number in words
    is too short, or no phone's)."""
    found = [ContactTold("number", told.start(), told.end(), told.group(), digits) for told in _SPELLED.finditer(text)
             if not told.group().replace("+", "").strip().isdecimal()  # digits alone: as _PHONE reads them
             and _PHONE.search(told.group()) is None  # a number in digits with words after it: that number
             and _PHONE.fullmatch(digits := _digits_of(told.group())) is not None]
    found += [ContactTold("number", told.start(), told.end(), told.group(), digits) for told in _LETTERED.finditer(text)
              if (letters := sum(c.isalpha() for c in told.group())) > 0
              and letters * _FEWEST_DIGITS_PER_LETTER <= sum(c.isdigit() for c in told.group())
              and _PHONE.fullmatch(digits := _digits_of(told.group().translate(_LOOKALIKES))) is not None]
    found += [ContactTold("number", told.start(), told.end(), told.group(), _digits_of(told.group()))
              for told in _PHONE.finditer(text) if not any(other.start <= told.start() < other.end
                                                           for other in found)]
    return sorted(found, key=lambda phone: phone.start)


# An e-mail address, as written or read out: "budi.santoso@gmail.com", "budi at gmail dot com", "budi (at) yahoo
# (dot) co (dot) id"; the last word a domain's ending, so that "at" and "dot" in a sentence are none.
# Spaced too ("budi @ gmail . com", "budi@gmail .com", "budi @ gmail dot com"), ending in a domain's ending (after a
# second level's "co", "ac"…); an "@" with a space before it only before a mail provider ("budi @gmail.com"), as
# "ig @kabar.id" is an account. Its "at" in brackets, or before a mail provider, with plain dots: "budi[at]gmail.com",
# "budi at gmail.com".
_DOMAIN_END = r"(?:com|id|net|org|co|ac|go|me|io)\b"
_MAIL_PROVIDER = r"(?:gmail|googlemail|yahoo|ymail|rocketmail|hotmail|outlook|live|icloud|proton|protonmail|aol)\b"
_READ_DOT = r"\s*(?:\(dot\)|\[dot\]|\bdot\b|\btitik\b)\s*"
_SPACED_DOT = rf"(?:\s*\.\s*|{_READ_DOT})"
_EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]+@(?>[\w-]+(?:\.[\w-]+)+)(?!{_SPACED_DOT}{_DOMAIN_END})"
                    rf"|(?<![\w.+-])[\w.+-]+(?:@\s*[\w-]+|\s+@\s*{_MAIL_PROVIDER})"
                    rf"(?:{_SPACED_DOT}(?:co|ac|go|or|sch)\b)?{_SPACED_DOT}{_DOMAIN_END}"
                    rf"|(?<![\w.])[\w.+-]+\s*(?:\(at\)|\[at\]|\bat\b)\s*[\w-]+(?:{_READ_DOT}[\w-]+)*{_READ_DOT}"
                    rf"{_DOMAIN_END}"
                    rf"|(?<![\w.])[\w.+-]+(?:\s*(?:\(at\)|\[at\])\s*[\w-]+|\s+at\s+{_MAIL_PROVIDER})(?:\.[\w-]+)+",
                    re.IGNORECASE)


# An account on a platform: "@budi_s"; not an e-mail address's "@gmail".
_HANDLE = re.compile(r"(?<![\w.@])@[a-z0-9_](?:[\w.]*\w)?", re.IGNORECASE)
# A platform named before an account without its "@", told as one's own, after a colon or as its name: "ig sy
# budi_s", "fb: budi santoso", "FB saya Budi Santoso", "my ig is budi.s88".
# The platforms, as words() reads them, and as written: "x" (Twitter's new name) alone, not a count's "3 x" (which
# words() reads as "kali", times); "line id sy: …".
_PLATFORMS = frozenset({"instagram", "insta", "instgram", "ig", "tiktok", "facebook", "fb", "fesbuk", "twitter",
                        "twiter", "telegram", "tele", "threads", "youtube", "line", "snapchat", "discord", "linkedin",
                        "michat", "wechat"})
_PLATFORM = rf"(?:tik\s?tok|(?<!\d\s)x|{'|'.join(sorted(_PLATFORMS))})(?:\s+id)?"
_PLATFORM_THEN = re.compile(rf"\b{_PLATFORM}(?:(?P<own>\s+(?:saya|sy|aku|gue|gw|my|ku)|ku)\b|\b)\s*(?P<colon>:)?\s*"
                            r"(?P<naming>(?:adalah|yaitu|is|namanya)\s+)?(?=[^\W\d_])", re.IGNORECASE)
# A username: letters and a digit, "_" or "." ("budi_s", "budi.s88"); not a sum or a count ("500rb", "3x").
_USERNAME = re.compile(r"(?=[\w.]*[^\W\d_])(?=[\w.]*[\d_.])[\w.]{4,30}")
_A_SUM_OR_COUNT = re.compile(r"\d+[^\W\d_]{1,3}")
_ONE_WORD_ACCOUNT = 6  # letters at least of an account of one word in lower case: names run together, "budisantoso"
# What may follow it: the clause ending, a word of address or another way to reach one ("tiktok sy budisantoso ya
# pak", "… atau wa 0812…"); not more of the story ("tiktok sy rame bgt").
_AFTER_AN_ACCOUNT = frozenset({"ya", "yah", "pak", "bu", "kak", "mas", "mbak", "aja", "saja", "atau", "dan", "or",
                               "and"})


# A link to an account or a chat: "facebook.com/budi.santoso", "https://www.instagram.com/budi_s/",
# "tiktok.com/@budi", "t.me/budisan", "wa.me/6281234567890" (a number's: _linked).
_PROFILE_LINK = re.compile(r"(?<![\w.@/-])(?:https?://)?(?:(?:www|m|web|mobile|vm|vt)\.)?"
                           r"(?P<site>instagram\.com|instagr\.am|tiktok\.com|facebook\.com|fb\.com|fb\.me"
                           r"|twitter\.com|x\.com|t\.me|threads\.net|line\.me|youtube\.com|snapchat\.com"
                           r"|linkedin\.com|wa\.me|api\.whatsapp\.com)/[^\s,;!()\[\]<>\"']*[^\s,;!?()\[\]<>\"'.]",
                           re.IGNORECASE)


def _linked(link: re.Match[str]) -> ContactTold:
    """A link read as what it reaches: a chat on a number ("wa.me/62812…", "api.whatsapp.com/send?phone=62812…"),
    else an account."""
    if link["site"].lower() in ("wa.me", "api.whatsapp.com") and (digits := re.search(r"\d{8,15}", link.group())):
        return ContactTold("number", link.start(), link.end(), link.group(), digits.group())
    return ContactTold("account", link.start(), link.end(), link.group())


def contacts_told(text: str) -> list[ContactTold]:
    """The phone numbers (`phones`), e-mail addresses, accounts ("@budi_s", "ig sy budi_s") and links to them
    ("instagram.com/budi_s") in `text`, in order."""
    found = [_linked(told) for told in _PROFILE_LINK.finditer(text)]
    found += [ContactTold("email", told.start(), told.end(), told.group()) for told in _EMAIL.finditer(text)]
    found += [ContactTold("account", told.start(), told.end(), told.group()) for told in _HANDLE.finditer(text)]
    named = [told for said in _PLATFORM_THEN.finditer(text) if (said["own"] or said["colon"] or said["naming"])
             and (told := _account_after(text, said.end(), bool(said["colon"] or said["naming"]))) is not None]
    found += named + [other for told in named if (other := _another_username(text, told.end)) is not None]
    found += phones(text)
    kept: list[ContactTold] = []
    for told in found:  # the first reading of a place in the text: "budi@gmail.com" is no account "@gmail"
        if not any(other.start <= told.start < other.end or told.start <= other.start < told.end for other in kept):
            kept.append(told)
    return sorted(kept, key=lambda told: told.start)


# What begins a verb made of a word, said of an account ("ig sy dihack", "tiktok sy kebanned", "fb sy diambilalih",
# "ngeviral"): no account's name, unless the account was named plainly ("fb: dimasprasetyo").
_VERB_OF_AN_ACCOUNT = re.compile(r"(?:di|ke|ter|ber|me|nge|ng)[a-z]{4,}")


def _account_after(text: str, at: int, named_plainly: bool) -> ContactTold | None:
    """The account named at `at` after its platform: a username ("budi_s"), or a name (up to three words, as
    _as_a_name and _lower_case_name read them, each a word that may be a name; one word in lower case, no word of the
    language nor a verb, ending its clause: "ig sy budisantoso ya pak", not "ig sy kena hack", "ig sy dihack")."""
    token = re.match(r"[\w.]+", text[at:])
    said = token.group().rstrip(".") if token else ""
    if _USERNAME.fullmatch(said) and not _A_SUM_OR_COUNT.fullmatch(said):
        return ContactTold("account", at, at + len(said), said)
    clause = _CLAUSE.split(text[at:], maxsplit=1)[0].split()[:3]
    name = _as_a_name(clause) if clause[0][0].isupper() else _lower_case_name(clause)
    if not all(_may_be_a_name(word) for word in name.split()):  # "ig sy kena hack"
        name = ""
    if not name and clause[0].islower() and clause[0].isalpha() and len(clause[0]) >= _ONE_WORD_ACCOUNT \
            and _may_be_a_name(clause[0]) and normalise(clause[0]) not in _NAME_ENDS | ABOUT_A_NAME \
            and clause[0] not in ENGLISH_GRAMMAR and (len(clause) == 1 or clause[1].lower() in _AFTER_AN_ACCOUNT) \
            and (named_plainly or not _VERB_OF_AN_ACCOUNT.fullmatch(clause[0])):
        name = clause[0]
    if not name or (where := text.find(name, at)) < 0:
        return None
    return ContactTold("account", at, where + len(name), text[at:where + len(name)])


# A second account after one named after its platform: "ig sy budi_s atau budi.santoso", "line: budi_s / budi88".
_OR_THEN = re.compile(r"\s*(?:atau|ato|or|/)\s*", re.IGNORECASE)


def _another_username(text: str, at: int) -> ContactTold | None:
    """The username told right after "atau"/"or"/"/" at `at` (as _USERNAME reads one, with a digit, "_" or "."), or
    None."""
    if (joined := _OR_THEN.match(text, at)) is None or (token := re.match(r"[\w.]+", text[joined.end():])) is None:
        return None
    said = token.group().rstrip(".")
    if not _USERNAME.fullmatch(said) or _A_SUM_OR_COUNT.fullmatch(said):
        return None
    return ContactTold("account", joined.end(), joined.end() + len(said), said)


def _digits_of(said: str) -> str:
    return ("+" if said.lstrip("( ").startswith("+") else "") + "".join(
        _DIGIT_WORDS.get(piece.lower(), piece) for piece in re.findall(r"[^\W\d_]+|\d+", said))


# One's own, alone or ending a word of contact ("nomorku", "igku"); words() reads "sy" as "saya".
_OWN_ACCOUNTS = frozenset({"igku", "fbku", "instaku", "tiktokku"})
_OWN = frozenset({"saya", "aku", "gue", "my", "me", "mine", "ku", "nomorku", "hpku", "waku"}) | _OWN_ACCOUNTS
# Said before a number that is no phone's: an account's, a sum's; unless a word of a phone is nearer.
_NOT_A_PHONE = frozenset({"rek", "rekening", "norek", "account", "va", "rp", "uang", "duit", "rupiah", "idr",
                          "kerugian", "transfer", "saldo"})
# Said between one's own word and the number: "wa sy: 0857…", "hubungi saya di 0812…", "no hp saya yaitu 0812…",
# "hubungi sy balik di 0857…".
_BETWEEN = frozenset({"di", "ke", "yaitu", "adalah", "is", "at", "on", "nomor", "no", "nomer", "hp", "wa", "whatsapp",
                      "telepon", "telp", "number", "phone", "balik", "lewat", "via", "aja", "saja", "langsung",
                      "email", "e", "mail", "surel", "imel", "gmail", "alamat", "address", "akun", "account",
                      "username", "handle", "id", "dm", "namanya", "kali"}) | _PLATFORMS  # "kali": "x" as read
# Words after a number, an address or an account that say it is one: "0812… ini nomor saya", "budi@… itu email sy",
# "@budi_s itu akun sy".
_NAMES_A_CONTACT = frozenset({"nomor", "no", "hp", "wa", "number", "email", "mail", "surel", "imel", "akun",
                              "account"}) | _PLATFORMS
# A contact given with no "saya": "kalau perlu hubungi 0812…", "bisa dihubungi di 0812…", "cp: 0812…", "hub
# 0813…" (which the slang lexicon reads as "hubungan").
_CONTACT_ME = frozenset({"hubungi", "dihubungi", "hub", "hubungan", "cp", "kontak", "contact"})
_NAMES_A_PHONE = _CONTACT_ME | {"wa", "hp", "telp", "telepon", "phone", "whatsapp"}
# Words that say an "@" is an account's, near before it, a platform's name too (_PLATFORM_NAMED): "ig sy @budi_s",
# "hubungi sy di tiktok @…", "dm aja ke @…", "x sy @budi_s".
_NAMES_AN_ACCOUNT = _CONTACT_ME | {"akun", "account", "username", "handle", "dm", "follow"} | _OWN_ACCOUNTS
_PLATFORM_NAMED = re.compile(rf"\b{_PLATFORM}\b", re.IGNORECASE)
# Ways to say "write to me" that are also what others did ("td ada yg wa 0812…", "masuk sms 0812…"): the resident's
# only where they open the clause, alone or after a word of asking ("WA aja ke 0812…", "kalau perlu telp 0812…").
_WRITE_TO = frozenset({"wa", "whatsapp", "sms", "telp", "telepon", "tlp", "telpon", "call", "text", "email", "imel",
                       "dm"})
_ASKING_TO = frozenset({"kalau", "kalo", "klo", "perlu", "bisa", "silakan", "silahkan", "mohon", "boleh", "langsung",
                        "keterangan", "info", "informasi", "please", "just"})
# A second number of one's own, right after the first: "hub sy 0812… atau sms 0813…", "wa sy 0812… / 0856…".
_ALSO = frozenset({"atau", "or", "dan", "and", "juga", "also"})
_ALSO_AT = _ALSO | _WRITE_TO | _BETWEEN | _ASKING_TO | NEUTRAL
# Told right after that second number, it is someone else's: "atau 0857… nomor penipu", "dan 0857… juga nelpon sy".
_OTHERS_DID = frozenset({"punya", "nelpon", "menelepon", "nelepon", "ngaku", "mengaku", "nipu", "menipu", "sms",
                         "wa", "ngechat", "chat"})
# A label at a sentence's start: "HP 0812…", "No. HP: 0812…", "WA: 0857…", "Email: budi@…", "tiktok @budi…".
_LABEL = re.compile(r"(?:^|[.!?\n]\s*)(?:(?:no\.?\s*)?(?:hp|wa|telp|telepon|whatsapp|phone)|e-?mail|surel"
                    rf"|{_PLATFORM})\s*:?\s*$", re.IGNORECASE)
_CLAUSE = re.compile(r"[.,;!?\n]")
# Who else a number may be told of, before its "saya" or its word of contact: "dia WA saya 0812…", "penipu itu chat
# aku 0812…", "tulisannya hubungi 0812…", "nomor hp suami saya 0812…".
# Words of telling that end a clause before another's words: "penipunya bilang, wa sy 0812…", "tulisannya, hubungi
# sy …", "he said, call me at …".
_TELLING = frozenset({"bilang", "katanya", "kata", "tulisan", "tertulis", "nulis", "ngomong", "disuruh", "suruh",
                      "nyuruh", "pesan", "says", "said", "told", "wrote", "writes"})
_CONTACTED_BY = frozenset({"akun", "account", "nomor", "no", "nomer", "number"})  # "sy dihubungi akun/nomor …"
_OTHERS = frozenset({
    "dia", "penipu", "pelaku", "orang", "mereka", "penjual", "tersangka", "oknum", "tulisan", "iklan", "katanya",
    "bilang", "suami", "istri", "anak", "bapak", "ibu", "ayah", "adik", "kakak", "tetangga", "teman", "pacar", "mantan",
    "bos", "he", "she", "they", "scammer", "seller", "someone", "husband", "wife", "son", "daughter", "friend",
    "neighbour", "says", "said", "disuruh", "suruh", "diminta", "nyuruh",
})  # fmt: skip
TITLE_CASE = 0.7  # the share of capitalised words past which capitals tell no name
_NUMBER_NEAR_A_NAME = 30  # characters between a name told and a number told with it ("Dewi Lestari no hp 0812…")


# An account's holder ("transfer ke rekening BRI a.n. Slamet", "akun dana an. Budi"): the name is another's, and
# evidence, however the "a.n." that signs a letter is the writer's.
_ACCOUNT = re.compile(r"\b(?:rekening|rek|norek|akun|account|bri|bca|bni|mandiri|btn|bsi|cimb|danamon|permata|"
                      r"dana|ovo|gopay|shopeepay|linkaja|transfer|tf|trf)\b", re.IGNORECASE)
_ACCOUNT_WITHIN = 40  # characters before the "a.n." its account is named in
_AN = re.compile(r"a\.\s?n\.", re.IGNORECASE)
_SIGNING = re.compile(r"[.!?\n]|\b(?:saya|sy|aku|hormat|pelapor)\b", re.IGNORECASE)  # between account and "a.n.""


def _an_account_holder(text: str, said: re.Match[str]) -> bool:
    """Whether an "a.n." (not "nama saya") follows an account named just before it, in the same sentence and not
    after the writer's own word ("…rekening BCA 123456. Hormat saya, a.n. Sri" signs the letter)."""
    before = text[max(0, said.start() - _ACCOUNT_WITHIN):said.start()]
    accounts = list(_ACCOUNT.finditer(before))  # the one named last before the "a.n." is its account
    return _AN.match(said.group(0)) is not None and bool(accounts) and not _SIGNING.search(before[accounts[-1].end():])


def name_said(text: str) -> str | None:
    """The name the resident gives as their name in the text ("nama saya Budi Santoso"), as written; None."""
    for said in _NAME_IN_STORY.finditer(text):
        if not _an_account_holder(text, said) and (name := _as_a_name(said["name"].split())):
            return name
    return None


def names_told(text: str) -> list[str]:
    """The names the resident introduces themselves by in the text, as written; in lower case when written in
    capitals ("SAYA HADI MAU LAPOR"), where capitals tell no name (unexposed hides them in any case)."""
    letters = "".join(re.findall(r"[^\W\d_]", text))
    if len(letters) > 1 and letters.isupper():
        return _names_told(text.lower())
    return _names_told(text)


def _names_told(text: str) -> list[str]:
    found = [name for said in _NAME_IN_STORY.finditer(text)
             if not _an_account_holder(text, said) and (name := _as_a_name(said["name"].split()))]
    letters = re.findall(r"[^\W\d_]+", text)
    title_case = sum(word[0].isupper() for word in letters) > TITLE_CASE * len(letters)  # "Saya Kehilangan Motor"
    if not title_case:
        for said in _SELF_THEN_NAME.finditer(text):
            name = _as_a_name(said["name"].split())
            titled = said["title"] or said["title2"]
            # "I am Hadi, my bike was stolen": one name, opening the message before a comma ("I am Scared, …": none)
            introduced = said["english"] and " " not in name and not words(text[:said.start()]) \
                and text[said.end():].lstrip().startswith(",") and not _ENGLISH_STATE.search(name.lower())
            if name and (titled or " " in name or introduced or not (said["english"] or is_ordinary(name.lower()))) \
                    and not _ROLES & set(words(name)):  # "Dengan Kapolsek disini?"
                found.append(name)
        found += [name for said in _THIS_IS_THE_REPORTER.finditer(text) if (name := _as_a_name(said["name"].split()))]
        found += [said["name"] for said in _TITLED_OPENING.finditer(text)
                  if all(_may_be_a_name(word) and normalise(word) not in _NAME_ENDS | ABOUT_A_NAME | _TITLES
                         for word in said["name"].split())]
        found += [name for said in _NAME_HERE.finditer(text)
                  if (name := _as_a_name((said["name"] or said["name2"]).split()))
                  and (" " in name or not is_ordinary(name.lower()) or normalise(name) in _GIVEN_NAMES_LIKE_WORDS
                       or (said["with"] and _may_be_a_name(name)))]  # "dengan Rudi disini": as on the phone
        found += [said["name"] for said in _SELF_THEN_ONE_NAME.finditer(text)
                  if normalise(said["name"]) not in _NAME_ENDS | ABOUT_A_NAME | _NOT_ONE_NAME
                  and not _affixed(said["name"].lower())  # "sy Kehilangan, …" is no name
                  and (said["going_on"] is None  # with no comma, a word that may be a name: not "Saya Cuma mau…"
                       or (normalise(said["going_on"]) in _GOING_ON_AFTER_A_NAME | _INTRODUCTION_GOES_ON
                           and _may_be_a_name(said["name"])))]
    for said in _NAME_IN_STORY.finditer(text):
        taken = said["name"].split()
        if not _an_account_holder(text, said) and (name := _lower_case_name(taken) or _one_given_name(taken)):
            found.append(name)
    for said in _SIGNED.finditer(text):
        capitalised = said["name"][0].isupper()
        if all(_may_be_a_name(word) for word in said["name"].split()[(1 if said["name"].split()[0].lower()
                                                                       in _TITLES else 0):]) \
                and (name := _as_a_name(said["name"].split()) if capitalised else _signed_in_lower_case(text, said)):
            found.append(name)
    found += _signed_off(text)
    for said in _SELF_THEN_ONE_WORD.finditer(text):
        word = said["name"] or said["name2"]
        # opening the message, a name and a comma go on with the story itself: "aku hadi, motor ku ilang"
        opening = bool(said["comma"]) and not words(text[:said.start()]) and (
            not said["english"] or not _ENGLISH_STATE.search(word))
        if normalise(word) not in _NAME_ENDS | ABOUT_A_NAME | _NOT_ONE_NAME and not _affixed(word) \
                and _may_be_a_name(word) \
                and (said["name2"] or opening or (not said["english"] and normalise(said["after"]) in (
                    _GOING_ON_AFTER_A_NAME if said["comma"] else _INTRODUCTION_GOES_ON))
                     or (said["title"] and re.fullmatch(_WHO_ONE_IS, said["after"]))):
            found.append(word)
    for said in _SELF_THEN_TWO_WORDS.finditer(text):
        after = (said["after"] or "").strip()
        name = _lower_case_name(said["name"].split())
        if name == " ".join(said["name"].split()) and normalise(after) in _AFTER_AN_INTRODUCTION:
            found.append(name)
    return list(dict.fromkeys(found))


# How one is, said after "I am" and a comma: "i am scared, …", "i'm sorry, …", "i am home, …"; no name.
_ENGLISH_STATE = re.compile(r"(?:ed|ing|ly|ful|ous|ive|able|ible|ry|ay|ne|re|ere|ome|ost|ure|ick)$"
                            r"|^(?:afraid|alone|here|home|ok|okay|fine|lost|not|so|very|sad|mad|new|old|ill|sick|back"
                            r"|just|still|now|also|a|an|the|from|at|in|on|with|glad|calm|safe|well|done|out|up)$")


# Oneself opening a sentence, then two words and what follows them: "sy budi santoso dr bendogerit, hp sy dicopet",
# "sy rizky pratama, tinggal di gedog" (_lower_case_name).
_SELF_THEN_TWO_WORDS = re.compile(r"(?:^|[.,!?;:\n]\s*)(?i:saya|sy|aku|gue|gw)\s*,?\s+"
                                  r"(?P<name>[^\W\d_]+\s+[^\W\d_]+)(?P<after>\s*,?\s*[^\W\d_]+)?")
# What follows a name one introduces oneself by, with no "nama": "sy budi santoso dari…", "…warga sentul".
_AFTER_AN_INTRODUCTION = frozenset({"dari", "warga", "tinggal", "alamat", "umur", "usia", "asal", "rt", "rw",
                                    "domisili", "from"}) | _INTRODUCTION_GOES_ON
_LAUGHING = re.compile(r"(?:wk|ha|he|hi|xi)+|otw|btw")


# Who one is by role, not by name: "Hormat saya, Ketua RT 03", "hormat sy, pelaku …", "Dengan Kapolsek disini?".
_ROLES = frozenset({"rt", "rw", "ketua", "wakil", "kepala", "sekretaris", "bendahara", "pengurus", "panitia",
                    "kapolsek", "kapolres", "kanit", "kades", "lurah", "camat", "pelaku", "saksi", "korban", "warga",
                    "petugas", "polisi", "satpam", "admin", "tim", "keluarga", "pelapor"})


# The shortest root an affixed word is read down to: "ditangkap" is "tangkap", "bantuannya" "bantu"; a root shorter is
# a name's letters, not an affix ("Hadi" is no "had" with "-i", "Dimas" no "mas" with "di-", "Tini" no "tin").
_SHORTEST_AFFIXED_ROOT = 4


def _affixed(word: str) -> bool:
    """Whether a word (in lower case) is a root with affixes, a word of the story and no name."""
    root = stem(word)
    return root != word and len(root) >= _SHORTEST_AFFIXED_ROOT


def _may_be_a_name(word: str) -> bool:
    """Whether a word could be someone's name: a given name that is also a word, or no word of the language (no
    everyday word, no slang spelt out, no spoken verb such as "nemu"), and no role."""
    said = normalise(word)
    if said in _ROLES:
        return False
    if {said, word.lower()} & _GIVEN_NAMES_LIKE_WORDS:  # as written too: "slamet", which normalise reads "selamat"
        return True
    return not (is_ordinary(said) or said in SLANG_MEANINGS or spoken_root(said) or _spoken_on_t_or_p(said))


def _spoken_on_t_or_p(word: str) -> bool:
    """A spoken verb made on a root in t or p ("nemu": temu, "nulis": tulis, "mukul": pukul)."""
    return len(word) >= 4 and ((word[0] == "n" and is_ordinary("t" + word[1:]))
                               or (word[0] == "m" and is_ordinary("p" + word[1:])))


def _signed_in_lower_case(text: str, said: re.Match[str]) -> str:
    """The name a letter is signed with in lower case, after a comma or a new line and closing its line ("hormat sy,
    dewi lestari"); not "hormat sy kpd bapak2 polisi"."""
    rest_of_line = text[said.end():].split("\n", 1)[0].strip(" .!")
    if not re.search(r"[,\n]", text[said.start():said.start("name")]) or rest_of_line:
        return ""
    taken = said["name"].split()
    return " ".join(taken) if all(word.islower() and not set(words(word)) & (_NAME_ENDS | ABOUT_A_NAME | _CLOSINGS)
                                  and not set(words(word)) <= NEUTRAL for word in taken) else ""


_CLOSINGS = frozenset({"terima", "kasih", "makasih", "terimakasih", "thanks", "tks", "thx", "tq", "salam", "wassalam",
                       "wassalamualaikum", "wassalamu", "alaikum"})

# A letter's closing, then the name it is signed with closing its line, a number after it if any: "Wassalamualaikum
# wr wb, Bambang Hermanto", "Salam hormat, Sri Rahayu", "Terima kasih.\nHendra Gunawan", "Best regards,\nJohn
# Smith", "ttd Budi Santoso", "dari warga, Budi". A thanks or a "salam" is followed by a comma or a new line before
# a name ("salam kenal" is no signature), and by no title ("Terima kasih, Pak Budi" thanks an officer).
_THANKS = (r"terima\s*kasih|trima\s*kasih|makasih|matur\s+nuwun|trims|tks|thx|thanks|thank\s+you|many\s+thanks|cheers"
           r"|salam")
_SIGNING_OFF = (r"wassalam(?:u['’]?\s*alaikum|ualaikum|mualaikum)?(?:[\s,]+wr\.?[\s,]*wb\.?)?"
                r"|salam\s+(?:hormat|hangat|sejahtera|kami|saya|sy)|hormat\s+(?:saya|sy|kami|aku)"
                r"|(?:(?:best|kind|warm|warmest)\s+)?regards|sincerely|yours\s+(?:sincerely|truly|faithfully)"
                r"|ttd\.?|tertanda|dari\s+(?:warga|saya|sy|aku)")
# A dash before the name on the message's last line, after a sentence ends: "…tolong ditindak.\n- Hadi Sutrisno". A
# role or a home may follow the name after a comma: "Hormat saya, Hadi Sutrisno, ketua RT 3".
_DASH = r"(?:(?<=^)|(?<=\n)|(?<=[.!?]))[ \t]*[-–—~]+"
_SIGNED_OFF = re.compile(rf"(?:(?<!\w)(?i:(?P<closing>{_SIGNING_OFF})|(?P<thanks>{_THANKS}))(?!\w)|(?P<dash>{_DASH}))"
                         rf"(?P<sep>[^\w]*)(?P<title>{_TITLE})?(?P<name>[^\W\d_]+(?:[ \t]+[^\W\d_]+){{0,2}})"
                         rf"(?:[ \t]*,[ \t]*{_WHO_ONE_IS}\b[^\n]*)?"
                         r"[^\w\n]*(?:[+\d][\d \t().+-]*)?(?=\n|$)")
# A verb made of a word, no name: "Segera Ditindaklanjuti", "mohon diproses".
_A_VERB_FORM = re.compile(r"(?:di|me[mny]?|meng|ber|ter)[a-z]{4,}(?:kan|i)")


def _signed_off(text: str) -> list[str]:
    """The names a message is signed with after a letter's closing or a dash (_SIGNED_OFF): after a title, in capitals
    two or three words, one word alone after a closing or a dash, or one that may be a name; in lower case, one of
    them at least may be a name. None a word of the story, a role, a title, an affixed word ("Terima kasih, Semoga
    Cepat Ditangkap"), a form of address."""
    found = []
    for said in _SIGNED_OFF.finditer(text):
        if said["thanks"] and (said["title"] or not re.search(r"[,.:\n-]", said["sep"])):
            continue
        if said["dash"] and (text[said.end():].strip() or text[:said.start()].rstrip().endswith(":")
                             or re.search(r"(?:^|\n)[ \t]*[-–—~]", text[:said.start()])
                             or _lists_things(text[:said.start()].rstrip().rsplit("\n", 1)[-1])):
            continue  # a dash not on the last line, or a list's: "Hilang:\n- Dompet Coklat", "- HP\n- Dompet Coklat"
        taken = said["name"].split()
        plain = [normalise(word) for word in taken]
        if any(word in _NAME_ENDS | ABOUT_A_NAME | _CLOSINGS | _ROLES | _TITLES | NEUTRAL or word in ENGLISH_GRAMMAR
               or _affixed(word) or _A_VERB_FORM.fullmatch(word) for word in plain):
            continue
        # one word after a letter's closing (a "salam" too, not a thanks) is a name however common a word it is
        # ("Wassalamualaikum, Hadi", "salam, tini")
        signs = bool(said["closing"] or said["dash"]) or said["thanks"].lower() == "salam"
        if said["title"] or (len(taken) >= 2 and all(word[0].isupper() for word in taken)) \
                or any(map(_may_be_a_name, plain)) or (len(taken) == 1 and signs):
            found.append(said["name"])
    return found


_LISTED = 3  # words at most of each part of a list a line runs: "yg ilang hp, kunci motor"
_SAID_TO_OFFICERS = frozenset({"tolong", "mohon", "terima", "kasih", "please", "thanks", "thank"})


def _lists_things(line: str) -> bool:
    """Whether the line before a dash introduces or runs a list the dash goes on with ("barang yg hilang: tv, laptop",
    "yg ilang hp, kunci motor"), not a sentence a name signs ("ada balap liar tiap malam minggu.", "…, tolong
    dibantu")."""
    if ":" in line:
        return True
    parts = line.split(",")
    return len(parts) > 1 and not line.endswith((".", "!", "?")) and not _SAID_TO_OFFICERS & set(words(line)) \
        and all(len(part.split()) <= _LISTED for part in parts)


def _lower_case_name(said: list[str]) -> str:
    """A name written in lower case: two or three words up to where the story goes on, the first no affixed word
    ("ditipu"), the last no word of the lexicon, a family name ("nama sy dewi rahayuningsih"). With no "nama", two
    words only, before what follows an introduction (_SELF_THEN_TWO_WORDS): "sy liat mobil avanza dari arah selatan"
    is no name. One word, or words of the lexicon alone ("nama sy budi"), cannot be told from the story."""
    taken: list[str] = []
    for word in said[:3]:
        if not word.isalpha() or not word.islower() or normalise(word) in _NAME_ENDS | ABOUT_A_NAME \
                or word in ENGLISH_GRAMMAR or _LAUGHING.fullmatch(word):
            break
        taken.append(word)
    return " ".join(taken) if len(taken) >= 2 and not is_ordinary(taken[-1]) and not _affixed(taken[0]) else ""


def _one_given_name(said: list[str]) -> str:
    """One word in lower case said as one's name, that may be a name and ends the name: "nama sy hadi", "nama sy
    dewi, mau lapor", "nama sy budi mau lapor"; not "nama sy dicatut", "nama sy jangan disebut"."""
    word = said[0]
    if not word.isalpha() or not word.islower() or _affixed(word) or not _may_be_a_name(word) \
            or normalise(word) in _NAME_ENDS | ABOUT_A_NAME | _TITLES or word in ENGLISH_GRAMMAR:
        return ""
    return word if len(said) == 1 or normalise(said[1]) in _NAME_ENDS else ""


def _as_a_name(said: list[str]) -> str:
    """The words of a name, up to where the story goes on: a word of the story, or one written in lower case that
    is an ordinary word ("nama saya dicatut orang", "my name is on the contract"). A name written in lower case
    and in the lexicon ("nama sy budi") cannot be told from the story, and is left."""
    taken: list[str] = []
    while said and normalise(said[0]).strip(".") in _TITLES:  # "perkenalkan sy Bu Dewi": the title is no name
        said = said[1:]
    for word in said:
        plain = normalise(word)
        if plain in _NAME_ENDS or plain in ABOUT_A_NAME or plain in ENGLISH_GRAMMAR \
                or (not word[0].isupper() and is_ordinary(word.lower())):
            break
        taken.append(word)
    name = " ".join(taken).strip(" .,!'’")
    return name if len(name) >= 2 else ""


# Given names that are also words, said alone before "disini": "Dewi disini pak".
_GIVEN_NAMES_LIKE_WORDS = frozenset({
    "dewi", "indah", "intan", "bunga", "mawar", "melati", "bayu", "putri", "putra", "cahya", "sinta", "ratna", "mulia",
    "agung", "budi", "bagus", "eka", "dwi", "tri", "rudi", "agus", "sri", "lestari", "slamet", "nanda", "hadi", "adi",
    "ardi", "rahmat", "imam", "teguh", "wahyu", "bambang", "kusuma", "budiman", "maman", "ani", "dimas", "ayu", "ali",
    "amir", "arif", "aris", "asih", "dian", "fitri", "gilang", "hana", "ilham", "indra", "laksmi", "rahayu", "rani",
    "rini", "siti", "surya", "tanti", "tika", "wulan", "mahmud", "citra", "fajar", "yoga", "satria", "sekar",
})  # fmt: skip
_TITLES = frozenset({"pak", "bu", "bapak", "ibu", "mas", "mbak", "mba", "kak", "mr", "mrs", "ms"})
# A national identity number (NIK, 16 digits) or a KTP's, told as one's own: "nik sy 3572…", "no ktp: 3572…".
_SIXTEEN_DIGITS = r"(?<![\d.-])\d{4}[\s.-]?\d{4}[\s.-]?\d{4}[\s.-]?\d{4}(?![\d.-])"
_ID_LABEL = r"\b(?:nik|ktp|kk|nomor\s+induk|kartu\s+keluarga)\b"
_ID_NUMBER = re.compile(rf"{_ID_LABEL}(?P<whose>[^\d\n]{{0,20}}?)(?P<number>{_SIXTEEN_DIGITS})"
                        rf"|(?P<number2>{_SIXTEEN_DIGITS})(?P<whose2>[^\d\n]{{0,12}}?){_ID_LABEL}", re.IGNORECASE)


def own_id_numbers(text: str) -> list[str]:
    """The identity numbers (NIK, KK) the resident gives as their own, however spaced ("nik sy 3572 0345 …",
    "3572… itu nik sy"); not one told of someone else ("nik pelakunya…", "penipunya ngasih nik 3572…")."""
    found = []
    for said in _ID_NUMBER.finditer(text):
        whose = words(said["whose"] or said["whose2"] or "") + words(text[max(0, said.start() - 30):said.start()])[-4:]
        if not {word.removesuffix("nya") for word in whose} & _OTHERS \
                and not any(word.endswith("nya") for word in words(said["whose"] or said["whose2"] or "")):
            found.append(said["number"] or said["number2"])
    return found


def own_contacts(text: str, names: list[str]) -> list[ContactTold]:
    """The phone numbers, e-mail addresses and accounts told as the resident's own: right after "saya"/"my" and words of
    contact ("wa sy 0857…", "hubungi saya di 0812…", "email sy budi@…"), after a word of contact or a label alone
    ("cp: 0812…", "HP 0812…"), or beside a name they told ("nama sy Dewi Lestari no hp 0812…", "wa 0812… a.n. Sri
    Wahyuni"); not one told of someone else ("saya ditelpon 0812…", "dia WA saya 0812…", "nomor penipunya 0812…",
    "nomor hp suami saya 0812…", "penipunya pake email cs@…", "sy beli di ig @olshop…")."""
    found: list[ContactTold] = []
    last_end = 0  # where the last of the resident's own contacts ends
    before = 0  # where the last contact of any kind ends: whose words before this one are read from there on
    for number in contacts_told(text):
        window = text[max(before, number.start - 80):number.start]
        said = words(window)  # not "nomor penipu 0812…" for "nomor sy"
        before = number.end
        near = words(_CLAUSE.split(text[:number.start])[-1])[-3:]  # in its own clause: not "transfer, wa sy 81…"
        if number.digits.startswith("8") and _NOT_A_PHONE & set(near) and not _NAMES_A_PHONE & set(near):
            continue  # "no rek sy 8720123456", "uang sy rp 85000000": an account or a sum, its 0 never left out
        between = []
        while said and said[-1] in _BETWEEN:
            between.append(said.pop())
        whose = [word.removesuffix("nya") for word in said[_whose_from(window, said):-1]]
        # "akun yg ngancem sy: @…", "dia ngancem sy lewat @…", "threatened me on ig @…": "saya" is whom the one
        # told of did it to; "sy dihubungi akun @…": by whom
        done_to_me = bool(said) and said[-1] in _OWN and ("yang" in whose or _done_to(said))
        contacted_by = bool(said) and said[-1] == "dihubungi" and bool(between) and between[-1] in _CONTACTED_BY
        told_of_others = bool(_OTHERS & set(whose)) or done_to_me or contacted_by
        wrote_to = "ke" in between and bool(_WRITE_TO & set(between))  # "sy wa ke 0812…": the resident wrote to it
        mine = bool(said) and (said[-1] in _OWN or said[-1] in _CONTACT_ME) and not told_of_others and not wrote_to
        clause = words(_CLAUSE.split(text[:number.start])[-1])
        while clause and clause[-1] in _BETWEEN - _WRITE_TO:
            clause.pop()
        asked = bool(clause) and clause[-1] in _WRITE_TO and set(clause[:-1]) <= _ASKING_TO | NEUTRAL
        labelled = _LABEL.search(text[:number.start]) is not None
        tail = text[number.end:number.end + 40]
        # "0812-3456-7890 ini nomor saya pak", "0812…, ini nomor sy"; not "… nomor sy 0857…", nor "nomor pelaku 0857…,
        # hp sy dijambret"
        after = words(tail)[:4]
        named_after = bool(_OWN & set(after)) and bool(_NAMES_A_CONTACT & set(after)) \
            and not _OTHERS & set(after) and not contacts_told(tail) \
            and not _OTHERS & {word.removesuffix("nya") for word in near} \
            and after[:1] not in (["ke"], ["dari"], ["untuk"], ["buat"], ["to"], ["from"])
        gap = text[last_end:number.start]
        also = bool(found) and set(words(gap)) <= _ALSO_AT and bool(_ALSO & set(words(gap)) or "/" in gap) \
            and not {word.removesuffix("nya") for word in after} & (_OTHERS | _OTHERS_DID)
        leading = " ".join(text[:number.start].split()[-4:])  # the words just before it, as written
        if number.said.startswith("@") and not (labelled or named_after or also) \
                and not (_NAMES_AN_ACCOUNT & set(words(leading)) or _PLATFORM_NAMED.search(leading)):
            continue  # "@" for "at": "sy lg @kantor", not "ig sy @budi_s"
        if mine or asked or labelled or named_after or also or _beside_a_name(text, number, names):
            found.append(number)
            last_end = number.end
    return found


def _whose_from(window: str, said: list[str]) -> int:
    """Where in `said` (the words of `window`, up to one's own word or a word of contact, its last) the words that
    may tell whose it is begin: the three before it, and, before "saya"/"my", only in its own clause, as "hubungi
    sy" and "my number" ask for one's own whatever an earlier sentence told ("pelakunya kabur. hubungi sy 0812…"),
    unless that clause ends in another's words ("penipunya bilang, wa sy 0812…"). A bare "hubungi 0812…" reads
    across: "iklannya ada tulisan. hubungi 0812…" is the advert's."""
    start = max(0, len(said) - 4)
    if not said or said[-1] not in _OWN:
        return start
    clauses = [len(words(clause)) for clause in _CLAUSE.split(window)]
    if sum(clauses) != len(words(window)):
        return start  # the clauses read apart are not the window's words: read it whole
    begins = 0
    for count in clauses:
        if begins + count >= len(said):
            break
        begins += count
    if begins and said[begins - 1].removesuffix("nya") in _TELLING:
        begins -= 1
    return max(start, begins)


# What one tells another did to one, the verb's roots: "ngancem sy", "nipu sy", "neror sy", "mukulin sy", "meras
# sy"; not a way to reach one ("hubungi sy", "telp sy", "bisa menghubungi saya").
_HARMS = frozenset({"ancam", "tipu", "teror", "peras", "palak", "leceh", "hina", "maki", "fitnah", "kuntit",
                    "intimidasi", "ganggu", "tagih", "bully", "goda", "kejar", "pukul", "aniaya", "culik", "bohong",
                    "kibul", "bentak", "serang", "intai", "buntut", "ejek", "tampar", "porot", "tuduh", "spam",
                    "hack", "retas", "rayu", "incar", "sekap", "paksa"})
# An English verb in the past or going on before "me": "threatened me on ig @…", "kept calling me at 0812…"; "contact
# me at …", "call me on …" ask.
_ENGLISH_DONE = re.compile(r"[a-z]{2,}(?:ed|ing)")


def _done_to(said: list[str]) -> bool:
    """Whether the words `said` end in a verb and "saya"/"me", what someone did to the resident ("ngancem sy",
    "nipu sy", "meneror saya", "threatened me"), the verb read by its root, spoken too ("nipu": tipu, "mukulin":
    pukul)."""
    if len(said) < 2:  # no verb before "saya"
        return False
    verb, own = said[-2:]
    base = verb.removesuffix("in")
    roots = {verb, stem(verb), spoken_root(verb), base.removeprefix("nge"),
             {"n": "t", "m": "p"}.get(base[:1], "") + base[1:]}
    return bool(roots & _HARMS) or (own == "me" and _ENGLISH_DONE.fullmatch(verb) is not None)


def _beside_a_name(text: str, number: ContactTold, names: list[str]) -> bool:
    for name in names:
        at = text.find(name)
        if at < 0:
            continue
        between = text[at + len(name):number.start] if at < number.start else text[number.end:at]
        if len(between) <= _NUMBER_NEAR_A_NAME and not _OTHERS & {w.removesuffix("nya") for w in words(between)}:
            return True
    return False
