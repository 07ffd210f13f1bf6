"""What a message asks for: at the menu (to report, how to, thanks, the police number…), the category of an
incident it names, whether it tells a whole story, asides in the middle of a report ("makasih pak", "terus
gimana?") and corrections at any step ("eh salah, maksudnya narkoba")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from itertools import dropwhile
from typing import Literal

from handlers.choices import number_said
from handlers.i18n import LANGUAGES, aliases, catalogue
from handlers.language.answers import ASKING, GREETING_PHRASES, NEUTRAL, NO, without_all_right, yes_or_no
from handlers.language.emergency import (
    DREAMS,
    FEAR,
    THEFT_STEMS,
    THIEVES,
    THREAT_WORDS,
    a_life_taken,
    a_thing_threatens,
    dreamt_left_out,
    found_child,
    is_cry_for_help,
    life_at_risk_now,
    missing_one_asked_after,
    missing_person,
    self_harm,
    vermin_killed,
)
from handlers.language.normalise import (
    MAX_STEMMED,
    any_phrase,
    normalise,
    phrase_at,
    phrase_words,
    phrases_found,
    spelt_out,
    stems_of,
    words,
)
from handlers.language.slots import DATE_WORDS, DAY_WORDS, MONTHS, REPORTING, TIME_WORDS, when_asked_back, when_named
from handlers.text import letters_and_digits
from storage.lexicon import stem
from storage.reports import find_ref, without_ref

# Stems of what happened, by category (the catalogue's aliases are read too). A story names its incident
# in these words far more often than by the category's label. Not "bandar": it names places (Bandar Lampung)
# and gambling hosts as often as drug dealers.
INCIDENT_STEMS: dict[str, frozenset[str]] = {
    "security": frozenset({
        "curi", "maling", "begal", "jambret", "rampok", "copet", "tipu", "aniaya", "keroyok", "palak", "preman",
        "bobol", "rampas", "todong", "bacok", "tusuk", "culik", "perkosa", "cabul", "leceh", "ancam", "peras",
        "judi", "golok", "parang", "celurit", "pisau", "senjata", "pistol", "curanmor", "hilang", "gasak",
        "gondol", "colong", "congkel", "pukul", "gebuk", "hajar", "tendang", "tampar", "tawur", "berantem", "kelahi",
        "amuk", "bunuh", "sandera", "theft", "stolen", "steal", "thief", "robbery", "robbed", "burglary", "burglar",
        "mugged", "scam", "fraud", "assault", "knife", "gun", "stab", "stabbed", "fight", "attacked", "beaten",
        "gendam", "hipnotis", "nyuri", "nyolong", "nyopet", "scammed", "cheated", "bully", "mencuri", "pencuri",
        "ngancem", "ngancam", "ngancemin", "ngancamin", "ngebacok", "nusuk", "ngerampas",
        # Jakartan actives the stemmer leaves whole: "ada yg lg ngejambret di lampu merah" is no traffic
        "ngejambret", "jambretin", "nyopetin", "ngebegal", "ngerampok", "ngerampokin", "snatching", "robbing",
        "kdrt", "kekerasan", "violence", "abuse", "abused", "stole", "grabbed", "punched", "punch", "kicked",
        "slapped", "groped", "molested", "dipukulin", "mukulin", "digebukin", "cekik", "nyekik", "strangled",
        # a blow told in the plain present, as it is struck: "ada yg nyerang bapak sy", "someone attacks my mom"
        "serang", "tonjok", "nonjok", "jambak", "njambak", "timpuk", "attacks", "attacking", "assaults",
        "assaulting", "punches", "punching", "slaps", "slapping",
        "following", "followed", "stalking", "stalker", "harassed", "harassment", "threatened", "threatening",
        "snatched", "snatch", "snatcher", "pickpocketed", "pickpocket", "pickpocketing", "burgled", "looted",
        "vandalised", "vandalized", "vandalism", "extortion", "leungit", "dipaling", "dijabret",
        "modus",
        # someone seen about the place who should not be: "org mencurigakan", "ngintip ke rumah"
        "mencurigakan", "intip", "ngintip", "suspicious", "prowler", "lurking", "loitering", "jahat",
        "stealing", "steals", "nodong", "seret", "kepung", "bius", "drugged", "arit",
        # catcalled, followed home: "td sy digodain cowo2 di halte trus diikutin sampe gang"
        "godain", "digodain", "digodai", "diikutin", "dikuntit", "dibuntuti", "catcalled",
        "membuntuti", "nguntit", "menguntit", "stalked",
        "trafficking", "tppo",
        # British and American slang for stealing: "my bike got nicked outside my kos"
        "nicked", "swiped", "nabbed", "jacked", "carjacked", "shoplifted", "shoplifting", "shoplifter",
        # the English of the words above, so that a cry in either language is filed alike ("ada yg diculik" and
        # "someone was kidnapped", "ada org bawa golok" and "a man with a machete")
        "kidnapped", "kidnap", "kidnapping", "abducted", "abduction", "machete", "machetes", "knives", "rape", "raped",
        "robber", "robbers", "mugging", "strangling", "peeping", "peeking", "dragged", "dragging",
        # a fight told in English as "berantem" is in Indonesian: "some blokes were fighting outside the pub"
        "fighting", "fights", "fought", "brawl", "brawling", "brawled", "fistfight", "scuffle", "scuffling",
    }),
    "unsafe_place": frozenset({"rawan", "gelap", "sepi", "nongkrong", "geng", "angker", "unsafe", "dark"}),
    "traffic": frozenset({
        "kecelakaan", "celaka", "tabrak", "tabrakan", "macet", "lalin", "balap", "parkir", "ugal", "knalpot",
        "tilang", "serempet", "lampu", "trotoar", "accident", "crash", "traffic", "speeding", "parking", "ugal2an",
        "motorbike", "motorcycle", "car", "truck", "racing", "racers", "reckless",
        "ugalan", "ngebut", "angkot", "truk", "nabrak", "nabrakin", "nyerempet", "nyenggol", "senggol",
    }),
    "social": frozenset({
        "tetangga", "ribut", "berisik", "bising", "cekcok", "konflik", "sengketa", "warisan", "karaoke",
        "musik", "mabuk", "mabok", "miras", "sampah", "noise", "noisy", "neighbour", "neighbor", "dispute", "drunk",
        "neighbours", "neighbors", "music", "loud",
    }),
    "drugs": frozenset({
        "narkoba", "narkotika", "sabu", "nyabu", "ganja", "ekstasi", "inex", "putaw", "tramadol", "ngelem",
        "pil", "obat", "drug", "drugs", "weed", "meth", "dealer", "pengedar", "edar",
    }),
    # What else residents bring to a Polsek: disasters, a road blocked (a road broken is traffic's), a body found, a
    # person or an animal out of control, a public nuisance. Filed as "other" unless a category's own word says more.
    "other": frozenset({
        "saran", "usul", "aspirasi", "pungli", "suggestion", "banjir", "longsor", "tumbang", "roboh", "ambruk",
        "runtuh", "gempa", "beliung", "hanyut", "tenggelam", "genang", "rendam", "luap", "putus", "rusak", "retak",
        "lubang", "padam", "mogok", "tumpah", "pecah", "bocor", "mayat", "jenazah", "odgj", "ngamuk", "kesurupan",
        "ular", "buaya", "gigit", "limbah", "cemar", "petasan", "demo", "blokir", "api", "asap", "bakar", "elpiji",
        "lpg", "flood", "fire", "burning", "smoke",
        "flooded", "landslide", "fallen", "collapsed", "blocked", "pothole", "body", "snake", "bitten", "pollution",
        # a tree down ("I fell off my motorbike" is traffic's; a tree that fell, see category_named)
        "tree", "trees", "uprooted", "toppled",
    }),
}

REPORT_WORDS = frozenset({"lapor", "adu", "report", "complain", "complaint", "laporan", "melapor", "ngadu"})
# "Lapor" wanted: the word opens the message ("lapor pak") or follows a word of wanting ("sy mau lapor").
WANT_WORDS = frozenset({"mau", "ingin", "pengin", "pingin", "mo", "want", "like", "need", "perlu", "bikin", "buat",
                        "minta", "make", "permisi", "izin", "boleh", "bisa", "can", "to", "a", "saya", "sy",
                        # Javanese and Sundanese the lexicon does not spell out: "kulo bade lapor", "kulo ajeng
                        # lapor", "aku arep lapor", "abdi hoyong lapor"
                        "bade", "ajeng", "arep", "hoyong"})
HOW_WORDS = frozenset({"bagaimana", "cara", "caranya", "how", "gimana", "prosedur", "langkah", "ngapain"})
# "What now": a question of how to go on, with no word of "how" in it.
HOW_PHRASES = ("what now", "now what", "what next", "what s next", "whats next", "what happens next",
               "what happens now", "what will happen", "what should i do", "what do i do", "do i need to",
               "selanjutnya apa",
               "terus apa", "lalu apa", "habis ini apa", "harus apa", "apa yang harus", "maksudnya apa")
THANKS_PHRASES = ("terima kasih", "thanks", "thank you", "nuhun", "hatur nuhun", "matur nuwun", "suwun",
                  "tengkyu", "makasih", "tq", "tks", "emoji_melipat_tangan", "alhamdulillah", "thx", "terimakasih",
                  "maturnuwun", "maturnuhun", "matur suwun", "kamsia", "thank", "makasi")
NUMBER_WORDS = frozenset({"nomor", "no", "telepon", "telpon", "nomer", "kontak", "hotline", "number", "call",
                          "phone", "hubungi", "wa", "whatsapp"})
POLICE_WORDS = frozenset({"polisi", "polsek", "polres", "police", "110", "darurat", "emergency", "polri"})
# Asking how a report is getting on: "cek LP-…", "gimana laporan LP-…", "status laporan saya", "my reports".
REPORT_NOUNS = frozenset({"laporan", "laporannya", "laporanku", "laporane", "aduan", "pengaduan", "report", "reports",
                          "tiket", "ticket"})
OWN_WORDS = frozenset({"saya", "aku", "ku", "kami", "my", "mine", "our"})
STATUS_WORDS = REPORT_NOUNS | OWN_WORDS | frozenset({
    "status", "statusnya", "cek", "check", "lihat", "liat", "kabar", "kabarnya", "perkembangan", "perkembangannya",
    "progress", "update", "bagaimana", "mana", "sampai", "sejauh", "apa", "berapa", "nomor", "no", "semua",
    "daftar", "list", "sudah", "diproses", "proses", "ditindaklanjuti", "tindak", "lanjut", "of", "on", "what",
    "how", "is", "are", "about", "with", "the", "all", "show", "me", "mau", "ingin", "minta", "tolong", "dong", "ya",
    "lapor",  # "LP", as the slang lexicon spells it, when the reference is typed apart from it
    "any", "news", "updates", "yet", "has", "have", "been", "there", "piye", "pripun", "kepriye",
    "other", "previous", "earlier", "lain", "sebelumnya", "hang", "hold", "wait",  # "hang on, ... my other report?"
})
# Words that ask how a report is going, and how many words besides a question after one's reports may hold.
ASKING_AFTER = frozenset({"status", "statusnya", "cek", "check", "kabar", "kabarnya", "perkembangan", "berapa",
                          "lupa", "forgot", "where",
                          "perkembangannya", "progress", "update", "bagaimana", "mana", "sejauh", "diproses",
                          "ditindaklanjuti", "ditanggapi", "direspon", "dibaca", "news", "updates", "mengurus",
                          "diurus", "nanggapi", "menanggapi", "ditangani", "menangani", "piye", "pripun",
                          "kepriye"})  # Javanese: "laporanku piye pak?"
# Words that say when and for how long, nothing of what happened: "laporan sy dari td pagi gak ada yg ngurus".
_SINCE_WHEN = TIME_WORDS | DAY_WORDS | {"dari", "sejak", "since", "enggak", "tidak", "not"}
# What a resident waits to hear of what they reported, asked as not yet come: "hp sy udh ketemu blm?", "has my
# phone been found yet?", "pelakunya sudah ditangkap belum?".
OUTCOME_WORDS = frozenset({"ketemu", "ditemukan", "ketangkap", "ketangkep", "tertangkap", "ditangkap", "ditangkep",
                           "dibekuk", "found", "caught", "arrested", "recovered", "find", "catch", "arrest",
                           "recover"})
NOT_YET_WORDS = frozenset({"belum", "yet", "durung", "dereng"})
# Whether the police came or did anything, asked of a report made.
# Someone unnamed asked after as one: "udah ada yg ngecek blm?" ("ada yang", someone), "has someone checked it?".
_ACTORS = frozenset({"polisi", "petugas", "police", "officer", "officers", "anyone", "anybody", "someone",
                     "somebody", "yang"})
# Not "did", which asks of any deed: "did someone break the window?" tells of the incident.
# Read is acted too: "udh ada yg baca?", "has anyone read it?" ask whether the report reached anyone yet.
_ACTED = frozenset({"datang", "dateng", "came", "come", "looked", "responded", "do", "done", "anything",
                    "something", "checked", "visited", "mengecek", "memeriksa", "meriksa", "periksa", "nanganin",
                    "menangani", "baca", "membaca", "read", "reading"})
_ASKED_IN_ENGLISH = frozenset({"did", "has", "have", "is", "was", "were"})
_ASKED_DONE = _ASKED_IN_ENGLISH | {"sudah", "udah"}
_HANDLED = frozenset({"ditangani", "diproses", "ditindaklanjuti", "ditanggapi", "direspon", "direspons", "diurus",
                      "dibaca", "dicek", "dicheck", "diperiksa", "handled", "processed", "checked", "read"})
# A check is the police's only when no one else is named doing it: "motornya udah dicek bengkel blm?", "hp sy udh
# diperiksa tukang servis blm", "has the doctor looked at my son yet?" ask after a workshop's or a doctor's check.
_CHECKING = frozenset({"dicek", "dicheck", "diperiksa", "checked", "looked", "mengecek", "memeriksa", "meriksa",
                       "periksa"})
_OTHER_CHECKERS = frozenset({"bengkel", "montir", "mekanik", "tukang", "servis", "service", "teknisi", "dealer",
                             "dokter", "bidan", "perawat", "puskesmas", "klinik", "rs", "lab", "laboratorium",
                             "satpam", "mechanic", "mechanics", "garage", "workshop", "repairman", "repair",
                             "technician", "dealership", "doctor", "doctors", "dentist", "nurse", "clinic", "hospital",
                             "vet", "plumber", "electrician"})
_CHECKER_NEAR = 3  # words between a check and who is named doing it: "dicek sama tukang servis", "the mechanic checked"
# What was decided of a report, asked why: "loh kok ditolak pak??", "why was my report closed?".
DECIDED_WORDS = frozenset({"ditolak", "tolak", "rejected", "ditutup", "closed", "selesai", "diselesaikan", "resolved",
                           "dihentikan"})
WHY_WORDS = frozenset({"kok", "kenapa", "mengapa", "why"})
STATUS_OTHER_WORDS = 3
_NAMED_AFTER_THE_REPORT = 3  # words from the report named to what names which ("laporan saya kemarin tentang …")
# Politeness around a question of one's report, and its verb of asking: "Selamat malam. Saya ingin menanyakan …
# Apakah sudah ada perkembangan? Terima kasih."
_COURTESY_WORDS = frozenset({"selamat", "terima", "kasih", "makasih", "menanyakan", "tanya", "nanya", "bertanya",
                             "apakah", "mohon", "maaf", "permisi", "hormat", "bapak", "ibu", "thank", "thanks",
                             "good", "evening", "morning", "afternoon", "please", "would", "like", "to", "ask",
                             "whether"})
# A reply to a report, said not to have come: "blm ada tanggapan", "gk dibales2", "nobody has replied".
_REPLY = frozenset({"tanggapan", "respon", "respons", "response", "balasan", "dibales", "dibalas", "dibalesin",
                    "bales", "balas", "jawaban", "dijawab", "replied", "reply", "responded", "answered"})
_NOT_COME = NOT_YET_WORDS | {"enggak", "tidak", "nobody", "no", "never"}
_REPORTED = frozenset({"lapor", "melapor", "reported"})
_NAMING_WORDS = frozenset({"yang", "soal", "tentang", "mengenai", "about", "on"})  # what follows says which report
HOW_ONLY = HOW_WORDS - {"bagaimana", "gimana"}  # "cara", "prosedur": how to report, not how one is going
# Emoji of crying or fear, by the parts of the names the normaliser gives them ("😭" → emoji_wajah_menangis_keras,
# "😱" → emoji_wajah_sangat_ketakutan): sent alone, someone is upset, not thankful, even with a 🙏 beside them.
DISTRESS_EMOJI = frozenset({"menangis", "ketakutan", "cemas", "memelas", "menderita", "sos"})


def _words_of(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word for phrase in phrases for word in phrase.split())


# What an aside may hold besides its own words (and NEUTRAL's forms of address and particles): "makasih
# banyak ya pak", "terus gimana sekarang", "nomor polisi berapa". Nothing that tells of an incident or a place.
_ASIDE_WORDS = {
    "thanks": _words_of(THANKS_PHRASES) | {"banyak", "atas", "bantuan", "bantuannya", "infonya", "informasinya",
                                           "ya", "iya", "sebelumnya", "much", "very", "a", "lot", "for", "the", "help",
                                           "ok", "oke", "okay", "sip", "siap", "baik", "mantap", "god", "bless",
                                           "your", "lu", "u", "cukup", "begitu", "gitu", "ditunggu", "kabar",
                                           "kabarnya", "respon", "responnya", "respons", "polwan", *POLICE_WORDS},
    "how": HOW_WORDS | REPORT_WORDS | _words_of(HOW_PHRASES) | {
        "terus", "lalu", "trus", "selanjutnya", "berikutnya", "habis", "sekarang", "now", "ya", "saya", "aku",
        "isi", "mengisi", "ngisi", "ngisinya", "isinya", "jawab", "menjawab", "bingung", "confused", "do", "does",
        "i", "we", "so", "this", "it", "work", "works", "apa", "lapornya", "laporannya", "melapornya", "lagi",
        "maksud", "maksudnya", "harus", "lakukan", "melakukan", "yang", "bisa", "jelaskan", "dijelaskan", "tolong",
        "kirim", "ngirim", "ngirimnya", "mengirim"},
    "police_number": NUMBER_WORDS | POLICE_WORDS | {
        "berapa", "apa", "ya", "minta", "meminta", "what", "is", "the", "of", "polisinya", "pengaduan", "kantor",
        "your", "sini", "terdekat", "setempat", "hp"},
    "greeting": _words_of(GREETING_PHRASES) | {"a", "all", "semua", "semuanya", "sir", "there", "everyone", "wr", "wb",
                                               *POLICE_WORDS},
    # Besides the emoji themselves (see _distressed): "pak 😭", "😢🙏", "tolong pak 😱"; and fear said in words
    # with nothing else ("pak sy takut bgt", "I'm so scared").
    "distress": {"emoji_melipat_tangan", "tolong", "help", "please", *POLICE_WORDS, "saya", "aku", "gue", "i", "im",
                 "am", "so", "very", "banget", "sekali", "sangat", "lagi", "sedang", *FEAR},
}
ASIDE_MAX_WORDS = 8
_ANY_ASIDE_WORD = frozenset().union(*_ASIDE_WORDS.values())


def _distressed(word: str) -> bool:
    return word.startswith("emoji_") and bool(DISTRESS_EMOJI & set(word.split("_")))


def _of_the_police(word: str) -> bool:
    """An emoji of the police ("👮‍♂️", "🚓", "🚨"), said to whom a plea is made, as "pak polisi" is in words."""
    return word.startswith("emoji_") and "polisi" in word.split("_")


# A correction: "salah", "eh", "maksudnya", "ralat", "kembali", "back", "ubah", "ganti" and what it changes.
BACK_WORDS = frozenset({"kembali", "balik", "back", "mundur", "sebelumnya", "previous", "undo"})
# Words that say an answer is being changed; "salah", "eh" or "sorry" alone do not ("salah paham dengan
# tetangga" is a story), only with one of these or with the name of what is changed.
CORRECTION_WORDS = frozenset({"maksud", "maksudnya", "ralat", "koreksi", "ubah", "ganti", "change", "mean",
                              "meant", "edit", "ubahin", "gantiin"})
STORY_WORDS = 6  # a message of at least this many words, with an incident in it, tells what happened
STORY_LETTERS = 25
REQUEST_WORDS = 6  # a request to ask or to use the chat is made within a message's first words
# A story of what no category names still tells of something happening, and where or when: a verb with the
# prefix of an event ("pohon tumbang menutup jalan", "kabel listrik menjuntai", "bus terguling"), or "ada …"
# ("ada mayat di pinggir sungai"), with a word of place or of time.
EVENT_PREFIX = re.compile(r"^(?:di|ter|ber|me|ke|ng)")
PLACE_WORDS = frozenset({
    "di", "dekat", "depan", "belakang", "samping", "sebelah", "seberang", "pinggir", "tepi", "ujung", "sekitar",
    "dalam", "atas", "bawah", "tengah", "jalan", "gang", "gg", "rt", "rw", "desa", "kelurahan", "kecamatan",
    "kampung", "dusun", "komplek", "perumahan", "pasar", "sekolah", "masjid", "rumah", "sungai", "jembatan",
    "lapangan", "taman", "kantor", "at", "in", "near", "on", "outside", "behind", "street", "road",
})  # fmt: skip
# A question is no story, whatever it asks about ("mau saya tanyakan soal kejadian tadi"); nor are these verbs,
# of asking or of using the chat, a happening.
QUESTION_ROOTS = frozenset({"tanya", "ask", "question"})
ASKING_ROOTS = QUESTION_ROOTS | {"minta", "mohon", "bantu", "hubung", "tahu", "isi", "kirim", "jawab", "jelas",
                                 "daftar", "ubah", "ganti", "batal", "hapus", "cek", "lihat", "urus", "tunggu",
                                 "tanggap", "pilih", "ketik", "tinggal", "kenal", "buat"}


@cache
def _alias_stems() -> dict[str, frozenset[str]]:
    """Each category's catalogue aliases (both languages), one-word ones as stems where the stem is a root incidents
    are told by ("kemalingan" → maling); else as written ("keamanan" is no "aman", which is safe)."""
    incident_roots = frozenset().union(*INCIDENT_STEMS.values())
    found: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        for key, names in aliases(lang, "category").items():
            for name in names:
                said = words(name)
                if len(said) == 1:
                    root = stem(said[0])
                    found.setdefault(key, set()).add(root if root in incident_roots else said[0])
    return {key: frozenset(stems) for key, stems in found.items()}


# Words that say what the report is about more than the others beside them: "tempat rawan begal" is about an
# unsafe place, "cekcok soal parkir" about a quarrel.
# Words that name the incident itself, over those of the setting ("rumah tetangga kebakaran" is a fire, not a
# neighbours' quarrel): each counts twice.
STRONG = frozenset({"rawan", "cekcok", "konflik", "sengketa", "narkoba", "narkotika", "unsafe", "dispute", "bakar",
                    "elpiji", "lpg", "pungli", "fire",
                    # a blow struck is what happened, whoever was drunk or a neighbour
                    "pukul", "keroyok", "aniaya", "hajar", "gebuk", "tampar", "tendang", "dipukulin", "mukulin",
                    "digebukin", "punched", "beaten", "assault", "attacked", "serang", "tonjok", "nonjok", "attacks",
                    "assaults", "punches", "slaps"})
# Where two categories are named as often, the first of these wins: a theft in a car park is a theft.
PRECEDENCE = ("emergency", "drugs", "security", "traffic", "social", "unsafe_place", "other")


@cache
def _lexicon() -> frozenset[str]:
    """Every root a category is named by."""
    return frozenset().union(*INCIDENT_STEMS.values(), *_alias_stems().values())


# A theft told without a word of theft: "hp sy diambil orang", "motornya dibawa kabur", "broke into my car".
TAKEN_PHRASES = ("diambil orang", "diambil maling", "dibawa kabur", "dibawa lari", "dibawa orang", "taken by someone",
                 "broke into", "break into", "broken into", "breaking into", "broke in")
# Something taken and the taker gone: "ada orang boncengan ambil tas istri saya terus kabur".
_TAKING = frozenset({"ambil", "mengambil", "ngambil", "nyambar", "menyambar", "nyamber", "grabbed", "took", "snatched"})
_RAN_OFF = frozenset({"kabur", "melarikan", "ngacir", "fled"})  # not "lari": "anak sy lari ambil bola"
# A home or a shop entered by someone ("rumah saya dimasukin orang", "kamar kos sy kemasukan org", "ada org masuk rmh
# sy", "someone got into my house"): a break-in, of the kind a theft is. Not water, a snake or a guest, nor a hospital.
_ENTERED = frozenset({"dimasuki", "dimasukin", "dimasukki", "kemasukan", "masuk", "masukin", "nyelonong", "menyusup",
                      "nyusup", "got", "entered", "sneaked", "snuck"})
_SOMEONE_ENTERING = frozenset({"orang", "seseorang", "someone", "somebody", "stranger", "strangers"})
_PREMISES = frozenset({"rumah", "kamar", "kos", "kost", "kontrakan", "warung", "toko", "kios", "kantor", "gudang",
                       "garasi", "house", "home", "room", "shop", "store", "flat", "apartment"})
_NOT_A_BREAK_IN = frozenset({"sakit", "hospital", "sekolah", "school", "demo", "massa", "unjuk"})  # "masuk rumah sakit"


def _broken_into(told: set[str]) -> bool:
    return bool(told & _PREMISES and told & _SOMEONE_ENTERING and told & _ENTERED) and not told & _NOT_A_BREAK_IN


# Strangers about the place ("ada org tak dikenal di depan rumah", "org asing liatin rumah2 warga", "org mondar mandir
# depan rumah"): security when no word names another kind ("mayat tak dikenal" is a body found); and an empty house
# with people going in and out.
STRANGER_PHRASES = ("tak dikenal", "tidak dikenal", "enggak dikenal", "tak dikenali", "tidak dikenali", "orang asing",
                    "mondar mandir", "stranger", "strangers")
EMPTY_HOUSE_VISITED = (("rumah", "kosong"), ("keluar", "masuk"))
# Someone following the resident, in words that also mean taking part ("ada yg ngikutin sy tiap pulang kerja": the
# lexicon's "mengikuti saya"; not "mengikuti lomba"): the one followed named after it.
FOLLOWING_PHRASES = tuple(("mengikuti", whom) for whom in ("saya", "aku", "kami", "gue"))

# A fraud told without a word of fraud: someone posing as another, or money asked for ("ada yg ngaku polisi telpon
# minta transfer 5jt"); "ngaku" and "minta" are read as "mengaku" and "meminta".
POSING_PHRASES = ("mengaku polisi", "mengaku petugas", "mengaku dari", "mengaku sebagai", "meminta transfer",
                  "pretending to be", "claimed to be")


_URGENT_WORDS = frozenset({"darurat", "emergency", "gawat"})
# Money sent and nothing back ("udh transfer 2jt tp barang gk dikirim, akunnya ngeblok sy"): a fraud.
_TRANSFERRED = frozenset({"transfer", "tf", "ditransfer", "mentransfer", "transferred"})
_NOTHING_BACK = frozenset({"ngeblok", "ngeblokir", "memblokir", "diblokir", "ngilang", "menghilang", "kabur",
                           "dikirim", "blocked", "disappeared", "vanished"})
# Money demanded by force ("tukang parkir liar minta uang maksa"): extortion, whatever the setting.
EXTORTION_PHRASES = ("meminta uang", "meminta duit", "meminta jatah", "uang keamanan", "demanded money")
# Gas smelt or leaking ("bau gas dari rumah tetangga"): "gas" alone is also the throttle, or "go!".
GAS_LEAK_PHRASES = ("bau gas", "gas bocor", "bocor gas", "kebocoran gas", "gas leak", "smell of gas", "smell gas")
# A body touched or shown against one's will: "pegang2 badan anak sy", "nyebarin video pribadi sy".
VIOLATING_PHRASES = ("pegang badan", "pegang pegang", "meraba", "grepe", "video pribadi", "foto pribadi",
                     "video syur", "foto bugil", "video bugil", "konten pribadi", "intimate photos", "intimate video",
                     "nudes")
# People sold ("cewe2 muda… kayaknya dijual"): trafficking. Set on fire by someone ("dibakar org"): arson.
_SOLD = frozenset({"dijual", "dijualin", "diperjualbelikan", "sold"})
_PERSONS_SOLD = frozenset({"cewe", "cewek", "perempuan", "wanita", "gadis", "anak", "bayi", "orang", "tki", "tkw",
                           "girls", "women", "children"})
_SET_ON_FIRE = frozenset({"dibakar", "dibakarin", "burned", "torched"})
_SOMEONE_DID_IT = frozenset({"orang", "oknum", "pelaku", "seseorang", "preman", "by", "oleh"})


# One's own photos or videos spread ("mantan sy nyebarin foto sy ke grup wa", "foto2 aku disebar di fb"): a
# violation, whatever they show; not a thief's photo shared to warn ("nyebarin foto malingnya di grup").
_PICTURES = frozenset({"foto", "video", "vidio", "fotoku", "videoku", "photo", "photos", "pictures", "pics"})
_SPREADING = frozenset({"nyebar", "nyebarin", "sebar", "sebarin", "sebarkan", "menyebar", "menyebarkan", "disebar",
                        "disebarin", "disebarkan", "tersebar", "upload", "diupload", "posting", "diposting", "shared",
                        "spread", "posted", "leaked"})


def _own_pictures_spread(said: list[str]) -> bool:
    """Whether the resident's own photos or videos are told spread: a word of spreading in the message, and "saya"
    (or "-ku") right after the pictures' word, or "my" right before it."""
    return bool(_SPREADING & set(said)) and any(
        word in _PICTURES and (word.endswith("ku") or said[i + 1:i + 2] in (["saya"], ["aku"], ["gue"], ["gua"])
                               or said[i - 1:i] == ["my"])
        for i, word in enumerate(said))


# Papers lost with no one taking them ("ktp sama sim sy ilang di jalan"): a letter of loss, not a crime.
DOCUMENTS = frozenset({"ktp", "sim", "stnk", "bpkb", "kk", "ijazah", "paspor", "passport", "akta", "npwp", "buku",
                       "sertifikat", "kartu", "atm", "surat"})
_MISLAID = frozenset({"hilang", "ilang", "kehilangan", "jatuh", "ketinggalan", "tercecer", "lost"})
# Something of one's own left behind or dropped ("hp sy ketinggalan di angkot", "dompet sy tercecer"): lost, not
# stolen nor a matter of the road it was left on, unless a word of theft says so. Gone ("hp sy hilang", "ketinggalan
# terus hilang") may be a theft, and is read by the rest of the story.
_LEFT_BEHIND = frozenset({"ketinggalan", "tertinggal", "tercecer", "kelupaan", "left", "dropped"})
_GONE = frozenset({"hilang", "ilang", "raib", "lenyap", "gone"})  # "ketinggalan di angkot terus hilang": maybe taken
_BELONGINGS = frozenset({"hp", "handphone", "ponsel", "dompet", "tas", "ransel", "laptop", "kunci", "helm", "jaket",
                         "koper", "payung", "kamera", "jam", "cincin", "kalung", "phone", "wallet", "bag", "keys"})
# A pet gone astray ("kucing sy ilang dr kemarin"): lost, not stolen, unless a word of theft says so.
PETS = frozenset({"kucing", "anjing", "burung", "kelinci", "hamster", "peliharaan", "cat", "dog", "pet"})
# Something of someone's broken or damaged by a person ("kaca mobil sy dipecah orang"), not broken by itself.
VANDALISED = frozenset({"dipecah", "dipecahin", "dipecahkan", "dirusak", "dirusakin", "dicoret", "dicoretin",
                        "dicorat", "vandal", "vandalisme", "grafiti", "graffiti", "dipilox",
                        "dibaret", "digores", "dikempesin", "smashed", "dilempari", "melempari"})
# Scrawls on a wall or a fence ("ada coretan di tembok"), not in a child's book.
_SCRAWLS = frozenset({"coretan", "corat", "coret"})
_SURFACES = frozenset({"tembok", "dinding", "pagar", "pager", "pintu", "gerbang", "ruko", "toko", "mobil", "rolling",
                       "halte", "jembatan", "wall", "fence"})
# Stones thrown ("ada yg lempar batu ke kaca rumah sy"), not litter ("lempar sampah sembarangan").
STONES_THROWN = (("lempar", "batu"), ("melempar", "batu"), ("ngelempar", "batu"), ("dilempar", "batu"),
                 ("threw", "stones"), ("throwing", "stones"))


# A lamp is traffic only as a traffic light ("lampu merah perempatan mati"). A street light out leaves a place dark
# ("lampu jalan mati", "pju mati"); the power gone is "mati lampu", "lampu mati se-RT".
_TRAFFIC_LIGHT = frozenset({"merah", "lalu", "lintas", "perempatan", "pertigaan", "traffic", "bangjo", "apill"})
_STREET_LIGHT = (("lampu", "jalan"), ("penerangan", "jalan"), ("pju",), ("lampu", "pju"), ("street", "light"),
                 ("street", "lights"), ("streetlight",), ("streetlights",))
POWER_CUT = (("mati", "lampu"), ("lampu", "mati"), ("listrik", "mati"), ("mati", "listrik"))


# A road broken ("jalan di depan pasar berlubang besar", "ada lubang besar di tengah jalan", "aspal ngelupas",
# "pothole") is a hazard to traffic, whether or not anyone has fallen yet. "Jalan" walked is no road ("hp sy rusak
# pas jalan", "jalan kaki"), nor is a thing named between the road and its break ("jalan ke pasar, hp sy rusak").
_ROADS = frozenset({"jalan", "jalanan", "jalannya", "jalanannya", "aspal", "aspalnya", "road", "roads", "street"})
_ROAD_BREAKS = frozenset({"rusak", "berlubang", "lubang", "berlobang", "lobang", "bolong", "amblas", "ambles",
                          "ambrol", "ngelupas", "mengelupas", "terkelupas", "retak", "bergelombang", "hancur",
                          "potholes", "holes", "damaged", "cracked", "broken"})
_HOLES = frozenset({"lubang", "lobang", "hole", "holes", "kerusakan"})  # "lubang besar di tengah jalan"
_POTHOLES = frozenset({"pothole", "potholes"})
# before the road: walking ("pas jalan"), or a street light's ("lampu jalan rusak" leaves a place dark: unsafe)
_WALKED = frozenset({"pas", "lagi", "sambil", "waktu", "saat", "sedang", "lg", "bisa", "mau", "buat", "lampu",
                     "penerangan"})
_NOT_THE_ROAD = frozenset({"kaki", "hp", "handphone", "motor", "mobil", "sepeda", "pintu", "rumah", "atap", "tembok",
                           "pipa", "saluran", "got", "selokan", "ban", "kaca", "pagar", "jembatan", "lampu", "tas",
                           "sepatu", "phone", "car", "bike", "house", "door", "saya", "my", "hidup", "pikiran",
                           "cerita", "keluar", "damai", "light", "lights", "lamp", "life"})
_ROAD_REACH = 5  # words from the road to its break: "jalan di depan pasar berlubang"


def _a_road_broken(said: list[str]) -> bool:
    if _POTHOLES & set(said):
        return True
    for i, word in enumerate(said):
        if word not in _ROADS or said[i - 1:i] in ([w] for w in _WALKED) or said[i + 1:i + 2] == ["kaki"]:
            continue
        after = said[i + 1:i + 1 + _ROAD_REACH]
        broken = next((k for k, w in enumerate(after) if w in _ROAD_BREAKS), None)
        if broken is not None and not _NOT_THE_ROAD & set(after[:broken]):
            return True
        before = said[max(0, i - 4):i]
        if _HOLES & set(before) and not _NOT_THE_ROAD & set(before):
            return True  # "ada lubang besar di tengah jalan raya"
    return False


# Someone dragged off is a crime ("a woman is being dragged into an empty house"); not a vehicle dragging what it hit
# ("a truck dragged a motorbike 50 meters": traffic), nor a thing dragged ("dragging a cart", "dragging my luggage").
_DRAGGED = frozenset({"dragged", "dragging"})
_DRAGGED_ONES = frozenset({"woman", "women", "girl", "girls", "kid", "kids", "child", "children", "boy", "boys", "man",
                           "men", "someone", "somebody", "her", "him", "me", "us", "them", "lady", "person", "people",
                           "student", "daughter", "son", "wife", "husband", "victim"})
_BEFORE_ONE = frozenset({"a", "an", "the", "my", "his", "their", "our", "your", "this", "that", "young", "little"})


def _no_one_dragged(said: list[str], at: int) -> bool:
    if INCIDENT_STEMS["traffic"] & set(said[max(0, at - 3):at]):
        return True
    if said[at] == "dragged" and said[at - 1:at] in (["was"], ["were"], ["being"], ["been"], ["got"], ["is"]):
        return False  # "a girl was dragged into a car": the one dragged is told before
    after = [word for word in said[at + 1:at + 4] if word not in _BEFORE_ONE]
    return bool(after) and after[0] not in _DRAGGED_ONES


# A fight of no one against anyone: an illness, a fire, a cause ("fighting a cold", "fighting the fire", "fighting
# for our rights", "fighting against corruption").
_FIGHTING = frozenset({"fighting", "fights", "fought", "fight"})
_FOUGHT_OF_NO_ONE = frozenset({"for", "cold", "colds", "flu", "fever", "illness", "cancer", "disease", "infection",
                               "fire", "fires", "corruption", "poverty", "rights", "justice", "crime", "addiction"})
_BEFORE_WHAT_IS_FOUGHT = frozenset({"a", "an", "the", "off", "against", "back", "my", "his", "her", "our", "their"})


def _fighting_no_one(said: list[str], at: int) -> bool:
    after = [word for word in said[at + 1:at + 4] if word not in _BEFORE_WHAT_IS_FOUGHT]
    return bool(after) and after[0] in _FOUGHT_OF_NO_ONE


# A burden said to strangle ("harga cabe nyekik", "cicilan mencekik", "pajak nyekik warga"): no one's neck.
_STRANGLING_ROOTS = frozenset({"cekik", "nyekik", "nyekek"})
_BURDENS = frozenset({"harga", "cicilan", "utang", "hutang", "pajak", "bunga", "biaya", "tagihan", "iuran", "sewa",
                      "tarif", "bbm", "ongkos", "kerah", "dasi", "price", "prices", "rent", "debt", "tax", "taxes"})
_SOMEONE_BETWEEN = frozenset({"terus", "trus", "lalu", "dan", "kemudian", "sampai", "karena", "soalnya", "collector",
                              "collectornya", "penagih", "dc", "orang", "preman", "then", "and"})


def _a_burden_strangles(said: list[str], at: int) -> bool:
    """Whether the strangling at `at` is done by a burden named just before it, nobody and no "then" between ("harga
    cabe nyekik", "pajak nyekik warga"); not "…soal utang trus nyekik leher sy", "debt collector nyekik sy"."""
    for k in (at - 1, at - 2):
        if k >= 0 and said[k] in _BURDENS:
            return not set(said[k + 1:at]) & _SOMEONE_BETWEEN
    return False


_THREAT_REACH = 3  # words from a threat to what is threatened: "ngancam mau bakar"
_TREES = frozenset({"tree", "trees"})
_FELL = frozenset({"fell", "falls", "fall"})


def category_named(text: str) -> str | None:
    """The category whose incident words the text uses most (ties by PRECEDENCE); None when none. A wish to stay
    unknown is no part of what happened ("…, jgn sampe tetangga tau sy yg lapor" tells of no neighbour)."""
    feared = _crimes_only_feared(text)  # read in the clauses as they were written
    text = " ".join(part for part, after_but in clauses_of(text)
                    if not (_a_wish(words(part), after_but) or _not_to_tell(words(part))))
    told = words(text)
    if not DREAMS.isdisjoint(told):
        told = dreamt_left_out(told)  # "semalem sy mimpi dibunuh org": what a dream held happened to no one
    if _fright_of_a_show(told):
        return None
    said = [word for i, word in enumerate(told)  # "gk darurat kok, cuma…", "not an emergency": not the Darurat it names
            if not (word in _URGENT_WORDS and (NO | NOT_WORDS) & set(told[max(0, i - 2):i]))]
    if self_harm(text) or missing_person(text) or life_at_risk_now(text) or found_child(text):
        return "emergency"  # a life at risk or a lost child found, whatever words: Darurat
    if a_life_taken(text):
        return "other"  # a suicide told after the fact: a death to record, no crime
    roots = stems_of(said, _lexicon()) + said
    killing = [i for i, root in enumerate(roots[:len(said)]) if root == "bunuh"]
    if killing and all(vermin_killed(said, i) for i in killing):
        roots = [root for root in roots if root != "bunuh"]  # "bunuh nyamuk pake raket": no one's death
    strangling = [i for i, root in enumerate(roots[:len(said)]) if root in _STRANGLING_ROOTS]
    if strangling and all(_a_burden_strangles(said, i) for i in strangling):
        roots = [root for root in roots if root not in _STRANGLING_ROOTS]
    fighting = [i for i, word in enumerate(said) if word in _FIGHTING]
    if fighting and all(_fighting_no_one(said, i) for i in fighting):
        roots = [root for root in roots if root not in _FIGHTING]
    dragging = [i for i, word in enumerate(said) if word in _DRAGGED]
    if dragging and all(_no_one_dragged(said, i) for i in dragging):
        roots = [root for root in roots if root not in _DRAGGED]
    threats = [i for i, root in enumerate(roots[:len(said)]) if root in THREAT_WORDS or said[i] in THREAT_WORDS]
    if threats and all(a_thing_threatens(said, i) for i in threats):
        roots = [root for root in roots if root not in THREAT_WORDS]  # "pohon mau tumbang ngancam rumah warga"
    elif any(root == "bakar" and any(0 < i - t <= _THREAT_REACH for t in threats)
             for i, root in enumerate(roots[:len(said)])):
        roots = [root for root in roots if root != "bakar"]  # "dia ngancam mau bakar rumah sy": a threat, no fire
    if feared:  # "lampu jalan mati, takut ada maling": a place where a theft is feared, no theft
        roots = [root for root in roots if root not in feared and stems_of([root], _FEARED_CRIMES)[0] not in feared]
        roots.append("rawan")
    if any_phrase(said, map(phrase_words, TAKEN_PHRASES)) or (_TAKING & set(said) and _RAN_OFF & set(said)) \
            or _broken_into(set(said)):
        roots.append("curi")
    posing = any_phrase(said, map(phrase_words, POSING_PHRASES))
    if posing:
        roots.append("tipu")
    if any_phrase(said, map(phrase_words, EXTORTION_PHRASES)):
        roots.append("palak")
    if any_phrase(said, FOLLOWING_PHRASES):
        roots.append("dikuntit")
    if _TREES & set(said) and _FELL & set(said):
        roots.append("fallen")  # "a tree fell on the road": the tree and its fall outweigh the road; not a phone's
    if _TRANSFERRED & set(said) and _NOTHING_BACK & set(said):
        roots.append("tipu")
    if any_phrase(said, map(phrase_words, GAS_LEAK_PHRASES)):
        roots.append("elpiji")
    if not _TRAFFIC_LIGHT & set(said):
        roots = [root for root in roots if root != "lampu"]
        if any_phrase(said, _STREET_LIGHT):
            roots.append("gelap")
        elif any_phrase(said, POWER_CUT):
            roots.append("padam")
    if _a_road_broken(said):
        roots.append("lalin")  # "jalan di depan pasar berlubang, udh 2 motor jatuh": a hazard to traffic
    if VANDALISED & set(said) or any_phrase(said, STONES_THROWN) or (_SCRAWLS & set(said) and _SURFACES & set(said)):
        roots.append("vandalism")
    if any_phrase(said, map(phrase_words, VIOLATING_PHRASES)) or _own_pictures_spread(said):
        roots.append("leceh")
    if _SOLD & set(said) and _PERSONS_SOLD & set(said):
        roots.append("tppo")  # "bawa cewe2 muda ke rumahnya kayaknya dijual": people sold, not a motorbike
    if any(word in _SET_ON_FIRE and said[i + 1:i + 2] and said[i + 1] in _SOMEONE_DID_IT
           for i, word in enumerate(said)):  # "kebun tebu sy dibakar org gk dikenal": arson, a crime, not a fire
        roots = [root for root in roots if root != "bakar"] + ["vandalism"]
    if all(phrase_at(said, phrase) is not None for phrase in EMPTY_HOUSE_VISITED):
        roots.append("mencurigakan")
    if (((DOCUMENTS | PETS) & set(said) and _MISLAID & set(said))
            or ((DOCUMENTS | _BELONGINGS) & set(said) and _LEFT_BEHIND & set(said) and not _GONE & set(said))) \
            and not (THEFT_STEMS | THIEVES) & set(roots):
        return "other"
    if INCIDENT_STEMS["security"] & set(roots):  # "my motorbike was stolen from the parking lot": a theft
        # "bini sy dicekik lakinya tetangga, skrg lg ribut": the neighbour is who, the strangling what happened
        roots = [root for root in roots if root not in _WHAT_OR_WHERE_OF_A_CRIME | _WHO_OF_A_CRIME]
    votes: Counter[str] = Counter()
    for key in (*INCIDENT_STEMS, *_alias_stems()):
        lexicon = INCIDENT_STEMS.get(key, frozenset()) | _alias_stems().get(key, frozenset())
        votes[key] = sum(2 if r in STRONG else 1 for r in set(roots) if r in lexicon)
    if posing:  # "ngaku polisi, katanya anak sy ketangkep narkoba, minta uang": the drugs are the lie told
        votes["drugs"] = 0
    ranked = sorted((key for key, n in votes.items() if n), key=lambda k: (-votes[k], PRECEDENCE.index(k)))
    if not ranked and any_phrase(said, map(phrase_words, STRANGER_PHRASES)):
        return "security"
    return ranked[0] if ranked else None


# A theft or a robbery feared, not told: "takut ada maling", "takut dirampok krn gelap", "khawatir ada begal",
# "afraid of thieves": a place prone to it. The thief comes within a few words of the fear, in its clause ("sy takut,
# tadi ada maling masuk" tells one); told beside it too ("motor sy dicuri, takut dicuri lagi"), the theft happened.
_FEARS = frozenset({"takut", "takutnya", "khawatir", "cemas", "afraid", "scared", "worried", "worry"})
_FEARED_CRIMES = frozenset({"maling", "curi", "pencuri", "nyuri", "colong", "rampok", "perampok", "ngerampok", "begal",
                            "ngebegal", "jambret", "copet", "garong", "thief", "thieves", "robber", "robbers", "robbed",
                            "robbery", "mugged", "burglar", "burglars", "stolen"})
_FEAR_REACHES = 3
# A thief feared in the home may be there now ("takut ada maling di dalam rumah"): a theft's report still.
_IN_THE_HOME = frozenset({"rumah", "dalam", "masuk", "kamar", "house", "home", "inside", "room"})
_CLAUSE_ENDS = re.compile(r"[,.;!?\n]")


def _crimes_only_feared(text: str) -> set[str]:
    """The roots of the thefts the text fears and tells nowhere else; empty when it fears none."""
    feared: Counter[str] = Counter()
    for clause in _CLAUSE_ENDS.split(text):
        told = words(clause)
        if _IN_THE_HOME & set(told):
            continue
        roots = stems_of(told, _FEARED_CRIMES)
        feared.update({j: roots[j] for i, word in enumerate(told) if word in _FEARS
                       for j in range(i + 1, min(len(told), i + 1 + _FEAR_REACHES)) if roots[j] in _FEARED_CRIMES}
                      .values())
    if not feared:
        return set()
    told_at_all = [root for root in stems_of(words(text), _FEARED_CRIMES) if root in _FEARED_CRIMES]
    return set(feared) if len(told_at_all) <= feared.total() else set()  # "dicuri, takut ada maling lagi": told


# Traffic's words that name a vehicle or a car park, not what happened to it: beside a crime, where or what of it.
_WHAT_OR_WHERE_OF_A_CRIME = frozenset({"motorbike", "motorcycle", "car", "truck", "parking", "parkir"})
# Social's words that name who, not what happened: beside a crime, whom it was done by or to.
_WHO_OF_A_CRIME = frozenset({"tetangga", "neighbour", "neighbor", "neighbours", "neighbors"})


def tells_a_story(text: str) -> bool:
    """Whether the text recounts an incident rather than asks for something: one a category names, or something
    happening somewhere or at some time (see _happening); not a fright from a film (see _fright_of_a_show)."""
    said = words(text)
    told = text
    if not DREAMS.isdisjoint(said):  # what a dream held is no incident: "semalem sy mimpi dibunuh org, serem bgt"
        said = dreamt_left_out(said)
        told = " ".join(said)
    return (not _fright_of_a_show(said) and len(said) >= STORY_WORDS
            and sum(ch.isalpha() for ch in text) >= STORY_LETTERS
            and (category_named(text) is not None or _happening(told, said)))


# A fright from something watched ("abis nonton film horor sy takut", "habis nonton film pembunuhan jadi takut
# keluar rumah"): what the show was of, and what is feared since, happened to no one.
# The news seen or read is a show too ("td liat berita pembunuhan di tv, ngeri").
_WATCHING = frozenset({"nonton", "menonton", "ditonton", "tonton", "watched", "watching", "watch", "liat", "lihat",
                       "melihat", "baca", "membaca", "saw", "seen", "read"})
_SHOWS = frozenset({"film", "filem", "sinetron", "drakor", "horor", "horror", "video", "youtube", "movie", "series",
                    "berita", "news", "tv", "televisi", "show"})
_SHOW_OF = 3  # words after the show's word that say what it is of ("film horor", "film tentang pembunuhan")
# A scene is of the show: what follows "adegan" ("ada adegan begal"), what goes before "scene" ("a mugging scene").
_SCENE_BEFORE = frozenset({"adegan", "adegannya"})
_SCENE_AFTER = frozenset({"scene", "scenes"})
_SCENE_OF = 2  # words before "scene" that say what it is of ("a mugging scene", "a robbery scene")


# A show is felt in more words than fear: "tadi nonton film pembunuhan serem bgt", "seru", "wkwk".
_FELT = FEAR | frozenset({"serem", "seram", "ngeri", "seru", "bagus", "keren", "lucu", "wkwk", "wkwkwk", "haha",
                          "hahaha", "scary", "good", "great", "lol"})


def _fright_of_a_show(said: list[str]) -> bool:
    if not (_WATCHING & set(said) and _SHOWS & set(said) and _FELT & set(said)):
        return False
    feared = min(i for i, word in enumerate(said) if word in _FELT)
    shown = {k for i, word in enumerate(said) if word in _SHOWS | _SCENE_BEFORE for k in _what_it_is_of(said, i)}
    shown |= {i - 1 for i, word in enumerate(said) if word in _SCENE_BEFORE and said[i - 1:i] == ["ada"]}
    shown |= {k for i, word in enumerate(said) if word in _SCENE_AFTER for k in range(max(0, i - _SCENE_OF), i + 1)}
    rest = [word for i, word in enumerate(said[:feared]) if i not in shown]
    # "lagi nonton film ada yg manjat pagar rumah, takut": someone there while the show ran is no fright of it
    outside_the_show = {word for i, word in enumerate(said) if i not in shown}
    return category_named(" ".join(rest)) is None and not _SOMEONE_THERE & outside_the_show


def _what_it_is_of(said: list[str], shown_at: int) -> range:
    """Where the show's word and what it is of stand: up to _SHOW_OF words after it, ending before someone there."""
    end = shown_at + 1
    while end < min(len(said), shown_at + 1 + _SHOW_OF) and said[end] not in _SOMEONE_THERE:
        end += 1
    return range(shown_at, end)


_SOMEONE_THERE = frozenset({"ada", "cowo", "cowok", "cewe", "cewek", "pria", "laki", "maling",
                            "suara", "someone", "somebody", "there"})


def _happening(text: str, said: list[str]) -> bool:
    """Whether the words tell of something happening, where or when, and ask no question: a verb of an event (a
    prefix Sastrawi takes off a root that is no asking or reporting), or "ada …" in a message that asks nothing."""
    if not (PLACE_WORDS | TIME_WORDS) & set(said) and when_named(text) is None:
        return False
    if QUESTION_ROOTS & set(stems_of(said, QUESTION_ROOTS)):
        return False
    asking = ASKING_ROOTS | REPORT_WORDS | HOW_WORDS
    affixed = [word for word in said[:MAX_STEMMED] if EVENT_PREFIX.match(word) and word not in PLACE_WORDS]
    if any(stem(word) not in asking | {word} for word in affixed):
        return True
    return "ada" in said and "?" not in text and not asking & set(stems_of(said, asking))


# A reference asked after without its "LP-": "cek ue7t-fdh8", "status UE7TFDH8".
_BARE_REF_ASKED = re.compile(r"^\s*(?:cek|check|status|statusnya)\s+(?P<ref>[^\W_]{4}[\s-]*[^\W_]{4})\s*[.!?]*\s*$",
                             re.IGNORECASE)


_ASKED_WITH_A_REF_CHARS = 80  # a question after a report by its reference is short
# Eight characters of a reference inside a sentence: "gmn laporan sy a5pj8z3h" (find_ref tells them from words).
_REF_IN_WORDS = re.compile(r"(?<![^\W_])[^\W_]{4}[\s-]?[^\W_]{4}(?![^\W_])")


def ref_asked(text: str) -> str | None:
    """The reference a message holds: with its "LP-"; without, after a word of asking after it ("cek ue7t-fdh8"),
    or, with a digit or a dash in it (eight letters alone are a name or a place as often: "Lumajang", "Mulyanah"),
    alone ("a5pj-8z3h") or among a few words that only ask after a report ("gmn laporan sy a5pj8z3h")."""
    if (ref := find_ref(text)) is not None:
        return ref
    if bare := _BARE_REF_ASKED.match(text):
        return find_ref(bare["ref"], prefix_optional=True)
    if len(text) > _ASKED_WITH_A_REF_CHARS:
        return None
    for found in _REF_IN_WORDS.finditer(text):
        rest = words(text[:found.start()] + " " + text[found.end():])
        # a digit or a dash: two words of four letters are words as often ("is my name safe?")
        if re.search(r"[\d-]", found[0]) and all(word in STATUS_WORDS or word in NEUTRAL for word in rest):
            return find_ref(found[0], prefix_optional=True)  # not a plate in a story: only words of asking
    return None


_GREETING_WORDS = _words_of(GREETING_PHRASES)


# A case of one's own is one's report ("kasus sy gmn pak?", "has anyone looked at my case"); a case alone is any
# ("kasus apa aja yg ditangani", "ada kasus pencurian di kampung").
_CASE_NOUNS = frozenset({"kasus", "case"})


def _of_reports(text: str) -> list[str]:
    """The words of a message asking after a report, a case of one's own read as the report it is."""
    said = words(text)
    return ["laporanku" if word == "kasusku" else "laporan" if word in _CASE_NOUNS
            and OWN_WORDS & set(said[max(0, i - 1):i + 2]) else word for i, word in enumerate(said)]


def status_asked(text: str, *, loosely: bool = False) -> str | None:
    """"report" when the text only asks after the report whose reference it holds ("cek LP-…", "gimana laporan
    LP-…", the reference pasted alone), "own" when it asks after the resident's reports without one ("status laporan
    saya", "laporan saya gimana", "my reports"); None otherwise. `loosely`: a few words may say which report or
    how long it has been ("gimana kabar laporan motor saya", "kok belum ada kabar laporan sy")."""
    if find_ref(text) is not None:  # with its "LP": eight letters alone may be a word ("SEKARANG")
        # a greeting may open it: "halo min, laporan sy LP-… gmn kabarnya?"
        return "report" if all(w in STATUS_WORDS or w in NEUTRAL or w in _GREETING_WORDS
                               for w in words(without_ref(text))) else None
    if ref_asked(text) is not None:
        return "report"
    said_in_order = _of_reports(text)
    said = set(said_in_order)
    asked = said & OWN_WORDS or said & {"status", "statusnya", "cek", "check", "kabar", "perkembangan", "progress"}
    if said and said & REPORT_NOUNS and asked and said <= STATUS_WORDS | NEUTRAL:
        return "own"
    if loosely and _asks_after_own_reports(text, said_in_order):
        return "own"
    return None


# Whether a report went through, asked: "udh sy kirim blm?", "laporan sy udah masuk belum?", "has my report been
# sent?". Sent or arrived, asked as done or not yet, of the resident's report (named, or "sy" sending it), and
# nothing else told.
_WENT_THROUGH = frozenset({"kirim", "terkirim", "dikirim", "ngirim", "kekirim", "masuk", "diterima", "nyampe",
                           "sampai", "sampe", "sent", "received", "through", "submitted"})
_SENDING = frozenset({"kirim", "terkirim", "dikirim", "ngirim", "kekirim", "sent", "submitted"})
_SENDING_ASKED = NOT_YET_WORDS | {"sudah", "udah", "has", "have", "did", "was", "is"}
_SENT_OTHER_WORDS = 2


def sent_asked(text: str) -> bool:
    said = words(text)
    named = bool(REPORT_NOUNS & set(said))  # "laporan sy udh masuk blm?"; unnamed, only sending: "udh sy kirim blm?"
    if not (_WENT_THROUGH if named else _SENDING) & set(said) or HOW_ONLY & set(said):
        return False
    others = [word for word in said if word not in _WENT_THROUGH | _SENDING_ASKED | STATUS_WORDS | OWN_WORDS and
              word not in NEUTRAL and word not in ("been", "go", "it", "the", "ya", "kah", "kan")]
    asked = _asked(text, said) or {"sudah", "belum"} <= set(said)  # "sudah masuk belum laporan saya"
    return len(others) <= (_SENT_OTHER_WORDS if named else 0) and asked and not is_cry_for_help(text)


def asks_after_a_report(text: str, *, story_asked: bool) -> bool:
    """What a loose status question must hold inside a draft, so that an answer telling of the loss ("kemarin
    sore, sampai sekarang belum ketemu") stays the answer: a report named or news asked for ("laporan", "kabar"),
    or, where no story is asked, the form of a question ("pak hp sy udh ketemu blm ya"); where it is, a question of
    what the police did or found ("did the police catch the thief yet?"): a story is seldom told as one."""
    said = _of_reports(text)
    return bool(set(said) & (REPORT_NOUNS | ASKING_AFTER)) or (not story_asked and _asked(text, said)) \
        or outcome_asked(text)


def outcome_asked(text: str) -> bool:
    """Whether a message asks, as a question, what the police did or found ("did the police catch the thief yet?",
    "pelakunya udah ketangkep blm pak?", "has anyone looked at it?"): of a report, made or being made."""
    said = words(text)
    return bool(said) and _asked(text, said) and _outcome_asked(text, said)


def names_own_report(text: str) -> bool:
    """Whether a question after a report names it as the resident's own, by the word ("laporan sy yg kemarin udh
    diproses blm", "gmn kabar laporan helm sy", "any news on my report?"), and tells of no incident beside it
    ("laporan saya dibaca ga pak? tetangga dipukul") nor of a report made elsewhere ("laporan sy ke pak RT")."""
    said = _of_reports(text)
    owned = any(word == "laporanku" or (word in REPORT_NOUNS and OWN_WORDS & set(
        said[max(0, i - 1 - (said[i - 1:i] != [] and said[i - 1] in _WHICH_OF_MINE)):i + 2 + _THE_MATTER_WORDS]))
                for i, word in enumerate(said))
    # or told as made by the resident: "sy udh pernah lapor kmrn, gmn kabarnya?", "i reported it last week"
    owned = owned or (bool((OWN_WORDS | {"i", "we"}) & set(said)) and any(
        word == "reported" or (word in _REPORTED and {"sudah", "pernah"} & set(said[max(0, i - 2):i]))
        for i, word in enumerate(said)))
    # "my other report", "laporan sy yg lain": the kind "lainnya" names no incident
    return owned and not _MADE_ELSEWHERE & set(said) and category_named(text) in (None, "other")


_THE_MATTER_WORDS = 2  # between the report and its owner: "laporan helm sy", "laporan motor hilang saya"
# Between the owner and the report: "my other report", "my previous report"
_WHICH_OF_MINE = frozenset({"other", "previous", "last", "earlier", "old", "first", "recent", "latest"})
_MADE_ELSEWHERE = frozenset({"ke", "kepada", "sama", "rt", "rw", "kelurahan", "desa", "lurah", "kades", "satpam", "to"})
_BUT = frozenset({"tapi", "tetapi", "namun", "but"})  # "sy udh lapor …, tp …": what follows is told anew


def objects_to_decision(text: str) -> bool:
    """Whether a message asks why a report was decided as it was ("lho kok ditolak pak, kaca mobil sy dipecah
    maling", "loh kok udh selesai? helm sy kan blm ketemu"): an objection for the officers, not only a question."""
    said = set(words(text))
    return bool(said & DECIDED_WORDS and said & WHY_WORDS)


def _outcome_asked(text: str, said_in_order: list[str]) -> bool:
    """What is awaited of a report, asked as not yet come ("pelakunya udh ketangkep blm?", "has the thief been
    caught?"), or why it was decided as it was; or whether the police came or did anything ("udah ada polisi yg
    dateng blm pak?", "did the police do anything about the break-in?", "has anyone looked at my case")."""
    said, first = set(said_in_order), next(iter(said_in_order), "")
    # "sudah" asked later in the question counts too: "apa sudah ada petugas yg membaca?"
    asked_done = bool(said & NOT_YET_WORDS) or first in _ASKED_DONE or ("sudah" in said and "?" in text)
    deeds = said - _checks_by_others(said_in_order)
    acted = bool(said & _ACTORS and deeds & _ACTED  # asked of what was to be done by now: "kapan polisi datang?" asks
                 and asked_done)  # how long it takes
    # or whether it is being dealt with, the report understood: "udah ditangani blm?", "sudah diproses?"
    acted = acted or bool(deeds & _HANDLED and asked_done)
    # found or caught, asked as not yet, in English's order of asking ("has the thief been caught?"), or "sudah"
    # with its mark ("pelakunya udh ketemu?"): "udah ketemu pak" alone tells it was
    outcome = said & NOT_YET_WORDS or first in _ASKED_IN_ENGLISH or ("sudah" in said and "?" in text)
    return acted or bool((said & OUTCOME_WORDS and outcome) or (said & DECIDED_WORDS and said & WHY_WORDS))


def _checks_by_others(said: list[str]) -> set[str]:
    """The words of checking said with someone other than the police doing it ("dicek bengkel", "diperiksa sama
    dokter", "the mechanic checked")."""
    return {word for i, word in enumerate(said) if word in _CHECKING
            and _OTHER_CHECKERS & set(said[max(0, i - _CHECKER_NEAR):i + 1 + _CHECKER_NEAR])}


def _asks_after_own_reports(text: str, said_in_order: list[str]) -> bool:
    """A report of one's own ("laporan saya", "sudah lapor", news not come yet), a word that asks how it is going,
    and besides at most a few words that tell nothing happening and name no incident (but the report's: "laporan
    pencurian saya", "motor saya yang dicuri") and ask no way to report; never a cry for help."""
    said = set(said_in_order)
    outcome_asked = _outcome_asked(text, said_in_order)
    # "sudah lapor", or news asked for as not come yet ("motor sy yg dicuri kmrn udh ada kabar blm?", "any news
    # on my stolen motorbike?", "hp sy udh ketemu blm?")
    # "laporan" after a word of wanting is a report to make ("mau laporan, tetangga …"), not one made
    made = [w for i, w in enumerate(said_in_order) if w in REPORT_NOUNS and not (i and said_in_order[i - 1] in WANTING)]
    # news not come yet: "blm ada kabar pak", "udh seminggu gk ada kabar pak"; not "gk dapat kabar dari anak sy"
    no_news = ({"kabar", "belum"} <= said or any(said_in_order[i - 2:i] in (["enggak", "ada"], ["tidak", "ada"])
                                                  for i, word in enumerate(said_in_order) if word == "kabar")) \
        and not any(said_in_order[i + 1:i + 2] == ["dari"] and said_in_order[i + 2:i + 3] not in (
            ["polisi"], ["petugas"], ["polsek"]) for i, word in enumerate(said_in_order) if word == "kabar")
    # a reply not come to a report made: "udh lapor dr kmrn kok blm ada tanggapan", "kok laporan sy gk dibales2",
    # "I reported yesterday and nobody has replied yet"
    no_reply = bool(said & _REPLY and said & _NOT_COME and (made or said & _REPORTED))
    reported = (made or ("lapor" in said and "sudah" in said) or no_news or no_reply
                or ("any" in said and said & {"news", "update", "updates"}) or outcome_asked)
    if not (reported and (said & ASKING_AFTER or outcome_asked or no_reply)) or said & HOW_ONLY:
        return False
    others, telling, unnamed, naming = [], [], [], False
    of_the_report = False  # naming after the report named: "laporan saya kemarin tentang pencurian sepeda"
    for i, word in enumerate(said_in_order):
        if word in ASKING_AFTER:
            naming = False
        elif word in _NAMING_WORDS:  # "laporan helm saya yang hilang", "pengaduan saya soal parkir liar"
            naming = True
            of_the_report = bool(REPORT_NOUNS & set(said_in_order[max(0, i - _NAMED_AFTER_THE_REPORT):i]))
        elif (word == "reported" or (word in _REPORTED and "sudah" in said_in_order[max(0, i - 2):i])) \
                and not said & (_MADE_ELSEWHERE | _BUT):
            naming = of_the_report = True  # "i reported my stolen bike …", "sy udh lapor motor sy ilang …"
        if not naming:
            unnamed.append(word)
        if word in STATUS_WORDS | ASKING_AFTER | NOT_YET_WORDS | WHY_WORDS | _SINCE_WHEN or word in NEUTRAL:
            continue
        if no_reply and word in _REPLY | _NOT_COME | _REPORTED:
            continue
        if word in _COURTESY_WORDS or word in _GREETING_WORDS:
            continue  # "Selamat malam. Saya ingin menanyakan laporan saya … Terima kasih.", "hi, …"
        if outcome_asked and (word in OUTCOME_WORDS | _ACTORS | _ACTED | _ASKED_DONE or word.endswith("nya")
                              or said_in_order[i - 1:i] in (["the"], ["my"])):
            continue  # "udh ditangkep blm", "polisi yg dateng", "malingnya", "the thief": what is asked, not what
            # happened
        if not (naming and (outcome_asked or of_the_report)):  # "dompet sy yg ilang … udh ketemu blm?" names it
            others.append(word)
        if not naming and not (i and said_in_order[i - 1] in REPORT_NOUNS):  # "laporan pencurian saya"
            telling.append(word)
    # Words that name the report are no cry ("laporan yg celurit itu gmn pak"); a cry told beside the question is
    # ("gimana laporan saya pak, tolong saya takut"). One missing asked after is both: 110 is said, and the status.
    if is_cry_for_help(" ".join(unnamed)) and not missing_one_asked_after(text):
        return False
    if said & DECIDED_WORDS and said & WHY_WORDS:  # "lho kok ditolak pak, kan sapinya emang ilang td malem"
        return True
    return (len(others) <= STATUS_OTHER_WORDS and category_named(" ".join(telling)) is None
            and not _happening(" ".join(telling), telling))


# A question, by its mark, its first word ("apakah …", "is my …", "kapan …") or a last word that asks ("aman ga
# pak", "dirahasiakan kan").
_QUESTION_OPENERS = frozenset({"apakah", "apa", "kah", "is", "are", "does", "do", "can", "could", "will", "would",
                               "berapa", "kapan", "gimana", "bagaimana", "bisa", "boleh", "how", "when", "what"})
_ASKING_LAST = frozenset({"enggak", "kan", "tidak", "belum"})


def _asked(text: str, said: list[str]) -> bool:
    last = next((word for word in reversed(said) if word not in NEUTRAL and word not in ("ya", "yah")), "")  # "blm ya"
    return "?" in text or (bool(said) and said[0] in _QUESTION_OPENERS) or last in _ASKING_LAST


def is_question(text: str) -> bool:
    """Whether the message asks: by its mark, its first word or a last word that asks ("udh otw blm")."""
    return _asked(text, words(text))


# Where a place offered lies, asked of it: "gedog itu masuk kecamatan mana pak?", "kecamatannya apa?", "itu dmn?",
# "which district is that?". A place told ("kecamatan sananwetan") asks nothing, nor what a kecamatan is ("kecamatan
# itu apa?": slots.area_word_asked).
_LEVELS_ASKED = frozenset({"kecamatan", "kecamatannya", "kec", "kabupaten", "kabupatennya", "kab", "kota", "kotanya",
                           "provinsi", "provinsinya", "wilayah", "wilayahnya", "district", "regency", "city",
                           "province"})
_WHICH_OF_THEM = frozenset({"mana", "apa", "which", "what"})
_WHERE_WORDS = frozenset({"dimana", "where"})
_THE_PLACE = frozenset({"itu", "that", "it", "tempatnya"})
_WHAT_IT_IS = frozenset({"itu", "artinya", "maksudnya", "means", "mean"})
_WHERE_ASKED_WITHIN = 10  # words: a longer message tells more than this question


def where_it_lies_asked(text: str) -> bool:
    said = words(text)
    told = set(said)
    if len(said) > _WHERE_ASKED_WITHIN or not (is_question(text) or told & (_WHICH_OF_THEM | _WHERE_WORDS)):
        return False
    if any(word in _LEVELS_ASKED and said[at + 1:at + 2] and said[at + 1] in _WHAT_IT_IS
           for at, word in enumerate(said)):
        return False
    return bool(told & _LEVELS_ASKED and told & _WHICH_OF_THEM) or bool(told & _WHERE_WORDS and told & _THE_PLACE)


# Asking whether the reporter stays unexposed ("ini data sy aman ga pak?", "apa pelaku bisa tau kalau saya yang
# lapor?", "is my data safe?"): one's data, or oneself as the one who reports, and whether that is kept or seen.
# Data leaked or spread ("nomor hp saya disebar orang") is an incident to report, not this question.
_ONES_DATA = frozenset({"data", "datanya", "privasi", "privacy", "identitas", "identitasnya", "identity", "pelapor",
                        "reporter"})
_ONESELF = frozenset({"nama", "name", "nomor", "number", "me", "saya", "aku"})
_KEPT_OR_SEEN = frozenset({"aman", "safe", "secure", "tahu", "tau", "know", "knows", "rahasia", "dirahasiakan",
                           "rahasiakan", "dirahasiain", "rahasiain", "secret", "confidential", "hidden", "kept",
                           "disembunyikan", "disembunyiin", "anonim", "anonymous", "dilihat", "see", "tell",
                           "told", "dikasih", "diberitahu", "share", "shared", "terlindungi", "dilindungi", "protected",
                           "private", "kelihatan", "ketahuan", "keliatan", "kliatan", "diliat", "liat", "terlihat",
                           "lihat", "visible", "seen", "dicari", "dilacak", "tracked", "traced"})
# This, asked safe and nothing more: "ini aman gak?", "apa ini aman?", "is it safe?"; not "ini jalan aman gak?"
_THIS = frozenset({"ini", "this", "it"})
_SAFE = frozenset({"aman", "safe"})
_AROUND_SAFE = _THIS | _SAFE | {"is", "apa", "apakah", "kan", "ya", "pak", "bu", "sih", "nih", "kah", "kak", "min",
                                 "enggak", "tidak", "not", "no"}
# Whether reporting here is safe, and nothing else: "klo lapor disini aman ga?", "ini aman kan? ga bakal ketauan kan?"
# (not "tempat ini aman gak ya?", a place's safety)
_FOUND_OUT_WORDS = frozenset({"ketahuan", "ketauan"})
_AROUND_SAFE_REPORTING = _AROUND_SAFE | REPORT_WORDS | {
    "kalo", "kalau", "klo", "disini", "sini", "di", "here", "to", "bakal", "akan", "will", "ketahuan", "ketauan", "mau",
    "tanya", "saya", "aku", "i", "if", "lewat", "via", "chat", "through", "kalian", "you", "bisa", "be", "found", "out"}
# Spread or leaked: feared when denied ("nomor saya ga disebar kan pak?"), an incident when told ("nomor hp saya
# disebar orang").
_SPREAD = frozenset({"disebar", "sebar", "tersebar", "bocor", "leak", "leaked"})
# Fear of being known is the same question: "sy takut suami sy tau kalo sy lapor".
_FEARING = frozenset({"takut", "khawatir", "cemas", "afraid", "scared", "worried"})
PRIVACY_MAX_WORDS = 14
# A fear of reporting and of what may follow, and nothing more: "pak sy mau lapor tp sy takut", "sy takut lapor,
# nanti dibales", "i want to report but i'm scared they will find out".
_FEAR_OF_REPORTING = _FEARING | REPORT_WORDS | WANT_WORDS | frozenset({
    "saya", "aku", "i", "me", "my", "tapi", "tp", "but", "nanti", "kalau", "if", "dibales", "dibalas", "balas",
    "dendam", "diancam", "diapa", "diapain", "ketahuan", "ketauan", "tahu", "tau", "pelakunya", "pelaku", "dia",
    "mereka", "they", "he", "she", "will", "find", "out", "to", "im", "am", "of", "revenge", "retaliation",
    "sebenarnya", "sebenernya", "juga", "jadi", "sih",
    # reported, sued or attacked back: "takut dilaporin balik sama orgnya", "nanti malah dituntut balik"
    "balik", "dilaporin", "dilaporkan", "dituntut", "dipolisikan", "diserang", "digugat", "malah", "sama", "sm",
    "orangnya", "orgnya", "sue", "sued", "back"})
# Not to be known to someone: "jgn sampe suami sy tau ya pak", "don't let my husband know".
_NOT_TO_KNOW = (("jangan", "sampai"), ("don", "t", "let"), ("dont", "let"), ("do", "not", "let"))
_FEARING_KNOWN = frozenset({"takut", "khawatir", "afraid", "worried"})  # "sy takut ketauan tetangga"
_NOT_WANTING = (("enggak", "mau"), ("tidak", "mau"), ("tidak", "ingin"), ("don", "t", "want"), ("dont", "want"),
                ("do", "not", "want"))
_SAID_BY_ANOTHER = frozenset({"katanya", "kata", "bilang", "ngomong", "berkata", "ancam", "mengancam", "said",
                              "says", "told", "threatened"})
_OPENERS = frozenset({"tolong", "mohon", "tapi", "dan", "please", "but", "and"})
_KNOWING_WITHIN = 4  # words after "jangan sampai" the knowing is said in: not "… terlambat, saya tahu pelakunya"
_KNOWING = frozenset({"tahu", "tau", "ketahuan", "know", "knows", "find"})


def _not_to_know(said: list[str]) -> bool:
    """Whether the resident asks that someone not come to know: "jangan sampai suami sy tau", "don't let them know",
    "sy gak mau tetangga tau"; not "pelakunya gak mau tau" (does not care, no one between), not another's words
    ("dia bilang jangan sampai ada yg tau"), not another's wish ("dia gak mau sy tau", "pacar sy gak mau ortunya
    tau")."""
    return any(_KNOWING & set(said[at + len(phrase):at + len(phrase) + _KNOWING_WITHIN])
               and not _SAID_BY_ANOTHER & set(said[max(0, at - 3):at])
               for phrase, at in phrases_found(said, _NOT_TO_KNOW)) or any(
        _KNOWING & set(said[at + len(phrase) + 1:at + len(phrase) + _KNOWING_WITHIN]) and _own_wish(said, at)
        for phrase, at in phrases_found(said, _NOT_WANTING))


def _a_wish(said: list[str], after_but: bool) -> bool:
    """Whether a clause asks that someone not know (_not_to_know), or fears they will: the resident's fear, said
    of themselves or after a "but" ("sy mau lapor tp takut ketauan tetangga"), not another's ("malingnya kabur,
    takut ketahuan warga")."""
    return _not_to_know(said) or any(
        word in _FEARING_KNOWN and _KNOWING & set(said[at + 1:at + 1 + _KNOWING_WITHIN])
        and ((at and said[at - 1] in OWN_WORDS | {"i"}) or (not at and after_but)) for at, word in enumerate(said))


def _own_wish(said: list[str], at: int) -> bool:
    """Whether the wish at `at` is the resident's: said first, or after their own word that opens the clause ("sy gak
    mau …", "pak, sy gak mau …"), not after someone's ("pacar sy gak mau …")."""
    return at == 0 or (said[at - 1] in OWN_WORDS | {"i"}
                       and (at == 1 or said[at - 2] in NEUTRAL | _OPENERS))


def real_name_asked(text: str) -> bool:
    """Whether one's own name must be given, asked before reporting ("kalau mau lapor pake nama asli wajib gk?"):
    how one may be shown answers it (at the identity question, the question itself does)."""
    said = words(text)
    return "nama" in said and bool(set(said) & (_MUST | {"asli"})) and _asked(text, said) \
        and bool({_root(word) for word in said} & REPORT_WORDS)  # not "nama asli penipunya budi, wajib sy tulis?"


# Whether someone will come to know who reported: "tetangga sy bisa tau gak kalo sy yg lapor?", "pelakunya ntar tau ga
# sy yg laporin?", "yg dilaporin bakal tau gk siapa yg lapor?", "will the guy know it was me?". A word of knowing,
# asked (or feared), and after it the resident as the one who reports, or who reported; who might know is said
# before it in a few words ("tetangga sy", "pak RT", "orang itu"), which name no incident. Not told as known already
# ("pelaku udh tau sy yg lapor, …"): that is what happened, to report.
_COMING_TO_KNOW = frozenset({"tau", "tahu", "ketahuan", "know", "knows", "find", "finds", "learn", "figure"})
_KNOWN_ALREADY = frozenset({"sudah", "already", "ternyata", "knew", "found", "udah"})
_REPORTING_ROOTS = frozenset({"lapor", "report", "reported", "reporting", "adu"})
_I_OR_ME = OWN_WORDS | frozenset({"i", "gue"})
_WHO_REPORTED = (("siapa", "yang", "lapor"), ("yang", "lapor", "siapa"), ("siapa", "pelapor"), ("siapa", "pelapornya"),
                 ("pelapornya", "siapa"), ("who", "reported"), ("who", "made", "the", "report"),
                 ("it", "was", "me"), ("it", "is", "me"), ("it", "s", "me"), ("its", "me"),
                 # "tetangga tau gak yg lapor saya?": the one who reports is me
                 *(("yang", "lapor", me) for me in ("saya", "aku", "gue")),
                 ("pelapornya", "saya"), ("pelapornya", "aku"))
_KNOWER_WORDS = 2  # "tetangga sy", "pak RT", "yg dilaporin", "the guy": who might know, before the knowing
_REPORTER_WITHIN = 3  # "sy yg lapor", "i made the report": the reporting a few words after the resident
# Asked bare, the knowing needs no reporting after it when the one who might know is the one reported or someone
# near ("pelakunya nanti tau gk?", "dia bakal tau ga?", "will the thief find out?"): nothing but asking words may
# follow, not what they might know ("pelakunya tau gk alamat sy?") nor a story ("pelakunya tau sy sendirian …"),
# nor "ketahuan", which of the one reported asks whether they are found ("pelakunya bakal ketahuan gk?").
_WHO_COULD_LEARN = THIEVES | OWN_WORDS | frozenset({
    "pelaku", "pelakunya", "terlapor", "dia", "mereka", "tetangga", "tetangganya", "orangnya", "orang", "malingnya",
    "suami", "istri", "bos", "keluarga", "they", "he", "she", "guy", "person", "perpetrator", "suspect", "neighbour",
    "neighbours", "neighbor", "neighbors", "husband", "wife", "boss", "family"})
_AFTER_A_BARE_KNOWING = frozenset({"enggak", "tidak", "nanti", "ntar", "entar", "nantinya", "out", "ya", "apa", "about",
                                   "it", "this"})
_AHEAD = frozenset({"nanti", "ntar", "entar", "bakal", "akan"})  # "pelakunya nanti tau": asked ahead, unmarked


def known_as_the_reporter(text: str) -> bool:
    """Whether the message asks if someone will know that the resident is who reported (see above)."""
    said = words(text)
    knowing = next((i for i, word in enumerate(said) if word in _COMING_TO_KNOW), None)
    if knowing is None or not 0 < len(said) <= PRIVACY_MAX_WORDS:
        return False
    asked = _asked(text, said) or said[knowing + 1:knowing + 2] in (["enggak"], ["tidak"]) \
        or bool(_FEARING & set(said[:knowing]))  # "tau gak kalo…", "sy takut pelaku tau sy yg lapor"
    told_known = _KNOWN_ALREADY & set(said[:knowing]) and said[0] not in _QUESTION_OPENERS
    knower = [word for word in said[:knowing] if word not in NEUTRAL and word not in _QUESTION_OPENERS
              and word not in _AHEAD | {"the", "my"}]
    if not (asked or _AHEAD & set(said[:knowing])) or told_known or len(knower) > _KNOWER_WORDS:
        return False
    after, roots = said[knowing + 1:], [_root(word) for word in said[knowing + 1:]]
    reporter = asked and any(word in _I_OR_ME and _REPORTING_ROOTS & set(roots[i + 1:i + 1 + _REPORTER_WITHIN])
                             for i, word in enumerate(after))
    bare = bool(knower) and said[knowing] != "ketahuan" and set(knower) <= _WHO_COULD_LEARN \
        and not set(knower) <= OWN_WORDS and all(word in _AFTER_A_BARE_KNOWING or word in NEUTRAL for word in after)
    return (reporter or bare or (asked and any_phrase(after, _WHO_REPORTED))) and not is_cry_for_help(text)


def privacy_asked(text: str) -> bool:
    """Whether the message only asks if the reporter stays unexposed; never a cry for help, nor a story that names
    an incident ("…dia sering memukul saya")."""
    said = words(text)
    if not 0 < len(said) <= PRIVACY_MAX_WORDS:
        return False
    if known_as_the_reporter(text):
        return True
    roots = set(stems_of(said, REPORT_WORDS)) | set(said)
    # "nama sy keliatan gak?", "petugas bisa liat nomor sy?": one's own name or number
    own = any(word in ("nama", "nomor", "name", "number") and (said[i + 1:i + 2] in (["saya"], ["aku"], ["gue"])
                                                               or said[i - 1:i] == ["my"])
              for i, word in enumerate(said))
    whose = roots & _ONES_DATA or (roots & _ONESELF and (roots & REPORT_WORDS or said[:1] in (["nomor"], ["nama"])
                                                         or own)) \
        or (bool(_SAFE & roots) and bool(_THIS & set(said)) and all(word in _AROUND_SAFE for word in said)) \
        or (bool(_SAFE & roots) and bool((REPORT_WORDS | _FOUND_OUT_WORDS) & roots)
            and all(word in _AROUND_SAFE_REPORTING or word in NEUTRAL for word in stems_of(said, REPORT_WORDS)))
    besides = " ".join(word for word in said if word not in _KEPT_OR_SEEN)
    spread_denied = any(word in _SPREAD and i and said[i - 1] in NOT_WORDS for i, word in enumerate(said))
    clauses = [(words(part), after_but) for part, after_but in clauses_of(text)]
    wishes = [part for part, after_but in clauses if _a_wish(part, after_but)]
    # "jangan sampai tetangga tau ya pak": who must not know is no story of a neighbour
    besides_the_wish = " ".join(word for part, _after_but in clauses if part not in wishes for word in part)
    if wishes and not is_cry_for_help(text) and category_named(besides_the_wish) is None:
        return True
    if roots & _FEARING and roots & REPORT_WORDS and all(word in _FEAR_OF_REPORTING or word in NEUTRAL
                                                         for word in stems_of(said, REPORT_WORDS)):
        return True  # "sy mau lapor tp takut dibales": whether one stays unknown is what the fear asks
    return (bool(whose) and (bool(roots & _KEPT_OR_SEEN) or spread_denied)
            and (_asked(text, said) or bool(roots & _FEARING))
            and not is_cry_for_help(text) and category_named(besides) is None)


# Other questions about the service: whether it costs ("ini gratis kan pak?"; not a bribe asked for, "dimintai
# biaya sama petugas, apa boleh?"), when a report is answered ("berapa lama diprosesnya?") or officers come ("bisa
# minta polisi datang ke rumah?"), and who is writing ("ini bot ya?", "ini beneran polisi?").
_COST = frozenset({"gratis", "bayar", "biaya", "berbayar", "tarif", "free", "pay", "cost", "costs", "charge", "fee",
                   "paid"})
_ASKED_TO_PAY = frozenset({"dimintai", "diminta", "minta", "meminta", "asked", "pungli", "suap", "oknum", "bribe"})
_HOW_SOON = frozenset({"lama", "kapan", "long", "when", "soon", "cepat", "bisa", "can", "will"})
_REPORT_ANSWERED = frozenset({"diproses", "ditanggapi", "dibalas", "dibales", "direspon", "ditindaklanjuti", "dicek",
                              "diurus", "diurusin", "ditangani", "ditindak", "ditindaklanjutin", "processed",
                              "answered", "handled"})
# Whether it will be seen to at all ("ini bakal diurus beneran kan?", "will this really be handled?").
_SURELY = frozenset({"bakal", "akan", "beneran", "benaran", "pasti", "will", "really", "actually"})
_COMING = frozenset({"datang", "dateng", "didatangi", "didatengin", "kesini", "come", "reply", "respond", "answer"})
_PROCESS = frozenset({"proses", "process", "processing"})  # "berapa lama prosesnya?": how long it takes
_OFFICERS = frozenset({"polisi", "petugas", "police", "officer", "officers", "anda", "you", "kalian"})
# "ini bot apa", "aplikasi apa ini", "apaan nih": what this is, asked with or without a question mark.
_WHAT_IS_THIS = re.compile(r"^\W*(?:(?:ini\s+)?(?:bot|robot|aplikasi|app|layanan|nomor|akun)\s+(?:apa|apaan)"
                           r"|(?:apa|apaan)\s+(?:ini|nih|sih\s+ini)|(?:bot|aplikasi|layanan)\s+(?:apa|apaan)\s+(?:ini|nih))"
                           r"(?:\s+(?:ya|sih|nih|ini|kak|pak|bu|min|mas|mbak))*\W*$", re.IGNORECASE)
_WHO_WRITES = frozenset({"bot", "robot", "beneran", "benaran", "resmi", "official", "real", "really", "manusia",
                         "human", "baca", "membaca", "dibaca", "read", "reads"})
_THIS_SERVICE = frozenset({"ini", "this", "bot", "robot", "polisi", "police", "kamu", "you", "admin", "lapor",
                           "layanan", "service", "laporan", "report"})
# Whether the police will reach the reporter: call, come to them, summon them ("apa polisi bakal nelpon sy?",
# "nanti sy dipanggil ke kantor polisi gk?"), which depends on how they chose to be shown.
_REACHING = frozenset({"nelpon", "menelepon", "telepon", "telpon", "ditelepon", "ditelpon", "menghubungi", "hubungi",
                       "dihubungi", "dipanggil", "panggil", "call", "contact", "summon", "summoned", "visit",
                       # told of it: "nanti sy dikabarin gk?", "will I be updated?"
                       "dikabarin", "dikabari", "dikabarkan", "kabarin", "mengabari", "updated", "informed",
                       "notified"})
_TO_ONESELF = frozenset({"saya", "aku", "me", "rumah", "home"})
# Which station the report goes to: "ini langsung ke polsek mana pak?", "which police station gets this?".
_STATIONS = frozenset({"polsek", "polres", "kantor", "station", "precinct"})
_WHICH = frozenset({"mana", "which", "what"})
_THIS_REPORT = frozenset({"ini", "laporan", "laporannya", "lapor", "dikirim", "diteruskan", "masuk", "diurus",
                          "ditangani", "langsung", "report", "this", "goes", "sent", "gets"})
# Whether one must go to the station ("sy hrs ke polsek gk?", "perlu dateng ke kantor polisi?"), whether one who
# called 110 reports here too ("sy udh telpon 110 td, perlu lapor sini jg gk?").
_MUST = frozenset({"harus", "perlu", "wajib", "must", "need", "have"})
_CALLED = frozenset({"telpon", "telepon", "nelpon", "menelepon", "ditelpon", "hubungi", "menghubungi", "call",
                     "called"})
# What a fear names is no incident told: "ini beneran polisi bukan? takutnya penipuan".
_FEARED_AFTER = re.compile(r"\b(?:takut(?:nya)?|khawatir|jangan[- ]?jangan|jgn2|afraid)\b[^,.;!?\n]*", re.IGNORECASE)
# What happens once it is sent ("klo udh dikirim trus gmn pak?", "what happens after I send it?").
_SENT = frozenset({"dikirim", "kirim", "terkirim", "send", "sent", "submit", "submitted"})
_ONCE_DONE = frozenset({"setelah", "sesudah", "abis", "habis", "after", "sudah", "kalau", "once", "when"})
_WHAT_NEXT = frozenset({"bagaimana", "terus", "lalu", "selanjutnya", "happens", "next", "then"})
# Asking whether one may ask, and nothing more ("min mau nanya", "pak boleh tanya?", "can I ask something?"): yes.
_ASK = frozenset({"tanya", "nanya", "bertanya", "nanyain", "tanyain", "ask", "question"})
_ASKING_TO_ASK = _ASK | frozenset({"mau", "ingin", "pengin", "boleh", "bisa", "izin", "ijin", "numpang", "saya", "aku",
                                   "sedikit", "dikit", "sebentar", "bentar", "dulu", "eh", "i", "want", "to", "can",
                                   "may", "have", "a", "something", "quick", "tolong"})  # "tolong pak, mau nanya dong"
# Whether a report shown one way can still be followed ("kalo anonim nanti bisa dicek statusnya gak?", "if I stay
# anonymous can I still follow it?", "klo rahasia petugas masih bisa bales?"): the way named, a word of following it,
# asked. The answer differs by the way (an anonymous report is checked only by its number, and nothing reaches its
# sender), so it is its own question for each: "follow_up_anonymous", "follow_up_confidential", "follow_up_named".
_WAY_NAMED = {"anonymous": frozenset({"anonim", "anonymous", "anonymously", "anon"}),
              "confidential": frozenset({"rahasia", "dirahasiakan", "confidential", "confidentially"}),
              "named": frozenset({"named"})}
_WITH_A_NAME = (("pakai", "nama"), ("pake", "nama"), ("dengan", "nama"), ("with", "my", "name"), ("my", "name"))
_FOLLOWING = frozenset({"status", "statusnya", "cek", "dicek", "ngecek", "mengecek", "check", "checked", "follow",
                        "track", "tracked", "pantau", "dipantau", "memantau", "kabar", "kabarnya", "dikabari",
                        "dikabarin", "kabarin", "mengabari", "update", "updates", "updated", "perkembangan",
                        "perkembangannya", "dibalas", "dibales", "bales", "balas", "balasan", "reply", "replies",
                        "tanggapan", "hear", "news"})
FOLLOW_UP_QUESTIONS = tuple(f"follow_up_{way}" for way in _WAY_NAMED)
# "anonim aja, bisa cek status kan?" takes the way too: left to the identity question, unless only supposed ("if I
# choose confidential will I get updates?")
_CHOOSING = frozenset({"pilih", "milih", "choose", "pick", "aja", "saja", "deh"})
_SUPPOSING = frozenset({"kalau", "kalo", "klo", "kl", "if", "jika", "misal", "misalnya", "seandainya"})


def follow_up_asked(text: str) -> str | None:
    """Which of "follow_up_anonymous", "follow_up_confidential", "follow_up_named" the message asks: whether a
    report shown that way can still be followed, and nothing more; None for anything else."""
    said = words(text)
    told = set(said)
    if not 0 < len(said) <= SERVICE_MAX_WORDS or not _asked(text, said) or not told & _FOLLOWING \
            or (told & _CHOOSING and not told & _SUPPOSING) or is_cry_for_help(text):
        return None
    ways = [way for way, named in _WAY_NAMED.items() if told & named]
    if any_phrase(said, _WITH_A_NAME):
        ways.append("named")
    return f"follow_up_{ways[0]}" if len(ways) == 1 else None


SERVICE_QUESTIONS = ("privacy", "cost", "response", "who", "contact", "station", "visit", "called_110",
                     "after_report", "ask_away", "identity_options", *FOLLOW_UP_QUESTIONS)
# What the ways of being shown mean, or how they differ ("apa bedanya rahasia sm anonim?", "anonim itu apa?", "what's
# the difference between confidential and anonymous?"): explained, not taken for a choice.
_WAYS_SHOWN = frozenset({"rahasia", "dirahasiakan", "anonim", "anonymous", "anon", "confidential", "nama", "named",
                         "identitas", "identity"})
_DIFFERING = frozenset({"beda", "bedanya", "perbedaan", "perbedaannya", "bedain", "membedakan", "difference",
                        "differences", "different", "differ", "jelasin", "jelaskan", "explain", "apaan"})
# Meaning asked only as a question: "maksudnya anonim aja pak", "I mean anonymous" choose.
_MEANING = frozenset({"maksud", "maksudnya", "arti", "artinya", "mean", "means", "meaning", "pengertian"})
_OF_DIFFERING = frozenset({"apa", "what", "whats", "what's", "s", "itu", "is", "are", "the", "between", "and", "or",
                           "dan", "sama", "atau", "dengan", "pake", "pakai", "yang", "ya", "sih", "tuh", "of", "does",
                           "do", "nya", "kalau", "kalo", "gimana", "bagaimana", "how", "they", "mau", "tanya", "i",
                           "can", "you", "please", "antara", "pilihan", "options", "choices"})
SERVICE_MAX_WORDS = 12


def identity_options_asked(text: str, *, options_shown: bool = False) -> bool:
    """Whether the message only asks what one of the ways of being shown means, or how they differ; where the
    options are `options_shown`, one need not be named ("bedanya apa", "whats the difference", "artinya apa?")."""
    said = words(text)
    told = set(said)
    # "nama apa?" at the name question asks which name, not what being named means
    asked, what = _asked(text, said), bool(told & {"apa", "what", "whats"})
    way_not_a_name = bool(told & _WAYS_SHOWN - {"nama", "named", "identitas", "identity"})
    meaning = bool(told & _DIFFERING) or ((asked or what) and bool(told & _MEANING)) or (
        asked and what and way_not_a_name) or (
        # "anonim tu gmn", "kalo rahasia gimana": how one of them goes (not "anonim aja gmn?", which chooses it)
        way_not_a_name and bool(told & {"itu", "kalau", "kalo", "if"}) and bool(told & {"bagaimana", "how"}))
    if options_shown and _not_followed(told) and all(
            word in _NOT_FOLLOWING | _MEANING | _OF_DIFFERING or word in NEUTRAL for word in said):
        return True  # "bingung pak", "gk ngerti maksudnya", "i dont get it": as good as asked
    return (options_shown or bool(told & _WAYS_SHOWN)) and meaning and all(
        word in _WAYS_SHOWN | _DIFFERING | _MEANING | _OF_DIFFERING or word in NEUTRAL for word in said)


# Not following what is asked: "bingung", or understanding denied ("gk ngerti", "blm paham", "I don't understand").
_PUZZLED = frozenset({"bingung", "confused", "confusing"})
_UNDERSTOOD = frozenset({"mengerti", "paham", "mudeng", "understand", "get"})
_NOT_SO = frozenset({"enggak", "tidak", "belum", "kurang", "don", "dont", "t", "not", "no"})
_NOT_FOLLOWING = _PUZZLED | _UNDERSTOOD | _NOT_SO | frozenset({"saya", "aku", "i", "it", "masih", "still"})


def _not_followed(told: set[str]) -> bool:
    return bool(told & _PUZZLED) or (bool(told & _UNDERSTOOD) and bool(told & _NOT_SO))


def _asks_to_ask(said: list[str]) -> bool:
    return bool(set(said) & _ASK) and _only_asking_to_ask(said)


def _only_asking_to_ask(said: list[str]) -> bool:
    return all(word in _ASKING_TO_ASK or word in NEUTRAL or word in _GREETING_WORDS for word in said)


def _opening_asking_to_ask(clauses: list[str]) -> int:
    """How many of the first clauses only ask to ask ("eh bentar pak, sy mau tanya dulu, …"), 0 for none. Read no
    further than the first clause of anything else: no longer opening can then ask only, and a long story of many
    commas is not read again for each of them."""
    opening = 0
    for k in range(1, len(clauses) + 1):
        said = words(",".join(clauses[:k]))
        if not _only_asking_to_ask(said):
            break
        if set(said) & _ASK:
            opening = k
    return opening


def service_asked(text: str) -> str | None:
    """Which question about the service the message only asks (SERVICE_QUESTIONS); None for anything more, a story
    or a cry for help above all."""
    if followed := follow_up_asked(text):
        return followed
    if privacy_asked(text):
        return "privacy"
    if _WHAT_IS_THIS.match(text):
        return "who"
    if identity_options_asked(text):
        return "identity_options"
    said = words(text)
    if _asks_to_ask(said):
        return "ask_away"
    clauses = text.split(",")
    opening = _opening_asking_to_ask(clauses)
    if opening and ",".join(clauses[opening:]).strip():  # "eh bentar pak, sy mau tanya dulu, nanti sy dipanggil…?"
        return service_asked(",".join(clauses[opening:]))
    if not 0 < len(said) <= SERVICE_MAX_WORDS or not _asked(text, said) or is_cry_for_help(text) \
            or category_named(_FEARED_AFTER.sub("", text)):
        return None
    bare = set(said) | {word.removesuffix("nya") for word in said}  # "diprosesnya", "biayanya"
    if "110" in bare and bare & _CALLED and {_root(word) for word in said} & REPORT_WORDS:
        return "called_110"
    if bare & _SENT and bare & _ONCE_DONE and bare & _WHAT_NEXT:
        return "after_report"
    to_the_station = any(word in ("ke", "to") and said[i + 1:i + 2] and said[i + 1] in _STATIONS | {"polisi", "the"}
                         for i, word in enumerate(said))
    if bare & _MUST and to_the_station and not bare & _REPORT_ANSWERED:  # not "polisi harus dateng ke rumah sy?"
        return "visit"
    if bare & _COST and not bare & _ASKED_TO_PAY:
        return "cost"
    coming = bare & (_REPORT_ANSWERED | _PROCESS) or (bare & _COMING and bare & _OFFICERS)
    # "nanti polisi dateng?" asks whether they come; "nanti polisi dateng ke rumah sy?", how they reach the resident
    if (coming and (bare & _HOW_SOON or (bare & _AHEAD and not bare & _TO_ONESELF))) \
            or phrase_at(said, ("how", "long")) is not None \
            or (bare & _REPORT_ANSWERED and bare & _SURELY):
        return "response"
    if bare & _WHO_WRITES and bare & _THIS_SERVICE:
        return "who"
    if (bare & _REACHING or bare & _COMING) and bare & _TO_ONESELF:
        return "contact"
    # not where the office is, nor which one makes a certificate ("bikin skck di polsek mana?")
    if bare & _STATIONS and bare & _WHICH and bare & _THIS_REPORT and not phrase_at(said, ("di", "mana")) is not None:
        return "station"
    return None


# Whether a kind of incident may be reported here, asked before telling anything ("ini bisa buat lapor kdrt gk
# pak?", "disini nerima laporan narkoba ga?", "can I report a scam here?"): a word of being able or taken in, a
# word of reporting, the kind, and little else. Of oneself only before the report ("apa saya bisa lapor…"): "bisa
# lapor hp saya dicuri?" tells of one's own phone, and a time told ("…td pagi?") is a story too.
_TAKEN_IN = frozenset({"bisa", "boleh", "can", "could", "may", "terima", "nerima", "menerima", "diterima", "accept",
                       "accepts", "accepted", "layani", "melayani", "dilayani", "handle", "handles", "urus", "ngurus",
                       "mengurus", "diurus"})
_OF_ASKING = _TAKEN_IN | REPORT_WORDS  # the roots of "may I report", besides the kind
_ABOUT_A_KIND = frozenset({"ini", "sini", "disini", "kesini", "di", "ke", "lewat", "via", "buat", "untuk", "soal",
                           "tentang", "mengenai", "masalah", "kasus", "kalau", "apa", "apakah", "juga", "enggak",
                           "tidak", "ya", "yang", "atau", "ada", "orang", "polisi", "polsek", "chat", "nomor",
                           "for", "about", "here", "this", "a", "an", "the", "of", "any", "kind", "case", "cases",
                           "through", "also", "or", "do", "you", "we", "it", "is", "i", "things", "like", "such",
                           "as", "where", "mana", "kemana", "dalam", "rumah", "tangga", "domestic", "online",
                           "right", "correct", "bener", "benar", "bukan", "tempat", "place", "from", "dari", "sm",
                           *WANT_WORDS, *NEUTRAL, *OWN_WORDS, *REPORT_WORDS})
_OTHER_WORDS_OF_A_KIND = 2  # "penipuan online", "kehilangan ktp": what the lists do not hold, at most
# Asked as the place for it rather than whether it may be ("is this the place to report a scam?", "disini tempat
# lapor penipuan bukan?", "is this where I report a scam?"): the place just before the word of reporting.
_THE_PLACE_FOR = frozenset({"tempat", "place", "where"})
_PLACE_BEFORE = 3  # "tempat buat lapor", "the right place to report"
# Who is about the asker is no story of their own when they are a nuisance ("can I report noise from my neighbour?",
# "bisa lapor tetangga sy berisik gk?"): "my" beside them. A crime of theirs is a story ("bisa lapor tetangga sy yg
# nyuri motor?"), kept as told.
_PEOPLE_AROUND = frozenset({"tetangga", "neighbour", "neighbor", "neighbours", "neighbors"})
_NUISANCE = "social"


def _own_besides_people_around(said: list[str]) -> bool:
    """Whether each word of one's own after the word of reporting only says whose neighbour."""
    return all(word not in OWN_WORDS or set(said[max(0, i - 1):i] + said[i + 1:i + 2]) & _PEOPLE_AROUND
               for i, word in enumerate(said))


# What may be reported here, asked of no kind ("bisa lapor apa aja?", "apa aja yg bisa dilaporin?", "what can I report
# here?", "what kind of things can I report?", "what types of cases do you handle?", "kasus apa aja yg ditangani?",
# "jenis laporan apa saja?"): the kinds are the answer, as the report's first question lists them.
_WHAT = frozenset({"apa", "what", "which"})
_WORDS_OF_REPORTING = REPORT_WORDS | REPORTING | {"dilaporin", "dilaporkan", "reported", "reports"}
_KINDS = frozenset({"kind", "kinds", "type", "types", "jenis", "macam", "kasus", "cases"})
# Handled, as a station handles cases: a kind of thing asked of it says what may be reported as much as "lapor" does.
_HANDLING = frozenset({"tangani", "ditangani", "menangani", "handle", "handles", "handled", "deal", "dealt"})
_OF_WHAT_MAY_BE = _KINDS | frozenset({"things", "sort", "sorts", "of", "be", "i", "we", "you", "here", "this", "do",
                                      "aja", "saja", "yang", "sini", "disini", "di", "ke", "lewat", "sih", "ya", "hal",
                                      "with", "are", "polsek", "polisi", "police"})


def what_may_be_reported(text: str) -> bool:
    """Whether the message only asks which kinds of incident may be reported here."""
    said = words(text)
    told = set(said)
    asked = bool(told & _WHAT and told & _WORDS_OF_REPORTING and told & _TAKEN_IN) or (
        _which_asked(said) and bool(told & _HANDLING or (told & _WORDS_OF_REPORTING and told & _KINDS)))
    return asked and all(word in _WHAT | _WORDS_OF_REPORTING | _TAKEN_IN | _HANDLING | _OF_WHAT_MAY_BE
                         or word in NEUTRAL for word in said)


# Which category a case goes under, asked where the kind is asked ("kalo ditipu masuk yg mana ya pak?", "kalau kena
# tipu online masuk kategori apa?", "if I was scammed which one is it?"): a word of which, one of going under, asked.
_GOING_UNDER = frozenset({"masuk", "termasuk", "kategori", "kategorinya", "jenis", "jenisnya", "pilih", "category",
                          "under", "fall", "falls", "go", "goes", "one", "option"})
_WHICH_ONE = frozenset({"mana", "apa", "which", "what", "where"})


def category_fit_asked(text: str) -> str | None:
    """The category of the case the message asks which one it goes under; None for anything else."""
    said = words(text)
    told = set(said)
    if not 0 < len(said) <= SERVICE_MAX_WORDS or not _asked(text, said) or not told & _GOING_UNDER \
            or not told & _WHICH_ONE or is_cry_for_help(text):
        return None
    return category_named(text)


def _which_asked(said: list[str]) -> bool:
    """Whether "what" is asked, not yes or no: "apa" opening a sentence asks whether ("apa kasus ini bisa
    ditangani?"), unless "saja" follows it ("apa aja yg ditangani?")."""
    return any(word in ("what", "which") or (word == "apa" and (i > 0 or said[i + 1:i + 2] == ["saja"]))
               for i, word in enumerate(said))


def report_kind_asked(text: str) -> str | None:
    """The category of incident the message only asks whether it may be reported here; None for anything else,
    such as whether someone will know who reported ("tetangga sy bisa tau gk sy yg lapor?")."""
    said = words(text)
    if not 0 < len(said) <= SERVICE_MAX_WORDS or not _asked(text, said) or when_named(text) is not None \
            or known_as_the_reporter(text):
        return None
    roots = stems_of(said, _lexicon() | REPORT_WORDS | _TAKEN_IN)
    reported = next((i for i, root in enumerate(roots) if root in REPORT_WORDS or said[i] in REPORT_WORDS), None)
    category = category_named(text)
    the_place_for = reported is not None and bool(_THE_PLACE_FOR & set(said[max(0, reported - _PLACE_BEFORE):reported]))
    if reported is None or category is None or not ((set(roots) | set(said)) & _TAKEN_IN or the_place_for):
        return None
    if OWN_WORDS & set(said[reported:]) and not (category == _NUISANCE
                                                 and _own_besides_people_around(said[reported:])):
        return None  # "…hp saya dicuri": a story of one's own
    others = [word for word, root in zip(said, roots, strict=True)
              if word not in _ABOUT_A_KIND and root not in _OF_ASKING and root not in _lexicon()
              and category_named(word) is None]
    return category if len(others) <= _OTHER_WORDS_OF_A_KIND else None


# A letter of loss asked after ("gmn cara bikin surat kehilangan?", "need a police report letter for insurance"):
# it is made at a station, not in the chat.
_LETTER = frozenset({"surat", "letter", "stpl", "sktlk"})
_OF_LOSS = frozenset({"kehilangan", "hilang", "lost", "loss", "insurance", "asuransi", "stpl", "sktlk"})
_DOCUMENTS = frozenset({"ktp", "sim", "stnk", "bpkb", "kk", "ijazah", "paspor", "passport", "akta", "npwp", "atm"})


# Police papers asked after ("pak sy mau tanya cara bikin SKCK gmn ya?", "perpanjang sim dmn?"): made at a station
# or the traffic office, not in the chat. "SIM" only with getting one: "sim sy ditahan" is a story.
_PAPERS = frozenset({"skck", "stnk", "bpkb"})
_LICENCE = frozenset({"sim"})
_GETTING = frozenset({"bikin", "buat", "membuat", "perpanjang", "perpanjangan", "urus", "mengurus", "daftar", "cara",
                      "syarat", "persyaratan", "renew", "get", "apply"})


# When a station is open ("kantor polsek buka jam brp?", "polsek buka 24 jam gk?", "what time does the police station
# open?"): asked in a few words.
_OPEN_HOURS = frozenset({"buka", "tutup", "bukanya", "tutupnya", "operasional", "open", "opens", "opening", "closed",
                         "close", "closes", "hours"})
_OFFICES = frozenset({"polsek", "polres", "polda", "spkt", "station"})  # "kantor" with "polisi", below
_HOURS_MAX_WORDS = 14
# Hours asked with no office named, only asked ("tlg min mau tanya jam buka", "jam bukanya kapan ya?"): this chat's
# station's.
_OF_HOURS_ONLY = frozenset({"jam", "buka", "bukanya", "tutup", "tutupnya", "operasional", "pelayanan", "kantor",
                            "berapa", "kapan", "sampai", "dari", "ya"})
# Where a thing found goes ("klo nemu dompet di jalan hrs diserahin kmn?", "I found a wallet, where do I hand it in?").
_FOUND_IT = frozenset({"nemu", "menemukan", "nemuin", "temuan", "found", "find"})
_FOUND_PEOPLE = frozenset({"anak", "bocah", "bayi", "balita", "orang", "nenek", "kakek", "lansia", "child", "kid",
                           "baby", "person"})
_HANDED = frozenset({"serahin", "diserahin", "serahkan", "diserahkan", "menyerahkan", "kasih", "dikasih", "kasihkan",
                     "bawa", "dibawa", "balikin", "dibalikin", "balikan", "dibalikan", "kembalikan", "dikembalikan",
                     "kembaliin", "dikembaliin", "ngembaliin", "hand", "return", "bring", "take"})
# "jam buka polsek brp", "mau sy balikin gmn caranya": asked by its word, with no mark
_WHAT_HOUR = frozenset({"berapa", "kapan", "what", "when"})
_HOW_OR_WHERE = frozenset({"bagaimana", "caranya", "cara", "kemana", "dimana", "mana", "how", "where"})


def station_service_asked(text: str) -> str | None:
    """"lost_letter" or "police_papers" when the message asks after a paper the police make at their offices,
    "found_item" where a thing found goes, "office_hours" when they are open, else None."""
    said = words(text)
    told = set(said)
    if told & _OF_LOSS and (told & _LETTER or (told & _DOCUMENTS and (
            _asked(text, said) or (supposes(text) and bool(told & _HOW_OR_WHERE))))):
        # "bisa lapor kehilangan ktp lewat sini gk?", "min sy mau nanya, kalo ktp ilang lapornya kemana ya": the
        # letter of loss is what it needs
        return "lost_letter"
    if told & _PAPERS or (told & _LICENCE and told & _GETTING):
        return "police_papers"
    police_office = bool(told & _OFFICES) or any_phrase(said, (("kantor", "polisi"), ("police", "office"))) \
        or ("jam" in told and all(w in _OF_HOURS_ONLY | _ASKING_TO_ASK or w in NEUTRAL for w in said))
    if told & _FOUND_IT and told & _HANDED and (_asked(text, said) or bool(told & _HOW_OR_WHERE)) \
            and not told & _FOUND_PEOPLE:
        return "found_item"  # not "sy nemu anak kecil nangis sendirian di pasar, hrs dibawa kmn?": a report
    if told & _OPEN_HOURS and police_office and len(said) <= _HOURS_MAX_WORDS \
            and (_asked(text, said) or bool(told & (_WHAT_HOUR | _ASK))) \
            and not told & REPORT_WORDS:  # "kantor kelurahan tutup jam 12, … bisa lapor?"
        return "office_hours"
    return None


# What the chat cannot tell, asked of what was seen or heard ("video begal di tiktok, aman gk?", "bener gk katanya
# ada penculikan anak di sd?") or of a place ("daerah bendogerit aman gk buat malem2?"): whether it is true or safe.
# Not asked by one who tells of their own ("rumah sy kemalingan, daerah sini aman gk?"), which is a report.
_VERDICTS = frozenset({"aman", "bahaya", "berbahaya", "rawan", "bener", "benar", "betul", "hoax", "hoaks", "asli",
                       "valid", "safe", "dangerous", "true", "fake"})
_VERDICT_ASKED = frozenset({"enggak", "tidak", "kah", "apa", "apakah", "bukan", "not", "is", "or"})
_HEARD_OR_SEEN = frozenset({"video", "vidio", "tiktok", "berita", "viral", "postingan", "grup", "group", "broadcast",
                            "katanya", "kabarnya", "isu", "info", "informasi", "hoax", "hoaks", "medsos", "facebook",
                            "fb", "ig", "instagram", "twitter", "youtube", "news", "rumour", "rumor"})
_AREAS = frozenset({"daerah", "wilayah", "kawasan", "area", "lingkungan", "kampung", "jalan", "jalur", "rute",
                    "neighbourhood", "neighborhood", "route"})
_HEARSAY_MAX_WORDS = 20


def hearsay_asked(text: str) -> bool:
    """Whether the message only asks if something heard of is true, or a place safe, of no incident of one's own."""
    said = words(text)
    if not 0 < len(said) <= _HEARSAY_MAX_WORDS or not _asked(text, said) or set(said) & OWN_WORDS \
            or {_root(word) for word in said} & REPORT_WORDS:  # "…rawan begal, bener gk bisa dilaporin?"
        return False
    opened = said[0] in _VERDICT_ASKED  # "apa video begal di tiktok itu asli?"
    verdict = any(word in _VERDICTS and (opened or _VERDICT_ASKED & set(said[max(0, i - 2):i + 3]))
                  for i, word in enumerate(said))
    return verdict and bool(set(said) & (_HEARD_OR_SEEN | _AREAS)) and not is_cry_for_help(text)


def tells_of_the_kind(text: str, *, words_besides: int = 2) -> bool:
    """Whether a message that names a kind of incident tells something of it too ("hp sy dijambret barusan"), not
    only asks to report that kind ("lapor pencurian", "mau lapor tawuran pak"): two words or more besides (one,
    where the kind is what was asked: "motor sy ilang")."""
    told = [word for word in words(text) if word not in WANT_WORDS | REPORT_WORDS | OWN_WORDS
            and word not in NEUTRAL and category_named(word) is None]
    return len(told) >= words_besides


def begins_a_story(text: str) -> bool:
    """Whether a message that names a kind of incident is the story's first words, to keep for it: it tells
    something of it ("motor sy ilang") or says it happens ("ada yg ngintip", "ada yg nyuri"), rather than asks to
    report that kind ("lapor pencurian", "mau lapor tawuran pak")."""
    said = words(text)
    wished = (WANT_WORDS | REPORT_WORDS | ASKING) & (set(said) | set(stems_of(said, REPORT_WORDS)))
    return tells_of_the_kind(text, words_besides=1) or (len(said) >= 2 and not wished)


_STORY_AFTER_A_WISH = 2  # "…lapor, sepeda motor kulo dipundhut": words after the wish to report tell something


def tells_after_the_wish(text: str) -> bool:
    """Whether a wish to report goes on to tell something in words no reader placed ("pak kulo ajeng lapor, sepeda
    motor kulo dipundhut tiyang"): the story's first words, to keep; not "sy mau lapor pak", "mau lapor nih, boleh?"."""
    said = words(text)
    reporting = next((i for i, word in enumerate(stems_of(said, REPORT_WORDS)) if word in REPORT_WORDS), None)
    if reporting is None or _asked(text, said):
        return False
    told = [w for w in said[reporting + 1:] if w not in NEUTRAL | _KIND_WORDS | WANT_WORDS | OWN_WORDS | REPORT_WORDS]
    return len(told) >= _STORY_AFTER_A_WISH


# A message that opens with "if" supposes: "kalo mau bikin surat kehilangan ktp gmn ya?" tells of no loss.
_IF = frozenset({"kalau", "kalo", "klo", "jika", "jikalau", "seandainya", "andaikan", "misalnya", "if"})


def supposes(text: str) -> bool:
    """Whether the message opens with "if", after any words of wanting to ask ("min sy mau nanya, kalo ktp ilang
    lapornya kemana ya")."""
    said = words(text)
    opened = next((word for word in said if word not in _ASKING_TO_ASK and word not in NEUTRAL), None)
    return opened in _IF


def _asked_in_general(said: list[str]) -> bool:
    """How long, or who: asked of reports in general, not how one's own is going."""
    return bool({"siapa", "who"} & set(said)) or phrase_at(said, ("berapa", "lama")) is not None \
        or phrase_at(said, ("how", "long")) is not None


def menu_intent(text: str) -> str | None:
    """At the menu: status (of the report it names), own_reports, privacy, cost, response, who, contact (questions
    about the service), can_report (whether a kind may be reported), hearsay (whether what was heard of is true, a
    place safe), story, police_number, how, distress, thanks, category, report, greeting, ok; None when none is
    clear."""
    if asked := status_asked(text, loosely=True):
        general = service_asked(text) if find_ref(text) is None and _asked_in_general(words(text)) else None
        if general in ("response", "who", "privacy"):
            return general  # "berapa lama biasanya laporan diproses?", "laporan sy bakal dibaca siapa aja?"
        return "status" if asked == "report" else "own_reports"
    text = without_ref(text)  # a reference names a report, not what is wanted ("LP" is no "lapor")
    said = words(text)
    if not said:
        return None
    if report_kind_asked(text):
        return "can_report"
    if what_may_be_reported(text):
        return "report"  # "what can I report here?": the kinds, as the report's first question lists them
    roots = set(stems_of(said, _lexicon() | REPORT_WORDS | HOW_WORDS)) | set(said)
    asked_of_service = service_asked(text)
    if roots & NUMBER_WORDS and roots & POLICE_WORDS and len(said) <= 10 \
            and asked_of_service not in ("contact", "called_110") \
            and not any_phrase(said, map(phrase_words, POSING_PHRASES)):
        return "police_number"  # not "will the police call me?", nor "ada yg ngaku polisi telpon minta transfer"
    if asked_of_service:
        return asked_of_service
    if hearsay_asked(text):
        return "hearsay"
    if tells_a_story(text):
        return "story"
    only_how = all(w in _ASIDE_WORDS["how"] or w in NEUTRAL for w in said)
    if (roots & HOW_WORDS and (roots & REPORT_WORDS or len(said) <= 4 or only_how)) or \
            any_phrase(said, map(phrase_words, HOW_PHRASES)) or _unsure_how_to_use(said):
        return "how"
    thanked_in_words = any_phrase(said, map(phrase_words, (p for p in THANKS_PHRASES if p != "emoji_melipat_tangan")))
    if any(_distressed(w) or w in FEAR for w in said) and not thanked_in_words and \
            all(_distressed(w) or _of_the_police(w) or w in _ASIDE_WORDS["distress"] or w in NEUTRAL for w in said):
        return "distress"  # "makasih pak 😭" is thanks, moved
    # Emoji are said around the words, not words of their own: "hp sy ilang 😭 td di alun2 batu 🙏🙏" is as short
    # as it is without them, and a 🙏 beside a kind named pleads ("motor sy dicuri 🙏"), it does not thank.
    worded = sum(not w.startswith("emoji_") for w in said)
    kind = category_named(text) if worded <= 8 else None
    if any_phrase(said, map(phrase_words, THANKS_PHRASES)) and len(said) <= 8 and (thanked_in_words or kind is None):
        return "thanks"
    if kind is not None:
        return "category"
    wanted = [i for i, w in enumerate(stems_of(said, REPORT_WORDS)) if w in REPORT_WORDS]
    if wanted and (wanted[0] == 0 or said[wanted[0] - 1] in WANT_WORDS):
        return "report"
    only_greeting = all(w in _ASIDE_WORDS["greeting"] or w in NEUTRAL for w in said)
    if only_greeting and any_phrase(said, map(phrase_words, GREETING_PHRASES)):
        return "greeting"
    if yes_or_no(text) == "yes" or all(w in NEUTRAL for w in said):
        return "ok"
    return None


_KIND_WORDS = _words_of(GREETING_PHRASES + THANKS_PHRASES) | NEUTRAL  # of greeting and thanks, said around a story


# How a report is getting on, named: "gmn kabarnya", "gimana hasilnya pak", "any news?", "how is it going?".
_PROGRESS = frozenset({"kabar", "kabarnya", "hasil", "hasilnya", "perkembangan", "perkembangannya", "progres",
                       "progress", "news", "update", "updates", "status", "statusnya", "going"})
# A bare "and then?": "terus?", "ok trus?", "lalu?", "then what?", "so?".
_AND_THEN = frozenset({"terus", "lalu", "then", "next", "selanjutnya"})
_OF_AND_THEN = _AND_THEN | frozenset({"ok", "oke", "so", "what", "apa", "lagi", "now", "sekarang", "ini", "gitu"})


def after_sending_asked(text: str) -> Literal["next", "progress"] | None:
    """Right after a report is sent, a question of it: how it is getting on ("progress": "gmn kabarnya", "udah
    diproses blm?", "udah ada polisi yg dateng?", "any news?"), or what happens now ("next": "trus gmn pak
    selanjutnya?", "terus apa lagi?", "what happens now?"); None for anything more, a new story or a cry above all."""
    said = words(text)
    if not said or len(said) > SERVICE_MAX_WORDS or tells_a_story(text) or is_cry_for_help(text):
        return None
    if status_asked(text, loosely=True) == "own" or outcome_asked(text) or (
            _PROGRESS & set(said) and _asked(text, said)):
        return "progress"
    if menu_intent(text) == "how" or (
            _AND_THEN & set(said) and all(word in _OF_AND_THEN or word in NEUTRAL for word in said)):
        return "next"
    return None


# Not knowing how to use the chat ("saya sudah tua, tidak paham pakai hp", "sy gaptek pak", "i dont know how to use
# this"): shown how to report, as "gimana caranya?" is.
_USING = frozenset({"pakai", "pake", "pakainya", "memakai", "menggunakan", "gunakan", "use", "using"})
_UNDERSTANDING = frozenset({"paham", "mengerti", "ngerti", "tahu", "tau", "know", "understand", "bisa"})
_UNSURE_WITHIN = 3  # "tidak begitu paham pakai hp": the not, then the understanding
_THE_CHAT = frozenset({"hp", "handphone", "ini", "bot", "chat", "aplikasi", "app", "this", "it", "beginian", "wa",
                       "whatsapp", "telegram"})  # what is used: not "gk ngerti pake masker"


def _unsure_how_to_use(said: list[str]) -> bool:
    if "gaptek" in said:
        return True
    return any(word in _USING and said[i + 1:i + 2] in ([], *([w] for w in _THE_CHAT))
               and (set(said[max(0, i - 2):i]) & (HOW_WORDS | _UNDERSTANDING)) and any(
        said[k] in NOT_WORDS | {"dont", "cannot", "cant"} for k in range(max(0, i - 2 - _UNSURE_WITHIN), i))
        for i, word in enumerate(said))


def told_at_length(text: str) -> bool:
    """Whether a message that no reader placed still tells something at length, as a story of a kind no list
    holds ("pohon besar di depan rumah miring mau roboh kena angin"): no question, asking to ask, greeting or thanks.
    A verb of asking or using the chat counts where a request is made, at the start ("mau minta tolong cek …"), not
    later in a story ("… bawa karung, liat2 ke dalem pager")."""
    said = words(text)
    telling = [word for word in said if word not in _KIND_WORDS]  # "Good evening, I am a tourist… took my passport"
    return (len(telling) >= STORY_WORDS and sum(ch.isalpha() for ch in text) >= STORY_LETTERS
            and not _asked(text, said) and "mana" not in said
            and not set(stems_of(said[:REQUEST_WORDS], ASKING_ROOTS)) & ASKING_ROOTS
            and not (any_phrase(said, map(phrase_words, GREETING_PHRASES + THANKS_PHRASES))
                     and len(telling) < 2 * STORY_WORDS))


def aside(text: str) -> str | None:
    """In the middle of a report, a message that is only a thank-you, a greeting, a question of how to report
    (or what now), one for the police number, one whether the reporter stays unexposed, or emoji of crying or
    fear: "thanks", "greeting", "how", "police_number", "privacy", "distress". None for anything
    more: a story that says "terima kasih" is still the story, "nomor polisi yang datang B 1234" a detail."""
    said = words(text)
    if not said or len(said) > max(ASIDE_MAX_WORDS, SERVICE_MAX_WORDS, PRIVACY_MAX_WORDS):
        return None
    if "?" not in text and not privacy_asked(without_ref(text)) and not _asks_to_ask(said) \
            and not identity_options_asked(text) and \
            not all(w in _ANY_ASIDE_WORD or w in NEUTRAL or _distressed(w) for w in said):
        return None  # no question, and a word no aside holds: "1", "lewati", a place (spares menu_intent)
    intent = menu_intent(text)
    if intent in SERVICE_QUESTIONS:  # service_asked holds it to a short question; in a report, one marked so
        return intent if "?" in text or intent in ("privacy", "ask_away", "identity_options") else None
    if len(said) > ASIDE_MAX_WORDS:
        return None
    allowed = _ASIDE_WORDS.get(intent or "")
    if allowed is None or not all(w in allowed or w in NEUTRAL or _distressed(w) for w in said):
        return None
    return intent


# Several questions of the service in one message ("is this free? and will the police call me?", "gratis gk pak?
# trus nanti sy ditelpon polisi?"): each in a sentence of its own, or joined by "and" under one mark.
_SENTENCES = re.compile(r"[^?!.;\n]+[?!.;\n]*")
_JOINED = re.compile(r",|\b(?:and|dan|terus|trus|trs|lalu|also|then)\b", re.IGNORECASE)
ANSWERED_EACH = frozenset({"how", "police_number", *SERVICE_QUESTIONS}) - {"ask_away"}
_SAID_AROUND = frozenset({"thanks", "greeting", "ask_away"})  # said around the questions, not asking


def questions_asked(text: str) -> list[str]:
    """The questions of the service (ANSWERED_EACH) a message asks one after another, in the order asked, when it
    asks more than once and nothing else (but a greeting, a thank-you, a wish to ask); otherwise []."""
    asked: list[str] = []
    asking = 0  # sentences that ask: one question put twice ("ini aman gak? nanti tetangga tau gak yg lapor saya?")
    for sentence in _SENTENCES.findall(text):
        mark = sentence.rstrip()[-1:] if sentence.rstrip()[-1:] in "?!." else ""
        asks = False
        for piece in _JOINED.split(sentence.rstrip(" ?!.;\n")):
            if not words(piece):
                continue
            said = aside(piece + mark)
            if said is None:
                return []
            if said not in _SAID_AROUND:
                asks = True
                if said not in asked:
                    asked.append(said)
        asking += asks
    return asked if len(asked) > 1 or asking > 1 else []


# Haste urged, and nothing more: "cepet pak", "tolong buruan", "please hurry"; or the police called to come, which
# is as much ("tolong ksini pak", "pak kamari cepet", "please come here").
_HASTE = frozenset({"cepat", "cepet", "cepetan", "cepatan", "buruan", "segera", "cepetin", "hurry", "quick",
                    "quickly", "asap", "fast"})
_COME_HERE = frozenset({"kesini", "kemari", "sini"})  # "ke sini" too
_WITH_HASTE = _HASTE | _COME_HERE | {"tolong", "please", "ya", "dong", "lebih", "more", "up", "datang", "dateng",
                                     "ke", "petugasnya", "polisinya", "polisi", "petugas", "come", "here",
                                     "saya", "kami"}
# "Kamari" is Sundanese "yesterday" to words() ("kamari sore"), and "kemari" typed in a hurry where one is called to
# come ("pak kamari cepet"): read so only in a message of nothing but the call.
_KAMARI = re.compile(r"\bkamari\b", re.IGNORECASE)


def urges_haste(text: str) -> bool:
    said = words(_KAMARI.sub("kemari", text))
    return (bool(_HASTE & set(said)) or _called_here(said)) and all(
        word in _WITH_HASTE or word in NEUTRAL for word in said)


def called_here(text: str) -> bool:
    """Whether the message only calls the police to come ("tolong ksini pak", "pak kamari cepet", "come here
    please"), which no chat can answer but 110."""
    said = words(_KAMARI.sub("kemari", text))
    return _called_here(said) and urges_haste(text)


def _called_here(said: list[str]) -> bool:
    return bool(_COME_HERE & set(said)) or phrase_at(said, ("come", "here")) is not None


# Hiding from a danger, which is then going on: "sy ngumpet di kamar", "kami sembunyi di lemari", "i'm hiding".
_HIDING = frozenset({"ngumpet", "ngumpat", "sembunyi", "bersembunyi", "umpet", "hiding"})


def hiding_now(text: str) -> bool:
    """Whether the text tells someone hiding from what happens, so that it is going on as told."""
    return bool(_HIDING & set(words(text)))


# Weary of the questions, said as a person says it at one ("KOK BANYAK BGT SIH PERTANYAANNYA", "ribet amat", "lama
# bgt sih", "why so many questions", "masih berapa lagi?"): a word of it, and nothing else but words said around it.
_WEARY = frozenset({"ribet", "ribetnya", "repot", "rumit", "kelamaan", "bertele", "capek", "cape", "lelah", "males",
                    "malas", "complicated", "tedious", "annoying", "tiring", "exhausting", "hassle"})
_LONG = frozenset({"lama", "long", "lamanya", "longer"})
_QUESTIONS = frozenset({"pertanyaan", "pertanyaannya", "bertanya", "ditanya", "ditanyain", "nanyain", "questions",
                        "question"})
_MANY = frozenset({"banyak", "many", "mulu", "melulu", "terus", "much", "berapa"})
_SAID_AROUND_WEARINESS = _WEARY | _LONG | _QUESTIONS | _MANY | frozenset({
    "kok", "sih", "banget", "amat", "sekali", "bener", "ah", "aduh", "duh", "nih", "deh", "tele", "masih", "lagi",
    "enggak", "proses", "prosesnya", "jawab", "jawabnya", "menjawab", "isi", "isinya", "ngisi", "ini", "itu", "pak",
    "why", "so", "too", "this", "is", "it", "taking", "the", "are", "there", "how", "more", "left", "still", "to",
    "answer", "form", "way", "such", "a", "ya"})
_SINCE = frozenset({"sudah", "dari", "sejak", "yang", "ago", "lalu", "since"})  # "udah lama bgt": a time, long ago


def weary_of_questions(text: str) -> bool:
    """Whether the message only says the questions are many, long or a hassle, or asks how many are left."""
    said = words(text)
    told = set(said)
    weary = bool(told & _WEARY) or (bool(told & _QUESTIONS) and bool(told & _MANY)) or (
        bool(told & _LONG) and not told & _SINCE and bool(told & {"banget", "amat", "sekali", "too", "so", "kok",
                                                                    "sih", "masih", "still", "how"}))
    return weary and all(word in _SAID_AROUND_WEARINESS or word in NEUTRAL for word in said)


# "Wait, I'll check": a message that puts an answer off ("ok pak sebentar sy cek dulu", "bentar sy tanya suami dulu",
# "tunggu dulu pak"), said only with these. Not "tunggu" alone nor "nanti": "iya saya tunggu pak" answers "can you
# wait there?", "nanti saya kabari" may too.
_HOLDING_CORE = frozenset({"sebentar", "bentar", "wait", "moment", "minute", "hold"})
_HOLDING_WORDS = _HOLDING_CORE | {"ok", "oke", "okay", "siap", "baik", "ya", "saya", "aku", "cek", "dulu", "coba",
                                  "lihat", "liat", "tanya", "on", "a", "i", "will", "let", "me", "check", "ask",
                                  "first", "please", "ll", "tunggu", "alamatnya", "namanya", "suami", "istri", "anak",
                                  "tetangga", "my", "husband", "wife", "the", "address",
                                  # "bentar ya pak sy inget2 dulu", "wait, let me think": remembering what is asked
                                  "inget", "ingat", "mikir", "pikir", "think", "remember"}


def puts_off(text: str) -> bool:
    """Whether the message only puts an answer off: "sebentar ya pak", "ok sy cek dulu", "wait a moment"."""
    said = words(text)
    # "tunggu" opening the message asks the bot to wait ("tunggu ya pak"); "iya saya tunggu" says one waits
    holding = bool(_HOLDING_CORE & set(said)) or phrase_at(said, ("tunggu", "dulu")) is not None \
        or said[:1] == ["tunggu"]
    return 0 < len(said) <= ASIDE_MAX_WORDS and holding and all(w in _HOLDING_WORDS or w in NEUTRAL for w in said)


_WISHING = frozenset({"mau", "ingin", "pengin", "pingin", "pengen", "mo", "want", "like", "need", "perlu"})


# What may follow a wish to report that says no more: "sy mau lapor yg lain pak", "I want to report something else".
_SOMETHING_ELSE = frozenset({"yang", "lain", "lagi", "baru", "satu", "hal", "else", "something", "another", "other",
                             "new", "thing", "one", "a"})


def report_wished(text: str) -> bool:
    """Whether the message says a report is wanted ("sy mau lapor tp …"), whatever else it says."""
    said = words(text)
    return any(word in REPORT_WORDS and _WISHING & set(said[max(0, i - 3):i]) for i, word in enumerate(said))


def wants_to_report(text: str) -> bool:
    """Whether the message only asks to make a report ("sy mau lapor yg lain pak", "I want to report something
    else"), telling nothing ("saya mau lapor pak, motornya merah" tells the colour)."""
    said = words(text)
    if menu_intent(text) not in ("report", "category"):
        return False
    for i, word in enumerate(said):
        if word in REPORT_WORDS and _WISHING & set(said[max(0, i - 3):i]):
            return all(w in _SOMETHING_ELSE or w in NEUTRAL for w in said[i + 1:])
    return False


@dataclass(frozen=True)
class Correction:
    """A resident taking back an answer: go back one step, or change one field (and maybe to what)."""

    field: str | None = None  # a step of the report, or None to go back one step
    category: str | None = None  # the category meant, when the correction names it
    back: bool = False  # said with a word of going back ("kembali"), not only "salah"
    rest: str = ""  # what the message says after the field's name: its new answer ("lokasinya di X" → "X")
    number: int | None = None  # the option meant of the question answered last, by its number ("harusnya yg no 5")
    story: str = ""  # what happened, told after the kind put right ("salah, harusnya pencurian. motor sy dicuri")


FIELD_WORDS = {
    "category": {"kategori", "jenis", "category", "kind"},
    "description": {"cerita", "kejadian", "deskripsi", "description", "story"},
    "location": {"lokasi", "tempat", "alamat", "location", "place", "address"},
    "when": {"waktu", "kapan", "jam", "tanggal", "time", "when"},
    "photo": {"foto", "gambar", "photo", "photos", "picture", "pictures", "pic", "pics"},
    "identity": {"identitas", "identity"},
}
CORRECTION_MAX_WORDS = 7  # a correction is short: a longer message is an answer that happens to say "salah"
# How a correction opens; one that names its field within its first words may go on to give the new answer at
# any length ("eh salah, lokasinya di Plosokerep dekat pasar, kecamatan Sananwetan").
FIX_OPENERS = frozenset({"salah", "wrong", "keliru", "eh", "ralat", "koreksi", "maaf", "sorry", "oops", "ubah",
                         "ganti", "change"})
FIELD_NAMED_WITHIN = 4
# Words between a field's name and its new answer: "lokasinya di X", "waktunya jadi kemarin", "place: X", "lokasinya
# salah pak, yg bener X" (a form of address, with the comma after it).
_LEAD_IN = (r"(?:\s*(?:[:,.\-]|\b(?:salah|keliru|wrong|di|ke|jadi|harusnya|seharusnya|mestinya|sebenarnya|actually|"
            r"(?:yang|yg) (?:benar|bener|betul)|adalah|it is|it was|it should be|it'?s|is|was|should be|at|in|to)\b"
            r"|\b(?:pak|bu|bapak|ibu|mas|mbak|kak|bang|min|sir)\s*[,.!]))*")
_WRONG = frozenset({"salah", "keliru", "wrong"})
# Around a field said wrong in English: "the time is wrong", "my address was wrong".
_DETERMINERS = frozenset({"the", "my", "your", "its", "this", "that"})
_COPULAS = frozenset({"is", "was", "are", "were"})


def field_named(word: str) -> str | None:
    """The field a word names: "lokasi", "lokasinya" (its -nya), "place"."""
    for candidate in (word, word[:-3] if word.endswith("nya") else word):
        for field, names in FIELD_WORDS.items():
            if candidate in names:
                return field
    return None


def _new_answer(text: str, field: str) -> str:
    """What follows the field's name in `text`, as the resident wrote it: "" when nothing does."""
    names = "|".join(sorted(FIELD_WORDS[field], key=len, reverse=True))
    found = re.search(rf"\b(?:{names})(?:nya)?\b{_LEAD_IN}\s*(.*)", text, re.IGNORECASE | re.DOTALL)
    return found.group(1).strip() if found else ""


def _field_said_wrong(said: list[str]) -> bool:
    """Whether the words open with a field said to be wrong: "lokasinya salah", "the time is wrong", also after a
    no ("bukan, lokasinya salah", "no, the place is wrong")."""
    if said[:1] and said[0] in NO and said[0] not in _WRONG:
        said = list(dropwhile(lambda word: word in NEUTRAL and field_named(word) is None, said[1:]))  # "gak pak, …"
    at = 1 if said[:1] and said[0] in _DETERMINERS else 0
    if at >= len(said) or field_named(said[at]) is None:
        return False
    after = said[at + 1:at + 3]
    if after[:1] and after[0] in _COPULAS | {"nya"}:  # "the time is wrong", "jam nya salah"
        after = after[1:]
    return bool(after) and after[0] in _WRONG


def correction(text: str) -> Correction | None:
    """"kembali" / "back" (one step back), "ubah kategori" (that field), "eh salah, maksudnya narkoba"
    (the category, to narkoba), "eh salah, lokasinya di Plosokerep" (the place, with its new answer). None when
    the text is no correction."""
    for opener in (_WAIT_FIRST, _ASKING_FIRST):
        if (opened := opener.match(text)) and (after := correction(text[opened.end():])) is not None:
            return after  # "tunggu, kategorinya salah": a moment asked for, then what to change; "can u …"
    said = words(text)
    if when_asked_back(text):
        return None  # "kapan maksudnya": what is asked, asked back; nothing to change
    if (reason := _A_REASON.search(text)) and len(said) > CORRECTION_MAX_WORDS \
            and (head := correction(text[:reason.start()])) is not None and head.field == "category":
        return head  # "eh salah, maksudnya narkoba, soalnya ada pil koplo juga": the kind, why aside
    for end in _KIND_THEN_STORY.finditer(text):
        # "salah, harusnya pencurian. motor sy dicuri tadi pagi": the kind, and the story told after it
        if len(words(text[:end.start()])) > CORRECTION_MAX_WORDS:
            break  # a correction is short: longer heads are none, and reading each again would take ever longer
        story = text[end.end():].strip()
        told = [word for word in words(story) if word not in NEUTRAL and word not in _COURTESY_WORDS]
        if len(told) >= _STORY_AFTER_A_KIND_WORDS and (head := correction(text[:end.start()])) is not None \
                and head.field == "category" and (head.category or head.rest):
            return replace(head, story=story)
    fields = [field for word in said if (field := field_named(word))]
    # "eh salah, lokasinya …", or the field said wrong first: "lokasinya salah, harusnya …"
    first = said[:FIELD_NAMED_WITHIN]
    opens = bool(said) and ((said[0] in FIX_OPENERS and bool((_WRONG | CORRECTION_WORDS) & set(first))
                             and any(field_named(word) for word in first)) or _field_said_wrong(said))
    if not said or (len(said) > CORRECTION_MAX_WORDS and not opens):
        return None
    if said[0] in BACK_WORDS or normalise(text) in ("go back", "mundur satu"):
        return Correction(back=True)
    meant = _meant_after_a_slip(said)
    if meant is None and "?" not in text:  # not "nomor 3 maksudnya?", what the third option means
        meant = _kind_then_meant(said)
    if meant is not None and not fields and (number := _number_alone(meant)) is not None:
        return Correction(number=number)  # "salah, harusnya yg nomor 5", "eh nomor 3 maksudnya"
    changing = bool(set(said) & CORRECTION_WORDS) or meant is not None
    if not fields and meant is None and ((said[0] in ("salah", "wrong", "keliru", "ralat") and len(said) <= 2)
                                         or (_a_slip(said) and "?" not in text)):
        return Correction()  # "salah", "salah pak", "maaf salah pencet": the last answer was wrong
    if not changing and not (fields and (said[0] in FIX_OPENERS or opens)):
        return None
    named = category_named(text) if len(said) > 1 else None
    if meant is not None and (by_name := _kind_by_its_name(meant)):
        named = by_name  # "eh salah maksudnya lalu lintas": the kind by its own name, which tells no incident
    elif meant is not None and not set(said) & CORRECTION_WORDS and len(meant) > _KIND_NAMED_WORDS:
        named = None  # "salah pak, harusnya lampu merah nyala": more said of the incident than a kind
    if fields:
        field, rest = fields[0], _new_answer(text, fields[0])
        if field == "description" and only_a_time(rest):
            # "kejadiannya salah, harusnya kemarin sore": when it happened, not what
            field, rest = "when", time_instead(rest) or rest
        return Correction(field, named if field == "category" else None, rest=rest)
    return Correction("category", named) if named is not None else None


# A no to the kind read, and the kind meant: "bukan, ini pencurian", "eh bukan, harusnya narkoba", "bukan lalu lintas,
# pencurian", "bukan lalu lintas tapi kemalingan", "no, it's theft". The kind alone after it: not "bukan, ini kehilangan
# bukan kriminal", which says more than a kind, nor "bukan, motor sy dicuri di pasar", a story told again.
_NO_TO_THE_KIND = re.compile(r"^\W*(?:(?:eh|oh|maaf|sorry)\W+)*(?:bukan|bkn|no|nope|not)\b", re.IGNORECASE)
_THE_KIND_MEANT_AFTER = re.compile(r"[,.;:!]|\b(?:tapi|tp|tetapi|melainkan|but)\b", re.IGNORECASE)
_BEFORE_A_KIND = frozenset({"ini", "itu", "harusnya", "seharusnya", "mestinya", "sebenarnya", "maksudnya", "kasus",
                            "soal", "masalah", "laporan", "it", "s", "is", "was", "should", "be", "a", "an", "about"})
_KIND_INSTEAD_WORDS = 2  # "ini pencurian", "motor dicuri": a kind, or an incident named in a word or two


def kind_instead(text: str) -> str | None:
    """The kind a no to the kind read says is meant instead ("bukan, ini pencurian": security); None where the message
    is no such no."""
    opened = _NO_TO_THE_KIND.match(text)
    if opened is None:
        return None
    *denied, meant = _THE_KIND_MEANT_AFTER.split(text[opened.end():], maxsplit=1)  # "bukan lalu lintas, …"
    denied_words = [word for word in words("".join(denied)) if word not in NEUTRAL | _BEFORE_A_KIND]
    if denied_words and _kind_by_its_name(denied_words) is None:
        return None  # "bukan di gedog, di pasar legi": something else denied
    kind = [word for word in words(meant) if word not in NEUTRAL | _BEFORE_A_KIND]
    if not kind or len(kind) > _KIND_INSTEAD_WORDS:
        return None
    return _kind_by_its_name(kind) or category_named(" ".join(kind))


def story_after_a_slip(text: str) -> Correction | None:
    """The kind a story told after a slip names, with that story ("salah pak. motor sy dicuri tadi pagi", "bukan
    itu, hp sy dijambret"): what the slip took back was the kind read or picked. None where no slip opens the
    message, or what follows is no story of a kind ("salah pak, di bendogerit", "salah pak. makasih")."""
    slip = _SLIP_THEN_STORY.match(text)
    if slip is None or correction(text) not in (None, Correction()):  # "salah pak, harusnya narkoba" says its kind
        return None
    story = text[slip.end():].strip()
    told = [word for word in words(story) if word not in NEUTRAL and word not in _COURTESY_WORDS]
    if len(told) < _STORY_AFTER_A_KIND_WORDS or REPORT_WORDS & set(told):
        return None  # "maaf salah, mau lapor yg lain": another report wished, not told
    kind = category_named(story)
    return Correction("category", kind, story=story) if kind else None


# What a slip owned is followed by to say what was meant: "eh salah pak, harusnya narkoba", "keliru, yg bener lalu
# lintas", "sorry wrong, should be traffic".
_MEANT = (("harusnya",), ("seharusnya",), ("mestinya",), ("semestinya",), ("sebenarnya",), ("yang", "benar"),
          ("yang", "betul"), ("maksud", "saya"), ("maksudnya",), ("maksud",), ("should", "be"), ("i", "meant"),
          ("i", "mean"), ("meant",))


_KIND_NAMED_WORDS = 2  # a kind named after "harusnya" is no longer: "narkoba", "lalu lintas"


def _meant_after_a_slip(said: list[str]) -> list[str] | None:
    """The words after a slip owned and what it meant ("eh salah pak, harusnya lalu lintas" → "lalu lintas"), or the
    kind alone right after the slip ("my bad, traffic please", "salah, nomor 5"); None when the message is not one: a
    story may say "salah" and "harusnya" apart ("salah parkir, harusnya ditilang")."""
    wrong = 0
    while wrong < len(said) and not _slip_at(said, wrong) and said[wrong] in _OWNING | NEUTRAL:
        wrong += 1
    if wrong >= len(said) or not (slip := _slip_at(said, wrong)):
        return None
    right_after = list(dropwhile(lambda word: word in NEUTRAL, said[wrong + slip:]))
    if right_after[:1] and right_after[0] not in _WHAT_SLIPPED - _A_NUMBER_NAMED and _a_kind_alone(right_after):
        return right_after  # not "salah pilih nomor 2", the one picked by the slip, nor "wrong one"
    for at in range(wrong + slip, len(said)):
        for phrase in _MEANT:
            if tuple(said[at:at + len(phrase)]) == phrase:
                return said[at + len(phrase):]
        if said[at] not in NEUTRAL | _WHAT_SLIPPED:  # "salah pilih pak, harusnya …", "kepencet, yg bener …"
            return None
    return None


# A slip owned in a phrase of its own, as "salah" is in a word: "my bad, traffic please".
_OWNED_SLIPS = (("my", "bad"), ("my", "mistake"))


def _slip_at(said: list[str], at: int) -> int:
    """How many words the slip owned at `at` takes ("salah", "kepencet": one; "my bad": two); 0 when none is."""
    if said[at] in _WRONG | _BY_ACCIDENT:
        return 1
    return next((len(phrase) for phrase in _OWNED_SLIPS if tuple(said[at:at + len(phrase)]) == phrase), 0)


def _kind_then_meant(said: list[str]) -> list[str] | None:
    """The kind said first and then that it is the one meant, with no slip named: "eh nomor 3 maksudnya", "lalu lintas
    maksudnya pak"; None otherwise."""
    kind = list(dropwhile(lambda word: word in _OWNING | NEUTRAL, said))
    while kind and kind[-1] in NEUTRAL:
        kind.pop()
    for phrase in _MEANT:
        if tuple(kind[-len(phrase):]) == phrase and _a_kind_alone(kind[:-len(phrase)]):
            return kind[:-len(phrase)]
    return None


def _a_kind_alone(said: list[str]) -> bool:
    """Whether the words name a kind and nothing else, by its name or its number, forms of address after it aside."""
    kind = list(said)
    while kind and kind[-1] in NEUTRAL:
        kind.pop()
    return bool(kind) and (_kind_by_its_name(kind) is not None or _number_alone(kind) is not None)


def _number_alone(said: list[str]) -> int | None:
    """The option's number the words say and nothing else ("yg nomor 5", "no 3", "tiga"), forms of address aside."""
    kept = [word for word in said if word not in NEUTRAL or word == "yang"]
    return number_said(" ".join(kept)) if kept else None


def _kind_by_its_name(said: list[str]) -> str | None:
    """The category the words are the name of, in either language ("lalu lintas", "daerah rawan", "traffic"): a kind
    named after a slip, where category_named reads the incident's words."""
    told = " ".join(said)
    for lang in LANGUAGES:
        for kind, names in aliases(lang, "category").items():
            if told in {normalise(name) for name in (*names, catalogue(lang)[f"choice.category.{kind}"])}:
                return kind
    return None


# What was done by a slip: "salah pencet", "salah ketik", "wrong button".
SLIPS = frozenset({"pencet", "ketik", "pilih", "klik", "tekan", "kirim", "tulis", "tombol", "button", "typed"})
# A slip owned and nothing more: "eh kepencet", "maaf salah", "maaf pak salah pilih", "sorry wrong one", "maaf salah,
# mau lapor yg lain". Not a fault owned or denied: "bukan salah saya", "saya yang salah", "bukan itu yang salah".
_BY_ACCIDENT = frozenset({"kepencet", "kepencat", "kepilih", "keteken", "kepijet", "kekirim", "typo"})
# "ga sengaja ke kirim", "tdk sengaja salah pencet", "sent by mistake", "eh gk sengaja": not meant, of what slipped
# or owned. Alone it may tell of the incident ("ga sengaja", a collision's answer).
_NOT_MEANT = (("enggak", "sengaja"), ("tidak", "sengaja"), ("tak", "sengaja"), ("by", "mistake"), ("by", "accident"),
              ("accidentally",))
_WHAT_SLIPPED = SLIPS | {"nomor", "angka", "number", "one", "pressed", "tapped", "clicked", "lain", "another",
                         "ngetik", "mengetik", "nulis", "menulis", "mencet", "input", "nama", "name", "sent"}
_A_NUMBER_NAMED = frozenset({"nomor", "number", "angka"})  # "salah, nomor 5": the number meant, not the one slipped
_OWNING = frozenset({"maaf", "eh", "ups", "oops", "sorry", "sori", "aduh", "astaga", "waduh", "punten", "afwan"})
_AROUND_A_SLIP = _WHAT_SLIPPED | _OWNING | {word for phrase in _NOT_MEANT for word in phrase} | {
    "ya", "tadi", "pak", "bu", "mas", "mbak", "kak", "bang", "min", "sir", "the", "i", "mau", "lapor", "yang",
    "something", "else", "saya", "aku", "ke", "my", "bad",
}  # fmt: skip


def _a_slip(said: list[str]) -> bool:
    if not all(word in _BY_ACCIDENT or word in _WRONG or word in _AROUND_A_SLIP for word in said):
        return False
    if _BY_ACCIDENT & set(said) or any_phrase(said, _OWNED_SLIPS) \
            or (any_phrase(said, _NOT_MEANT) and (_WHAT_SLIPPED | _OWNING) & set(said)):
        return True  # "kepencet", "my bad", "ga sengaja ke kirim", "eh gk sengaja", "sorry accidentally"
    wrong = next((i for i, word in enumerate(said) if word in _WRONG), None)
    if wrong is None or said[wrong - 1:wrong] in (["enggak"], ["tidak"], ["tak"]):
        return False  # "gak salah ketik": no slip
    if _WHAT_SLIPPED & set(said[wrong + 1:]):
        return True  # "salah pencet", "saya salah pilih", "wrong one", "salah, mau lapor yg lain"
    # "maaf salah", "eh salah pak"; not whose fault: "bukan salah saya", "saya yang salah"
    return said[wrong - 1:wrong] not in (["bukan"], ["yang"]) and bool(_OWNING & set(said[:wrong]))


# A moment asked for before a correction: "tunggu, kategorinya salah", "bentar pak, lokasinya salah", "wait, the
# place is wrong".
_WAIT_FIRST = re.compile(r"^\W*(?:tunggu|bentar|sebentar|wait|hold\s+on)(?:\s+(?:pak|bu|mas|mbak|kak|dulu|ya))*"
                         r"[\s,.!:-]+(?=\w)", re.IGNORECASE)
# A change asked for politely: "can u change the time, it was 2 days ago", "tolong ganti waktunya, …"; what to
# change follows.
_ASKING_FIRST = re.compile(r"^\W*(?:(?:can|could|would)\s+(?:you|u)(?:\s+please|\s+pls)?|please|pls|plz|tolong"
                           r"|bisa|bisa\s+tolong|mohon)\s+(?=\w)", re.IGNORECASE)
_A_REASON = re.compile(r"[,;]?\s*\b(?:soalnya|karena|krn|karna|sebab|because)\b", re.IGNORECASE)
# Where a kind put right ends and what happened begins: "salah, harusnya pencurian. motor sy dicuri", "my bad, it's
# theft - my bike was stolen".
_KIND_THEN_STORY = re.compile(r"[.;!:,]+\s+|\s+[-\u2013\u2014]+\s+|\n+")  # "…, maksudnya narkoba, mrk nyabu"
_STORY_AFTER_A_KIND_WORDS = 2  # "motornya ilang", not "makasih pak"
# A slip owned, or what was read denied, with no kind named and the story after it, whatever ends the slip: "salah
# pak. motor sy dicuri tadi pagi", "bukan itu, hp sy dijambret", "wrong - my bike was stolen"; not "salah paham.
# …" (a misunderstanding), nor "bukan, …" alone, the read-back's no.
_SLIP_THEN_STORY = re.compile(r"^\W*(?:(?:eh|oh|maaf|sorry|oops)\W+)?"
                              r"(?:salah|keliru|wrong|bukan\s+(?:yang\s+|yg\s+)?itu|bkn\s+itu|not\s+that(?:\s+one)?)"
                              r"(?:\s+(?:pak|bu|mas|mbak|kak|min|sir))?"
                              r"\s*(?:[,.;!:]+\s*|\s+[-\u2013\u2014]+\s+|\n+)", re.IGNORECASE)


# A time said in place of the one given, away from the question of when: "eh bentar, sebenernya bukan kmrn tp tadi
# siang", "tadi siang pak, bukan kemarin", "sorry, it was this morning not yesterday". Only such words besides.
_INSTEAD = frozenset({"bukan", "not", "salah", "wrong", "sebenarnya", "actually", "harusnya", "seharusnya", "ralat",
                      "koreksi", "maksudnya", "maksud", "i", "meant", "mean"})
_AROUND_A_TIME = FIX_OPENERS | _INSTEAD | {"bentar", "sebentar", "wait", "tapi", "but", "melainkan", "it", "was",
                                           "this", "that", "last", "kejadiannya", "kejadian", "happened", "terjadi",
                                           "pas", "waktu", "pada", "at", "on", "around", "sekitar", "kira"}
# Where a message taking a time back is cut in parts: a mark, a "but", or before the "not" of the time taken back.
_TIME_PARTS = re.compile(r"[,.;:!?\n]+|\b(?:tapi|tp|tpi|tetapi|but|melainkan)\b|(?=\b(?:bukan|not)\b)", re.IGNORECASE)
_SAID_BEFORE_A_TIME = FIX_OPENERS | _INSTEAD | {"bentar", "sebentar", "wait", "kejadiannya", "kejadian", "happened",
                                               "terjadi", "it", "was"}


# A repeat or a stretch of time, which names no day: "tiap malam", "udh 3 hari".
_REPEAT_OR_SPAN = frozenset({"tiap", "setiap", "sejak", "since", "every", "daily"})
_UNITS_OF_A_SPAN = frozenset({"hari", "minggu", "bulan", "tahun", "day", "days", "week", "weeks", "month", "months"})
_HOUR_OR_COUNT = re.compile(r"^\d{1,4}(?:an|am|pm)?$")  # "3", "3an" (about three), "11pm"


def only_a_time(text: str) -> bool:
    """Whether the words name a time and nothing else: "kemarin sore", "kemarin sore pak, bukan semalem", "td jam
    3an", "tiap malam", "udh 3 hari" (not "pagi pak", a greeting)."""
    said = words(text)
    counted = any(_HOUR_OR_COUNT.match(w) for w in said) and bool(_UNITS_OF_A_SPAN & set(said))
    return (when_named(text) is not None or bool(_REPEAT_OR_SPAN & set(said)) or counted) and all(
        w in _AROUND_A_TIME | TIME_WORDS | DAY_WORDS | DATE_WORDS | MONTHS or w in NEUTRAL or _HOUR_OR_COUNT.match(w)
        or when_named(w) is not None for w in said)


def time_instead(text: str) -> str | None:
    """The time a message gives in place of the one given ("tadi siang" of "bukan kmrn tp tadi siang"), "" when it
    only says the time was wrong ("bukan kemarin pak"); None when it says more than a time taken back."""
    said = words(text)
    if not set(said) & _INSTEAD or when_named(text) is None:
        return None
    if any(w not in _AROUND_A_TIME | TIME_WORDS | DAY_WORDS and w not in NEUTRAL and not w.isdecimal()
           and when_named(w) is None for w in said):
        return None
    for part in _TIME_PARTS.split(text):
        tokens = part.split()
        if not tokens or words(tokens[0])[:1] in (["bukan"], ["not"]) or when_named(part) is None:
            continue  # the time taken back
        while tokens and all(w in _SAID_BEFORE_A_TIME or w in NEUTRAL for w in words(tokens[0])):
            tokens.pop(0)
        while tokens and all(w in NEUTRAL for w in words(tokens[-1])):
            tokens.pop()
        return " ".join(tokens)
    return ""


# Not going on with the report. "Not" with "jadi" (it is off: "gak jadi", Javanese "ora sido") cancels, as does "not"
# wanting the report to go on ("gak mau lanjut"); "not" with "usah" or "perlu" says something is not needed, which at
# a question of something optional declines only that.
NOT_WORDS = frozenset({"tidak", "enggak", "tak", "ora", "mboten", "boten", "teu", "henteu", "moal", "indak", "endak",
                       "tida", "dont", "not"})
NEGATIONS = sorted({(word,) for word in NOT_WORDS} | {("don", "t"), ("do", "not")}, key=len, reverse=True)
OFF_WORDS = frozenset({"jadi", "sido"})
NEEDLESS_WORDS = frozenset({"usah", "perlu"})
STOP_WORDS = frozenset({"nevermind"})
STOP_PHRASES = (("never", "mind"), ("forget", "it"), ("changed", "my", "mind"), ("berubah", "pikiran"))
# "Only asking" ("bukan pak, sy cuma nanya", "just asking"): the resident wanted an answer, not a report.
ONLY_WORDS = frozenset({"cuma", "cuman", "hanya", "just", "only"})
ASKING_ONLY_ROOTS = frozenset({"tanya", "asking", "ask", "wondering"})
WANTING = frozenset({"mau", "ingin", "pengin", "pingin", "want"})
# What may come before the words of stopping ("eh maaf saya gak jadi", "laporannya batalin aja") and after them,
# up to the end of the sentence ("gak jadi lapor deh", "ga usah dilanjutkan"): nothing that tells of anything
# else, so "motornya gak jadi dijual" and "tidak jadi masalah" are what they say. A reason may follow in a
# sentence of its own ("ga jd pak, udh ketemu dompetnya").
_STOP_BEFORE = WANT_WORDS | REPORT_NOUNS | OWN_WORDS | {"eh", "maaf", "sorry", "oh", "wah", "aduh", "ya", "yah",
                                                        "iya", "ok", "oke", "okay", "baik", "gue", "gw", "kita", "i",
                                                        "just", "please", "tolong", "jadinya", "akhirnya", "yaudah",
                                                        "yasudah", "ywdh", "yowis", "yowes", "mending", "mendingan",
                                                        "kayaknya", "sepertinya", "ah", "hmm", "duh", "bukan",
                                                        "no", "was", "am", "m", "actually", "sebenarnya",
                                                        "sebetulnya", "wait", "hold", "on"}
# The report going on: "not needed" with one of these ("ga usah dilanjut", "gak perlu diproses") is a cancel.
_GOING_ON_ROOTS = REPORT_WORDS | REPORT_NOUNS | {"lanjut", "terus", "proses", "kirim", "isi", "continue", "send",
                                                 "proceed"}
_STOP_AFTER_ROOTS = _GOING_ON_ROOTS | OWN_WORDS | POLICE_WORDS | {
    "lagi", "dulu", "ya", "yah", "iya", "aja", "ding", "the", "this", "that", "please", "anymore", "again", "doang"}
# Where a reason begins without a mark between ("gak jadi pak udah ketemu"): the stop has been said by then.
_REASON_OPENERS = frozenset({"sudah", "soalnya", "karena", "sebab", "ternyata", "udahan", "barusan", "because"})
_LONGEST_NOT = 7  # "nggak" glued to "jadi": a "not" is spelt in at most this many letters
_SENTENCE_END = re.compile(r"[,.;:!?\n]+|\s[-–]\s")
STOP_MAX_WORDS = 30  # more than that is a story that happens to open with "batal"


@cache
def _cancel_roots() -> frozenset[str]:
    """The roots of the catalogues' BATAL / CANCEL in both languages: "batal", "cancel"."""
    return frozenset(stem(word) for lang in LANGUAGES for phrase in catalogue(lang)["keyword.cancel"]
                     for word in words(phrase))


def _root(word: str) -> str:
    """The word's root; the Jakartan suffix "-in" and prefix "nge-", which Sastrawi does not know, read too, alone
    or both ("batalin", "ngelapor", "ngebatalin")."""
    root = stem(word)
    if root != word:
        return root
    bare = word.removeprefix("nge") if word.startswith("nge") and len(word) > 5 else word
    bare = bare.removesuffix("in") if bare.endswith("in") and len(bare) > 5 else bare
    return stem(bare) if bare != word else root


def _unglued(said: list[str]) -> list[str]:
    """The words with "not" glued to the next one taken apart as the slang lexicon reads each: "gajadi"."""
    out: list[str] = []
    for word in said:
        for i in range(1, min(len(word) - 1, _LONGEST_NOT)):
            head, tail = spelt_out(word[:i]), spelt_out(word[i:])
            if head and head[-1] in NOT_WORDS and tail and tail[0] in OFF_WORDS | NEEDLESS_WORDS:
                out += head + tail
                break
        else:
            out.append(word)
    return out


def _stop_at(said: list[str], at: int) -> tuple[str, int] | None:
    """The kind of stop said from said[at], and how many words say it."""
    word = said[at]
    if _root(word) in _cancel_roots() or word in STOP_WORDS:
        return "cancel", 1
    for phrase in STOP_PHRASES:
        if tuple(said[at:at + len(phrase)]) == phrase:
            return "cancel", len(phrase)
    if word in ONLY_WORDS:  # "cuma nanya", "cuma mau tanya", "just asking"
        asked = at + 1 + (said[at + 1:at + 2] != [] and said[at + 1] in WANTING)
        if asked < len(said) and _root(said[asked]) in ASKING_ONLY_ROOTS:
            return "only_asking", asked - at + 1
    negation = next((len(n) for n in NEGATIONS if tuple(said[at:at + len(n)]) == n), 0)
    following = said[at + negation] if negation and at + negation < len(said) else ""
    if following in OFF_WORDS:
        return "cancel", negation + 1
    if following in NEEDLESS_WORDS:
        return "no_need", negation + 1
    if following in WANTING:  # "gak mau lanjut", "tidak ingin melanjutkan", "don't want to continue"
        verb = at + negation + 1 + (said[at + negation + 1:at + negation + 2] == ["to"])
        if verb < len(said) and _root(said[verb]) in _GOING_ON_ROOTS:
            return "cancel", verb - at + 1
    return None


def says_a_stop(text: str) -> bool:
    """Whether the message has words of calling something off anywhere in it ("ga jadi", "batal", "never mind"),
    whatever they are said of: a step that asks for something optional reads what they are said of."""
    said = _unglued(words(text))
    return any((found := _stop_at(said, at)) is not None and found[0] == "cancel" for at in range(len(said)))


# What was lost found after all, or never lost: "eh ternyata gk ilang pak, dipinjem adek sy wkwk", "rupanya udh
# ketemu pak"; not with a "but" ("ternyata gk ilang, tp dicuri").
_AFTER_ALL = frozenset({"ternyata", "rupanya", "turns", "turned"})
_NOT_LOST = frozenset({"ketemu", "ditemukan", "dipinjam", "dipinjem", "found", "borrowed"})
_LOST = frozenset({"hilang", "dicuri", "lost", "stolen"})


def _found_after_all(said: list[str]) -> bool:
    if not _AFTER_ALL & set(said) or {"tapi", "but", "namun"} & set(said) \
            or set(stems_of(said, THEFT_STEMS)) & THEFT_STEMS or is_cry_for_help(" ".join(said)) \
            or {"dibawa", "diambil", "diculik", "dijemput", "disekap", "ditahan", "dikurung"} & set(said):
        return False  # "ternyata hp sy gk ilang, dirampas org", "…dibawa mantan sy tanpa izin"
    at = next(i for i, word in enumerate(said) if word in _AFTER_ALL)
    after = said[at + 1:at + 7]
    return bool(_NOT_LOST & set(after)) or any(word in _LOST and after[k - 1:k] and after[k - 1] in NOT_WORDS
                                               for k, word in enumerate(after))


def stopping(text: str) -> str | None:
    """"cancel" when the message says the resident does not want to go on ("gak jadi deh", "ga jd pak, udh ketemu
    dompetnya", "batalin aja", "udah gak usah dilanjut", "never mind"); "only_asking" when it says the resident was
    only asking ("bukan pak, sy cuma nanya"), which stops only a report read from that question; "no_need" when it
    only says something is not needed ("gak usah", "udah ga perlu pak"), which where something optional is asked
    declines that thing; None otherwise, and for those words inside an answer ("motornya gak jadi dijual",
    "tidak jadi masalah")."""
    if len(text.split()) > STOP_MAX_WORDS:
        return None
    if _found_after_all(words(text)):
        return "cancel"
    said: list[str] = []
    sentences, told = _SENTENCE_END.split(text), 0
    while told < len(sentences):
        said = words(sentences[told]) or said
        told += 1
        if not all(w in _STOP_BEFORE or w in NEUTRAL for w in said):
            break  # the first sentence that says more than "maaf pak,"
    said = _unglued(said)
    at = 0
    while at < len(said) and (said[at] in _STOP_BEFORE or said[at] in NEUTRAL) and _stop_at(said, at) is None:
        at += 1
    found = _stop_at(said, at) if at < len(said) else None
    if found is None:
        return None
    kind, length = found
    if kind == "only_asking" and words(" ".join(sentences[told:])):
        return None  # what follows is the question: "cuma mau nanya, kalo ktp hilang gimana?"
    for word in said[at + length:]:
        if word in _REASON_OPENERS:
            return "cancel"  # "gak usah pak sudah ketemu": why it is no longer needed
        if word not in NEUTRAL and word not in _STOP_AFTER_ROOTS and _root(word) not in _STOP_AFTER_ROOTS:
            return None
        if kind == "no_need" and _root(word) in _GOING_ON_ROOTS:
            kind = "cancel"  # "ga usah dilanjut": it is the report that is not needed
    return kind


# Asking, in one's own words, for one's own data to be erased: "tolong hapus data saya pak, sy takut ketauan anak2
# itu", "sy mau data sy dihapus aja pak", "please delete everything about me". The request is made only of a word
# of erasing, what is erased, whose it is and from where, with words that ask and forms of address: a story that
# says "hapus" says more ("pelaku menghapus chat di hp saya", "dia hapus semua bukti transfer"). A reason may
# follow in a sentence of its own; nothing but greetings and forms of address may come before.
_ERASE_ROOT = "hapus"  # hapus, dihapus, hapusin, hapuskan, menghapus, ngehapus
_ERASE_WORDS = frozenset({"delete", "deleted", "erase", "erased", "remove", "removed", "wipe", "wiped", "forget",
                          "hps", "hpus"})  # the last two: "hapus" as typed short
# Erasing refused at its question: "jangan dihapus", "gak jadi hapus", "don't delete", "no, do not delete it".
_NOT_ERASING = frozenset({"jangan", "enggak", "tidak", "batal", "don", "dont", "not", "no", "never", "cancel"})
# Erasing asked for by its verb first, as one asks ("hapus nomor hp saya", "delete my account"), not told done
# ("dihapus semua pak", "sudah dihapus"): the forms that ask.
_ERASE_NOW = frozenset({"hapus", "hapusin", "hapuskan", "apus", "hps", "hpus", "delete", "erase", "remove", "wipe",
                        "forget"})
_DONE = frozenset({"sudah", "udah", "sdh", "telah", "already", "was", "were", "been", "kehapus", "terhapus"})
_PHONE = frozenset({"hp", "handphone", "ponsel", "telepon", "phone", "wa", "whatsapp"})  # "no hp": the number
_ERASABLE = _PHONE | {"data", "nomor", "number", "akun", "account", "kontak", "contact", "semua", "semuanya",
                      "everything", "all", "info", "information", "informasi", "details", "pribadi", "personal", "chat",
                      "riwayat",
                      "history", "percakapan", "obrolan", "pesan", "messages", "conversation", "conversations"}
_WHOSE = frozenset({"saya", "aku", "ku", "gue", "gua", "kami", "kita", "i", "me", "my", "mine", "we", "us", "our"})
# Asking that one's data be no longer kept, as one asks it be erased: "sy gk mau data sy disimpan", "jangan simpan
# nomor sy", "data sy gak usah disimpan lagi", "please don't keep my data", "i don't want my data stored". The
# word of keeping, after a "jangan" or an "usah", a no before a wish ("gk mau"), or an English "don't" just before
# it; not told ("data sy tidak disimpan", "my data was not stored").
_KEEP_ROOT = "simpan"  # simpan, disimpan, menyimpan, simpanin
_KEEPING = frozenset({"simpen", "disimpen", "nyimpen", "nyimpan", "store", "stored", "keep", "kept", "save", "saved",
                      "retain", "retained"})
_NO = frozenset({"enggak", "tidak", "don", "dont", "not", "never", "no"})
_ASKED_NOT_TO = frozenset({"jangan", "usah"})
_ANY_MORE = frozenset({"lagi", "anymore", "again", "any", "more", "longer"})
_DO_NOT = frozenset({"don", "dont", "never", "do", "t"})  # "don't", as words() reads it: "don", "t"
_OF_NOT_KEEPING = _NO | _DO_NOT | _ASKED_NOT_TO | _ANY_MORE | WANTING
_KEPT_AFTER_A_NO = 5  # words at most between the no and the word of keeping: "gk mau data sy disimpan"
# Leaving the service, said before the request: "sy mau berhenti pake layanan ini, hapus semua", "i want to stop
# using this service, delete everything", "udah ga mau pake lapor lagi, hapus data sy": stopping, or not using the
# service any more. Such words ("udah" among them) tell nothing done of the request.
_STOPPING_USE = frozenset({"berhenti", "stop", "quit", "keluar", "udahan", "unsubscribe", "sudahi"})
_THE_SERVICE = frozenset({"layanan", "service", "aplikasi", "app", "ini", "this", "lapor", "bot"})
_LEAVING = _STOPPING_USE | _USING | _THE_SERVICE
_OF_LEAVING = _LEAVING | _NO | _DO_NOT | WANTING | _ANY_MORE | _WHOSE | NEUTRAL | {"lagi", "to"}
# "delete everything you have on me", "hapus semua yg kalian punya tentang saya": what is held, and of whom.
_FROM_WHERE = frozenset({"dari", "from", "sistem", "system", "database", "server", "your", "ur", "kalian", "sini",
                         "bot", "about", "tentang", "of", "dan", "and", "juga", "also", "sekalian", "have", "has",
                         "hold", "know", "punya"})
# Words that make it a request, not a telling of what was done ("saya sudah hapus semua data saya"): a word that
# asks (not the "saya" or "i" that may only be its subject), or a particle of asking; else the verb comes first,
# as one asks ("hapus nomor hp saya", "delete my account").
_REQUESTING = (ASKING - _WHOSE - {"to", "like", "you"}) | {"saja", "dong", "deh"}
# What may open the message before the request: "halo pak, …", "maaf, …", "iya, hapus semua".
_OPENING = _words_of(GREETING_PHRASES) | {"maaf", "sorry", "ya", "iya", "ok", "oke", "okay"}
ERASURE_MAX_WORDS = 30  # more than that is a story that happens to open with such a request


def _erasing(word: str) -> bool:
    """A word of erasing: a form of "hapus" ("dihapus", "hapusin") or an English verb of it."""
    return word in _ERASE_WORDS or (_ERASE_ROOT in word and _root(word) == _ERASE_ROOT)


def _keeping(word: str) -> bool:
    return word in _KEEPING or (_KEEP_ROOT in word and _root(word) == _KEEP_ROOT)


def _not_to_keep(said: list[str]) -> bool:
    """Whether the words ask that something be kept no longer (_KEEPING's note)."""
    for at, word in enumerate(said):
        if _keeping(word):
            before = set(said[max(0, at - _KEPT_AFTER_A_NO):at])
            if before & _ASKED_NOT_TO or (before & _NO and before & WANTING) \
                    or (at and said[at - 1] in _DO_NOT) or said[max(0, at - 2):at] in (["do", "not"], ["don", "t"]):
                return True
    return False


# One's name asked off a report sent ("tolong nama sy dihapus dr laporan td", "remove my name from the report"):
# erasing one's data does that, as sent reports stay without it. The report is named only with the name: "hapus
# laporan sy" asks to withdraw it.
_NAME = frozenset({"nama", "name", "identitas", "identity"})
_THE_REPORT = frozenset({"laporan", "report", "the", "tadi", "kemarin", "itu"})


def _of_the_request(word: str, name_said: bool = False) -> bool:
    """Whether a word is one a request to erase one's data is made of besides the word of erasing."""
    bare = word.removesuffix("nya").removesuffix("ku") or word  # "datanya", "akunku", "sistemnya"
    return bare in _ERASABLE | _FROM_WHERE or word in _WHOSE | _FROM_WHERE | ASKING or word in NEUTRAL \
        or (name_said and (bare in _NAME or word in _THE_REPORT))


def _leaving(said: list[str]) -> int:
    """How many words open the sentence to tell the service is left, up to a word of erasing ("udah ga mau pake
    lapor lagi", "i don't want to use this anymore"); 0 when they tell something else."""
    told = said[:next((at for at, word in enumerate(said) if _erasing(word)), len(said))]
    leaving = bool(_STOPPING_USE & set(told)) or bool(_USING & set(told) and _THE_SERVICE & set(told))
    return len(told) if leaving and all(word in _OF_LEAVING for word in told) else 0


def erasure_asked(text: str) -> bool:
    """Whether the message asks to erase the resident's own data, number, account or everything about them, in
    their own words, with a reason after it or none."""
    if len(text.split()) > ERASURE_MAX_WORDS:
        return False
    asked: list[str] = []
    left: list[str] = []  # the words that tell the service is left, before the request
    for sentence in _SENTENCE_END.split(text):
        said = words(sentence)
        # "no hp", "no wa": the number, not a no (which, said with erasing, answers the confirmation)
        said = [w for i, w in enumerate(said) if not (w == "no" and said[i + 1:i + 2] and said[i + 1] in _PHONE)]
        leaving = _leaving(said)
        left, said = left + said[:leaving], said[leaving:]
        name_said = bool(_NAME & {w.removesuffix("nya").removesuffix("ku") or w for w in said})
        not_to_keep = _not_to_keep(said)
        if not_to_keep and name_said and not any(_erasing(w) for w in said):
            return False  # "nama sy jangan disimpan": how to be shown, which the identity's question asks
        if not all(_erasing(w) or _of_the_request(w, name_said) or w in _OPENING or w in _LEAVING
                   or (w in ("on", "about") and said[i + 1:i + 2] in (["me"], ["us"]))  # "everything … on me"
                   or (not_to_keep and (_keeping(w) or w in _OF_NOT_KEEPING)) for i, w in enumerate(said)):
            return False  # a sentence that says more before the request: "dia hapus semua bukti transfer"
        asked += said
        if not_to_keep or any(_erasing(w) for w in said):
            break  # what follows is the reason, the resident's to give
    else:
        return False
    request = set(asked)
    whose = request | set(left)  # "sy mau berhenti pake layanan ini, hapus semua"
    if request & _DONE or not (whose & _WHOSE or any(w.endswith("ku") and _of_the_request(w) for w in request)):
        return False  # "sudah dihapus semua pak" tells; "tolong hapus akunnya" is someone else's account
    first = next((w for w in asked if w not in _OPENING and w not in NEUTRAL), "")
    return bool(_REQUESTING & whose) or first in _ERASE_NOW or (not_to_keep and (
        bool(request & _ASKED_NOT_TO) or first in _DO_NOT))


def erasure_answer(text: str) -> str | None:
    """At the question whether to erase: "yes" for the request said again, or a yes with words of erasing around
    it ("iya hapus aja", "yes delete it"); "no" for a no with them ("jangan dihapus"); None for anything else, a
    question above all ("semua data saya dihapus ya?": what is asked is no yes), and for a message with no word
    of erasing, which the question's own choices read."""
    if "?" in text:
        return None
    if erasure_asked(text):
        return "yes"
    said = without_all_right(words(text))  # "hapus aja gpp": leave given, nothing more
    if not any(_erasing(w) for w in said):
        return None
    rest = [w for w in said if not _erasing(w) and not _of_the_request(w)]
    if not rest:
        return "yes"  # "hapus aja pak": the word of erasing is the yes
    first = next(i for i, w in enumerate(said) if _erasing(w))
    if _NOT_ERASING & set(said[max(0, first - 3):first]):
        return "no"  # "gak jadi hapus", "don't delete"; not "ya hapus, tidak usah disimpan lagi"
    if yes_or_no(" ".join(said[:first])) == "yes":
        return "yes"  # "ya hapus, ga masalah"
    return yes_or_no(" ".join(rest))  # "iya … aja"; "hapus apa pak?" or "hapus fotonya" neither


# Taking a cancel back, right after it: "eh jangan dibatalin pak, lanjut aja", "gak jadi batal", "LANJUT", "undo".
_GO_ON = frozenset({"lanjut", "lanjutkan", "lanjutin", "teruskan", "terusin", "continue", "undo", "resume"})
_CANCEL_WORDS = frozenset({"batal", "dibatalin", "dibatalkan", "batalin", "batalkan", "cancel", "cancelled"})
TAKE_BACK_MAX_WORDS = 8


def takes_back(text: str) -> bool:
    """Whether a short message takes back the cancel just made: a word of going on, or cancelling refused
    ("jangan dibatalin", "gak jadi batal"; not "bukan, memang batal", which says it again)."""
    said = words(text)
    refused = "jangan" in said or any(word in NO and said[i + 1:i + 2] == ["jadi"] for i, word in enumerate(said))
    return 0 < len(said) <= TAKE_BACK_MAX_WORDS and bool(set(said) & _GO_ON or (set(said) & _CANCEL_WORDS and refused))


# Asking to stay unknown, in a story or a word out of turn: "tolong nama saya dirahasiakan", "jgn sebut nama sy",
# "sy mau lapor anonim aja", "keep my name confidential". Someone else's secret ("dia sebar rahasia saya"), an
# anonymous caller or account ("diteror akun anonim"), or a secret not needed ("gak usah dirahasiakan") is none.
_SECRET = frozenset({"rahasia", "rahasiakan", "dirahasiakan", "rahasiain", "dirahasiain", "sembunyikan",
                     "disembunyikan", "disembunyiin", "samarkan", "disamarkan", "secret", "confidential", "private",
                     "hidden", "hide"})
_UNNAMED = frozenset({"anonim", "anonymous", "anonymously", "anon"})
# Other ways of asking to stay unknown: "please keep my name out of it", "privasi sy dijaga ya pak", "sy takut
# ketahuan pelakunya" (not "malingnya takut ketahuan warga": the fear must be the resident's own).
_NAME_KEPT_OUT = (("keep", "my", "name", "out"), ("leave", "my", "name", "out"), ("without", "my", "name"))
_PRIVACY_KEPT = (frozenset({"privasi", "privacy"}),
                 frozenset({"jaga", "dijaga", "dijamin", "aman", "kept", "protected"}))
_FOUND_OUT = (("takut", "ketahuan"), ("takut", "diketahui"), ("afraid", "they", "find", "out"))
# "sy gk mau ketauan yg lapor", "gak mau ketahuan": by the resident, or opening the message
_WHOSE_OF = frozenset({"pacar", "anak", "suami", "istri", "adik", "kakak", "teman", "tetangga", "bapak", "ibu", "ayah",
                       "ortu", "mantan"})  # "pacar sy gak mau ketahuan selingkuh": the wish is the boyfriend's
_NOT_FOUND_OUT = tuple((no, wish, "ketahuan") for no in ("tidak", "enggak") for wish in ("mau", "ingin", "pengen"))
# "tp jgn bilang2 sy yg lapor ya", "jgn kasih tau siapa2 kalau sy yg lapor", "don't tell anyone I reported it"
_NOT_TO_TELL = (("jangan", "bilang"), ("jangan", "kasih", "tau"), ("jangan", "kasih", "tahu"), ("don", "t", "tell"),
                ("dont", "tell"))
_TOLD_WITHIN = 6  # words after "jangan bilang" that say it is who reported
_REPORTING = REPORT_WORDS | REPORTING | {"reported", "mengadu"}
_OWN_NAME = frozenset({"nama", "namaku", "identitas", "identitasku", "name", "identity", "pelapor"})
_SHOWN = frozenset({"sebut", "disebut", "sebutkan", "disebutkan", "tampilkan", "ditampilkan", "tulis", "ditulis",
                    "sebutin", "disebutin", "tampilin", "ditampilin", "dicantumin",
                    "cantumkan", "dicantumkan", "kasih", "dikasih", "show", "shown", "use", "used", "share", "shared",
                    "give", "tell", "reveal", "revealed", "disebar", "disebarin", "disebarkan", "sebarin", "sebarkan",
                    "spread"})
# Anonymity wished, not of a thing: after a word of reporting or wanting ("sy mau lapor scr anonim", "I want to
# report anonymously", "sebagai anonim"), before "aja" ("anonim aja kak plis"), or alone. Not "ditelpon anonim
# ngancam", "surat kaleng anonim", "I received anonymous threats".
_WANTING_ANONYMITY = frozenset({"lapor", "laporan", "melapor", "report", "reporting", "mau", "ingin", "pengen",
                                "minta", "sebagai", "secara", "as", "stay", "remain", "pakai", "pilih", "choose"})
_AS_IT_IS = frozenset({"aja", "saja", "please", "plis", "pls", "ya"})
_WISH_PARTS = re.compile(r"([,.;!?\n]+|\b(?:tapi|tp|but)\b)", re.IGNORECASE)


def clauses_of(text: str) -> list[tuple[str, bool]]:
    """The text's clauses, each with whether a "but" opens it (a wish is told apart from the story in them)."""
    pieces = _WISH_PARTS.split(text)  # a clause, what parts it from the next, the next clause, …
    return [(pieces[i], i > 0 and pieces[i - 1].strip().lower() in ("tapi", "tp", "but"))
            for i in range(0, len(pieces), 2)]
_NOT_NEEDED = NOT_WORDS | NEEDLESS_WORDS | {"no", "need"}


def _not_to_tell(said: list[str]) -> bool:
    for phrase, at in phrases_found(said, _NOT_TO_TELL):
        after = said[at + len(phrase):at + len(phrase) + _TOLD_WITHIN]
        if (OWN_WORDS | {"i", "me"}) & set(after) and _REPORTING & (set(stems_of(after, REPORT_WORDS)) | set(after)):
            return True
    return False


def identity_wished(text: str) -> str | None:
    """"anonymous" or "confidential" where the message asks to stay unknown, else None."""
    wished = None
    asked = "?" in text or bool({"apakah", "apa"} & set(words(text)))  # "apakah privasi sy aman?" asks, wishes not
    for part, after_but in clauses_of(text):
        said = words(part)
        if _a_wish(said, after_but) or _not_to_tell(said) or any_phrase(said, _NAME_KEPT_OUT) \
                or (all(kind & set(said) for kind in _PRIVACY_KEPT) and not asked) \
                or any(at and said[at - 1] in OWN_WORDS for _phrase, at in phrases_found(said, _FOUND_OUT)) \
                or any(not at or (said[at - 1] in OWN_WORDS and (at < 2 or said[at - 2] not in _WHOSE_OF))
                       for _phrase, at in phrases_found(said, _NOT_FOUND_OUT)):
            wished = "confidential"  # "…, jangan sampai tetangga tau sy yg lapor": unnamed to officers too
        for i, word in enumerate(said):
            before, after = said[max(0, i - 2):i], said[i + 1:i + 2]
            if word in _SHOWN | {"pakai", "pake"} and _OWN_NAME & set(said[i + 1:i + 3]) \
                    and (_NOT_NEEDED | {"jangan"}) & set(said[max(0, i - 3):i]):
                wished = "confidential"  # "gk usah sebut nama sy", "gak usah pake nama", "jangan pake nama sy"
                continue
            if word in _SHOWN and _OWN_NAME & set(said[max(0, i - 3):i]) \
                    and any(said[k:k + 2] in (["enggak", "mau"], ["tidak", "mau"], ["not", "want"])
                            for k in range(max(0, i - 5), i)):
                wished = "confidential"  # "sy gk mau nama sy disebut"
                continue
            if word in _SHOWN and _NOT_NEEDED & set(said[max(0, i - 3):i]) and (
                    _OWN_NAME & set(said[max(0, i - 4):i])
                    or _OWN_NAME & {w.removesuffix("nya") for w in said[i + 1:i + 3]}):
                wished = "confidential"  # "nama sy gk usah dicantumin", "ga mau disebut namanya"
                continue
            if _NOT_NEEDED & set(said[max(0, i - 4):i]) \
                    or (word in _UNNAMED | _SECRET and said[max(0, i - 1):i] in (["bukan"], ["jangan"])):
                continue  # "gak usah dirahasiakan", "no need to be anonymous", "bukan anonim, rahasia aja"
            wishing = _WANTING_ANONYMITY & set(said[max(0, i - 3):i]) or _AS_IT_IS & set(after) or len(said) <= 2
            if word in _UNNAMED and wishing:
                return "anonymous"
            own = bool(_OWN_NAME & set(said))
            if word == "tanpa" and said[i + 1:i + 2] in (["nama"], ["identitas"]) and REPORT_WORDS & set(said):
                wished = "confidential"  # "lapor tanpa nama": unnamed, and still answered through the bot
            only_this = set(said) - {word} <= NEUTRAL | _AS_IT_IS | WANTING | OWN_WORDS  # "sy mau rahasia aja"
            if word in _SECRET and (own or only_this):  # "nama saya dirahasiakan", "rahasia aja pak"
                wished = "confidential"
            elif word in _SHOWN and own and set(before) & (NOT_WORDS | {"jangan", "t"}):
                wished = "confidential"  # "jangan sebut nama saya", "don't show my name"
    return wished


# Of a report already sent: more of it ("LP-… sy mau nambahin info: pelakunya pake jaket ojol ijo", "oh iya tambahan,
# hp nya samsung a15", "I want to add something: the thief wore a green jacket"), with something told besides the
# wish; or a wish to withdraw it ("batalin aja laporan sy pak, hpnya udh ketemu", "please cancel my report"). Not a
# new report asked for ("mau lapor tambahan kasus lain").
_ADDING = frozenset({"nambahin", "menambahkan", "tambahin", "tambahkan", "nambahkan", "ditambahkan", "add", "adding"})
_ADDING_WHAT = frozenset({"info", "informasi", "keterangan", "data", "cerita", "something", "more", "detail",
                          "details", "lagi", "sedikit", "to", "that", "tambah", "tambahan", "addition"})
# "Tambahan" as the word of adding, opening the message or with what is added: "oh iya tambahan, …", "tambahan
# info: …"; not a charge ("biaya tambahan", "tambahan biaya parkir").
_MORE_TOLD = re.compile(r"^\W*(?:(?:oh|eh|o|iya|ya|pak|bu|mas|mbak|maaf|ada)\W+)*tambahan\b\s*(?:[,:.!-]|$|info\b|"
                        r"informasi\b|keterangan\b|lagi\b|pak\b|bu\b)", re.IGNORECASE)
_REPORTING_ANEW = frozenset({"lapor", "melapor", "ngadu", "mengadu", "report"})  # "sy mau lapor, ada yg nambahin…"
_WITHDRAWING = frozenset({"batal", "batalin", "batalkan", "dibatalkan", "dibatalin", "cabut", "dicabut", "tarik",
                          "ditarik", "cancel", "withdraw"})
# The report itself erased: "tolong hapus laporan sy yg td", "sy salah kirim laporan pak, tolong dihapus"; not a
# part of it ("hapus foto di laporan sy"). One's name off it is erasing one's data, asked before this is read.
_ERASING_A_REPORT = frozenset({"hapus", "hapusin", "dihapus", "hapuskan", "apus", "hps", "delete"})
_ANOTHER = frozenset({"lain", "baru", "another", "new", "other"})
_WISHED = frozenset({"mau", "ingin", "pengen", "tolong", "minta", "meminta", "mohon", "saja", "please", "want"})
_COERCED = frozenset({"dipaksa", "disuruh", "diancam", "diminta", "forced", "threatened"})
_TOLD_BESIDES = 2  # words that tell something, besides the wish to add


def reporter_word(text: str) -> str | None:
    """"added" or "withdrawal" for what a resident writes of a report already sent, else None."""
    said = words(without_ref(text))
    told = set(said)
    if not said or told & _ANOTHER or (told & _REPORTING_ANEW and told & WANT_WORDS):
        return None
    of_a_report = bool(told & REPORT_NOUNS) or find_ref(text) is not None
    wished = not _asked(text, said) or bool(told & _WISHED)  # not "kenapa laporan sy dibatalkan?", "cara cabut?"
    withdrawing = [i for i, word in enumerate(said) if word in _WITHDRAWING or (word in _ERASING_A_REPORT and (
        next((w for w in said[i + 1:] if w not in NEUTRAL | OWN_WORDS | {"the"}), None) in REPORT_NOUNS | {None}))]
    if withdrawing and of_a_report and told & _COERCED:
        return "added"  # "sy dipaksa cabut laporan sm pelaku": what officers must hear, no wish of the reporter's
    denied = any(set(said[max(0, i - 2):i]) & {"jangan", "enggak", "tidak"} for i in withdrawing)  # "jgn dicabut"
    if withdrawing and of_a_report and not told & _ADDING and wished and not denied:
        return "withdrawal"
    besides = [w for w in said if w not in NEUTRAL | _ADDING | _ADDING_WHAT | WANT_WORDS | OWN_WORDS | REPORT_WORDS
               | REPORT_NOUNS | ASKING]
    adding = bool(told & _ADDING) or _MORE_TOLD.match(without_ref(text)) is not None \
        or ("tambah" in told and bool(told & {"info", "informasi", "keterangan", "data"}))
    if adding and len(besides) >= _TOLD_BESIDES and not _asked(text, said):  # "bisa nambahin foto gk?" asks
        return "added"
    return None


# Words that show the photo they come with: "ini fotonya pak", "foto motor sy yg dicuri", "bukti nya", "here's the pic".
_OF_THE_PHOTO = frozenset({"foto", "fotonya", "poto", "potonya", "photo", "photos", "pic", "pics", "picture",
                           "gambar", "gambarnya", "gmbr", "gmbrnya", "bukti", "buktinya", "ss", "screenshot",
                           "screenshotnya", "tangkapan", "layar"})
_POINTING = frozenset({"ini", "itu", "nih", "tuh", "this", "here", "heres"})
_POINTED_WORDS = 4  # "ini pelakunya pak", "this is the guy": a pointing opener and a few words, naming what it shows


# Words that say a photo is of another matter than the report just sent: "beda lagi pak", "beda kejadian", "kasus
# lain", "ini yg lain", "another one", "a different case". The other named of a photo itself is one more photo of
# the same ("ini foto yg lain", "another pic").
_OTHER = frozenset({"beda", "berbeda", "lain", "lainnya", "different", "another", "other"})
_MATTERS = frozenset({"kejadian", "kejadiannya", "kasus", "kasusnya", "masalah", "masalahnya", "laporan",
                      "perkara", "hal", "peristiwa", "incident", "case", "matter", "report", "thing", "one", "story"})
_MATTER_WITHIN = 2  # "beda lagi", "kejadian yg lain", "a different case"


def _another_matter(said: list[str]) -> bool:
    """Whether a caption says its photo is of another matter (see above)."""
    for at, word in enumerate(said):
        if word not in _OTHER:
            continue
        if said[at + 1:at + 2] and said[at + 1] in _OF_THE_PHOTO:
            continue  # "another pic": one more photo
        near = said[max(0, at - _MATTER_WITHIN):at] + said[at + 1:at + 1 + _MATTER_WITHIN]
        # "ini yg lain", "kasus yg lain"; not "foto yg lain" nor "pelakunya yg lain" (the other one of the same)
        the_other = said[at - 1:at] == ["yang"] and (at < 2 or said[at - 2] in _POINTING | NEUTRAL | _MATTERS)
        again = said[at + 1:at + 2] == ["lagi"]  # "beda lagi", "lain lagi"; not "fotonya lagi, beda sudut"
        if _MATTERS & set(near) or again or the_other or word == "different":
            return True
    return False


def photo_of_a_report_sent(caption: str) -> bool:
    """Whether a photo sent with `caption` after a report of the resident's is for that report: a caption that says
    nothing of its own ("", "ok", "pak"), or shows what the photo is ("ini fotonya pak", "ini foto motor sy yg
    dicuri", "ini pelakunya", "this is the guy"); not one that wants a report anew ("mau lapor lagi, ada …", "laporan
    baru pak") or says it is of another matter ("…, beda kejadian pak"), or tells a story with no word of the photo
    ("ada tawuran di depan pasar"), nor a question of the menu's."""
    said = words(caption)
    told = set(said)
    anew = bool(told & (_REPORTING_ANEW | REPORT_NOUNS) and told & (_ANOTHER | {"lagi"})) \
        or bool(told & _REPORTING_ANEW and told & _WISHING) or wants_to_report(caption) or _another_matter(said)
    intent = menu_intent(caption)
    if anew or intent not in (None, "ok", "thanks", "story", "category"):
        return False
    if intent in (None, "ok", "thanks"):
        return True
    meaningful = [word for word in said if word not in NEUTRAL]
    pointed = bool(meaningful) and meaningful[0] in _POINTING and len(meaningful) <= _POINTED_WORDS
    return bool(told & _OF_THE_PHOTO) or pointed


def only_shows_a_photo(caption: str) -> bool:
    """Whether a photo's caption says no more than that it is the photo ("", "ini fotonya pak", "here's the pic"):
    nothing in it answers the question open."""
    return all(word in _OF_THE_PHOTO | _POINTING | NEUTRAL for word in words(caption))


def photo_announced(text: str) -> bool:
    """Whether words alone tell of a photo for the report just sent, the photo to follow ("ini fotonya pak", "mau
    kirim foto", "fotonya nyusul ya", "i have a photo of him")."""
    return bool(set(words(text)) & _OF_THE_PHOTO) and menu_intent(text) is None and photo_of_a_report_sent(text)


# The report being told said not to be the one meant, another wanted instead: "maaf salah, mau lapor yang lain", "salah
# lapor pak, harusnya yg lain", "bukan ini, sy mau lapor hal lain", "I want to report something else", "mau bikin
# laporan baru aja". Not "eh salah" alone (one answer is wrong), nor what was reported elsewhere ("laporan lain sudah
# sy kirim"), nor another after this one ("abis ini mau lapor yg lain juga").
_MEANT_ANOTHER = frozenset({"lain", "else", "another", "other", "different", "baru", "new"})
_MEANT_INSTEAD = _WISHING | frozenset({"salah", "wrong", "harusnya", "seharusnya", "sebenarnya", "ganti", "should",
                                       "actually", "pengen", "bikin", "buat", "make"})
_AFTER_THIS = frozenset({"juga", "also", "too", "nanti", "abis", "habis", "setelah", "sesudah", "after", "then"})
_ANOTHER_WITHIN = 3  # "lapor yang lain", "lapor hal lain", "report something else": the other named right after


_ANOTHER_BEFORE = frozenset({"another", "other", "different", "new"})  # "a new report"; not "baru lapor" (just now)


def another_report_wished(text: str) -> bool:
    """Whether the report being told is said not to be the one meant, another wanted instead (see above)."""
    said = [word for word in words(text) if word not in NEUTRAL]
    told = set(said)
    if not told & _MEANT_INSTEAD or told & _AFTER_THIS:
        return False
    return any(_root(word) in REPORT_WORDS and (_MEANT_ANOTHER & set(said[i + 1:i + 1 + _ANOTHER_WITHIN])
                                                or _ANOTHER_BEFORE & set(said[max(0, i - 2):i]))
               for i, word in enumerate(said))


# What a first message may open with before the story: a greeting, whom it is said to, a courtesy and the wish to
# report ("selamat pagi pak, …", "halo min, …", "assalamualaikum wr wb, izin lapor pak. …", "Good morning, I'd like
# to report that …"). Officers read the story from what happened.
_SAID_TO = (r"(?:pak|bapak|bu|ibu|mas|mbak|mba|kak|kakak|min|admin|gan|bos|boss|om|bang|ndan|komandan|sir|polisi|pol"
            r"|petugas|kapolsek|officers?|mate|guys|everyone|team|madam|ma'?am|bro|sis|folks"
            r"|there(?=\s*[,.!]))")  # "Hi there, …"; not "hi there is a thief …"
_GREETING = r"as+alam+u\W?\s*'?alaikum|" + "|".join(r"\s*".join(map(re.escape, phrase.split()))
                     for phrase in sorted(GREETING_PHRASES, key=len, reverse=True) if not phrase.startswith("emoji_"))
# "ngadu" and "complain" only after a wish ("mau ngadu pak, …"): alone first they may be what happened ("ngadu ayam
# tiap minggu di lapangan", cockfights)
_WISH = (r"(?:mau|mo|mw|ingin|pengen|pingin|hendak|mohon\s+izin|mohon\s+ijin|izin|ijin|want\s+to|wanna"
         r"|would\s+like\s+to)")
_WISH_TO_REPORT = (r"(?:i\s*'?\s*d\s+like\s+to\s+|(?:saya|sy|aku|gue|gw|kami|i)\s+)?"
                   rf"(?:(?:{_WISH}\s+)?(?:lapor|melapor|melaporkan|ngelapor|laporin|report)"
                   rf"|(?:{_WISH}\s+|(?<=like\sto\s))(?:ngadu|mengadu|complain|(?:make|file)\s+a\s+(?:report|complaint)"
                   r"|(?:bikin|buat|membuat)\s+(?:laporan|aduan|pengaduan)))"
                   r"(?:\s+(?:bahwa|kalau|kalo|klo|that|about|soal|tentang|mengenai))?")
# "mengganggu" as typed in a hurry: "menggangu", "menganggu", "ganggu"
_DISTURBING = r"(?:meng?|ng)?gan?g+u"
_OPENER_PART = (rf"(?:{_GREETING}|(?:pagi|siang|sore|malam)(?=[\s,.!]+{_SAID_TO}\b)|wr\.?\s*wb|warahmatullahi"
                rf"|wabarakatuh|{_WISH_TO_REPORT}|{_SAID_TO}|(?:mohon\s+)?maaf(?:\s+{_DISTURBING}(?:\s+waktu(?:nya)?)?)?"
                r"|permisi|punten|ya|nih|dong|yth|yang\s+terhormat|dengan\s+hormat)")
# "Selamat siang Bapak/Ibu petugas. Dengan hormat, …": a slash between those written to, as letters have it
_OPENER = re.compile(rf"^[\s,.!:;~/-]*(?:(?:{_OPENER_PART})\b[\s,.!:;~/-]*)+", re.IGNORECASE)
_OPENS = re.compile(rf"(?<!\w)(?:{_GREETING}|{_WISH_TO_REPORT}|(?:pagi|siang|sore|malam)(?=[\s,.!]+{_SAID_TO}\b))"
                    r"(?!\w)", re.IGNORECASE)
# After the wish to report, words that say how or where to, not what happened: "mau lapor tp takut ketauan", "mau
# lapor anonim", "mau lapor ke polsek sananwetan", "sy mau lapor gmn caranya": the message is kept whole.
_NOT_THE_STORY_YET = frozenset({"tp", "tapi", "tetapi", "but", "namun", "cuma", "cm", "anonim", "anonymously",
                                "rahasia", "tanpa", "ke", "gimana", "gmn", "bagaimana", "caranya", "bisa", "how",
                                "can", "to", "dimana", "where"})


def story_without_opener(text: str, shortest: int) -> str:
    """The story as officers read it: from what happened, without the greeting or the wish to report it opened with
    ("selamat pagi pak, motor sy dicuri …" → "motor sy dicuri …"); the rest as it was typed. The text whole where it
    opens with none, or where less than a story of `shortest` letters and digits follows it."""
    opened = _OPENER.match(text)
    if opened is None or not _OPENS.search(opened[0]):
        return text
    rest = text[opened.end():]
    first = rest.split(maxsplit=1)[0].lower().strip(",.!?:;") if rest.strip() else ""
    if not first or first in _NOT_THE_STORY_YET or letters_and_digits(rest) < shortest:
        return text
    return rest


# Whose place the place question asks, asked back ("maksudnya alamat sy atau alamat penipunya pak?", "alamat siapa?",
# "where, my home or where it happened?"): a word of place, a word of whose, and nothing but the words of such a
# question, so that a place named ("alamat sy di jl mawar?", "rumah penipunya di gedog?") is read as the place.
_PLACE_ASKED = frozenset({"alamat", "alamatnya", "lokasi", "lokasinya", "tempat", "tempatnya", "domisili", "where",
                          "address", "location", "place"})
_WHOSE_PLACE = frozenset({
    "siapa", "whose", "which", "mana", "who",
    # the resident's own
    "saya", "aku", "kami", "my", "me", "i", "mine", "rumah", "home", "house", "sendiri", "tinggal", "live", "ktp",
    "sekarang", "now",
    # the incident's, or the other side's
    "pelaku", "pelakunya", "penipu", "penipunya", "penjual", "penjualnya", "kejadian", "kejadiannya", "tkp", "toko",
    "tokonya", "maling", "malingnya", "dia", "happened", "happen", "seller", "scammer", "culprit", "thief",
    "incident", "shop",
})  # fmt: skip
_OF_ASKING_WHOSE = frozenset({"maksudnya", "maksud", "dimaksud", "ditanya", "ditanyakan", "mean", "meant", "yang",
                              "atau", "apa", "or", "the", "it", "do", "you", "is", "of", "di", "ini", "itu", "kah", "s",
                              "are", "asking", "want", "tadi", "ya"})
_WHOSE_PLACE_WORDS = 16


def whose_place_asked(text: str) -> bool:
    """Whether the message asks back whose place the place question means, and says nothing more."""
    said = words(text)
    told = set(said)
    return 0 < len(said) <= _WHOSE_PLACE_WORDS and _asked(text, said) and bool(told & _PLACE_ASKED) \
        and bool(told & _WHOSE_PLACE) \
        and all(word in _PLACE_ASKED | _WHOSE_PLACE | _OF_ASKING_WHOSE or word in NEUTRAL for word in said)
