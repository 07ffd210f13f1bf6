"""Cries for help: someone may be in danger now. One place for them, in Indonesian, its slang and English.

Words are compared as stems (Sastrawi), so "dianiaya", "penganiayaan" and "aniaya" are one entry, and a
word drawn out by one doubled letter ("toloong", "tolongg") as the word. A theft is a cry while it happens
("lagi dimasuki maling", "ada maling"), a report when it is over ("motor dicuri kemarin"). A cry right after a
negation ("tidak ada yang luka") is not one. "Tolong" is also the everyday "please" ("tolong ditertibkan"): it
is a cry only with no other request beside it. Danger told as over ("kebakaran semalam, sudah padam"), as
past ("dibegal kemarin") or as fiction or practice ("nonton film tentang begal", "latihan pemadam
kebakaran") is a report or nothing; a person still at risk (self-harm, a missing child, a threat to kill,
domestic violence, "tolong saya") is a cry whenever it is told.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice, pairwise

from handlers.language.answers import GREETING_PHRASES
from handlers.language.normalise import any_phrase, phrases_found, positions_of, stems_of, words
from handlers.language.slots import AFTER_IT, REPORTING, RESIDENT, still_there_now
from storage.lexicon import ROOT_WORDS
from storage.regions import town_names

_BREAK = "|"  # a sentence's end among the words: no word of the lists, and no negation reaches across it
_CLAUSE = ","  # a clause's end, kept only while the words are read (_habit_before_now_left_out)

# Stems that are a cry wherever they come: weapons, violence against a person, fire, abduction, self-harm.
ALWAYS = frozenset({
    # weapons
    "golok", "parang", "celurit", "clurit", "sajam", "samurai", "pedang", "pistol", "senpi", "pisau", "senjata",
    "bacok", "tikam", "badik", "molotov", "bom",
    # violence to a person
    "aniaya", "keroyok", "bunuh", "perkosa", "cabul", "leceh", "sandera", "culik", "begal", "rampok", "todong",
    "bantai", "amuk", "ngamuk", "sekap", "kdrt", "tawur", "tawuran", "bentrok",
    "berdarah", "pingsan", "sekarat", "darurat", "gawat", "overdosis",
    # English
    "stab", "stabbed", "stabbing", "gun", "guns", "shooting", "shot", "knife", "machete", "weapon", "robbery",
    "robbed", "mugged", "kidnap", "kidnapped", "murder", "rape", "raped", "bomb", "hostage", "emergency",
    "attacked", "attacking", "beaten", "beating", "suicide", "fire", "burning", "bleeding", "unconscious",
    "overdose", "explosion", "drugged", "poisoned", "knives", "machetes", "robber", "robbers", "brawl", "brawling",
    "strangling", "abducted", "mugging", "robbing",
})  # fmt: skip
# Words, not stems: the stem is also an everyday word ("bakar sampah", "pukul 9", "tendang bola", "bau
# menusuk", "nembak" is also to ask someone out), or Sastrawi misreads it ("penculikan" → culi).
ALWAYS_WORDS = frozenset({
    "kebakaran", "kebakar", "terbakar", "dibakar", "pembakaran", "dipukul", "dipukuli", "memukuli", "mukulin",
    "pukulin", "dipukulin", "ditusuk", "penusukan", "tertusuk", "nusuk", "ditendang", "ditendangi", "ditampar",
    "dijambak", "dicekik", "dihajar", "digebuk", "digebukin", "disiksa", "penyiksaan",
    "ditembak", "ditembaki", "penembakan",
    "tembakan", "ledakan", "ngebacok", "ngeroyok", "dikeroyok", "penculikan", "perampokan", "perampok",
    "ngerampok", "ngerampokin", "nyandera", "ngebunuh", "ngebegal",
    "pembacokan", "perampasan", "penjarahan", "ngancam", "ngancem", "ngancemin", "diancem", "nyulik", "nyulikin",
    "nodong", "nodongin", "ditodong", "menodong", "dikepung", "mengepung", "ngepung", "kericuhan", "kerusuhan",
    "keracunan", "diracun", "meracuni", "dibius", "pendarahan", "perdarahan",
    "ditonjok", "ditonjokin", "ditinju", "ditinjuin", "dibogem", "ditabok", "digampar", "dijotos", "murdered",
})  # fmt: skip
# Violence at home is a cry however it is told, as past or as habit ("suami saya mukul saya tiap hari"): a blow
# with one of the household close by and a person struck or striking beside it, so that "motor ibu saya hilang
# pukul sembilan" or "my mother saw kids kick a dog" is none. Stems, and the Jakartan forms Sastrawi does not
# take apart.
_HOUSEHOLD = frozenset({"suami", "istri", "bini", "ayah", "bapak", "papa", "bokap", "abah", "ibu", "mama", "emak",
                        "nyokap", "pacar", "mertua", "tiri", "pasangan", "husband", "wife", "boyfriend", "girlfriend",
                        "father",
                        "stepfather", "dad", "mother", "partner"})
_PERSONS = _HOUSEHOLD | {"saya", "aku", "gue", "kami", "kita", "anak", "adik", "kakak", "nenek", "kakek", "me",
                         "us", "her", "him", "son", "daughter"}
_BLOWS = frozenset({"pukul", "mukul", "mukulin", "pukulin", "dipukulin", "gebukin", "digebukin", "tampar", "nampar",
                    "tendang", "nendang", "hajar", "ngehajar",
                    "siksa", "jambak", "cekik", "nyekik", "mencekik", "aniaya", "gebuk", "tonjok", "nonjok",
                    "hit", "hits", "hitting", "beat", "beats", "beating", "kick", "kicks", "kicking", "slap", "slaps",
                    "slapping", "punch", "punches", "punching", "choke", "chokes", "tabok", "nabok", "ngegebukin",
                    "ngejambak", "punched", "kicked", "slapped"})
_HOUSEHOLD_NEAR, _PERSON_NEAR = 3, 2  # words from the blow
_OUTSIDERS = frozenset({"tetangga", "orang", "preman", "teman", "temen", "majikan", "bos", "guru", "satpam", "warga",
                        "pelaku", "pengendara", "sopir", "supir", "tukang", "neighbour", "neighbor", "stranger",
                        "someone", "strangers"})
# "pukul sembilan", "pukul setengah 10": a time of day, not a blow.
_CLOCK_WORDS = frozenset({"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
                          "sebelas", "dua belas", "setengah", "seperempat"})
_MORE_OR_LESS = frozenset({"lebih", "kurang", "lewat"})  # of a time ("pukul 7 lebih 10"), or of those who struck
_COUNTED = frozenset({"kali", "x", "times"})  # "dipukul 2 kali": blows counted, no time of day
_OTHER_INCIDENTS = frozenset({"hilang", "jatuh", "dicopet", "kecopetan", "dijambret", "kejambretan", "ditipu",
                              "tertipu", "tabrakan", "kecelakaan", "kejadian", "kejadiannya", "kemalingan", "dibobol",
                              "ketinggalan", "diserempet", "keserempet", "dihubungi", "ditelepon", "lost"})
# Words after "di pukul N" that go on with a time, not with who struck: "di pukul 7 berangkat kerja"
_A_TIME_GOES_ON = frozenset({"di", "ke", "pas", "waktu", "saat", "ketika", "sama", "harus", "sudah", "berangkat",
                             "pulang", "besok", "nanti", "ya", "pak", "bu", "sampai", "mulai"})
# What follows a time of day: "pukul 3 sore", "di pukul 02.00 dini hari", "pukul 9 lewat"
_TIME_CUES = frozenset({"pagi", "siang", "sore", "malam", "malem", "subuh", "dini", "lewat", "lebih", "kurang",
                        "tepat", "wib", "wita", "wit", "am", "pm", "an", "tadi"})
# A fight is a cry while it happens; one that happens "tiap malam minggu" is a complaint to report.
FIGHTS = frozenset({"berkelahi", "perkelahian", "berantem", "berantam", "kelahi", "jotos", "fighting"})
HABITUAL = frozenset({"tiap", "setiap", "sering", "selalu", "biasanya", "kadang", "every", "often", "always"})
# A life at risk by one's own hand: a cry, and read as Darurat whatever word of a crime it holds ("bunuh diri").
SELF_HARM = tuple(tuple(p.split()) for p in (
    "bunuh diri", "gantung diri", "akhiri hidup", "mengakhiri hidup", "minum racun", "kill myself", "kill himself",
    "kill herself", "kill themselves", "suicidal", "pengen mati", "ingin mati", "pengin mati", "pingin mati",
    "end his life", "end her life", "end their life", "end his own life", "end her own life", "end my own life",
    "take his own life", "take her own life", "take my own life", "take their own life",
    "want to die", "wants to die", "mau mati aja", "mau mati saja",
    "nyayat tangan", "nyayat tangannya", "menyayat tangannya", "sayat tangannya", "nyilet tangan", "nyilet tangannya",
    "melukai diri", "melukai dirinya", "lukai diri", "cutting herself", "cutting himself", "cutting myself",
    "menghilang saja dari dunia", "menghilang selamanya", "menghilang saja selamanya", "enggak pengin hidup",
    "enggak ingin hidup", "tidak ingin hidup", "tidak pengin hidup", "tired of living", "don t want to live",
    "dont want to live", "do not want to live", "end my life", "end it all", "better off dead", "no reason to live",
    "ngakhirin hidup", "ngakhirin hidupnya", "akhirin hidup", "akhiri hidupku", "akhiri hidupnya", "mengakhiri hidupku",
    "mengakhiri hidupnya", "udahan saja hidup", "udahan hidup", "hidup saya udahan", "hidupku udahan",
    "enggak sanggup lagi hidup", "enggak sanggup hidup", "tidak sanggup hidup", "tidak sanggup lagi hidup",
    "enggak mau hidup lagi", "tidak mau hidup lagi", "mending saya enggak ada", "mending aku enggak ada",
    "mending saya mati", "mending aku mati", "mending mati saja", "lebih baik saya mati", "lebih baik aku mati",
    "lebih baik mati saja", "pengin tidur selamanya", "mau tidur selamanya", "buat apa saya hidup",
    "buat apa aku hidup", "untuk apa saya hidup", "gunanya saya hidup", "gunanya aku hidup",
))  # fmt: skip
_FOUND_DEAD = frozenset({"mayat", "jenazah", "jasad"})  # "ditemukan mayat … gantung diri": no word to the writer
# A life taken, told after the fact: "td pagi ada org bunuh diri…, jenazahnya udh dievakuasi", "minggu lalu ada yg
# gantung diri di rumah kosong": nobody left to save, unless meant or tried ("kemarin tetangga sy nyoba gantung diri").
_DEATH_TOLD = _FOUND_DEAD | frozenset({"meninggal", "tewas", "dimakamkan", "almarhum", "almarhumah", "dievakuasi",
                                        "wafat", "berpulang", "mendiang"})
_MEANING_TO = frozenset({"mau", "ingin", "pengen", "pengin", "pingin", "hendak", "akan", "coba", "nyoba", "mencoba",
                         "berusaha", "ancam", "mengancam", "ngancam", "ngancem", "want", "wants", "going", "trying",
                         "tried", "threatens", "threatened"})
_SOMEONE_DID = (["ada", "yang"], ["ada", "orang"], ["ada", "seseorang"])
# Joining one who died told with a way or a time to get there: a journey ("mau nyusul ke rumah duka besok"), unless
# the way is to the hereafter.
_TO_JOIN_THERE = frozenset({"ke", "kesana", "kesitu", "kesini", "kemari", "besok", "lusa", "nanti", "naik",
                            "tomorrow"})
_FOLLOWING = frozenset({"menyusul", "nyusulin", "menyusulnya", "nyusulnya", "susul"})
# "tiada kabar" alone is no news, no death; "suami udh gak ada" is one
_GONE_FOR_GOOD = (("sudah", "tiada"), ("telah", "tiada"), ("sudah", "enggak", "ada"), ("sudah", "tidak", "ada"))
_AFTERLIFE = frozenset({"surga", "akhirat", "alam", "sana", "atas", "heaven"})
# A death not sure, or a body not found: "kayaknya udah meninggal, tp masih anget", "jenazahnya blm ketemu".
_UNSURE_OF_DEATH = frozenset({"kayaknya", "kayak", "mungkin", "sepertinya", "entah", "belum", "masih", "tau"})
# Being followed: a cry while it goes on; told as over ("tapi sudah pergi") it is a report.
_FOLLOWED = tuple(tuple(p.split()) for p in (
    "mengikuti saya", "membuntuti saya", "dibuntuti orang", "diikuti orang", "following me", "dikuntit", "dikuntitin",
    "dibuntuti", "diikutin", "nguntit saya", "ngikutin saya", "being followed", "been followed", "stalking me",
    "following my daughter", "following my son", "following my wife", "following my child", "following my sister",
    "following my girlfriend", "following us",
))  # fmt: skip
# Phrases (normalised words, in order) that are a cry.
PHRASES = SELF_HARM + _FOLLOWED + tuple(tuple(p.split()) for p in (
    "mau mati",
    "ingin bunuh",
    "sayat tangan", "menyayat tangan", "loncat dari",
    "lompat dari", "main hakim", "hakim sendiri", "amuk massa", "dihakimi massa", "dihajar massa", "diamuk massa",
    "anak hilang", "anak saya hilang", "anak saya belum pulang", "anak belum pulang", "anak tidak pulang",
    "anak enggak pulang", "anak diculik", "anak dibawa orang", "anak kami hilang", "anak ku hilang",
    "anak saya dibawa kabur", "anak saya dibawa lari", "anak saya diambil paksa",
    "anak dibawa kabur", "anak dibawa lari", "anak kami dibawa kabur",
    "adik saya hilang", "api besar", "api gede", "apinya besar", "apinya gede", "api sudah besar", "api sudah gede",
    "apinya sudah besar", "apinya sudah gede", "ada api", "asap tebal", "help me", "help us", "kill me",
    "end my life", "hurt myself", "self harm", "break in", "breaking in", "broke in", "burglar", "someone is in",
    "my child is missing", "child is missing", "missing child", "my son is missing", "my daughter is missing",
    "domestic violence", "hits me", "hitting me", "beats me", "beating me", "my husband hit", "my wife hit",
    "mob", "lynch", "lynching", "on fire", "being robbed", "being attacked", "tolong saya", "tolong kami",
    "tolong aku", "tolong cepat", "tolong segera", "meminta tolong segera", "tolong tolong", "luka parah",
    "kecelakaan parah", "korban jiwa", "ada mayat", "tidak bernapas", "tidak sadar", "tidak sadarkan",
    "enggak sadarkan", "ditodong pisau", "ancam bunuh", "mengancam bunuh", "diancam bunuh", "mengancam mau bunuh",
    "mengancam akan bunuh", "mengancam mau membunuh", "diancam mau dibunuh", "diancam akan dibunuh", "diancam dibunuh",
    "threatened to kill", "ngancam mau bunuh", "ngancem mau bunuh", "ngancam bunuh", "ngancem bunuh", "dead body",
    "sos",
    # a killing told in English's passive, which leaves "murder" unstemmed and "killed" a word of plants too
    "was killed", "were killed", "got killed", "been killed", "was murdered", "were murdered", "got murdered",
    "been murdered", "just murdered", "just killed",
    # a blow taken, told with "kena" as "kena pukul" is, or in English's passive ("got punched by a thug")
    "kena tonjok", "kena tinju", "kena bogem", "kena gampar", "kena tabok", "kena jotos", "kena tendang", "kena sabet",
    "kena bacok", "kena tusuk", "kena sikut", "kena injak", "kena lempar batu", "got punched", "was punched",
    "were punched", "been punched", "got slapped", "was slapped", "been slapped", "got kicked", "was kicked",
    "were kicked", "been kicked",
    "teriak meminta tolong", "teriak tolong", "meminta tolong cepat", "baku hantam", "adu jotos",
    "breaking into", "broke into", "break into", "kecelakaan beruntun", "tidak bergerak", "enggak gerak",
    "tidak gerak", "enggak bergerak", "tidak sadarkan diri", "enggak bernapas", "enggak bernafas",
    "enggak napas", "unresponsive", "bau gas", "gas leak", "smell gas", "smell of gas",
    "kebocoran gas", "gas bocor", "bocor gas", "tidak bernafas", "badly hurt", "badly injured", "seriously hurt",
    "seriously injured", "not breathing", "isn t breathing", "stopped breathing", "kejang kejang", "seizure",
    "want to die", "wants to die", "wants to jump",
    "want to jump", "going to jump", "about to jump",
    "bawa linggis", "membawa linggis", "carrying a crowbar", "kompor meledak", "tabung meledak", "tabung gas meledak",
    "gas meledak",
    "dipaksa masuk mobil", "dipaksa naik mobil", "ditarik masuk mobil", "diseret masuk mobil",
    "dipaksa masuk ke mobil", "ditarik ke mobil", "dragged into a car", "forced into a car",
    "ditarik paksa ke mobil", "ditarik paksa masuk mobil", "ditarik paksa ke dalam mobil", "ditarik ke dalam mobil",
    "dipaksa masuk ke dalam mobil", "diseret ke dalam mobil", "diseret ke mobil", "dimasukin paksa ke mobil",
    "dimasukkan paksa ke mobil", "pulled into a car",
    "diseret masuk", "diseret paksa", "dragged into", "being dragged",
    "bawa arit", "membawa arit", "pakai arit", "bawa bambu runcing", "demo ricuh", "massa ricuh",
    "darahnya banyak", "banyak darah", "darah banyak",
    # in English as in Indonesian above: an overdose, a throat held, a hold-up, a crowd against one, a riot, a body
    "overdosed", "overdosing", "choking me", "choking her", "choking him", "choking a", "choking my", "strangling me",
    "at gunpoint", "at knifepoint", "holding people up", "surrounded by thugs",
    "surrounded by a gang", "surrounded by men", "into a riot", "a body in the", "a body by the", "a body on the",
    "a body near the", "found a body",
)) + (_BURNT := tuple(tuple(p.split()) for p in (
    "luka bakar parah", "luka bakarnya parah", "luka bakar serius", "luka bakar berat", "terbakar parah",
    "badly burned", "badly burnt", "severely burned", "severe burns",
))) + (_ACID := tuple(tuple(p.split()) for p in (
    "disiram air keras", "kena air keras", "disiram cuka para", "disiram soda api", "acid attack", "threw acid",
    "thrown acid", "splashed acid",
))) + (_UNRESPONSIVE := tuple(tuple(p.split()) for p in (
    "enggak bisa dibangunin", "tidak bisa dibangunin", "enggak bisa dibangunkan", "tidak bisa dibangunkan",
    "won t wake up", "wont wake up", "will not wake up", "not waking up", "can t wake", "cannot wake", "unresponsive",
))) + (_SNAKE_INSIDE := tuple(tuple(p.split()) for p in (
    # a venomous snake where people are (the fire brigade, 113, takes them); a snake alone is a report
    "ular kobra", "ular berbisa", "cobra", "venomous snake", "snake in my house", "snake in the house",
    "snake in my room", "snake in my kitchen",
))) + (_SNAKE_BITE := tuple(tuple(p.split()) for p in (
    "digigit ular", "dipatok ular", "kena patok ular", "bitten by a snake", "snake bite", "snakebite",
))) + (_BABY_LEFT := tuple(tuple(p.split()) for p in (
    "bayi dibuang", "bayi ditinggal", "bayi ditelantarkan", "buang bayi", "abandoned baby",
    "baby abandoned", "baby left", "abandoned a baby", "baby was abandoned", "baby was left",
))) + (_BREATHLESS := tuple(tuple(p.split()) for p in (
    "sesak napas", "sesak nafas", "susah napas", "susah nafas", "enggak bisa napas", "tidak bisa napas",
    "tidak bisa bernapas", "tidak bisa bernafas", "enggak bisa nafas", "tidak bisa nafas", "can t breathe",
    "susah bernapas", "susah bernafas", "sulit bernapas", "sulit bernafas", "sulit napas",
    "cannot breathe", "sesek napas", "sesek nafas", "cant breathe",
))) + (_LIVE_WIRE := tuple(tuple(p.split()) for p in (
    # a live wire come down, for whoever touches it (one hanging low is a hazard to report: "menjuntai")
    "kabel listrik putus", "kabel listrik jatuh", "kabel pln putus", "kabel pln jatuh", "tiang listrik roboh",
    "tiang listrik tumbang", "tiang listrik ambruk", "live wire", "power line down", "power lines down",
    "downed power line",
)))  # fmt: skip
# Of them, the ones that tell of a person still at risk: a cry even when told as past ("dari kemarin").
_PERSISTENT = frozenset(p for p in PHRASES if {"diri", "mati", "hidup", "myself", "himself", "herself", "themselves",
                                                 "die", "suicidal", "harm", "life", "hilang",
                                                 "missing", "pulang", "bunuh", "dibunuh", "membunuh", "kill",
                                                 "violence", "hits", "hitting",
                                                 "beats", "beating", "me", "us", "saya", "kami", "aku"} & set(p)
                        and p not in _FOLLOWED and "sadarkan" not in p)  # "tidak sadarkan diri" is hurt, as told
# An accident is a cry when someone is hurt in it ("motor lecet saja" is a report).
ACCIDENTS = frozenset({"kecelakaan", "tabrakan", "ketabrak", "ditabrak", "tertabrak", "kelindas", "terlindas",
                       "dilindas", "jatuh", "terjatuh", "crash", "accident", "collision", "fell", "fallen"})
HURT = frozenset({"luka", "terluka", "berdarah", "tergeletak", "pingsan", "meninggal", "tewas", "korban", "kritis",
                  "patah", "kejepit", "terjepit", "tergencet", "terhimpit", "pinned", "injured", "hurt", "bleeding",
                  "unconscious", "dead", "dying"})
# Gas leaking: "gas elpiji bocor".
GAS, LEAKING = frozenset({"gas", "elpiji", "lpg"}), frozenset({"bocor", "leak", "leaking"})
# Its smell is a leak too, said of the gas itself ("bau gas nyengat bgt"; not "tancap gas, mulutnya bau alkohol").
_GAS_SMELT = (("bau", "gas"), ("bau", "elpiji"), ("smell", "gas"), ("smell", "of", "gas"),
              ("smells", "of", "gas"))
# Someone who cannot get out of water or fire ("ada nenek gk bisa keluar", "terjebak banjir"), or up after a fall
# ("ibu sy jatuh di kamar mandi gk bisa bangun").
_WATER_OR_FIRE = frozenset({"banjir", "kebanjiran", "api", "kebakaran", "kebakar", "terbakar", "asap", "arus",
                            "longsor", "flood", "flooding", "fire", "smoke"})
_TRAPPED = frozenset({"terjebak", "terperangkap", "trapped"})
_VEHICLES = frozenset({"motor", "mobil", "kendaraan", "truk", "angkot", "bus", "sepeda", "car", "motorbike", "van",
                       "truck", "motorcycle", "scooter", "vehicle"})
# Smoke pouring from a building ("asap item banyak keluar dr jendela"), not from an exhaust or burnt rubbish.
_SMOKE_HEAVY = frozenset({"hitam", "item", "tebal", "banyak", "keluar", "mengepul", "ngebul", "gosong", "black",
                          "thick"})
_SMOKE = frozenset({"asap", "asapnya", "asep", "asepnya", "smoke"})
_NOT_NOW_BREATH = HABITUAL | {"kalau", "kalo", "klo", "jika", "asma", "asthma", "if", "when"}
_BREATH_CAUSES = frozenset({"polusi", "debu", "pabrik", "proyek", "limbah", "lari", "olahraga", "jogging", "pollution",
                            "dust", "factory", "running", "exercise"})
_BUILDING = frozenset({"rumah", "jendela", "pintu", "atap", "gedung", "toko", "warung", "kamar", "dapur", "gudang",
                       "kios", "kos", "house", "window", "roof", "building", "shop"})
_SMOKE_ELSEWHERE = frozenset({"knalpot", "rokok", "sampah", "vape", "bus", "truk", "kendaraan", "pabrik", "cerobong",
                              "nasi", "masak", "masakan", "goreng", "menggoreng", "ikan", "sate", "panci", "wajan",
                              "exhaust", "factory", "chimney", "bakery", "cooking"})
# A door forced: what is happening behind it ("ada yg gedor2 pintu rumah sy maksa masuk"), a building named with it
# ("maksa masuk parkiran tanpa karcis" is a quarrel; "mendobrak tradisi" no door).
_FORCING = (("maksa", "masuk"), ("memaksa", "masuk"), ("paksa", "masuk"), ("dobrak", "pintu"), ("mendobrak", "pintu"),
            ("ngedobrak",), ("bobol", "pintu"), ("ngebobol", "pintu"), ("membobol", "pintu"), ("bobol", "jendela"),
            ("congkel", "pintu"), ("nyongkel", "pintu"), ("mencongkel", "pintu"), ("congkel", "jendela"),
            ("nyongkel", "jendela"), ("mencongkel", "jendela"), ("dobrak", "jendela"), ("maksa", "buka"),
            ("memaksa", "buka"), ("memaksa", "membuka"), ("paksa", "buka"), ("forcing", "the", "door"),
            ("forcing", "their", "way"), ("forced", "the", "door"), ("breaking", "down", "the", "door"),
            ("mencoba", "masuk", "rumah"), ("nyoba", "masuk", "rumah"), ("coba", "masuk", "rumah"),
            ("mencoba", "masuk", "lewat"), ("nyoba", "masuk", "lewat"), ("trying", "to", "get", "in"),
            ("trying", "to", "break", "in"),
            # the door tried by someone outside it: "dia nyoba2 buka pintu", "he's been trying the door handle"
            ("coba", "buka", "pintu"), ("nyoba", "buka", "pintu"), ("mencoba", "buka", "pintu"),
            ("mencoba", "membuka", "pintu"), ("coba", "buka", "jendela"), ("nyoba", "buka", "jendela"),
            ("mencoba", "membuka", "jendela"), ("trying", "the", "door"), ("trying", "my", "door"),
            ("trying", "our", "door"), ("trying", "to", "open", "my"), ("trying", "to", "open", "our"),
            ("trying", "to", "open", "the", "door")) + (_FORCING_EN := (
                ("break", "down", "my"), ("breaking", "down", "my"), ("kick", "down", "my"),
                ("kicking", "down", "my"), ("kicking", "in", "my"), ("trying", "to", "break", "down")))
# Weather may "break down my fence": only this branch's English phrases (_FORCING_EN) are read past it; "lagi hujan
# angin, ada yg maksa masuk rumah" is a cry as it always was.
_WEATHER = frozenset({"storm", "wind", "badai"})
_NOT_A_HOME = frozenset({"parkiran", "parkir", "tol", "antrean", "antrian", "gerbang", "stadion", "konser"})
# Someone struck by electricity: a person before the word ("tetangga sy kesetrum"), not a device ("charger kesetrum").
_SHOCKED = frozenset({"kesetrum", "tersetrum", "electrocuted"})
_SHOCKED_AS = (("tersengat", "listrik"), ("kesengat", "listrik"))
_PERSONS_BEFORE = frozenset({"saya", "aku", "kami", "dia", "tetangga", "orang", "yang", "anak", "adik", "kakak",
                             "bapak", "ibu", "suami", "istri", "nenek", "kakek", "warga", "pekerja", "tukang",
                             "neighbour", "neighbor", "someone", "man", "woman", "boy", "girl", "i", "son", "daughter",
                             "husband", "wife", "father", "mother", "friend", "he", "she"})
_DEVICES = frozenset({"hp", "handphone", "laptop", "charger", "tv", "kulkas", "mesin", "phone", "kabel"})
# What may "mau mati" (go dead, go out) besides a person: "hp sy mau mati", "lampunya mau mati", "motor mau mati";
# not where a person or a harm is told beside it ("ada yg ketabrak motor mau mati", "kena api, mau mati").
_DYING_THINGS = _DEVICES | {"motor", "mobil", "lampu", "baterai", "batre", "baterei", "aki", "sinyal", "mesinnya",
                            "tanaman", "kendaraan", "ponsel", "senter"}
_HARMED = frozenset({"tolong", "korban", "pengendara", "sopir", "supir", "penumpang", "pejalan", "kena", "kejepit",
                     "terjepit", "tertimpa", "ketimpa", "ketiban", "dilindas", "kelindas", "terlindas", "ketabrak",
                     "ditabrak", "tertabrak", "nabrak", "menabrak", "tabrakan", "jatuh", "terjatuh"})
# A line come down reported to be mended ("kabel listrik putus di gang mawar, tolong diperbaiki"): a repair asked.
_MENDING = frozenset({"diperbaiki", "perbaiki", "dibetulkan", "betulkan", "dibenerin", "benerin", "diganti", "ganti",
                      "fix", "fixed", "repair", "repaired", "sagging"})
_CANNOT_GET = (("bisa", "keluar"), ("bisa", "jalan"), ("bisa", "bangun"), ("bisa", "bergerak"), ("bisa", "gerak"),
               ("get", "out"), ("get", "up"))
# A theft is a cry while it happens: a word of the moment before it ("lagi dimasuki maling"; after it, "lagi"
# is "again"), or a thief said to be there ("ada maling", "maling masuk").
THEFT_STEMS = frozenset({"maling", "curi", "colong", "copet", "jambret", "bobol", "rampas", "jarah", "bongkar",
                         "congkel", "dobrak"})
THIEVES = frozenset({"maling", "pencuri", "jambret", "copet", "thief", "thieves", "burglar", "burglars",
                     "intruder", "intruders", "perampok", "garong"})
PROGRESS = frozenset({"lagi", "sedang", "masih", "sekarang", "now", "currently", "being"})
PRESENCE = PROGRESS | {"ada", "masuk", "dimasuki", "kepergok", "ketahuan", "dalam", "inside", "nih", "here",
                       "there", "sembunyi", "manjat", "memanjat", "naik", "kejar"}
# A missing child is one when the child is the subject ("anak saya hilang"), not the owner ("sepeda anak
# saya hilang"): the phrase opens the message or follows one of these.
_CHILD_PHRASES = frozenset(p for p in PHRASES if p[0] in ("anak", "adik"))
_BEFORE_A_SUBJECT = frozenset({_BREAK, "ada", "tolong", "pak", "bu", "mas", "mbak", "kak", "bang", "sudah", "soalnya",
                               "karena", "bahwa", "ini", "help", "gawat", "darurat", "min", "lapor", "melapor",
                               "melaporkan", "laporkan",
                               # "sy mau tanya, anak sy blm pulang dr kemarin": the question is what follows
                               "tanya", "bertanya", "ask"})
NEGATIONS = frozenset({"tidak", "enggak", "bukan", "tanpa", "belum", "not", "no", "never", "without", "jangan"})
_ASKING_TAG = frozenset({"bisa", "boleh", "lapor", "melapor", "kan"})
PRONE = frozenset({"rawan", "prone"})  # "rawan begal": a place to report as unsafe, no danger now
# "Tolong" with only these is a cry ("tolong!", "tolong pak"); beside any other word it is "please".
_ALONE_WITH = frozenset({"pak", "bu", "mas", "mbak", "kak", "bang", "tolong", "help", "please", "saya", "kami",
                         "aku", "cepat", "segera", "sos", "pol", "polisi", "cepatan", "buruan", "sekarang", "takut",
                         "ketakutan"})  # "tolong pak cepetan", "tolong pak sy takut"
_GREETINGS = tuple(tuple(words(phrase)) for phrase in GREETING_PHRASES)
_GREETED = frozenset({"pak", "bu", "mas", "mbak", "kak", "bang", "min", "admin", "sir", "wr", "wb", _BREAK})


def _the_plea(said: list[str]) -> list[str]:
    """The words after the greeting a message opens with, and whom it greets ("selamat malam pak, …",
    "assalamualaikum pak …"), or after whom a plea is said to ("pak tolong"), or after a "sekarang" said right before
    a plea; all of them where none is told."""
    k, greeted = 0, False
    while k < len(said):
        greeting = next((g for g in _GREETINGS if g and tuple(said[k:k + len(g)]) == g), None)
        if greeting is not None:
            k, greeted = k + len(greeting), True
        elif greeted and said[k] in _GREETED:
            k += 1
        else:
            break
    plea = said[k:] if greeted and k < len(said) else said
    if not greeted:
        addressed = next((i for i, word in enumerate(plea) if word not in _GREETED), len(plea))
        if plea[addressed:addressed + 1] in (["tolong"], ["sos"]):
            plea = plea[addressed:]  # "pak tolong", "bu... tolong": whom it is said to, then the plea
    now = next((i for i, word in enumerate(plea[:-1]) if word == "sekarang" and plea[i + 1] in ("tolong", "sos")), None)
    return plea[now + 1:] if now is not None else plea  # "tiap malam ada aja pak, skrg tolong pak"
# "Tolong" that opens a wish to ask or to have one's report looked at ("Tolong. Sy mau tanya", "tolong pak, boleh
# nanya?", "tolong. bantu cek laporan sy") is the polite "please": it is left out and the rest read alone, so a
# danger told after it is still heard ("tolong, sy mau tanya, ada org bawa golok di depan rumah").
_OPENING_A_PLEA = frozenset({_BREAK, "tolong", "pak", "bu", "mas", "mbak", "kak", "bang", "min", "admin", "saya",
                             "aku", "kami", "ya", "dong", "please"})
_BEFORE_ASKING = frozenset({"mau", "ingin", "pengen", "pingin", "pengin", "boleh", "bisa", "numpang", "izin", "ijin",
                            "minta", "meminta", "mohon", "bantu", "dibantu", "cek", "dicek", "cekin", "check", "i",
                            "want", "to", "can", "may", "have", "a", "ada", "sedikit", "dikit"})
_ASKING_FOR = frozenset({"tanya", "bertanya", "menanyakan", "nanyain", "tanyain", "pertanyaan", "ask", "question",
                         "info", "informasi", "laporan", "status"})
_WORDS_BEFORE_ASKING = 3
# "Tolong" in capitals, with "!" at once after it, or for oneself alone ("tolong saya, …", "tolong kami pak!"): a
# cry when more than the wish to ask follows ("TOLONG!!! sy mau tanya, rumah kemasukan orang").
_NO_PLEASE = re.compile(r"\W*(?:TOLONG|TLG)|\W*\w+!|(?i:\W*(?:tolong|tlg)\s+(?:saya|sy|aku|kami|gue)\b"
                        r"(?:\s+(?:pak|bu|mas|mbak|kak|bang))?\s*(?:[,.!]|$))")
_CLOCK = re.compile(r"^\d")
# Danger told as over, past, or not real.
_DONE_WORDS = frozenset({"sudah", "telah", "already", "wis", "uwis", "sampun"})  # Javanese "wis dipateni"
# Not "berhenti" nor "stopped": a breath stops too ("napasnya sudah berhenti").
_OVER = frozenset({"padam", "padem", "dipadamkan", "dipadamin", "dipadami", "dipateni", "aman", "kabur", "ditangkap",
                   "tertangkap",
                   "diamankan", "selesai", "ditangani", "pergi", "reda", "lewat", "bubar", "dibubarkan", "usai",
                   "berakhir", "dilerai", "kondusif", "dievakuasi", "sembuh", "membaik", "out", "gone", "caught",
                   "over", "ended", "dispersed", "recovered"})
# Someone hurt past help now, or badly: the danger told as over ("sudah bubar", "sudah padam tapi ada yang luka
# parah") does not make it no cry; told as past ("kemarin") it does.
_STILL_AT_RISK = frozenset({"sekarat", "berdarah", "pingsan", "kritis", "ditusuk", "tertusuk", "dibacok",
                            "bleeding", "dying", "unconscious"})
_HURT_BADLY = tuple(tuple(p.split()) for p in (
    "luka parah", "korban jiwa", "tidak bernapas", "tidak bernafas", "tidak sadar", "tidak sadarkan", "enggak sadarkan",
    "tidak bergerak", "tidak gerak", "enggak gerak", "enggak bergerak", "kejang kejang", "seizure", "badly hurt",
    "badly injured", "luka bakar parah", "luka berat", "terluka parah", "badly burned", "badly burnt",
    "seriously hurt", "seriously injured", "not breathing", "kena kepalanya", "kena kepala", "kepalanya bocor",
    "kepala bocor", "kepalanya berdarah", "kepala berdarah", "head injury", "hit on the head", "hit in the head",
))  # fmt: skip
_OVER_PHRASES = tuple(tuple(p.split()) for p in (
    "put out", "is over", "was over", "got away", "ran away", "was caught", "were caught", "fire is out",
    "fire was out", "sudah di rumah", "sudah pulang", "sudah dibawa ke", "sudah di rumah sakit", "sudah di rs",
    "is home now", "is safe now", "all calm now", "all quiet now",
))  # fmt: skip
_CARED_FOR = tuple(tuple(p.split()) for p in (
    "sudah dibawa ke rumah sakit", "sudah dibawa ke rs", "sudah di rumah sakit", "sudah di rs", "sudah dirawat",
    "sudah di puskesmas", "sudah dibawa ke puskesmas", "sudah di klinik", "sudah dibawa ke klinik", "sudah di igd",
    "sudah dibawa ke igd", "sudah di ugd", "sudah dibawa ke ugd", "dirawat di rumah sakit", "dirawat di rs",
    "dirawat di puskesmas", "ditangani dokter", "is in hospital", "taken to hospital", "in the hospital",
)) + tuple(("sudah", "dibawa", who, "ke", care)  # "udh dibawa warga ke rs"
           for who in ("warga", "tetangga", "keluarga", "keluarganya", "ambulans", "petugas", "polisi", "satpam")
           for care in ("rs", "rumah", "puskesmas", "klinik", "igd", "ugd"))  # fmt: skip
# Care wanted, needed, awaited or refused is not given: "harus dirawat di rs tp ambulans blm dtg", "ditolak dirawat".
_CARE_NOT_GIVEN = frozenset({"mau", "harus", "perlu", "butuh", "nunggu", "menunggu", "tunggu", "pengen", "ingin",
                             "biar", "bisa", "ditolak", "minta", "segera", "need", "needs", "must"})
_PAST = frozenset({"semalam", "semalem", "kemarin", "yesterday", "ago"})
# "Ever", of a thing that happened once, told so at the message's opening: "dulu sy pernah dipukul org"; not "gk
# pernah" (never), "pernah gk?" (ever?), "sy pernah lapor" (a report made), nor with anything told as now.
_EVER, _ONCE_OPENS = "pernah", 3  # words before "pernah" at most: "dulu sy pernah"
_OPENING_ONCE = frozenset({"dulu", "saya", "aku", "kami", "gue", "waktu", "pas"})
_NOT_YET_ASKED = frozenset({"belum", "yet"})
_YEAR = re.compile(r"^(?:19|20)\d\d$")  # "dulu thn 2022": a year named is a year gone by (this one is no year named)
_WHEN_A_YEAR = frozenset({"dulu", "waktu", "pas", "sejak", "back"})
# A day of the week named as the day it happened is a day gone by ("Pada hari Senin malam … rumah saya dimasuki
# pencuri"): after "hari" or "pada", or with a part of the day after it; not a market's name ("pasar senin"),
# "malam jumat gini", nor with a call for help or a word of now. Not "minggu", which is also a week.
_WEEKDAYS = frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "monday", "tuesday", "wednesday",
                       "thursday", "friday", "saturday", "sunday"})
_DAY_PARTS = frozenset({"pagi", "siang", "sore", "malam", "subuh", "morning", "afternoon", "evening", "night"})
_PAST_PHRASES = tuple(tuple(p.split()) for p in (
    "tadi malam", "tadi pagi", "tadi siang", "tadi sore", "tadi subuh", "subuh tadi", "minggu lalu", "bulan lalu",
    "tahun lalu", "hari lalu", "yang lalu", "last night", "last week", "last month",
))  # fmt: skip
_SINCE = frozenset({"dari", "sejak", "since"})  # "dari kemarin": until now
_EARLIER_TODAY = frozenset(tuple(p.split()) for p in ("tadi pagi", "tadi siang", "tadi sore", "tadi subuh",
                                                      "subuh tadi"))
_STILL = frozenset({"sekarang", "masih", "now", "still", "currently", "sedang"})
_NOW_OR_AGAIN = _STILL | {"lagi", "tolong"}  # "dia dtg lg bawa golok": again, and now
_CALLED_NOW = _STILL | {"tolong", "gini"}  # a call for help, "malam jumat gini" (like this one): today's weekday
_AT_IT_NOW = re.compile(r"^(?:di|ada|me|ng|ny)")  # "lagi di rumah", "lagi ngamuk", "lagi nyari"
_FLAMES = frozenset({"api", "apinya", "asap", "asapnya", "fire", "flames"})
_BURNING = frozenset({"menyala", "nyala", "berkobar", "membesar", "merambat", "membara", "menjalar", "merembet",
                      "ngerembet", "burning", "spreading"})
_TAMED_FIRE = frozenset({"kompor", "unggun", "lilin", "rokok", "obat", "nyamuk", "stove", "candle", "campfire"})
_TRACES = frozenset({"bekas", "jejak", "tanda", "sisa", "marks", "traces"})  # "masih ada bekas congkelan": long done
_UNTIL = frozenset({"sampai", "sampe", "hingga", "until", "till"})
_NOT_REAL = frozenset({"film", "sinetron", "nonton", "menonton", "latihan", "simulasi", "drama", "game", "berita",
                       "video", "movie", "drill", "training", "novel", "komik"})
# A film or a drill named only to say what the danger is like ("kayak di film, ada org bawa golok ngamuk"), denied
# ("ini bukan latihan") or broken into ("sy lagi nonton tv tiba2 ada org masuk bawa pisau") is no make-believe.
_AS_IN = frozenset({"kayak", "kaya", "kyk", "seperti", "bagai", "bak", "like"})
_BETWEEN_LIKE = frozenset({"di", "adegan", "dalam", "a", "in", "the"})
# Watching a match or a show among people is being there ("td nonton bola di warung, ada tawuran", "watching the
# game at a bar"), not on a screen ("nonton bola di tv, pemainnya berantem"): what is watched follows the watching.
_WATCHING = frozenset({"menonton", "tonton", "watching", "watch", "watched"})
_LIVE_SHOWS = frozenset({"bola", "sepakbola", "sepak", "futsal", "voli", "tarkam", "pertandingan", "tanding", "laga",
                         "tinju", "boxing",
                         "konser", "dangdut", "orkes", "organ", "wayang", "pawai", "karnaval", "balapan", "balap",
                         "pacuan", "karapan", "pentas", "pertunjukan", "panggung", "festival", "lomba", "turnamen",
                         "liga", "match", "concert", "football", "soccer", "gig", "parade", "race", "dangdutan",
                         "orgen", "reog", "jaranan", "kuda", "barongsai", "sirkus", "kembang", "pasar", "atraksi",
                         "17an", "agustusan", "tujuhbelasan", "circus", "fireworks"})
# "nonton bareng bola", "nonton acara 17an", "watching the game"
_BEFORE_A_SHOW = frozenset({"bareng", "acara", "the", "a"})
_THE_GAME = ("the", "game")  # a match; "nonton game" is a video game played
_SCREENS = frozenset({"tv", "tivi", "televisi", "youtube", "yutub", "yt", "hp", "streaming", "siaran", "tayangan",
                      "netflix", "online", "layar", "screen"})


def _watching_live(said: list[str], at: int) -> bool:
    """Whether the word at `at` is a match or a show watched where it is played ("nonton bola", "the game" of
    "watching the game"), with no screen in its sentence."""
    start = next((k + 1 for k in range(at - 1, -1, -1) if said[k] == _BREAK), 0)
    end = next((k for k in range(at + 1, len(said)) if said[k] == _BREAK), len(said))
    if _SCREENS & set(said[start:end]):
        return False
    if said[at] in _WATCHING:
        shown = [word for word in said[at + 1:at + 4] if word not in _BEFORE_A_SHOW][:1]
        return bool(shown) and (shown[0] in _LIVE_SHOWS or tuple(said[at + 1:at + 3]) == _THE_GAME)
    watched = [word for word in said[max(0, at - 3):at] if word not in _BEFORE_A_SHOW][-1:]
    live = said[at] in _LIVE_SHOWS or tuple(said[at - 1:at + 1]) == _THE_GAME
    return live and bool(watched) and watched[0] in _WATCHING


_WHO_BROKE_IN = frozenset({"orang", "yang", "seseorang", "rampok"}) | THIEVES  # "tiba2 ada rampok masuk"


def _make_believe(said: list[str]) -> bool:
    def as_in(i: int) -> bool:
        k = i - 1
        while k >= 0 and i - k <= 3 and said[k] in _BETWEEN_LIKE:
            k -= 1
        return k >= 0 and said[k] in _AS_IN

    def broken_into(i: int) -> bool:
        """"sy lagi nonton tv tiba2 ada org masuk bawa pisau", "pas sy nonton tv ada maling masuk rumah sy": the
        watching broken into, suddenly or at the writer's own home."""
        end = next((k for k in range(i + 1, len(said)) if said[k] == _BREAK), len(said))
        return any(said[k] == "tiba" and "ada" in said[k + 1:k + 4] and _WHO_BROKE_IN & set(said[k + 1:k + 5])
                   for k in range(i + 1, end)) or _someone_in_the_home(said[i + 1:], _WHO_BROKE_IN)

    return any(word in _NOT_REAL and not _negated(said, i) and not as_in(i) and not broken_into(i)
               and not _watching_live(said, i) and not _own_place_now(said, i) and not _at_home_then_danger(said, i)
               and not _watching_after_a_danger(said, i) and not _danger_at_the_watcher(said, i)
               and not _a_real_place_of_it(said, i)
               for i, word in enumerate(said)) and not _one_of_theirs_on_a_feed(said)


# A practice or a shoot is a place where real things happen too ("anak sy dikeroyok di tempat latihan karate", "ada
# penembakan pas shooting film di alun2"): a sport practised, or a film being shot, is no drill nor a film watched;
# unless a scene or a prop is told ("syuting adegan tembak2an").
_PRACTISED = frozenset({"karate", "silat", "pencak", "taekwondo", "judo", "kungfu", "wushu", "tinju", "boxing",
                        "muaythai", "futsal", "bola", "sepakbola", "basket", "voli", "badminton", "renang", "sepak",
                        "paskibra", "pramuka", "drumband", "marching", "band", "tari", "nari", "menari", "dance",
                        "football", "soccer", "basketball", "swimming", "gym", "fitness", "kendo", "aikido"})
_PRACTICE_PLACES = frozenset({"tempat", "lokasi", "lapangan", "sasana", "dojo", "gor"})
_SHOOTING_IT = frozenset({"shooting", "syuting", "suting", "shoot", "filming", "rekaman", "lokasi", "set", "crew"})
_PROPS = frozenset({"adegan", "adegannya", "scene", "properti", "prop", "props", "mainan", "bohongan", "boongan",
                    "pura", "efek", "stunt", "replika", "replica", "figuran", "ceritanya"})


def _a_real_place_of_it(said: list[str], at: int) -> bool:
    word, before, after = said[at], said[at - 1:at], said[at + 1:at + 2]
    if word == "game" and _a_game_as_the_place(said, at):
        return True  # "someone punched my son at the game": a match gone to
    if word in ("latihan", "training"):
        return bool(_PRACTICE_PLACES & set(before) or _PRACTISED & {w.removesuffix("nya") for w in before + after}
                    or (any_phrase(said, _BLOWS_TAKEN) and _harm_told(said)))  # "kena tendang pas latihan, pingsan"
    return word in ("film", "video", "movie", "sinetron") and bool(_SHOOTING_IT & set(before + after)) \
        and not _PROPS & set(said)


def _one_of_theirs_on_a_feed(said: list[str]) -> bool:
    """"di tiktok ada video orang dibacok di medan, itu adik sy": the one in the video is one of the writer's."""
    return bool(_FEEDS & set(said)) and _one_of_the_house(said)



# The speaker's own place: "rumah saya", "kos kami", "my house".
_OWN_PLACES = frozenset({"rumah", "kos", "kosan", "kontrakan", "kamar", "toko", "warung", "house", "home", "room",
                         "flat", "shop"})
_OWNERS = frozenset({"saya", "aku", "kami", "kita", "gue"})
_OWNERS_BEFORE = frozenset({"my", "our"})
_WHERE_WATCHED = frozenset({"di", "in", "at", "dari"})
_SCENES = frozenset({"adegan", "scene", "episode", "ceritanya", "filmnya", "alurnya", "level", "misi", "mission",
                     "stage", "karakter", "character", "musuh", "enemy"})  # a game's too


def _own_place_now(said: list[str], at: int) -> bool:
    """Whether the sentence goes on, after the film or the show at `at`, to a danger in the speaker's own place now,
    itself a cry ("pas lg nonton film, ada maling masuk rumah sy skrg"): what broke into the watching, not what
    was watched ("…, sekarang adegan maling masuk rumah")."""
    end = next((k for k in range(at + 1, len(said)) if said[k] == _BREAK), len(said))
    start = next((k for k in range(at + 1, end) if said[k] not in _NOT_REAL), end)  # past "nonton film"
    rest = said[start:end]
    # where the watching is ("nonton film horor di rumah sy skrg, ada pembunuh…") tells nothing of what is watched
    watched_at = next((k for k, word in enumerate(rest[:2]) if word in _WHERE_WATCHED), None)
    owned = [k for k, word in enumerate(rest) if word in _OWN_PLACES
             and ((k + 1 < len(rest) and rest[k + 1] in _OWNERS) or (k > 0 and rest[k - 1] in _OWNERS_BEFORE))]
    own = any(watched_at is None or k > watched_at + 2 for k in owned)
    return own and bool(_STILL & set(rest)) and not (_NOT_REAL | _SCENES) & set(rest) \
        and is_cry_for_help(" ".join(rest))


# A danger at the writer, or done to them: beside them ("di depan sy", "di sebelah sy", "di sini", "next to me"), or
# they or theirs struck or robbed ("ada yg nodong sy", "hp sy dijambret", "sy dikeroyok"). What is on a screen is done
# to no one who writes of it.
_BESIDE = frozenset({"depan", "sebelah", "dekat", "deket", "samping", "belakang", "near", "beside", "behind", "to"})
_THE_WATCHER = frozenset({"saya", "aku", "kami", "kita", "gue", "i", "we", "me", "us"})
_HERE = (("di", "sini"), ("here",))


def _at_the_writer(told: list[str]) -> bool:
    roots = stems_of(told, ALWAYS | THEFT_STEMS)
    for k, word in enumerate(told):
        if word not in _THE_WATCHER:
            continue
        if k and told[k - 1] in _BESIDE:
            return True
        if any(j != k and (roots[j] in ALWAYS | THEFT_STEMS or told[j] in ALWAYS_WORDS)
               for j in range(max(0, k - 1), min(len(told), k + 2))):
            return True
    return any_phrase(told, _HERE)


def _danger_at_the_watcher(said: list[str], at: int) -> bool:
    """Whether the sentence goes on, after what is watched at `at`, to a danger at the writer, itself a cry ("lagi
    nonton youtube di halte, ada yg nodong sy", "sy lg nonton tv di warung, ada org bawa golok ngamuk di depan sy"):
    what happened where they watch, not what was watched ("…, adegannya ada yg nodong")."""
    end = next((k for k in range(at + 1, len(said)) if said[k] == _BREAK), len(said))
    start = next((k for k in range(at + 1, end) if said[k] not in _NOT_REAL | _SHOWN_ON | _WATCHED), end)
    rest = said[start:end]
    happening = next((k for k, word in enumerate(rest) if word in _HAPPENING | _THE_WATCHER), None)
    return happening is not None and _at_the_writer(rest[happening:]) \
        and not (_STORIES | _SCENES | _WHAT_IS_SHOWN | _SHOWN_ON) & {word.removesuffix("nya") for word in rest} \
        and is_cry_for_help(" ".join(rest[happening:]))


# Where one lives: a film watched or a game played there ("lagi main game di kamar") is what the speaker was doing.
_LIVED_IN = _OWN_PLACES - {"toko", "warung", "shop"} | {"bedroom"}
_HAPPENING = frozenset({"ada", "tiba", "suddenly", "a", "an", "someone", "somebody", "there", "orang",
                        "rampok"}) | THIEVES
# Into the speaker's home or at the speaker: what happens around the watching, not far away ("perampokan di bank").
_INTO = _LIVED_IN | _OWNERS | frozenset({"masuk", "dapur", "pintu", "jendela", "into", "broke", "break", "door",
                                         "window", "kitchen", "me", "us"})
_NEAR_THE_SHOW = 4  # "nonton film horor di rumah": words between the film and where it is watched
# Whose home and when, between the home and what happened: "di kamar sy skrg, ada…", "di rumah temen, eh ada…".
_BEFORE_A_HAPPENING = _OWNERS | _STILL | frozenset({"eh", "terus", "trus", "lalu", "dan", "and", "then", "pak", "bu",
                                                     "temen", "teman", "tetangga", "ortu", "nenek", "sendiri"})


def _at_home_then_danger(said: list[str], at: int) -> bool:
    """Whether the film or the game at `at` is watched or played where someone lives and what follows is a new
    happening that is a danger in the house or to the speaker, with no word of a show after it ("lagi main game di
    kamar sy, ada rampok masuk rumah bawa golok", "nonton film di rumah, eh ada kebakaran di dapur"): what happened
    around the speaker, not on the screen ("nonton film, ada rampok masuk rumah", "…, isinya org bawa golok")."""
    where = next((k for k in range(at + 1, min(at + _NEAR_THE_SHOW + 1, len(said))) if said[k] in _WHERE_WATCHED),
                 None)
    home = next((k for k in range(where + 1, min(where + 4, len(said))) if said[k] in _LIVED_IN), None) \
        if where is not None else None
    if home is None:
        return False
    after = [word for word in said[home + 1:] if word != _BREAK]
    begins = next((k for k, word in enumerate(after) if word not in _BEFORE_A_HAPPENING), len(after))
    if begins == len(after) or after[begins] not in _HAPPENING or not (_NOT_REAL | _SCENES).isdisjoint(after):
        return False
    then = after[begins:]
    return not _INTO.isdisjoint(then) and is_cry_for_help(" ".join(then))


# Who is watching, told after the danger: the writer or one of the family ("…, sy lagi nonton tv", "…, anak sy lg
# nonton"), at it now.
_WATCHERS = frozenset({"saya", "aku", "gue", "kami", "kita"})
_AT_IT = frozenset({"lagi", "sedang", "asik", "asyik"})
_WHILE = frozenset({"pas", "waktu", "saat", "ketika", "while"})  # "…, pas lg nonton reog"
# A story watched (a film, the news) may hold the danger told before it ("ada yg ditusuk, sy lagi nonton film
# action"); a screen or nothing named holds none of its own.
_STORIES = _NOT_REAL - {"nonton", "menonton"}
_WHAT_IS_SHOWN = _SCENES | {"tentang", "isinya", "about"}
# Around a home, beside the rooms within it (_HOME_WITHIN) and a way in (_COMING_IN): where a danger told before a
# watching goes on around the watcher, not on the screen ("ada org bawa pisau di teras, sy lg nonton tv").
# What is watched, beside the screens (_SHOWN_ON) and the stories (_STORIES): "nonton drakor", "nonton bola".
_WATCHED = frozenset({"drakor", "netflix", "bola", "live", "anime", "kartun", "konser", "podcast", "reels", "vlog",
                      "bioskop", "series", "serial"})
_AROUND_THE_HOME = frozenset({"teras", "halaman", "pekarangan", "pagar", "pager", "pintu", "jendela", "atap", "porch",
                              "yard", "door", "window", "roof"})


def _watching_after_a_danger(said: list[str], at: int) -> bool:
    """Whether the watching at `at` is what the writer or one of the family is doing while a danger told before it
    goes on ("ada org asing di dalam rumah sy, sy lagi nonton tv"), not what holds the danger ("…, sy lagi nonton
    film action"; "sy lagi nonton tv, beritanya…"). A story watched holds a danger told apart from the writer's own
    place or person; one in it ("ada maling di dapur sy, sy lg nonton film") goes on around the watching."""
    watching = at if said[at] in ("menonton", "nonton") else at - 1
    if watching < 1 or said[watching] not in ("menonton", "nonton"):
        return False
    k = watching - 1
    while k >= 0 and said[k] in _AT_IT | _WHILE:
        k -= 1
    if k == watching - 1 or k < 1:
        return False
    if said[k] not in _WATCHERS | _FAMILY or said[k - 1] in _BESIDE:  # "di sebelah sy, lg nonton": where, not who
        # "…, nonton tv": whose watching is not told, unless the danger is at the writer ("ada yg ditusuk di
        # sebelah sy, lg nonton bioskop")
        if not _at_the_writer(said[:k + 1]):
            return False
        k += 1
    elif said[k] in _WE and said[k - 1] in _FAMILY:
        k -= 1  # "anak sy lagi nonton"
    danger, shown = said[:k], [word.removesuffix("nya") for word in said[watching + 1:]]
    if (_NOT_REAL | _WHAT_IS_SHOWN | _SHOWN_ON) & set(danger) or _WHAT_IS_SHOWN & set(shown) \
            or len(_STORIES & set(shown)) > 1 or all(word in _ALONE_WITH or word == _BREAK for word in danger):
        return False  # "tolong pak, sy lagi nonton film begal": a plea, and the danger is in the film
    at_home = (_HOME_WITHIN | _COMING_IN | _AROUND_THE_HOME) & set(danger) or _at_the_writer(danger)
    if (_SHOWN_ON | _STORIES | _WATCHED) & set(shown) and not at_home:
        return False  # "ada begal di medan, sy lg nonton tv": what is on the screen, told of a place elsewhere
    return is_cry_for_help(" ".join("." if word == _BREAK else word for word in danger)) \
        and not is_cry_for_help(" ".join(shown))


def _shows_told(said: list[str]) -> bool:
    """Whether a film, a drill or the news is told ("nonton film tentang begal", "latihan pemadam"), not the
    watching beside a danger (_watching_after_a_danger)."""
    return any(word in _NOT_REAL and not _watching_after_a_danger(said, i) for i, word in enumerate(said))



# A joke said to be one ("bercanda doang"); not one denied ("ini bukan bercanda pak"), nor laughter, which a
# frightened resident may type too ("wkwk panik bgt sy").
_JOKING = frozenset({"bercanda", "becanda", "canda", "bcanda", "joking", "kidding"})
_JUST = frozenset({"doang", "saja", "aja", "kok", "cuma", "hanya", "just", "only"})
_FOR_REAL = frozenset({"serius", "benaran", "jangan", "katanya", "prank", "real", "seriously"})
_VOUCHING = frozenset({"serius", "benaran", "seriously"})  # said of the joke: "beneran cuma bercanda"
# Other spellings of the lists' words that the slang lexicon lacks (words() has "tlg", "tlog" and "tolongin" from
# it): "tolong" in Javanese ("tulung"), Sundanese ("tulungan") and as typed ("tulong", "tulongin", "tlng"); fire in
# Javanese ("ono geni gede" is "ada api besar"); Sundanese words of a cry and of its time ("aya maling ayeuna keneh"
# is "ada maling sekarang masih", "budak abdi leungit" is "anak saya hilang", "geus"; "kamari" words() spells out).
_SPELT_OTHERWISE = {"tulung": "tolong", "tulungi": "tolong", "tulungin": "tolong", "tulungan": "tolong",
                    "tulong": "tolong", "tulongin": "tolong", "tlong": "tolong", "tlongin": "tolong", "tlng": "tolong",
                    "tolonk": "tolong", "geni": "api", "genine": "apinya", "ono": "ada", "gedhe": "besar",
                    "aya": "ada", "ayeuna": "sekarang", "keneh": "masih", "geus": "sudah", "leungit": "hilang",
                    "budak": "anak", "abdi": "saya", "imah": "rumah"}
# Single words of the lists above by their letters with every doubled letter made one, for a word drawn out by
# one letter ("toloong"); the lists' words of five letters and more, so that "shoot" is not "shot".
_SQUEEZED = {re.sub(r"(.)\1+", r"\1", word): word
             for word in (ALWAYS | ALWAYS_WORDS | FIGHTS | THIEVES | ACCIDENTS | HURT | {"tolong"})
             if len(word) >= 5}


def _negated(said: list[str], at: int) -> bool:
    """A negation one or two words before `at` ("tidak ada kebakaran", "no fire", "bukan begal"), or three
    with "ada yang" between ("tidak ada yang luka"); or a risk told, not a danger ("jalan ini rawan begal"). Not
    across a sentence's end ("udh ada yg dateng blm?? malingnya masih di dlm")."""
    before = said[max(0, at - 3):at]
    if _BREAK in before:
        before = before[len(before) - before[::-1].index(_BREAK):]
    start = at - len(before)
    # "bisa lapor gk, ada maling…": a no right after a word of asking is the question's tag, no negation; "gk
    # kuat pengen mati": a no of bearing it, of what went before
    negating = [w in NEGATIONS and not (start + k and said[start + k - 1] in _ASKING_TAG)
                and before[k + 1:k + 2] not in (["kuat"], ["tahan"], ["sanggup"]) for k, w in enumerate(before)]
    return any(negating[-2:]) or any(w in PRONE for w in before[-2:]) or (
        len(before) == 3 and negating[0] and before[1:] == ["ada", "yang"]) or _nobody_before(said, at)


# "tidak ada orang yang dipukuli", "gak ada satu pun yg luka": who is denied stands between the no and what was done
# to them, one of them at most ("belum ada warga, orang dibacok" and "ga ada orang, kebakaran" tell a danger: the
# comma between is not read).
_NOBODY = frozenset({"yang", "satu", "pun", "sama", "sekali"})
_NOBODY_NAMED = frozenset({"orang", "seorang", "warga", "siapa", "siapapun", "korban"})


def _nobody_before(said: list[str], at: int) -> bool:
    """Whether what `at` tells was done to nobody: a no, "ada", who is denied, then a deed done to a person."""
    k, named = at - 1, 0
    while k >= 0 and (said[k] in _NOBODY or (said[k] in _NOBODY_NAMED and not named)):
        named += said[k] in _NOBODY_NAMED
        k -= 1
    word = said[at]  # "dipukuli", "terluka", "ketabrak"; not "kebakaran", which is a thing that happened
    done_to = word.startswith(("di", "ter")) or (word.startswith("ke") and not word.endswith("an")) \
        or word in HURT | FIGHTS
    return at - k > 1 and done_to and k >= 1 and said[k] == "ada" and said[k - 1] in NEGATIONS


def _a_thing_before(said: list[str], at: int) -> bool:
    """The nearest of a thing or a person in the few words before `at` is a thing ("lampu jalan di gang mawar";
    "hp sy": "saya" may be whose there), and no harm nor anyone else is told in the sentence; no one named is the
    writer ("rasanya sy mau mati")."""
    sentence = said[:at]
    if _BREAK in sentence:
        sentence = sentence[len(sentence) - sentence[::-1].index(_BREAK):]
    others = (_PERSONS_BEFORE | _SOMEONE | _FAMILY) - {"saya", "aku"}
    if (_HARMED | HURT | ACCIDENTS | _SHOCKED | others) & {w.removesuffix("nya") for w in sentence + said[at:]}:
        return False
    for word in reversed(said[max(0, at - 6):at]):
        if word == _BREAK or (word in _PERSONS_BEFORE | _SOMEONE and word not in ("saya", "aku")):
            return False
        if word.removesuffix("nya") in _DYING_THINGS:
            return True
    return False


_WHOSE_THING = frozenset({"my", "our", "his", "her", "their", "the", "a", "parked"})


def _a_thing_hit(said: list[str], at: int) -> bool:
    """Whether what is hit at `at` is a thing ("hit my car", "hit the parked motorbike"), not a person, and nothing
    tells the one who hit it is still at it or armed ("hit my car with a bat, he is still outside"). One who hit it a
    year or more ago and is about now ("the man who hit my car last year is outside my house now") is a driver of a
    crash long over, not one at it: only with fear, a threat, a door or "again" told is it a cry."""
    k = at + 1
    while k < len(said) and said[k] in _WHOSE_THING:
        k += 1
    still = bool(_STILL & set(said)) and not (_long_past(said) and not _FEARED_OR_BACK & set(said))
    return k < len(said) and said[k] in _VEHICLES | _OWNED_THINGS \
        and not ({"with", "help", "tolong"} & set(said) or still)


_FEARED_OR_BACK = frozenset({"takut", "khawatir", "afraid", "fear", "worried", "scared", "again", "lagi", "back",
                             "balik", "threat", "threatens", "threatened", "threatening", "ngancam", "ngancem",
                             "diancam", "nungguin", "waiting", "staring", "watching", "following", "ngikutin",
                             "banging", "pounding", "knocking", "gedor", "ngegedor", "yelling", "shouting", "teriak",
                             "marah", "angry", "door", "window", "pintu", "jendela"})


def _unnegated(said: list[str], among: frozenset[str]) -> bool:
    return any(word in among and not _negated(said, i) for i, word in enumerate(said))


# Before a rescue or a fire put out, what says it is not done: asked for, needed, hard, being tried, not yet ("minta
# di evakuasi", "susah di keluarkan", "api sulit dipadamkan", "tak kunjung padam", "warga lagi berusaha").
_NOT_DONE_YET = _CARE_NOT_GIVEN - {"bisa"} | {
    "tolong", "mohon", "meminta", "memohon", "pls", "please", "susah", "sulit", "berusaha", "coba", "mencoba",
    "kunjung", "tak", "gagal", "hard", "trying",
}  # fmt: skip
_NOT_MANAGED = (("belum", "berhasil"), ("tidak", "berhasil"), ("enggak", "berhasil"), ("gagal",), ("failed",))
# Under way ("api sedang dipadamkan", "lagi dievakuasi") is not yet done, but care given is ("sedang dirawat di rs");
# done quickly is done when told as past ("alhamdulillah cepat ditolong"), asked for when not ("cepet dipadamin pak").
_UNDER_WAY = frozenset({"sedang", "lagi"})
_CARE_GIVEN = frozenset({"rs", "puskesmas", "dirawat", "klinik", "hospital", "aman", "selamat", "safe"})
_HASTENED = frozenset({"cepat", "cepet"})
_OVER_AND_GLAD = frozenset({"alhamdulillah", "untung", "untungnya", "syukur", "syukurlah", "sudah", "telah", "already"})
_AGENTS = frozenset({"warga", "petugas", "damkar", "satpam", "tim", "polisi", "tetangga", "sar", "pemadam"})
# "listrik padam", "lampu padam": the power out, not the fire
_POWER = frozenset({"listrik", "lampu", "pln", "power", "lights"})


def _done(said: list[str], among: frozenset[str]) -> bool:
    """Whether one of `among` is told as done: not negated, nor asked for, hard or being tried just before it."""
    if any_phrase(said, _NOT_MANAGED):
        return False  # "sedang di evakuasi tim sar tp blm berhasil"
    for i, word in enumerate(said):
        if word not in among or _negated(said, i) or _NOT_YET & set(said[max(0, i - 3):i]):
            continue  # "belum juga dievakuasi", "hasn't been rescued"
        before = set(said[max(0, i - 4):i])
        if word in ("padam", "padem") and before & _POWER:
            continue  # "listrik padam"
        if before & _OVER_AND_GLAD:
            return True  # "untungnya cepat dievakuasi", "udh dibuka"
        # asked quickly ("cepet dipadamin pak!"), not done quickly by someone ("api cepat dipadamkan warga", "api
        # cepat padam")
        asked_quickly = before & _HASTENED and word not in ("padam", "padem") \
            and not _AGENTS & set(said[i + 1:i + 3])
        if before & _NOT_DONE_YET or (before & _UNDER_WAY and word not in _CARE_GIVEN) or asked_quickly:
            continue
        return True
    return False


_LETTER_RUNS = re.compile(r"(.)\1+")


def _as_listed(word: str) -> str:
    squeezed = _LETTER_RUNS.sub(r"\1", word)
    return _SPELT_OTHERWISE.get(word) or _SPELT_OTHERWISE.get(squeezed) or _SQUEEZED.get(squeezed, word)


def _blows_at(said: list[str]) -> list[int]:
    """Where a blow is told, not negated ("mukul", "dipukuli", "nampar"; not "pukul 9", nine o'clock), nor dealt
    by a beast at no harm ("sy ditendang kambing")."""
    at = []
    for i, root in enumerate(stems_of(said, _BLOWS)):
        if root in _BLOWS and not _negated(said, i) and not (root == "pukul" and _at_oclock(said, i)) \
                and not (root in _WINNING and _won_at(said, i + 2)) \
                and not _dealt_by_a_beast(said, i) and not _traded_in_a_ring(said, i):  # "beats me at cards"
            at.append(i)
    return at


# A kick or a butt from a farm or zoo animal ("sy ditendang kambing pas ngasih makan", "anak sy ditendang sapi", "my
# dad got kicked by a horse", "kambing tetangga nendang sy"): the animal's, no one's attack, unless harm is told, a
# plea, the head struck, or a now ("kambing lagi nendang2 anak sy"). Not the animals whose names are also insults
# ("ditendang anjing itu", "dipukul monyet"): a man called one.
_BEASTS = frozenset({"kambing", "sapi", "kuda", "kerbau", "keledai", "domba", "unta", "ayam", "jago", "bebek",
                     "angsa", "banteng", "rusa", "goat", "goats", "cow", "cows", "horse", "horses", "donkey", "mule",
                     "sheep", "ram", "bull", "calf", "camel", "llama", "ostrich", "kangaroo", "goose", "rooster",
                     "deer", "ox", "pony"})
_BY_A_BEAST = frozenset({"by", "a", "an", "the", "sama", "oleh", "ama", "its", "their"})
_HEAD = frozenset({"kepala", "kepalanya", "head", "muka", "face"})
_WITH_A_BEAST = frozenset({"with", "bawa", "membawa", "sama", "dan", "and", "his", "her", "whose", "punya"})


def _dealt_by_a_beast(said: list[str], at: int) -> bool:
    dealer = [w for w in said[at + 1:at + 4] if w not in _BY_A_BEAST][:1]
    passive = said[at].startswith(("di", "ke")) or said[at - 1:at] in (["got"], ["was"], ["were"], ["been"], ["get"])
    # the beast the one that kicks, right before it: not "a man with a goat is kicking my dad"
    beast = next((k for k in range(at - 1, max(-1, at - 3), -1) if said[k].removesuffix("nya") in _BEASTS), None)
    by_a_beast = (passive and bool(dealer) and dealer[0].removesuffix("nya") in _BEASTS) \
        or (not passive and beast is not None and not (_PEOPLE | _WITH_A_BEAST) & set(said[max(0, beast - 3):beast]))
    return by_a_beast and not _harm_told(said) and not _HEAD & set(said) and not _NOW_OR_AGAIN & set(said)


def _at_oclock(said: list[str], at: int) -> bool:
    """Whether the "pukul" at `at` tells a time of day ("pukul 9", "di pukul 3 sore", "hp sy dicopet di pukul 7 pas
    di pasar"), not blows counted ("dipukul 2 kali", "2x") nor those who struck or were struck ("dipukul 2 orang",
    "pukul 2 anak sy"). "pukul" and a number is a time; the passive is one with a word of the time after it, or
    with no one struck before it ("sy di pukul 2 laki2 barusan" is a blow)."""
    following = said[at + 1] if at + 1 < len(said) else ""
    if not (_CLOCK.match(following) or following in _CLOCK_WORDS) or following.endswith("x"):
        return False
    after = said[at + 2:at + 4]
    people = (_PEOPLE | _OUTSIDERS | _THUGS | {"org"}) - _WE
    if _COUNTED & set(after):
        return False
    struck_by = people & {w.removesuffix("nya") for w in after}
    if after[:1] and after[0] in _TIME_CUES - {"tadi"} and not (after[0] in _MORE_OR_LESS and struck_by):
        return True  # "di pukul 7 malam, pelaku kabur": who comes after the time is no one struck
    if struck_by:  # "dipukul 2 orang", "dipukul 3 lebih preman": more than three of them
        return False
    if following == "setengah" and after[:1] == ["mati"]:
        return False  # "di pukul setengah mati": beaten half dead
    if said[at] == "pukul" or (after and (after[0] in _TIME_CUES or after[0].isdecimal() or following == "setengah")):
        return True
    # the passive and a number: a time where what follows is no one ("di pukul 7 berangkat kerja", "rapat di pukul 9
    # besok", "…ketinggalan di angkot, di pukul 7") or another incident is told ("tadi di pukul 10 motor sy
    # diserempet"); a blow where someone follows ("pacarku dipukul 2 mantannya barusan")
    if THEFT_STEMS & set(stems_of(said, THEFT_STEMS)) or _OTHER_INCIDENTS & set(said) \
            or (after[:1] != [] and after[0] in _A_TIME_GOES_ON):
        return True
    if after[:1] not in ([], [_BREAK]):
        return False  # someone follows
    struck = at > 0 and (said[at - 1] in _WE | _FAMILY | _HOUSEHOLD or said[at - 1].endswith("ku"))
    return not struck  # "…ketinggalan di angkot, di pukul 7"; not "sy dipukul 2"


def _violence_at_home(said: list[str]) -> bool:
    """A blow told, not negated ("mukul", "dipukuli", "nampar"; "pukul 9" is nine o'clock), with one of the
    household within a few words and a person right beside it."""
    if _make_believe(said):
        return False
    for i in _blows_at(said):
        # a time between who struck and the blow is passed over: "suami sy tadi pagi mukul sy"
        before = [word for word in said[:i] if word not in _SINCE_A_TIME | _JUST_NOW][-_HOUSEHOLD_NEAR:]
        near = before + said[i:i + _HOUSEHOLD_NEAR + 1]
        beside = said[max(0, i - _PERSON_NEAR):i] + said[i + 1:i + _PERSON_NEAR + 1]
        striker = [w for w in said[i + 1:i + 3] if w not in ("oleh", "sama", "by")][:1]
        if said[i].startswith("di") and striker and striker[0] in _OUTSIDERS:
            continue  # "istri sy dipukul tetangga": struck by someone outside the household
        if _HOUSEHOLD & set(near) and _PERSONS & set(beside):
            return True
    return False


# A blow to the writer or theirs told as it is struck: while something is taken from them ("debt collector narik
# motor sy sambil mukul sy", "dc lg nyeret motor sy dan nampar adik sy", "a debt collector is dragging my bike away
# and punching my dad"), or under way ("preman lagi nampar adik sy"). A blow by one outside the household is told
# as past as often ("istri sy dipukul tetangga td pagi"): what is told over is read before this, and is none.
_TAKING_FROM = frozenset({
    "narik", "menarik", "tarik", "ditarik", "nyeret", "menyeret", "diseret", "ngambil", "mengambil", "ambil",
    "diambil", "ngerampas", "merampas", "rampas", "dirampas", "nyita", "menyita", "sita", "disita", "ngerebut",
    "merebut", "rebut", "direbut", "taking", "dragging", "seizing", "grabbing", "repossessing", "pulling"})
_STRIKING_NOW = frozenset({"lagi", "sedang", "sambil", "while", "is", "are", "s", "re"})  # right before the blow


def _struck_while_taken_from(said: list[str]) -> bool:
    taking = any(word in _TAKING_FROM and not _negated(said, i) for i, word in enumerate(said))
    for i in _blows_at(said):
        struck = said[max(0, i - 3):i] if said[i].startswith("di") else said[i + 1:i + 3]
        if _BREAK in struck:
            struck = struck[struck.index(_BREAK) + 1:] if said[i].startswith("di") else struck[:struck.index(_BREAK)]
        if not _HARMED_ONES & set(struck) or {"out", "keluar"} & set(said[i + 1:i + 4]):
            continue  # "mukul sy", "bapak sy dipukul"; not "mukul meja", "kicking me out" (of a home: evicted)
        if taking or (said[i - 1:i] and said[i - 1] in _STRIKING_NOW):
            return True
    return False


# Someone missing is a cry whenever it is told: a child or an elder not come home ("anak sy yg kecil blm pulang
# dr td sore", "my son hasn't come home"), or anyone of the family gone ("bapak sy yg pikun ilang"). The person is
# the subject (the message opens with them, or one of _BEFORE_A_SUBJECT does: "sepeda anak saya hilang" is a
# bicycle), and only words about them stand between them and the word of missing.
_CHILDREN_AND_ELDERS = frozenset({"anak", "anakku", "putri", "putra", "putriku", "putraku", "adik", "adikku", "bocah",
                                  "adek", "ponakan", "keponakan", "cucu", "nephew", "niece", "grandson",
                                  "granddaughter",
                                  "balita", "bayi", "nenek", "kakek", "lansia", "son", "daughter", "child", "kid",
                                  "baby", "grandmother", "grandfather", "grandma", "grandpa"})
_FAMILY = _CHILDREN_AND_ELDERS | {"ibu", "bapak", "ayah", "mama", "papa", "emak", "suami", "istri", "mother",
                                  "father", "mom", "dad", "husband", "wife", "brother", "sister"}
_ABOUT_THEM = frozenset({"saya", "aku", "kami", "my", "our", "yang", "kecil", "perempuan", "laki", "sulung",
                         "bungsu", "pertama", "kedua", "umur", "usia", "tahun", "tahu", "pikun", "tua", "dia", "little",
                         "old", "year", "years", "is", "has", "have", "been", "was", "masih", "still", "sudah", "tuh",
                         "itu", "ini"})
_GONE = frozenset({"hilang", "missing"})
# What may follow the word of missing: where, since when, who they are ("hilang di pasar", "hilang, dia pikun");
# a thing after it is what they lost ("ibu saya hilang dompet").
_AFTER_GONE = frozenset({_BREAK, "di", "dari", "sejak", "since", "at", "in", "from", "here", "waktu", "pas", "saat",
                         "ketika", "sudah", "belum", "sampai", "hingga", "dia", "pikun", "dan", "and", "tolong",
                         "pak", "bu", "sekarang", "tadi", "kemarin", "semalam", "for", "please", "help", "kontak",
                         "he", "she", "they"})
# Found again: "alhamdulillah sudah ditemukan", "he is back now".
_FOUND = frozenset({"ketemu", "ditemukan", "pulang", "kembali", "balik", "back", "found", "home"})
_AT_LAST = frozenset({"akhirnya", "finally", "god"})  # "thank god found her at security"
_DONE_OR_NOW = frozenset({"sudah", "udah", "telah", "already", "is", "was", "now"})
_NOT_YET = frozenset({"belum", "tidak", "enggak", "not", "never", "hasnt", "havent", "didnt", "hasn", "haven", "didn",
                      "t"})
_HOME = frozenset({"pulang", "home", "kembali", "balik", "back", "datang", "dateng"})
_NEWS = frozenset({"kabar", "kabarnya", "news", "word"})  # none of them for days: missing
_SINCE_A_TIME = frozenset({"kemarin", "tadi", "semalam", "pagi", "siang", "sore", "malam", "subuh", "minggu", "hari",
                           "yesterday", "last", "friday", "monday", "tuesday", "wednesday", "thursday", "saturday",
                           "sunday", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "morning", "noon",
                           "afternoon", "evening", "night", "today"})
# Besides _BEFORE_A_SUBJECT, a time may come before the person ("sudah 3 hari anak saya belum pulang", "td sore anak
# sy blm pulang").
_BEFORE_A_SUBJECT_TOO = frozenset({"my", "our", "hari", "jam", "minggu", "malam", "kemarin", "semalam", "days",
                                   "hours", "biasanya", "usually", "normally", "tadi", "pagi", "siang", "sore",
                                   "subuh", "sejak", "morning", "afternoon", "evening", "night", "today"})
_MISSING_REACH = 7  # words from the person to the word of missing


def life_at_risk(text: str) -> bool:
    """A life at risk, however told: self-harm, someone missing, someone in danger where they are ("…lompat dari
    jembatan bunuh diri, sampe skrg blm ketemu" is no question after a report)."""
    return self_harm(text) or missing_person(text) or _missing_one_asked_after(words(text)) or life_at_risk_now(text)


def life_at_risk_now(text: str) -> bool:
    """Someone drowning or fallen into water, trapped, pinned or shut in, now: a Darurat whatever else the words
    name ("anak tetangga jatuh ke sumur" is no neighbours' quarrel, "anak dikunci di mobil" no traffic, "a man is
    dragging a woman into a car" none either); an overdose ("sy udh minum obat banyak bgt") is no case of drugs."""
    said = _sentences(text)
    if not said:
        return False
    in_water = _someone_sinking(said) and not _out_of_the_water(said)
    held = _in_danger_where_they_are(said) or _held_against_will(said) or _left_in_a_car(said) \
        or _forced_into_a_vehicle(said)
    return _lost_in_water(said) or (not _not_now(said) and (in_water or held or _overdosed(said)))


def self_harm(text: str) -> bool:
    """Whether the text tells of a life at risk by one's own hand (SELF_HARM, or "suicide"): not denied right before
    it ("gak pengen mati konyol"; "gatau pengen mati aja" is no denial), nor of a body found. Read generously: a
    word too many to one who is not at risk costs less than one too few."""
    said = words(text)
    if _to_follow_the_dead(said):
        return True
    at_risk = [at for at in _self_harm_at(said) if not (at and said[at - 1] in NEGATIONS)]
    if at_risk and all(_a_life_taken(said, at) for at in at_risk):
        return False
    return "suicide" in said or _about_to_jump(said) or bool(at_risk)


def _to_follow_the_dead(said: list[str]) -> bool:
    return bool(_following_the_dead_at(said))


def _following_the_dead_at(said: list[str]) -> list[int]:
    """Where a wish to follow one who died is told ("sy mau nyusul almarhum suami", "…bunuh diri kemarin, anaknya
    bilang mau nyusul", "pengen nyusul ibu ke surga"): "nyusul" is to join someone, a death told beside it makes it
    the wish to die; not a way or a time to get there ("mau nyusul ke rumah duka", "mau nyusul besok")."""
    def wished(i: int) -> bool:
        going = [word for word in said[i + 1:i + 3] if word in _TO_JOIN_THERE]
        return bool(_MEANING_TO & set(said[max(0, i - 3):i])) and not _negated(said, i) \
            and (not going or (going[0] == "ke" and bool(_AFTERLIFE & set(said[i + 1:i + 4]))))

    following = [i for i, word in enumerate(said) if word in _FOLLOWING and wished(i)]
    to_the_hereafter = any(_AFTERLIFE & set(said[i + 1:i + 5]) and {"ke", "di"} & set(said[i + 1:i + 4])
                           for i in following)
    died = bool(_DEATH_TOLD & {word.removesuffix("nya") for word in said}) or any_phrase(said, _GONE_FOR_GOOD)
    if not (died or _self_harm_at(said) or to_the_hereafter):
        return []
    return following


def _a_life_taken(said: list[str], at: int) -> bool:
    """Whether the words of self-harm at `at` tell of someone's life already taken (see _DEATH_TOLD): a body found,
    or someone told of ("ada yg …") with a death told (not "belum meninggal") or a time gone by; neither meant nor
    tried, no call for help nor "just now" ("…barusan, tolong"), nor anyone still at risk ("…, skrg masih kritis")."""
    if _MEANING_TO & set(said[max(0, at - 3):at]) or (_STILL_AT_RISK | _UNSURE_OF_DEATH | {"tolong", "barusan"}) \
            & set(said):
        return False
    if _FOUND_DEAD & {word.removesuffix("nya") for word in said[max(0, at - 4):at]}:
        return True  # "ditemukan mayat laki2 gantung diri": a body found
    if said[max(0, at - 2):at] not in _SOMEONE_DID:
        return False
    death = any(word.removesuffix("nya") in _DEATH_TOLD and not _negated(said, i) for i, word in enumerate(said))
    return death or bool(_PAST & set(said)) or any_phrase(said, _PAST_PHRASES) or said[at - 3:at - 2] == [_EVER]


def _self_harm_at(said: list[str]) -> list[int]:
    """Where each telling of self-harm begins, every one of them ("kemarin ada yg bunuh diri…, skrg temennya juga
    mau bunuh diri" tells two); not dying of laughter (_dying_of)."""
    present = set(said)
    return sorted({at for phrase in SELF_HARM if phrase[0] in present for at in positions_of(said, phrase)
                   if not _dying_of(said, phrase, at)})


# "pengen mati ketawa", "mau mati penasaran", "mati gaya": to die of laughing, of curiosity, of boredom; laughter
# told before it too ("ketawa sampe mau mati"), not boredom ("bosen hidup, mau mati aja" is a wish to die).
_DYING_OF = frozenset({"ketawa", "tertawa", "ngakak", "mengakak", "penasaran", "gaya", "bosan", "bosen", "kepo",
                       "laughing"})
_LAUGHING = frozenset({"ketawa", "tertawa", "ngakak", "mengakak", "laughing", "laughed"})


def _dying_of(said: list[str], phrase: tuple[str, ...], at: int) -> bool:
    return phrase[-1] in ("mati", "die") and (
        (said[at + len(phrase):at + len(phrase) + 1] != [] and said[at + len(phrase)] in _DYING_OF)
        or bool(_LAUGHING & set(said[max(0, at - 2):at])))


def a_life_taken(text: str) -> bool:
    """Whether the text tells of a suicide after the fact, and of no one else at risk by their own hand."""
    said = words(text)
    at_risk = _self_harm_at(said)
    return bool(at_risk) and all(_a_life_taken(said, at) for at in at_risk)


def missing_person(text: str) -> bool:
    """Whether the text tells of someone of the family missing (see _missing_person): a Darurat, not a theft."""
    return _missing_person(words(text))


def _found_again(said: list[str]) -> bool:
    """"sudah ketemu", "he is back now", and with relief: "syukurlah ketemu di pos satpam"; not a thing of theirs
    found ("syukurlah ketemu sandalnya, tp anaknya blm ketemu"), nor one of two with the other still missing after
    it (_another_still_missing)."""
    routine = _routine(said)  # "biasanya udh pulang jam 2": when they come home, not that they have
    return any(word in _FOUND and said[k - 1] in _DONE_OR_NOW | _OVER_AND_GLAD | _AT_LAST and k not in routine
               and not _asked_if_yet(said, k)
               and not (said[k - 1] in _AT_LAST and _the_writer_before(said, k - 1, whose=_ONES_OWN))
               and not _owned_before(said, k + 1) and not _another_still_missing(said, k + 1)
               for k, word in enumerate(said) if k) or _arrived_after_all(said)


# Lost on the way and arrived after all: "anak sy nyasar pas nyari alamat, tp udh sampe", "my son got lost but he
# made it to school". Not a span ("udh sampe 3 hari"), "until now" ("sampai sekarang"), nor the writer arrived.
_LOST_THE_WAY = frozenset({"nyasar", "kesasar", "tersesat", "lost"})
_ARRIVED = (("sampai",), ("nyampe",), ("nyampai",), ("arrived",), ("made", "it"), ("got", "there"))


def _arrived_after_all(said: list[str]) -> bool:
    if not _LOST_THE_WAY & set(said):
        return False
    for phrase, k in phrases_found(said, _ARRIVED):
        after = said[k + len(phrase):k + len(phrase) + 2]
        if said[k - 1:k] in ([w] for w in _DONE_OR_NOW | _AT_LAST | {"he", "she", "they", "safely"}) \
                and not (after and (after[0].isdecimal() or after[0] in _SPAN | {"sekarang", "saat", "now"})) \
                and not _WE & set(said[max(0, k - 3):k]) and not _NOT_YET & set(said[k:]):
            return True  # not "…, udh sampe stasiun terakhir tp dia ga ada"
    return False




def _asked_if_yet(said: list[str], at: int) -> bool:
    """"anak sy yg hilang udh ketemu blm pak?", "udh ketemu blm anak sy?": found or not, asked; the "yet" ends the
    sentence or the one asked after follows it."""
    return said[at + 1:at + 2] in (["belum"], ["yet"]) \
        and all(word in _GREETED | _FAMILY for word in said[at + 2:at + 3])


# One of the family missing, asked after: "any update on my missing daughter?", "ada kabar blm pak soal anak sy yg
# hilang?", "my son is still missing, any news?". Asked as a status question, they are missing still: a life at
# risk, answered with 110 beside the status asked (missing_person, which makes a report a Darurat, leaves it out).
# Not a thing of theirs ("any update on my missing package?", "hp anak sy yg hilang"), nor one found ("…was found
# yesterday").
_ASKED_AFTER = frozenset({"update", "updates", "news", "word", "progress", "kabar", "kabarnya", "info", "informasi",
                          "perkembangan", "perkembangannya", "gimana", "bagaimana", "yet", "belum", "kapan",
                          "pencarian", "pencariannya", "search"})
_MISSING_STILL = frozenset({"yang", "who", "masih", "still"})  # "anak sy yg hilang", "my son is still missing"


def missing_one_asked_after(text: str) -> bool:
    """Whether the text only asks after one of the family missing ("any update on my missing daughter?"), told
    missing by nothing else (missing_person) and with no plea or fear: a status question still, besides the cry."""
    said = words(text)
    return _missing_one_asked_after(said) and not _missing_person(said) and not ({"tolong", "help"} | FEAR) & set(said)


_ASKING_FIRST = frozenset({"have", "has", "did", "is", "was", "apakah"})  # "have you found my missing daughter?"


def _missing_one_asked_after(said: list[str]) -> bool:
    asked = bool(_ASKED_AFTER & set(said)) or (bool(said) and said[0] in _ASKING_FIRST)
    if not asked or _found_again(said) or _whereabouts_known(said):
        return False
    for i, word in enumerate(said):
        if word not in _FAMILY or (i and said[i - 1].removesuffix("nya") in _OWNED_THINGS | _TAKEN_THINGS):
            continue  # "hp anak sy yg hilang": the phone is lost
        if said[i - 2:i] in (["my", "missing"], ["our", "missing"]):
            return True
        for j in range(i + 1, min(len(said), i + 1 + _MISSING_REACH)):
            if said[j] in _GONE and said[j - 1] in _MISSING_STILL and not _negated(said, j) \
                    and not _owned(said, j + 1):
                return True
            if said[j] not in _ABOUT_THEM:
                break
    return False


# One found and another not: "syukurlah anak pertama udh ketemu, tapi adiknya belum ketemu", "yg satunya lagi blm
# ketemu", "but my daughter is still missing"; not a thing of theirs ("tp sendalnya blm ketemu"). See _STILL_LOST.


def _another_still_missing(said: list[str], start: int) -> bool:
    """Someone named after `start` not found yet, or a child or a frail elder not come home: no thing named with
    them."""
    rest = said[start:]

    def named(at: int, among: frozenset[str]) -> bool:
        who = [word.removesuffix("nya").removesuffix("ku") for word in rest[max(0, at - _WHO_REACH):at]]
        return not (_OWNED_THINGS | _TAKEN_THINGS) & set(who) and (bool(among & set(who))
                                                                   or any_phrase(who, _THE_OTHER_ONE))

    return any(named(at, _FAMILY | _SOMEONE) for _phrase, at in phrases_found(rest, _STILL_LOST)) \
        or any(named(at, _CHILDREN_AND_ELDERS | _FRAIL) for _phrase, at in phrases_found(rest, _NOT_HOME_YET))


def _no_news_since(said: list[str], at: int) -> bool:
    """No news of them, told alone or since a time ("belum ada kabar dari kemarin"); not of something from
    someone ("belum ada kabar dari sekolah soal seragam")."""
    after = said[at + 1:at + 3]
    if not after:
        return True
    if after[0] in ("dari", "sejak", "since", "for"):
        return len(after) == 1 or after[1] in _SINCE_A_TIME or after[1].isdecimal()
    return after[0] in _AFTER_GONE


def _missing_person(said: list[str]) -> bool:
    if _whereabouts_known(said):
        return False
    if any(word in _FOUND and _another_still_missing(said, k + 1) for k, word in enumerate(said)):
        return True  # "…anak pertama udh ketemu, tapi adiknya belum ketemu"
    if _found_again(said):
        return False
    for i, word in enumerate(said):
        if word not in _FAMILY or not _as_subject(said, i):
            continue
        for j in range(i + 1, min(len(said), i + 1 + _MISSING_REACH)):
            if said[j] in _GONE and not _negated(said, j) and (j + 1 == len(said) or said[j + 1] in _AFTER_GONE):
                return True
            if said[j] in _HOME and word in _CHILDREN_AND_ELDERS and _NOT_YET & set(said[i + 1:j]) \
                    and not _thief_came_then(said, j):
                return True
            if said[j] in ("ketemu", "ditemukan", "found") and _NOT_YET & set(said[i + 1:j]) \
                    and (j + 1 == len(said) or said[j + 1] in _AFTER_GONE | {"juga", "nih", "ya", "sama"}):
                return True  # "anak saya belum ketemu juga"; not "belum ketemu dokter"
            if said[j] in _NEWS and (_NOT_YET | {"no"}) & set(said[max(i + 1, j - 2):j]) and _no_news_since(said, j):
                return True
            if said[j] in ("ada", "no"):  # "belum ada kabar", "has no news"
                continue
            if said[j] in ("yang", "who") and _gone_after_a_clause(said, j):
                return True  # "keponakan sy yg lagi nginep di rumah sy hilang"
            if not (said[j] in _ABOUT_THEM or said[j] in _NOT_YET or said[j] in {"come", "came", "went", "gone"}
                    or said[j].isdecimal()):
                break
    return _no_news_from(said) or _searched_not_found(said) or _gone_from_home(said) or _other_missing(said) \
        or _child_missing_now(said) or _child_not_found(said)


# A child missing now, told however a parent tells it: with a now or a plea between ("pak anak sy skrg ilang ga ada
# di rumah", "anak sy tiba2 ilang pas sy belanja"), gone from where they were ("adik sy skrg ga ada di rumah, td main
# di luar"), lost, not found or taken ("adik sy nyasar di mall", "anak sy gak ketemu2 dari td", "anak sy dibawa orang
# td", "my child is lost at the market", "my 6 year old is missing"). Not a thing of theirs (_as_subject: "hp anak
# sy ilang"), nor what they lost after it ("ilang semangat", "lost his phone"), nor the parents taking them ("dibawa
# orang tuanya"); one found again or told where they are is left out by _missing_person before.
_CHILDREN = frozenset({"anak", "anakku", "putri", "putra", "putriku", "putraku", "adik", "adikku", "adek", "bocah",
                       "ponakan", "keponakan", "cucu", "balita", "bayi", "son", "daughter", "child", "kid", "baby",
                       "nephew", "niece", "grandson", "granddaughter", "boy", "girl"})
_MEANWHILE = _SINCE | _SINCE_A_TIME | {"sekarang", "now", "tiba", "suddenly", "just", "pak", "bu", "tolong", "please"}
# Lost in a pastime or a thought, or contact lost with someone: "tersesat di game", "ilang kontak sama pacarnya".
_NO_PLACE = frozenset({"game", "games", "video", "videos", "youtube", "tiktok", "hp", "pikiran", "thoughts", "mimpi",
                       "dream", "dreams", "kontak"})
_LOST_NOW = frozenset({"hilang", "menghilang", "ngilang", "missing", "nyasar", "tersesat", "lost", "gone"})
_AFTER_LOST_NOW = _AFTER_GONE | {"on", "while", "during", "when", "near", "enggak", "tidak", "anywhere", "somewhere",
                                 "ketemu"}
_TAKERS = frozenset({"orang", "seseorang", "stranger", "someone", "somebody", "man", "woman", "pria", "lelaki"})
_NOW_OR_PLEA = frozenset({"sekarang", "now", "tolong", "help", "please"})
_STAYING_AT = (("lagi", "di"), ("sedang", "di"), ("ikut", "ke"))
# When they were last there, told after they are not: "…, td malem masih ada", "…, she was there last night".
_EARLIER = frozenset({"tadi", "semalam", "kemarin", "barusan", "last", "this", "ago", "earlier"})
_STILL_THERE_THEN = frozenset({"ada", "di", "main", "tidur"})
_WAS_THERE = (("was", "there"), ("was", "here"), ("were", "there"), ("were", "here"))
_NOT_IN = (("is", "not", "in"), ("is", "not", "at"), ("is", "not", "home"), ("isn", "t", "in"), ("isn", "t", "at"),
           ("isn", "t", "home"), ("s", "not", "in"), ("s", "not", "at"), ("s", "not", "home"))


def _last_seen_there(said: list[str], after: int) -> bool:
    """A time they were still there, told after the word of not there: the time and the "still" ("td malem masih
    ada", "tadi pagi masih main di depan") or "was there" and a time ("she was there last night")."""
    rest = said[after:]
    if any(word == "masih" and _EARLIER & set(rest[max(0, k - 4):k]) and rest[k + 1:k + 2]
           and rest[k + 1] in _STILL_THERE_THEN for k, word in enumerate(rest)):
        return True
    return any_phrase(rest, _WAS_THERE) and bool(_EARLIER & set(rest))


def _away_when(told: list[str], last_seen: bool) -> bool:
    """When they were away ("gk ada di rumah pas kejadian"); with a time they were last there, not when the writer
    found them gone ("ga ada di rumah pas sy bangun, td malem masih ada")."""
    return any(word in _WHILE | {"when"} and not (last_seen and told[k + 1:k + 2] and told[k + 1] in _WRITER | {"sy"})
               for k, word in enumerate(told))


def _child_missing_now(said: list[str]) -> bool:
    for i, word in enumerate(said):
        a_year_old = word == "old" and said[i - 1:i] == ["year"] and said[i - 2:i - 1] != [] and said[i - 2].isdecimal()
        if not (word in _CHILDREN or a_year_old) or not _as_subject(said, i):
            continue
        for j in range(i + 1, min(len(said), i + 1 + _MISSING_REACH)):
            rest = said[j + 1:j + 2]
            if said[j] in _LOST_NOW and not _negated(said, j) and rest in ([], *([w] for w in _AFTER_LOST_NOW)) \
                    and not _NO_PLACE & set(said[j + 1:j + 5]):
                return True
            if said[j] in ("ketemu", "ditemukan") and _NOT_YET & set(said[i + 1:j]) \
                    and rest in ([], ["ketemu"], *([w] for w in _AFTER_GONE)):
                return True  # "anak sy gak ketemu2 dari td siang"
            if said[j] == "ada" and said[j - 1] in _NOT_YET and rest in (["di"], ["dari"]) \
                    and (_NOW_OR_PLEA & set(said) or _last_seen_there(said, j + 1)) \
                    and not _away_when(said[j + 2:j + 6], _last_seen_there(said, j + 1)) \
                    and not any_phrase(said, _STAYING_AT):
                return True  # "adik sy skrg ga ada di rumah", "…ga ada di kamar, td malem masih ada"; not "gk ada
                # di rumah pas kejadian", "lg di rumah nenek"
            if any(said[j:j + len(phrase)] == list(phrase) for phrase in _NOT_IN) \
                    and _last_seen_there(said, j + 3) and not _away_when(said[j + 3:j + 8], True):
                return True  # "my daughter is not in her room, she was there last night"; not "…when the thief
                # came in"
            taker = [w for w in said[j + 2:j + 4] if w not in ("a", "an", "some")][:1]
            if said[j:j + 2] == ["taken", "by"] and taker and taker[0] in _TAKERS | _UNKNOWN:
                return True  # "my son was taken by a stranger"; not "by his uncle"
            if said[j] == "dibawa" and rest and rest[0] in _TAKERS and said[j + 2:j + 3] not in (["tua"], ["tuanya"]):
                return True  # "anak sy dibawa orang td"; not "dibawa orang tuanya"
            if not (said[j] in _ABOUT_THEM or said[j] in _MEANWHILE or said[j] in _NOT_YET or said[j].isdecimal()):
                break
    return False


# Not found, told by the one looking: "i can't find my daughter", "lost my kid at the mall", "a stranger took my son";
# not a thing of theirs ("can't find my son's shoes"), nor a child lost to death ("lost my son in an accident").
_CANT_FIND = (("can", "t", "find"), ("cant", "find"), ("cannot", "find"), ("couldn", "t", "find"),
              ("couldnt", "find"), ("lost",), ("took",))
_AFTER_NOT_FOUND = frozenset({_BREAK, "anywhere", "at", "please", "help", "from", "since", "today", "di", "pas",
                              "tolong", "pak", "bu"})


def _child_not_found(said: list[str]) -> bool:
    for phrase, at in phrases_found(said, _CANT_FIND):
        end = at + len(phrase)
        if said[end:end + 1] not in (["my"], ["our"]) or said[end + 1:end + 2] == [] \
                or said[end + 1] not in _CHILDREN:
            continue
        taker = said[at - 1:at]
        if phrase == ("took",) and not (taker and taker[0] in _TAKERS | _UNKNOWN):
            continue  # "my wife took my son to school"
        if said[end + 2:end + 3] in ([], *([w] for w in _AFTER_NOT_FOUND)):
            return True
    return False


# Who they are told in a clause before the word of missing: "ponakan sy yg lagi nginep di rumah sy hilang"; not a thing
# of theirs lost ("anak sy yg kerja di toko hpnya hilang"), nor a clause of long ago ("yg dulu pernah hilang").
_CLAUSE_REACH = 8


def _gone_after_a_clause(said: list[str], at: int) -> bool:
    for k in range(at + 1, min(len(said), at + 1 + _CLAUSE_REACH)):
        if said[k] == _BREAK or said[k] in _ONCE | _PAST:
            return False
        if said[k] in _GONE:
            return not _negated(said, k) and said[k - 1].removesuffix("nya") not in _OWNED_THINGS \
                and (k + 1 == len(said) or said[k + 1] in _AFTER_GONE)
    return False


_OWN_AFTER = frozenset({"saya", "aku", "kami", "gue", "ku"})
_NEVER = frozenset({"pernah", "never", "ever"})


def _no_news_from(said: list[str]) -> bool:
    """No news from one of the family, told the other way round: "sy gk dapat kabar dari anak sy dari kemarin",
    "udh 2 hari gk ada kabar dr suami", "no news from my daughter since friday". Not of something ("…dari anak sy
    soal kuliahnya"), not "bapak" or "ibu" without whose (the officer addressed: "blm ada kabar dari bapak"), not a
    family that never writes ("gk pernah dapat kabar dari anak sy")."""
    for j, word in enumerate(said):
        before = set(said[max(0, j - 3):j])
        if word not in _NEWS or not (_NOT_YET | {"no"}) & before or _NEVER & before \
                or said[j + 1:j + 2] not in (["dari"], ["from"]):
            continue
        k = j + 2 + (said[j + 2:j + 3] in (["my"], ["our"]))
        if k >= len(said) or said[k] not in _FAMILY:
            continue
        whose_after = k + 1 < len(said) and said[k + 1] in _OWN_AFTER  # "anak sy"; "my son" says it before
        whose = whose_after or said[k - 1] in ("my", "our")
        rest = said[k + 1 + whose_after:]
        unreachable = bool(_REACHED & set(rest) and _NOT_YET & set(rest))  # "…, hpnya gk aktif"
        if (whose or said[k] not in _ADDRESSED) and (not rest or rest[0] in _AFTER_GONE or unreachable):
            return True
    return False


# Gone from home and not back, told at more length: one who cannot look after themselves ("bapak saya umur 78
# pikun keluar rumah dari jam 3 sore blm pulang smpe skrg", a child run away: "anak sy kabur dari rumah"), or
# anyone of the family for long or out of reach ("istri sy gk pulang2 dari kemarin, gk bisa dihubungi"); not
# "suami saya belum pulang kerja".
_RAN_AWAY = (("kabur", "dari", "rumah"), ("minggat",), ("ran", "away"), ("run", "away"))  # a child gone, alone
_LEFT_HOME = (*_RAN_AWAY, ("pergi", "dari", "rumah"), ("keluar", "rumah"), ("keluar", "dari", "rumah"),
              ("left", "home"), ("wandered", "off"), ("went", "out"))
_FRAIL = frozenset({"pikun", "lansia", "demensia", "dementia", "alzheimer", "alzheimers", "linglung", "stroke"})
_SPAN = frozenset({"jam", "hari", "minggu", "hours", "days", "weeks"})  # "udh 2 hari": gone that long
_UNTIL_NOW = (("sampai", "sekarang"), ("hingga", "sekarang"), ("sampai", "saat", "ini"), ("until", "now"))
_REACHED = frozenset({"dihubungi", "aktif", "nyambung", "diangkat", "reached", "reachable", "answering", "kabar",
                      "kabarnya", "news"})
_GONE_REACH = 16  # words after the person that may tell it
# Where they are is known, or why they are away: no one missing.
_NOW_AT = (("sekarang", "di"), ("sudah", "di"), ("masih", "di"), ("now", "at"), ("is", "at"))  # "skrg di rumah ibunya"
_WE = frozenset({"kami", "kita", "saya", "aku", "we", "i"})
_KNOWN_WHERE = frozenset({"katanya", "lembur", "kerja", "bekerja", "tinggal", "alamatnya", "kabarnya", "nginap",
                          "menginap", "kos", "ngekos", "kuliah", "mondok", "pesantren", "merantau", "rantau", "les",
                          "kursus", "ngaji", "latihan"})


def _as_subject(said: list[str], at: int) -> bool:
    """Whether the person at `at` is whom the message is about: it opens the message, or what comes before them
    (past words about them: "my 8 year old son") is one of _BEFORE_A_SUBJECT."""
    k = at - 1
    while k >= 0 and (said[k] in _ABOUT_THEM or said[k].isdecimal()):
        k -= 1
    return k < 0 or said[k] in _BEFORE_A_SUBJECT | _BEFORE_A_SUBJECT_TOO


def _whereabouts_known(said: list[str]) -> bool:
    """"blm pulang, katanya lembur", "masih les sampai jam 5", "skrg di rumah ibunya"; not where the family
    lives ("kami tinggal di bendogerit")."""
    routine = _routine(said)
    known = any(word in _KNOWN_WHERE and not (word == "tinggal" and said[i - 1:i] and said[i - 1] in _WE)
                and not (said[i - 1:i] and said[i - 1] in _OTHERS)  # "teman kos", "temen kerja": who, not where
                and not _the_writer_at_it(said, i) and i not in routine and not _at_the_writers(said, i)
                for i, word in enumerate(said))
    return known or any(at not in routine and said[at - 1:at] not in ([w] for w in _WHERE_THEY_WERE)
                        for _phrase, at in phrases_found(said, _NOW_AT))


# Where they were last, not where they are: "td masih di depan rumah", "terakhir masih di sekolah".
_WHERE_THEY_WERE = frozenset({"tadi", "terakhir", "last", "sebelumnya"})


# What someone usually does, up to what is told of now: "biasanya pulang kerja jam 5, skrg jam 11 blm pulang",
# "usually home by 5, now it's 10": where they usually are is not where they are known to be now. With nothing of now
# after it, the hour they are usually home, told after what is so now: "blm pulang, biasanya jam 3 udh di rmh".
_NOW_TOLD = frozenset({"sekarang", "ini", "now", "tapi", "tetapi", "but", "today", "tonight"})
_USUAL_HOUR = frozenset({"jam", "pukul", "sekitar", "pagi", "siang", "sore", "malam", "sudah", "di", "rumah", "pulang",
                         "sampai", "nyampe", "balik", "dia", "around", "by", "at", "he", "she", "is", "s", "home",
                         "back"})


def _routine(said: list[str]) -> set[int]:
    routine: set[int] = set()
    for i, word in enumerate(said):
        if word in _AS_USUAL:
            end = next((k for k in range(i + 1, len(said)) if said[k] in _NOW_TOLD), None)
            if end is None:
                end = next((k for k in range(i + 1, len(said))
                            if not (said[k] in _USUAL_HOUR or said[k].isdecimal())), len(said))
            routine.update(range(i + 1, end))
    return routine


# The writer's own place, where one of theirs stayed or worked: "nginep di rumah sy", "tinggal sama sy", "kerja di
# toko sy", "kos saya", "staying at my place".
_TO_THE_WRITERS = frozenset({"di", "sama", "bareng", "dengan", "with", "at", "in", "ke", "tempat", "rumah", "toko",
                             "kos", "kosan", "kantor", "warung", "kontrakan", "place", "house", "home", "my", "our"})


def _at_the_writers(said: list[str], at: int) -> bool:
    k = at + 1
    while k < len(said) and k <= at + 3 and said[k] in _TO_THE_WRITERS - {"my", "our"}:
        k += 1
    return said[k:k + 1] != [] and (said[k] in _WE | {"us", "me"}
                                    or (said[k] in ("my", "our") and said[k + 1:k + 2] != []
                                        and said[k + 1] in _TO_THE_WRITERS))


_BACK_FROM = frozenset({"pulang", "balik", "dari", "berangkat", "selesai", "habis"})  # "sy pulang dari kerja"


def _the_writer_at_it(said: list[str], at: int) -> bool:
    """Whether the work or the school at `at` is the writer's own, what they are doing while someone is missing
    ("anak sy hilang dari td siang, sy lagi kerja dari rumah") or came back from ("ga ada di rumah waktu sy pulang
    kerja"); not one of theirs ("anak sy lagi kerja", "blm pulang kerja")."""
    k = at - 1
    while k >= 0 and said[k] in PROGRESS | _BACK_FROM:
        k -= 1
    return k >= 0 and said[k] in _WE and not (k and said[k - 1].removesuffix("nya") in _PEOPLE)


# Someone not of the family missing: lost where it is dangerous ("temen sy ilang pas naik gunung merbabu", "ada
# pendaki hilang di gunung arjuno"), not back from there for long or not to be reached, or not back for long and not
# to be reached ("my housemaid has not returned since this morning and she's not answering her phone"). Not a thing
# of theirs ("hp temen sy ilang di gunung"), nor one whose whereabouts are known ("blm pulang kerja, mungkin lembur",
# _whereabouts_known).
_OTHERS = frozenset({"teman", "temen", "sahabat", "kawan", "pacar", "tunangan", "tetangga", "pembantu", "art",
                     "asisten", "pendaki", "wisatawan", "turis", "pemancing", "nelayan", "friend", "friends",
                     "housemaid", "maid", "helper", "nanny", "roommate", "housemate", "neighbour", "neighbor",
                     "girlfriend", "boyfriend", "fiance", "fiancee", "hiker", "hikers", "tourist", "fisherman"})
# Whose the writer may be named as where they came back at last ("anak sy akhirnya pulang"); not someone who took a
# child ("anak sy diculik org, sy akhirnya pulang nunggu kabar"), whom _PEOPLE holds too.
_ONES_OWN = _FAMILY | _HOUSEHOLD | _OTHERS
_ABOUT_OTHERS = _ABOUT_THEM | {"kos", "kost", "kosan", "sekamar", "kantor", "sekolah", "kampus", "rumah", "dekat",
                               "baik", "dua", "tiga"}
_WILDS = frozenset({"gunung", "hutan", "laut", "pantai", "tebing", "jurang", "mendaki", "pendakian", "hiking", "hike",
                    "mount", "mountain", "forest", "jungle", "sea", "beach", "cliff", "trekking", "camping"})
_LOST_WORDS = _GONE | {"tersesat", "nyasar", "lost"}
_BACK_WORDS = _HOME | {"returned", "turun", "come", "came"}
_AFTER_LOST = _AFTER_GONE | {"on", "while", "during", "when", "near"}


def _told_after(said: list[str], at: int, reach: int) -> list[str]:
    """The words after `at`, `reach` of them at most, up to the sentence's end."""
    told = said[at + 1:at + 1 + reach]
    return told[:told.index(_BREAK)] if _BREAK in told else told


def _other_missing(said: list[str]) -> bool:
    for i, word in enumerate(said):
        if word.removesuffix("nya") not in _OTHERS or not _as_subject(said, i):
            continue
        told = _told_after(said, i, _GONE_REACH)
        lost = False
        for k, w in enumerate(told):  # lost is told right after them: "temen sy ilang", not "…hpnya ilang"
            if w in _LOST_WORDS:  # not "lost her phone": what they lost
                lost = not _negated(told, k) and told[k + 1:k + 2] in ([], *([w] for w in _AFTER_LOST))
                break
            if not (w in _ABOUT_OTHERS or w in _NOT_YET or w.isdecimal()):
                break
        not_back = any(w in _BACK_WORDS and _NOT_YET & set(told[max(0, k - 2):k]) for k, w in enumerate(told))
        wild, long_gone, unreachable = bool(_WILDS & set(said)), _gone_long(told), _unreachable(told)
        if (lost and wild) or ((lost or not_back) and (long_gone or wild) and (unreachable or (long_gone and wild))):
            return True  # not "blm balik dari liburan ke pantai": not back, and no more told
    return False


def _gone_long(told: list[str]) -> bool:
    """Gone until now or since a time ("dari kemarin", "since this morning", "udh 2 hari")."""
    return any_phrase(told, _UNTIL_NOW) or any(
        w in _SINCE and (_SINCE_A_TIME | {"jam"}) & set(told[k + 1:k + 3]) for k, w in enumerate(told)) \
        or any(w.isdecimal() and told[k + 1:k + 2] and told[k + 1] in _SPAN for k, w in enumerate(told))


_PHONE_OFF = tuple((phone, *off) for phone in ("hp", "hpnya", "phone", "nomornya", "nomor")
                   for off in (("mati",), ("nya", "mati"), ("is", "off"), ("off",), ("enggak", "aktif"),
                               ("tidak", "aktif"), ("nya", "enggak", "aktif"), ("nya", "tidak", "aktif")))


def _unreachable(told: list[str]) -> bool:
    """Not to be reached: "gk bisa dihubungi", "not answering", "hp nya gk aktif", "her phone is off"."""
    return any(w in _REACHED and _NOT_YET & set(told[max(0, k - 3):k]) for k, w in enumerate(told)) \
        or any_phrase(told, _PHONE_OFF)


def _thief_came_then(told: list[str], at: int) -> bool:
    """"…not home when the thief came in": away then, not missing now."""
    return told[at + 1:at + 2] in ([w] for w in _WHEN_IT_CAME) \
        and bool(THIEVES & {w.removesuffix("nya") for w in told[at + 2:at + 4]})


def _gone_from_home(said: list[str]) -> bool:
    if _long_past(said):
        return False  # "kabur dari rumah bulan lalu, sekarang sudah kerja"
    for i, word in enumerate(said):
        if word not in _FAMILY or not _as_subject(said, i):
            continue
        told = _told_after(said, i, _GONE_REACH)
        left = any_phrase(told, _LEFT_HOME)
        ran_away = word in _CHILDREN_AND_ELDERS and any_phrase(told, _RAN_AWAY)
        # "blm pulang", "gk pulang2", "belum juga balik"; not "ga tau jalan pulang" (lost, and found by the teller)
        not_back = any(w in _HOME and _NOT_YET & set(told[max(0, k - 2):k]) and not _thief_came_then(told, k)
                       for k, w in enumerate(told))
        long_gone, unreachable = _gone_long(told), _unreachable(told)
        # "usually home by 5, now it's 10 and she's not answering": past their hour, and out of reach
        not_back = not_back or bool(unreachable and _routine(said))
        if not (not_back or ran_away or (left and (long_gone or unreachable)) or (unreachable and long_gone)):
            continue  # "anak sy keluar rumah main sepeda": gone out, no word of not coming back
        frail = word in _CHILDREN_AND_ELDERS or bool(_FRAIL & set(said[max(0, i - 3):i + 1 + _GONE_REACH]))
        if frail or long_gone or unreachable:
            return True
    return False


# Someone drowning or swept away ("ada yang tenggelam di sungai"), not a thing ("motor tenggelam banjir").
_SINKING = frozenset({"tenggelam", "hanyut", "drowning", "drowned", "terseret", "keseret", "kelelep", "kelelap",
                      "klelep", "tercebur", "kecebur"})
_SOMEONE = frozenset({"anak", "orang", "seseorang", "bocah", "pria", "wanita", "balita", "bayi", "pemuda", "remaja",
                      "siswa", "someone", "child", "kid", "man", "woman", "boy", "girl", "person", "somebody"})


_SOMEONE_THERE = (["ada", "yang"], ["ada", "warga"])
_FALLING_IN = frozenset({"jatuh", "terjatuh", "nyemplung", "kecemplung", "kejebur", "nyebur", "mencebur", "kecebur",
                         "fell"})
_WHOSE = frozenset({"saya", "aku", "kami", "kita", "dia", "tetangga", "my", "our"})
_WATERS = frozenset({"air", "sungai", "kali", "laut", "sumur", "kolam", "got", "selokan", "banjir", "danau", "waduk",
                     "river", "sea", "lake", "well", "pond", "canal", "water"})


def _someone_sinking(said: list[str]) -> bool:
    """"ada yang tenggelam", "anak hanyut", "anak tetangga jatuh ke sumur", "anak sy tadi pagi hanyut", "temen sy
    kebawa arus": a person; "sawah warga tenggelam", "motor (anak sy) yang hanyut", "hp sy jatuh ke kali": a thing;
    "tenggelam dalam kesedihan": grief."""
    def in_water(i: int, word: str) -> bool:
        if word in _SINKING:
            return not (said[i + 1:i + 2] in (["dalam"], ["dlm"]) and not _WATERS & set(said[i + 2:i + 4]))
        return (word in _FALLING_IN and bool(_WATERS & set(said[i + 1:i + 4]))) \
            or (word in _SWEPT and bool(_CURRENTS & set(said[i + 1:i + 3]))) \
            or (word in _JUMPING and bool((_WATERS | _OVER_WATER) & set(said[i + 1:i + 4]))) \
            or (word == "hilang" and said[i + 1:i + 2] in (["di"], ["ke"]) and bool(_WATERS & set(said[i + 2:i + 4])))

    def someone_before(i: int) -> bool:
        near = said[max(0, i - 2):i]
        return any(word in _SOMEONE and not _owned(said, i - len(near) + k) for k, word in enumerate(near)) \
            or near in _SOMEONE_THERE or _one_of_theirs_before(said, i) or _a_person_told_before(said, i)

    return any(in_water(i, word) and not _negated(said, i) and someone_before(i) for i, word in enumerate(said))


# Things one owns, before whose owner: "motor anak sy hanyut", "sandal anak sy hanyut" is no child in the water.
_OWNED_THINGS = frozenset({"motor", "mobil", "hp", "handphone", "sandal", "sendal", "sepatu", "tas", "dompet", "sepeda",
                           "barang", "mainan", "baju", "helm", "bola", "kambing", "sapi", "ayam", "layangan"})


def _owned(said: list[str], at: int) -> bool:
    """Whether the person at `at` is named as the owner of a thing right before them ("motor anak sy")."""
    return at >= 1 and said[at - 1].removesuffix("nya") in _OWNED_THINGS


def _lost_in_water(said: list[str]) -> bool:
    """Someone in the water and not found yet, whenever it began ("anak sy hanyut tadi pagi, sampe skrg blm ketemu",
    "nelayan hilang di laut, blm ada kabar"): not a thing of theirs ("…, tp sendalnya blm ketemu"), a body, one found,
    a year or a month gone by, a film, a drill or a joke."""
    if _make_believe(said) or _joking(said) or _found_again(said) or any_phrase(said, _LONG_GONE) \
            or _a_death_told(said):
        return False
    return _someone_sinking(said) and any(word in _NOT_YET | {"durung"} and _NOT_FOUND & set(said[i + 1:i + 4])
                                          and not _owned_before(said, i) for i, word in enumerate(said))


def _out_of_the_water(said: list[str]) -> bool:
    """Found or pulled out, and told as well ("…, alhamdulillah udah ketemu", "udah ditolong warga"), unless still at
    risk ("udah diangkat tp gak napas", "…lemas, bibirnya biru"), another still in it ("1 udah ditolong, 1 lagi masih
    di dalam air") or help asked."""
    out = _found_again(said) or any(word in _RESCUED and (_DONE_WORDS | _OVER_AND_GLAD) & set(said[max(0, i - 3):i])
                                    for i, word in enumerate(said))  # "syukurlah cepat ditolong" too
    return out and not ({"tolong", "masih", "still"} | _STILL_AT_RISK | _UNWELL) & set(said) \
        and not any_phrase(said, _HURT_BADLY) and not _not_breathing_or_awake(said) \
        and not any(not _owned_before(said, at) for _phrase, at in phrases_found(said, _NOT_OUT_YET))


def _owned_before(said: list[str], at: int) -> bool:
    """A thing of theirs named right before `at`: "hpnya blm ketemu", "sendalnya belum ketemu"."""
    return bool(at) and said[at - 1].removesuffix("nya") in _OWNED_THINGS


# One pulled out and another not yet: "sopir ditolong warga, penumpang blm keluar", "…, 1 lagi blm ketemu".
_NOT_OUT_YET = (("belum", "keluar"), ("belum", "ditolong"), ("belum", "diselamatkan"), ("belum", "dievakuasi"),
                ("belum", "ketemu"), ("belum", "ditemukan"), ("enggak", "bisa", "keluar"), ("tidak", "bisa", "keluar"))
# Pulled out is no rescue told ("udah diangkat tp napasnya gk ada"): saved, helped, evacuated are.
_RESCUED = frozenset({"ditolong", "diselamatkan", "selamat", "dientas", "dievakuasi", "rescued", "saved"})
# Out of the water and not well: "gak napas", "belum sadar", "lemas", "biru", "berbusa", CPR being given.
_UNWELL = frozenset({"lemas", "lemes", "biru", "membiru", "kejang", "muntah", "dingin", "pucat", "berbusa", "busa",
                     "berhenti", "cpr", "limp", "blue", "pale", "hilang"})
_ALIVE_SIGNS = frozenset({"napas", "nafas", "bernapas", "bernafas", "napasnya", "nafasnya", "sadar", "sadarkan",
                          "siuman", "gerak", "bergerak", "bangun", "nangis", "menangis", "respon", "merespon",
                          "breathing", "conscious", "moving", "responding"})


def _not_breathing_or_awake(said: list[str]) -> bool:
    """"gak napas", "belum sadar", "napasnya gk ada", "gak bangun2": a sign of life denied, before or after it."""
    return any(word in _ALIVE_SIGNS and ((NEGATIONS | {"durung"}) & set(said[max(0, i - 2):i])
                                         or (NEGATIONS & set(said[i + 1:i + 2]) and "ada" in said[i + 1:i + 3]))
               for i, word in enumerate(said))


def _a_death_told(said: list[str]) -> bool:
    """A death told as known: not feared ("takutnya udah meninggal") nor guessed ("mungkin udah meninggal")."""
    return any(word.removesuffix("nya") in _DEATH_TOLD and not (_FEARED | _UNSURE_OF_DEATH) & set(said[max(0, i - 3):i])
               for i, word in enumerate(said))


_FEARED = frozenset({"takut", "takutnya", "khawatir", "jangan", "cemas", "afraid", "fear", "worried"})
_NOT_FOUND = frozenset({"ketemu", "ditemukan", "ditemuin", "ketemuin", "ktm", "kabar", "kabarnya", "found", "news"})
_LONG_GONE = (("tahun", "lalu"), ("bulan", "lalu"), ("tahu", "lalu"), ("last", "year"), ("last", "month"),
              ("years", "ago"), ("months", "ago"))
# Carried off by the water ("kebawa arus", "terseret ombak", "swept away").
_OVER_WATER = frozenset({"jembatan", "kapal", "perahu", "dermaga", "bridge", "boat", "ship", "pier"})
_SWEPT = frozenset({"terbawa", "dibawa", "terseret", "keseret", "diseret", "swept", "carried"})
_CURRENTS = frozenset({"arus", "ombak", "banjir", "air", "away", "current", "waves"})
# Who may be in the water, and what may stand between them and its word: "anak sy umur 7 th yg main di kali tadi
# pagi hanyut". Any other word ends the look back ("motor anak sy hanyut": the person is the owner, _as_subject).
_IN_THE_WATER = frozenset({"kakak", "nelayan", "pemancing", "perenang", "wisatawan", "pengunjung", "santri", "murid",
                           "pelajar", "mahasiswa", "tetangga", "fisherman", "swimmer"})
_BETWEEN_THEM_AND_IT = frozenset({"saya", "aku", "kami", "yang", "lagi", "sedang", "tadi", "pagi", "siang", "sore",
                                  "malam", "subuh", "kemarin", "semalam", "umur", "usia", "tahun", "tahu", "kecil",
                                  "perempuan", "laki", "sulung", "bungsu", "itu", "ini", "juga", "pas", "waktu",
                                  "ketika", "saat", "main", "mandi", "berenang", "renang", "mancing", "di", "ke",
                                  "terus", "lalu", "kemudian", "katanya", "ikut", "pun", "sampai", "hampir", "nyaris",
                                  "sempat", "my", "our", "was", "while", "swimming", "playing", "in", "the", "got",
                                  "is", "also", "too"})
_LOOK_BACK = 8


def _a_person_told_before(said: list[str], at: int) -> bool:
    """A person, whom the message is about, told a few words before the word of the water at `at`, with only words
    of who they are, when, or what they were doing between."""
    for k in range(at - 1, max(-1, at - 1 - _LOOK_BACK), -1):
        word = said[k].removesuffix("nya").removesuffix("ku")
        if word in _BETWEEN_THEM_AND_IT | _WATERS or word.isdecimal():
            continue
        if word in _PEOPLE | _IN_THE_WATER:  # whom it is about: not "sawah warga", but "…hanyut, anak sy juga"
            return not _owned(said, k) and (_as_subject(said, k) or said[k - 1:k] in (["ada"], ["tolong"])
                                            or (k > 0 and said[k - 1] in _SINKING | _FALLING_IN | _SWEPT | _PEOPLE))
        return False
    return False


def _one_of_theirs_before(said: list[str], at: int) -> bool:
    """One of the family, whoever's, right before `at` and whom the message is about ("anakku kecemplung", "ibuku
    tenggelam", "nenek sy hanyut"; not "sawah nenek tenggelam", "motor anakku kecemplung got")."""
    if said[at + 1:at + 2] in (["dalam"], ["dlm"]) and not _WATERS & set(said[at + 2:at + 4]):
        return False  # "tenggelam dalam kesedihan": in grief, not in water
    k = at - 1
    if k >= 1 and said[k] in _WHOSE:
        k -= 1
    return k >= 0 and (said[k] in _FAMILY or said[k].removesuffix("ku") in _FAMILY) \
        and (_as_subject(said, k) or (k > 0 and said[k - 1] in _BUT))  # "…udh surut, cuma nenek sy hanyut"


_ONLINE = frozenset({"ig", "instagram", "facebook", "fb", "tiktok", "twitter", "akun", "online", "medsos", "sosmed",
                     "social", "media", "internet", "wa", "whatsapp"})


def _resident_now(said: list[str], at: int) -> bool:
    """Whether the word of now at `at` is the resident's, of reporting: "mau lapor skrg, motor sy dicuri td pagi"."""
    return said[at] in ("sekarang", "now") and bool(REPORTING & set(said[max(0, at - 2):at]))


# A fright that turned out nothing: "td sy kira ada maling, ternyata kucing", "suara kayak tembakan ternyata
# petasan", "kirain begal ternyata temen sendiri". Not "ternyata anak sy diculik", which finds a danger.
_THOUGHT = frozenset({"kira", "kirain", "mengira", "kiranya", "dikira", "kukira", "nyangka", "disangka", "sangka",
                      "kayak", "seperti", "thought", "like"})
_TURNED_OUT = frozenset({"ternyata", "rupanya", "turned", "turns"})


_HARMLESS = frozenset({"kucing", "tikus", "anjing", "angin", "petasan", "mercon", "kembang", "teman", "temen", "iseng",
                       "bercanda", "becanda", "cuma", "hanya", "bukan", "sendiri", "tetangga", "cat", "rat", "wind",
                       "firecracker", "firecrackers", "friend", "nothing", "only", "just"})


_WEAPONS_AFTER = frozenset({"pisau", "golok", "senjata", "tembakan", "benaran", "burglar", "inside", "real"})


def _mistaken(said: list[str]) -> bool:
    """A fright that turned out nothing: thought to be one thing, and after "ternyata" something harmless with no
    danger ("kirain begal ternyata temen sendiri"; not "sy kira kucing, ternyata maling, masih di dapur")."""
    turned = [i for i, word in enumerate(said) if word in _TURNED_OUT]
    if not turned or not _THOUGHT & set(said[:turned[0]]):
        return False
    after = said[turned[0] + 1:]
    danger = (THIEVES | ALWAYS | ALWAYS_WORDS | HURT | FIGHTS | _STILL | _WEAPONS_AFTER) & {
        w.removesuffix("nya") for w in after} or any(root in ALWAYS | THEFT_STEMS for root in stems_of(after, ALWAYS))
    return bool(_HARMLESS & set(after)) and not danger



_WORSE = frozenset({"makin", "tambah", "semakin", "parah", "banyak", "worse"})


def _goes_on(said: list[str]) -> bool:
    """Whether a word of now or still says the danger goes on ("malingnya masih di dalam", "apinya masih menyala",
    "skrg orgnya lagi di belakang"), not how the resident is after it or what they do now ("sampe skrg masih sakit
    kepalanya", "skrg lagi di puskesmas", "sekarang sy takut tidur", "mau lapor skrg", "sy sekarang masih di rumah")."""
    for i, word in enumerate(said):
        before, after = said[max(0, i - 2):i], said[i + 1:i + 4]
        if word not in _STILL and not (word == "lagi" and after[:1] and _AT_IT_NOW.match(after[0])):
            continue  # "lagi" is "again" as often ("dicuri lagi kemarin"), "while" only before where or a deed
        if after[:1] and (after[0] in _STILL or after[0] == "lagi"):
            continue  # "skrg masih …", "sekarang lagi …": the next word says what goes on
        if _telling_now(said, i):
            continue
        if _resident_now(said, i):
            continue
        if (before[-1:] and before[-1] in _UNTIL) or RESIDENT & set(before + after[:1]) \
                or AFTER_IT & set(after) or (after[:1] and after[0] in _DONE_WORDS and not _WORSE & set(after)):
            continue  # "sekarang udah sepi": how it stands after it; not "sekarang udah makin parah"
        return True
    return False


def _once(said: list[str]) -> bool:
    """What happened once, told as such at the message's opening ("dulu sy pernah dipukul org di pasar", "sy pernah
    dipukul org, baru skrg berani lapor"), nothing told as now besides the telling, and no call for help."""
    at = said.index(_EVER) if _EVER in said[:_ONCE_OPENS + 1] else None
    if at is None or "dulu" not in said[:at] or not all(word in _OPENING_ONCE for word in said[:at]):
        return False
    after = said[at + 1:at + 3]
    if after[:1] and (after[0] in NEGATIONS or REPORTING & set(after)):
        return False  # "pernah gk sih…?", "sy pernah lapor, skrg…"
    return not _told_as_now(said)


def _told_as_now(said: list[str]) -> bool:
    """A word of now, again or help besides the telling's own now ("baru skrg berani lapor")."""
    return any(word in _NOW_OR_AGAIN and not _telling_now(said, i) for i, word in enumerate(said))


# What the writer wants to do now, after telling what happened: "…, skrg mau nanya apa perlu lapor polisi?"
_ASKING_OR_REPORTING = REPORTING | frozenset({"tanya", "nanya", "bertanya", "menanyakan", "konsultasi", "ask"})


def _telling_now(said: list[str], at: int) -> bool:
    """"…, baru skrg berani lapor", "kemarin …, skrg mau nanya gmn caranya lapor" (a time gone by told before it):
    the now at `at` is the telling's, what is told is before it."""
    if said[at] != "sekarang":
        return False  # asked of every word of a message: the time gone by is looked for only before a "sekarang"
    after, before = said[at + 1:at + 4], said[:at]
    if said[at - 1:at] == ["baru"] and "berani" in after:
        return True
    wants_to_ask = after[:1] != [] and after[0] in _WANTING and bool(_ASKING_OR_REPORTING & set(after[1:3]))
    return wants_to_ask and (bool(_PAST & set(before)) or any(True for _ in phrases_found(before, _PAST_PHRASES)))


def _joking(said: list[str]) -> bool:
    """A joke asserted ("bercanda doang", "cuma becanda"); not denied, hearsay or beside a "for real" ("bercanda
    doang, tp beneran mukulin"), unless the for-real vouches for the joke itself ("beneran cuma bercanda") and no
    danger is told now after it (an outraged question: "serius dia cuma bercanda?? dia bawa parang ke rumah sy
    sekarang"); nor with the danger going on after a "but"."""
    jokes = [i for i, word in enumerate(said)
             if word in _JOKING and not _negated(said, i) and _JUST & set(said[max(0, i - 1):i + 2])
             and said[i + 1:i + 2] not in (["kan"], ["bukan"])]  # "cuma becanda kan?": doubted
    now_after = bool(jokes) and bool(_STILL & set(said[jokes[-1] + 1:]))
    return bool(jokes) and not any(word in _FOR_REAL and not (word in _VOUCHING and not now_after
                                                              and any(0 < j - k <= 3 for j in jokes))
                                   for k, word in enumerate(said)) \
        and not _but_still(said, jokes[-1] + 1, another=False)  # "…cuma bercanda, tp pisaunya masih di leher sy"


_OBJECTING = frozenset({"kok", "lho", "loh", "kenapa", "mengapa", "why"})


# "but", and the words that say it as well after a danger told over: "cuman adik sy masih sesak napas", "sementara
# tetangga sy masih terjebak"
_BUT = frozenset({"tapi", "tetapi", "namun", "but", "cuma", "cuman", "hanya", "sementara", "sedangkan", "however"})


def _but_still(said: list[str], start: int, another: bool = True) -> bool:
    """"…udah padam, tp blok B masih menyala", "…tp masih ada org terjebak", "…cuman adik sy masih sesak napas":
    over in part from `start` on, and after a "but" (or with no "but", from `another` one named on: "sy udah aman
    di luar, anak sy masih di dalem…", "1 anak cepat ditolong, yg 1 lagi tenggelam") the danger goes on, someone is
    where they are in danger, still inside what burns or floods, or hurt past waiting. With no "but" at all, only
    the danger itself going on again is ("…udh padam, sekarang apinya nyebar ke rumah sebelah")."""
    at = next((k for k in range(start, len(said)) if said[k] in _BUT), None)
    if at is None and another:
        named = next((k - 1 for k in range(start, len(said)) if _another_named_at(said, k)), None)
        rest = said[start:]
        return (named is not None and _still_after(said, said[named + 1:])) \
            or (_goes_on(rest) and _still_dangerous(rest, _STILL_DANGEROUS - _HIDING))  # not the writer hiding
    return at is not None and _still_after(said, said[at + 1:])


def _still_after(said: list[str], after: list[str]) -> bool:
    told = {word.removesuffix("nya") for word in said}
    inside = _still_inside(after) and bool((_WATER_OR_FIRE | _DEPTHS | _RESCUES) & told)  # "…dievakuasi, tp nenek…"
    # one of a thief's band still inside: "malingnya udh kabur tapi temennya masih di dalam rumah"; not the writer's
    # own ("tapi anak sy masih di dalam kamar")
    accomplice = bool(THIEVES & told) and any(
        word in ("masih", "still") and {"dalam", "dalem", "inside"} & set(after[i + 1:i + 3])
        and _ACCOMPLICES & {w.removesuffix("nya") for w in after[max(0, i - 3):i]}
        and not (_FAMILY | _WE) & set(after[max(0, i - 3):i]) for i, word in enumerate(after))
    # "…, suami sy masih ngamuk": the "still" is of the one named, not the writer's
    still = _goes_on(after) or (bool(_STILL & set(after[:4])) and any(_another_named_at(after, k) for k in (0, 1)))
    # one of them not found: "…tp anak sy gk ada, terakhir di dalam rumah", "…namun 1 org blm ketemu"
    unfound = any(_a_person_at(after, k) for k in range(len(after))) and (any_phrase(after, _NOT_FOUND_YET) or (
        any_phrase(after, (("enggak", "ada"), ("tidak", "ada"))) and bool(_LAST_SEEN & set(after))))
    return inside or accomplice or unfound or _in_danger_where_they_are(after) or _hurt_now(after) \
        or (still and _still_dangerous(after, _STILL_DANGEROUS)) or _armed_there(after)


# Someone armed where the resident is, told after a "but": "sy udh di rs, tp mantan sy nunggu di depan rs bawa
# pisau". Not feared or supposed ("tp takut pelakunya balik lagi bawa golok"), nor a blade at its work (see
# _BLADES_AND_GUNS).


def _armed_there(after: list[str]) -> bool:
    return any(word in _CARRYING and _BLADES_AND_GUNS & set(after[k + 1:k + 3]) and not _negated(after, k)
               and not (FEAR | _WHAT_IF) & set(after[:k]) and not _at_its_work(after, k + 1)
               for k, word in enumerate(after))


_LAST_SEEN = frozenset({"terakhir", "dalam", "dalem", "inside", "last"})


_ACCOMPLICES = frozenset({"teman", "temen", "komplotan", "kawan", "pelaku", "orang", "satu", "1", "lagi", "lain"})


_SPREADING = frozenset({"nyebar", "menyebar"})  # a fire's when fire is told with it; news and smells spread too


def _still_dangerous(after: list[str], among: frozenset[str]) -> bool:
    plain = {word.removesuffix("nya") for word in after}
    return bool(among & plain) or bool(_SPREADING & plain and {"api", "fire", "kebakaran"} & plain)


# Another one than whoever was told safe or let out, named after it: one of the family, a victim, the other one.
_ANOTHER_NAMED = _FAMILY | _HOUSEHOLD | {"korban", "pelaku", "tetangga"}
_THE_OTHER = (("yang", "1", "lagi"), ("yang", "satu", "lagi"), ("satunya",), ("yang", "lain"), ("lainnya",))


def _another_named_at(said: list[str], at: int) -> bool:
    """Another one named at `at`, not denied ("gk ada korban") nor whose ("rumah nenek")."""
    return ((said[at].removesuffix("nya") in _ANOTHER_NAMED and not _owned(said, at))
            or any(said[at:at + len(other)] == list(other) for other in _THE_OTHER)) and not _negated(said, at)


def _hurt_now(said: list[str]) -> bool:
    """Someone told hurt as the words of a cry say it ("sesak napas"), badly, not breathing or awake ("skrg gk
    sadar"), or hurt and in no one's care yet ("bapak sy luka bakar, ambulans blm dtg")."""
    cared = _CARE_GIVEN & set(said) or any_phrase(said, _CARED_FOR)
    return any(not _negated(said, at) for _phrase, at in phrases_found(said, PHRASES)) or _still_at_risk(said) \
        or _not_breathing_or_awake(said) or (_unnegated(said, _INJURED) and not cared)


def _still_at_risk(said: list[str]) -> bool:
    """Someone hurt past help now, or badly ("sekarat", "luka parah"): see _STILL_AT_RISK; not what was so for a
    while and is well again ("sempat gk sadarkan diri 3 hari, skrg sudah sembuh")."""
    well_again = bool(_WELL_AGAIN & set(said))
    return bool(_STILL_AT_RISK & set(said)) or any(not (well_again and said[at - 1:at] == ["sempat"])
                                                   for _phrase, at in phrases_found(said, _HURT_BADLY))


def _overs_at(said: list[str]) -> list[int]:
    """Where a danger is told as over ("sudah padam", "udh bubar"); not asked ("udah ditangani blm?") nor disputed
    ("lho kok udh selesai?")."""
    # a fire put out told with relief is over too: "syukurlah cepat dipadamkan warga"
    return [i for i, word in enumerate(said)
            if word in _OVER and (_DONE_WORDS & set(said[max(0, i - 2):i])
                                  or (word in _FIRE_OUT and _OVER_AND_GLAD & set(said[max(0, i - 3):i])
                                      and not _UNDER_WAY & set(said[i - 1:i])))  # "lagi dipadamkan": not yet
            and not _NOT_YET_ASKED & set(said[i + 1:i + 3]) and not _OBJECTING & set(said[max(0, i - 4):i])]


_UNWELL_NOW = _UNWELL - {"hilang", "berhenti", "dingin"}  # not "ilang", "hujan berhenti", "air dingin"


def _over_but_still(said: list[str]) -> bool:
    """A danger told as over and after a "but" still going on or someone hurt ("api udh padam tapi masih ada korban
    di dalam", "cepet dipadamkan warga, tp bapak sy luka bakar, ambulans blm dtg"): what was over tells the danger."""
    rescued = [i for i, word in enumerate(said)
               if word in _RESCUED and (_DONE_WORDS | _OVER_AND_GLAD | _HASTENED) & set(said[max(0, i - 3):i])]
    # one rescued and unwell now: "alhamdulillah anak sy cepet ditolong warga, skrg lemas dan muntah2"
    unwell_now = any(_STILL & set(said[i + 1:]) and _unnegated(said[i + 1:], _UNWELL_NOW) for i in rescued)
    return unwell_now or any(_but_still(said, i + 1) for i in _overs_at(said) + rescued)


def _told_over(said: list[str]) -> bool:
    """Whether the danger is told as over ("sudah padam", "was caught") or those hurt in care ("sudah dibawa ke rs"),
    with no one still at risk or anything else going on."""
    if any(not _but_still(said, i + 1) for i in _overs_at(said)) and not _still_at_risk(said):
        return True
    routine = _routine(said)  # "blm pulang, biasanya jam 3 udh di rmh": when they are home, not that they are
    if any(not _but_still(said, at + len(phrase)) and at not in routine
           for phrase, at in phrases_found(said, _OVER_PHRASES)) and not _still_at_risk(said):
        return True
    # with a "now" said just before it: "skrg udh di igd"; not asked: "udah ditangani blm?"
    cared = [range(at - 1, at + len(phrase)) for phrase, at in phrases_found(said, _CARED_FOR)
             if not _NOT_YET_ASKED & set(said[at + len(phrase):at + len(phrase) + 2]) and not _negated(said, at)
             and not _CARE_NOT_GIVEN & set(said[max(0, at - 2):at])]
    # the badly hurt are in care, and nothing else goes on ("…tp pelakunya masih ngamuk", "…ada org ngamuk di ruangan
    # bawa pisau")
    return bool(cared) and "tolong" not in said and not any(word in _STILL and not any(i in span for span in cared)
                                                            for i, word in enumerate(said)) \
        and not ALWAYS & set(said[max(span.stop for span in cared):])


# A question of what to do if a danger came, asked at the message's opening: "kalo ada orang pingsan di jalan,
# lapornya ke mana?", "if someone is bleeding badly, what number do i call?". Not with a sign of now ("kalo ada org
# pingsan gini harus gimana", "…di rumah sy skrg", "tolong").
_SUPPOSED = frozenset({"kalau", "kalo", "jika", "bila", "apabila", "misal", "misalnya", "seandainya", "andai", "if"})
_SUPPOSED_OPENS = 5  # words before the "if" at most: "pak mau tanya, kalau …"
_ASKING = frozenset({"mana", "kemana", "gimana", "bagaimana", "harus", "apa", "berapa", "siapa", "ngapain", "boleh",
                     "what", "where", "who", "how", "should"})
_SIGNS_OF_NOW = _STILL | {"gini", "begini", "ini", "tolong", "barusan", "tadi", "lagi", "help", "sini", "here"}


def _asked_what_if(said: list[str]) -> bool:
    if not _SUPPOSED & set(said[:_SUPPOSED_OPENS + 1]):
        return False
    supposed = any(word in _SUPPOSED and said[k + 1:k + 2] not in _POLITE_IFS
                   for k, word in enumerate(said[:_SUPPOSED_OPENS + 1]))
    return supposed and bool(_ASKING & set(said)) and not _SIGNS_OF_NOW & set(said)


# "kalau bisa cepat", "kalo gk salah", "if possible": ways of asking or of hedging, no "if" of a danger
_POLITE_IFS = (["bisa"], ["boleh"], ["possible"], ["enggak"], ["tidak"])


# A brawl planned, not begun ("bsk mlm ada rencana tawuran di lapangan", "anak2 smk janjian tawuran minggu depan",
# "a gang brawl is planned for tomorrow"): a warning to report, no danger now, unless it is told going on already
# ("…, skrg mereka udh kumpul bawa celurit") or help is called.
_BRAWLS = frozenset({"tawur", "tawuran", "tawurannya", "bentrok", "bentrokan", "brawl", "brawls"})
_PLANNED = frozenset({"rencana", "rencananya", "berencana", "direncanakan", "merencanakan", "janjian", "planned",
                      "planning", "plan", "plans", "plotting", "arranged"})
_AHEAD = frozenset({"besok", "lusa", "tomorrow"})
_AHEAD_PHRASES = tuple(tuple(p.split()) for p in (
    "nanti malam", "nanti sore", "entar malam", "entar sore", "minggu depan", "malam minggu depan", "bulan depan",
    "next week", "this weekend"))
_PLANNED_AFTER = frozenset({"planned", "direncanakan", "arranged"})  # "a brawl planned", "tawuran yg direncanakan"
_PLAN_WITHIN = 4  # "ada rencana mau tawuran": the plan, then the brawl; not "tawuran, rencananya mau sy videoin"


def _planned_ahead(said: list[str]) -> bool:
    """Whether a brawl is told as planned, with the plan or the day ahead near it in its sentence, and nothing else
    of the message is a danger now ("ada rencana tawuran besok, anak sy dibacok" is a cry)."""
    brawls = [i for i, word in enumerate(said) if word in _BRAWLS]
    if not brawls or (_STILL | {"tolong", "help", "barusan"} | HURT | _STILL_AT_RISK) & set(said):
        return False
    ahead = [i for i, word in enumerate(said) if word in _AHEAD] + [i for _, i in phrases_found(said, _AHEAD_PHRASES)]
    for i in brawls:
        start = next((k + 1 for k in range(i - 1, -1, -1) if said[k] == _BREAK), 0)
        end = next((k for k in range(i + 1, len(said)) if said[k] == _BREAK), len(said))
        near = range(max(start, i - _PLAN_WITHIN), i)
        if set(said[near.start:i]) & _PLANNED or set(said[i + 1:min(i + 3, end)]) & _PLANNED_AFTER \
                or any(k in near for k in ahead):
            rest = said[:start] + said[i + 1:]  # what the message tells besides the plan
            return not (rest and is_cry_for_help(" ".join(rest)))
    return False


def _not_now(said: list[str]) -> bool:
    """Whether the danger is told as over, past, not real or planned ahead: "sudah padam", "semalam", "film", a
    fright that turned out nothing ("kirain begal ternyata temen sendiri"), asked of as what if (_asked_what_if), a
    brawl planned (_planned_ahead)."""
    if _make_believe(said) or _mistaken(said) or _joking(said) or _told_over(said) or _asked_what_if(said) \
            or _planned_ahead(said) or _harmer_held_or_away(said):
        return True
    if _goes_on(said):
        return False
    past = [i for i, word in enumerate(said) if word in _PAST]
    if _once(said) or (any(_telling_now(said, i) for i in range(len(said))) and not ({"ada"} | FEAR) & set(said)
                       and not _told_as_now(said) and not _in_danger_where_they_are(said)):
        return True  # "sy dipukul org di pasar legi, baru skrg berani lapor"; not "ada yg bawa golok, warga baru…"
    if not (_CALLED_NOW & set(said) or _in_danger_where_they_are(said)):
        past += [i for i, word in enumerate(said) if word in _WEEKDAYS and "ini" not in said[i + 1:i + 3]
                 and (said[i - 1:i] in (["hari"], ["pada"], ["on"]) or _DAY_PARTS & set(said[i + 1:i + 2]))]
    # Earlier today ("tadi subuh"), someone badly hurt may still need help; yesterday, help has come or will not.
    past += [i for phrase, i in phrases_found(said, _PAST_PHRASES)
             if not (phrase in _EARLIER_TODAY and _still_at_risk(said))]
    past += [i for i, word in enumerate(said) if _YEAR.match(word) and said[i - 1:i] in (["tahun"], ["in"])
             and (_WHEN_A_YEAR & set(said[max(0, i - 3):i - 1]) or said[max(0, i - 2):i - 1] in ([], [_BREAK]))]
    # "dulu thn 2022", "tahun 2019 sy pernah…" opening a sentence; not "motor beat tahun 2020"
    # "dari kemarin", "since an hour ago": until now
    return any(not (i and said[i - 1] in _SINCE) and not (said[i] == "ago" and _SINCE & set(said[max(0, i - 4):i]))
               and not _a_report_made_then(said, i) for i in past)


_WHAT_HAPPENED = frozenset({"kejadian", "peristiwa", "kasus", "insiden", "incident"})
_WANTING = frozenset({"mau", "ingin", "pengen", "pengin", "mo", "want"})


def _a_report_made_then(said: list[str], at: int) -> bool:
    """Whether the time at `at` is of a report made ("kemarin sy lapor, skrg anak sy tenggelam"), not of the danger
    told; not where the report is being made now, of what happened then ("mau lapor kejadian bulan lalu, …",
    "dikejar preman kemarin, mau lapor")."""
    near = range(max(0, at - 2), min(len(said), at + 4))  # "kemarin sy udh lapor"
    return not _WHAT_HAPPENED & set(said[max(0, at - 2):at]) \
        and any(said[k] in REPORTING and not (k and said[k - 1] in _WANTING) for k in near)


_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d)|;")  # not the "," of "1,5 juta"
_SENTENCE_END = re.compile(r"(?:[!?\n]|\.(?!\d)|(?<!\d)\.)+")  # not the "." of "02.00"
_FELL_ILL = re.compile(r"\bjatuh\s+sakit\b")


# A resident's name given first, before the story: "sy Agus, anak sy …", "sy Rina dari kel gedog, bapak sy …": no
# part of what happened, and whoever comes after it opens the story. A capitalised name: "sy dipukul, …" tells.
_INTRODUCED = re.compile(r"^\W*(?i:nama\s+)?(?i:saya|sy|aku|kulo)\s+[A-Z][\w'’-]*[^,.!?\n]{0,40},\s*")


def _sentences(text: str) -> list[str]:
    """The words as the lists hold them, with a _BREAK between sentences; a name given first left out."""
    return list(_read_words(text))


# Kept for the last texts read: each message is read by several of the readers here, and each new report's story
# is compared with the same open reports nearby (handlers.witnesses).
@lru_cache(maxsize=256)
def _read_words(text: str) -> tuple[str, ...]:
    text = _PASSIVE_APART.sub(_passive_joined, _INTRODUCED.sub("", text, count=1))
    said = [_as_listed(word) for sentence in _SENTENCE_END.split(text)
            for word in (*(word for clause in _CLAUSE_END.split(sentence) for word in (*words(clause), _CLAUSE)),
                         _BREAK)][:-1]
    while said and said[-1] in (_BREAK, _CLAUSE):
        said.pop()
    return tuple(_habit_before_now_left_out(_without_contrasts(said)))


# "…, biasanya aman", "dia biasanya sehat", "this usually never happens": a habit word that says how things are
# when nothing happens, told against the danger, is no habit of the danger: left out with what it says.
_CALM_AS_USUAL = frozenset({"aman", "sepi", "sehat", "baik", "normal", "tenang", "safe", "quiet", "healthy", "fine",
                            "never"})
_CONTRAST_REACH = 3  # words from the habit word to its calm: "biasanya dia sehat2 aja", "biasanya gk pernah gini"
_AS_USUAL = frozenset({"biasanya", "usually", "normally"})  # not "tiap hari" or "sering", which tell how often
_AROUND_THE_CALM = frozenset({"di", "sini", "situ", "sana", "here", "there", "around", "kok", "aja", "saja", "sih",
                              "kan", "lho", "pak", "bu", "gini", "begini", "gitu", "begitu", "happens", "happen"})


def _without_contrasts(said: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(said):
        if said[i] in _AS_USUAL:
            ahead = said[i + 1:i + 1 + _CONTRAST_REACH]
            calm = next((k for k, word in enumerate(ahead) if word in _CALM_AS_USUAL
                         or (word == "pernah" and k and ahead[k - 1] in NEGATIONS)), None)
            if calm is not None and _BREAK not in ahead[:calm]:
                i += calm + 2
                while i < len(said) and said[i] in _AROUND_THE_CALM:  # "…aman di sini", "…safe here"
                    i += 1
                continue
        out.append(said[i])
        i += 1
    return out


# "sering ada maling, skrg ada di dapur sy", "tiap malem ada maling, barusan masuk ke dapur", "thieves come often,
# now there is one in my kitchen": how often it happens, told before a clause that says it is there now, is no habit
# of what goes on now. That clause is only who is there and how, a place in or at a home, and whose: "sekarang warga
# ronda", "skrg sy mau lapor", "skrg di rumah sy udh ada cctv", "sekarang lagi marak" say no such thing.
_NOW_WORDS = frozenset({"sekarang", "barusan", "now"})
_THERE_NOW = THIEVES | PROGRESS | _NOW_WORDS | {"ini", "ada", "di", "ke", "masuk", "manjat", "naik", "yang",
                                                "orang", "dia", "one", "someone", "is", "there", "in", "into", "my",
                                                "the", "a", "at", "right", "pak", "bu", "tapi", "dan", "terus"}
# Someone said to be there: "skrg lagi di rumah" is the writer at home, "skrg rumah sy dijaga" places no one.
_PLACED = THIEVES | {"ada", "masuk", "manjat", "naik", "dia", "orang", "yang", "one", "someone", "is", "into"}
_WHOSE_PLACE = _WE | _OWNERS_BEFORE | {"rumah", "tetangga", "sebelah", "pak", "bu", "nih", "tuh", "tolong", "juga"}


def _there_now(clause: list[str]) -> bool:
    """Whether `clause` puts someone in a place of a home now, and says no more."""
    where = next((k for k, word in enumerate(clause) if word in _WHERE_IN_A_HOME), None)
    if where is None:
        return False
    before = [word.removesuffix("nya") for word in clause[:where]]
    # "ini ada di dapur", "lg ada yg manjat", "ada di dapur sy skrg", "in my kitchen right now"
    now = any(word in _NOW_WORDS or (word in ("ini", "lagi") and clause[k + 1:k + 2] and clause[k + 1] in _PLACED)
              for k, word in enumerate(clause))
    return now and bool(_PLACED & set(before)) and all(word in _THERE_NOW for word in before) \
        and all(word in _WHOSE_PLACE | _WHERE_IN_A_HOME | _NOW_WORDS | {"right"} for word in clause[where + 1:])


def _habit_before_now_left_out(said: list[str]) -> list[str]:
    """`said` without its clause marks, and without the habit words before a clause that tells one there now."""
    ends = [k for k, word in enumerate(said) if word in (_CLAUSE, _BREAK)] + [len(said)]
    now = next((start for start, end in zip([0] + [k + 1 for k in ends[:-1]], ends, strict=True)
                if _there_now(said[start:end])), None)
    kept = said if now is None or not HABITUAL & set(said[:now]) \
        else [word for word in said[:now] if word not in HABITUAL] + said[now:]
    return [word for word in kept if word != _CLAUSE]


# A passive's "di" written apart, as chat often does: "di kejar", "di-tusuk", "di ikutin", joined where the lists name
# the passive (_PASSIVES), before slang is spelt out; "di rumah", "di jalan" stay places, as no list names "dirumah".
_PASSIVE_APART = re.compile(r"\b(di)[\s-]+([^\W\d_]+)", re.IGNORECASE)


def _passive_joined(apart: re.Match[str]) -> str:
    joined = (apart[1] + apart[2]).casefold()
    return joined if _as_listed(joined) in _PASSIVES else apart[0]


# Words of violence at home said as such, of a threat, of sexual violence, of terror or extortion (stems): "kdrt",
# "diancam", "mau bunuh istrinya", "melecehkan", "neror", "diperas".
_AT_HOME_OR_THREATENED = frozenset({
    "kdrt", "ancam", "ngancam", "ngancem", "ngancemin", "diancem", "bunuh", "leceh", "cabul", "perkosa", "teror",
    "neror", "peras", "sekap", "threat", "threatened", "threatening", "threatens", "kill", "rape", "raped",
    "harass", "harassed", "harassing", "blackmail", "blackmailed", "stalking", "stalker", "abuse", "abused",
    "abusing",
})  # fmt: skip


def tells_of_violence_at_home_or_a_threat(text: str) -> bool:
    """Whether `text` tells of violence at home, a threat, sexual violence, terror or extortion, told as past or as
    habit too: a report whose mere existence the one it is about could use against the resident who made it."""
    said = _sentences(text)
    return _violence_at_home(said) or bool(set(stems_of(said, _AT_HOME_OR_THREATENED)) & _AT_HOME_OR_THREATENED) \
        or any_phrase(said, (("domestic", "violence"),)) or _a_blow_and_the_household(said) or _doused_at_home(said)


def _a_blow_and_the_household(said: list[str]) -> bool:
    """A blow and one of the household ("laki sy" too) anywhere in the story ("suami sy selingkuh dan sering nampar
    sy"): read wide, as what it guards is the resident who told, not an alarm."""
    return bool(_blows_at(said)) and bool((_HOUSEHOLD | {"laki"}) & {word.removesuffix("nya") for word in said})


def a_theft_and_nothing_more(text: str) -> bool:
    """Whether the text tells a theft and no more danger: a thief or a taking, no word of the moment, no call for
    help, nothing that needs another service, no weapon, blow, threat or hurt ("rumah sy dimasukin maling"; not
    "maling masuk bawa golok", "…, bapak sy dipukul"). Told after a time gone by, it is that time's."""
    said = _sentences(text)
    theft = bool(THIEVES & set(said)) or bool(THEFT_STEMS & set(stems_of(said, THEFT_STEMS)))
    return theft and not (PROGRESS | {"tolong", "help"}) & set(said) and not services_to_call(text) \
        and not any(word.startswith("emoji_") for word in said) and not _danger_beside_a_theft(said)


def _danger_beside_a_theft(said: list[str]) -> bool:
    roots = stems_of(said, ALWAYS)
    return any(root in ALWAYS or word in ALWAYS_WORDS | FIGHTS for word, root in zip(said, roots, strict=True)) \
        or bool(_blows_at(said)) or bool(HURT & set(said)) or next(phrases_found(said, PHRASES), None) is not None


# A wish to report a kind of violence, and nothing more told: "sy mau lapor penganiayaan", "i want to report a
# robbery". The kind names no danger now; what happened is asked next. Not a kind that is a cry however told (KDRT,
# a kidnapping, a rape, a killing, a fire), nor with anything else said ("…, sy dipukul preman barusan", "tolong").
_KINDS_TO_REPORT = frozenset({"penganiayaan", "pengeroyokan", "pembacokan", "penusukan", "perampokan", "pembegalan",
                              "begal", "perampasan", "penodongan", "tawuran", "pemukulan", "penjambretan",
                              "perkelahian", "robbery", "assault", "mugging", "stabbing", "beating"})
_AROUND_A_KIND = RESIDENT | _WANTING | REPORTING | {"pak", "bu", "mas", "mbak", "kak", "bang",
    "laporan", "laporkan", "bikin", "buat", "membuat", "kasus", "tindak", "soal", "tentang", "terkait", "adanya",
    "pidana", "min", "dong", "ya", "nih", "sih", "aja", "saja", "a", "an", "to", "would", "like", "make", "file"}


def _a_kind_to_report(said: list[str]) -> bool:
    return bool(REPORTING & set(said) and _WANTING & set(said)) and bool(_KINDS_TO_REPORT & set(said)) \
        and all(word in _KINDS_TO_REPORT | _AROUND_A_KIND or word == "dan" for word in said)


# Asked whether a kind of violence may be reported here, and nothing more told: "ini bisa buat lapor kdrt gk pak?",
# "sy mau nanya, kalo mau lapor kdrt bisa disini gk?", "can I report domestic violence here?". The question tells no
# danger now, and its answer names 110 all the same (menu.can_report). Not the wish said plainly ("mau lapor kdrt
# pak", "sy mau lapor kdrt, bisa disini?"), only supposed or beside the asking ("kalo mau lapor", "mau nanya"); nor
# with anything else said ("…? suami sy lg mukulin sy", "tolong", "skrg"); nor of a kidnapping, a rape, a killing or
# a fire ("bisa lapor penculikan disini?"), which stay cries.
_TAKEN_HERE = frozenset({"bisa", "boleh", "menerima", "terima", "melayani", "layani", "can", "could", "may", "accept",
                         "accepts", "take", "takes", "handle", "handles"})
_REPORTED = REPORTING | {"laporan", "laporkan", "dilaporkan", "dilaporin", "lapornya", "mengadu", "pengaduan",
                         "reports"}
_KINDS_ASKED_OF = _KINDS_TO_REPORT | {"kdrt"}
_VIOLENCE_AT_HOME_NAMED = (("domestic", "violence"), ("kekerasan", "dalam", "rumah", "tangga"))
_THIS_PLACE = frozenset({"sini", "here"})
# "disini", "kesini", "diterima": the lists name no such word, so that "di sini" is not joined into one (_PASSIVES)
_BEFORE_A_ROOT = ("di", "ke")
_ASKING_TO = frozenset({"tanya", "nanya", "bertanya", "ask"})
_AROUND_THE_QUESTION = RESIDENT | _ASKING_TO | {"pak", "bu", "mas", "mbak", "kak", "bang", "min", "ini", "di", "ke",
    "lewat", "via", "buat", "untuk", "soal", "tentang", "kasus", "apa", "apakah", "enggak", "tidak", "ya", "juga",
    "kah", "dong", "sih", "nih", "chat", "this", "is", "the", "place", "to", "a", "of", "do", "you", "for",
    "through"}


def _asked_whether_it_may_be_reported(said: list[str]) -> bool:
    told = set(said)
    taken = [word for word in said if word in _TAKEN_HERE or (word[:2] == "di" and word[2:] in _TAKEN_HERE)]
    named = {k for phrase, at in phrases_found(said, _VIOLENCE_AT_HOME_NAMED) for k in range(at, at + len(phrase))}
    if not ((_KINDS_ASKED_OF & told or named) and taken and _REPORTED & told):
        return False
    first_reported = next(k for k, word in enumerate(said) if word in _REPORTED)
    kinds = [k for k, word in enumerate(said) if word in _KINDS_ASKED_OF] + sorted(named)[:1]
    if any(k < first_reported and not (k and said[k - 1] in _SUPPOSED) for k in kinds):
        return False  # "kdrt pak, bisa lapor disini?": what goes on told first; not "kalo kdrt bisa dilaporin?"
    after = [*said[1:], _BREAK]
    return all(k in named or word in _KINDS_ASKED_OF | _REPORTED | _AROUND_THE_QUESTION or word in taken
               or word in _THIS_PLACE or (word[:2] in _BEFORE_A_ROOT and word[2:] in _THIS_PLACE) or word == _BREAK
               or (word in _WANTING and ((k and said[k - 1] in _SUPPOSED) or after[k] in _ASKING_TO))
               or (word in _SUPPOSED and after[k] in _WANTING | _KINDS_ASKED_OF)
               for k, word in enumerate(said))


_ABOUT_THE_LAW = frozenset({"pasal", "hukuman", "hukumannya", "undang", "uu", "kuhp", "sanksi", "pidana"})
_CLEANING = frozenset({"bersihin", "membersihkan", "bersihkan", "nyikat", "menyikat", "cleaning"})
_LEFT_IN_CARE = frozenset({"dititip", "dititipkan", "titip", "penitipan", "neneknya", "kerja", "daycare"})


# A dream told: "tadi mimpi dirampok", "ngimpi dibegal", "I had a nightmare that someone broke in". What is dreamt
# runs to the sentence's end, or to waking or to what turned out real ("td mimpi buruk, pas bangun ada maling di
# rumah skrg", "sy kira mimpi, ternyata beneran …"). A dream woken from ("kebangun dr mimpi, ada org di dapur", "I
# woke up from a bad dream and someone is in my house") or denied ("ini bukan mimpi") tells nothing dreamt.
DREAMS = frozenset({"mimpi", "bermimpi", "mimpiin", "ngimpi", "ngimpiin", "dream", "dreamt", "dreamed", "dreaming",
                     "nightmare"})
_WAKING = frozenset({"bangun", "kebangun", "terbangun", "woke", "wake", "awoke"})
_DREAM_ENDS = _WAKING | {"ternyata", "tapi", "beneran", "tiba", "sekarang", "but", "actually", "turned", "suddenly",
                         "now"}
_WOKEN_FROM = frozenset({"dari", "from"})


def dreamt_left_out(said: list[str]) -> list[str]:
    """The words of `said` without what a dream in them held; all of them where a life is at risk by one's own
    hand, heard however told ("sy mimpi buruk terus, pengen mati aja"), or the dream is what the danger is like
    ("kayak mimpi buruk pak, ada org masuk bawa golok")."""
    if any_phrase(said, SELF_HARM):
        return said
    kept: list[str] = []
    dreaming = False
    for i, word in enumerate(said):
        if word in DREAMS and not _negated(said, i) and not _AS_IN & set(said[max(0, i - 2):i]) and not (
                _WOKEN_FROM & set(said[max(0, i - 3):i]) and _WAKING & set(said[max(0, i - 6):i])):
            dreaming = True
        elif word == _BREAK or word in _DREAM_ENDS:
            dreaming = False
        if not dreaming:
            kept.append(word)
    return kept


def _asked_after_a_plea(text: str, said: list[str]) -> list[str]:
    """The words after a "tolong" that only opens a question or a look at one's report; the words as they are when
    it does not, or when it is shouted or for oneself and more is told after the question (_NO_PLEASE)."""
    if not said or said[0] != "tolong":
        return said
    opened = next((k for k, word in enumerate(said) if word not in _OPENING_A_PLEA), len(said))
    asking = next((k for k, word in enumerate(said[opened:opened + _WORDS_BEFORE_ASKING + 1], opened)
                   if word not in _BEFORE_ASKING), None)
    if asking is None or said[asking] not in _ASKING_FOR:
        return said
    told = [word for word in said[asking + 1:] if word not in _OPENING_A_PLEA | _BEFORE_ASKING | _ASKING_FOR]
    return said if told and _NO_PLEASE.match(text) else said[opened:]


# A loss that ends its clause: what follows is not what was lost ("adik sy ilang, hp nya ga aktif").
_LOSS_ENDS_A_CLAUSE = re.compile(r"\b(?:hilang|ilang|ngilang|menghilang)\s*[,.;!?]", re.IGNORECASE)


def _a_vehicle_after(said: list[str], at: int) -> bool:
    """"my car", "the van", "our truck": what was broken into is a vehicle, no one's home."""
    told = said[at:at + 2]
    return bool(told) and (told[0] in _VEHICLES or (told[0] in ("my", "our", "the", "a") and told[1:] != []
                                                     and told[1] in _VEHICLES))


# Most messages are one of the few answers every resident gives ("ya", "2", "kirim", "lewati"): their verdicts are
# kept, as the readers below take some 0.1 ms to clear even those. A story is read whole each time.
_AN_ANSWER = 24


def is_cry_for_help(text: str) -> bool:
    """Whether `text` says someone may be in danger now."""
    return _cry_in_an_answer(text) if len(text) <= _AN_ANSWER else _cry_for_help(text)


@lru_cache(maxsize=256)
def _cry_in_an_answer(text: str) -> bool:
    return _cry_for_help(text)


def _cry_for_help(text: str) -> bool:
    said = _sentences(text)
    if not said:
        return False
    if not DREAMS.isdisjoint(said):
        said = dreamt_left_out(said)
        if not said:
            return False
    said = _asked_after_a_plea(text, said)
    if not said:
        return False
    # "tolong pak 😭": emoji beside it say how, not what else is asked; and "TOLONGGG!!! …", a sentence of its own
    # before the rest ("TOLONG!!! rumah kemasukan orang"), unless the rest tells it over ("tolong!! motor sy dicuri
    # kemarin")
    plea = _the_plea(said)  # "selamat malam pak, tolong pak"
    if plea[0] in ("tolong", "sos"):
        first = plea[:plea.index(_BREAK)] if _BREAK in plea else plea
        if all(w in _ALONE_WITH or w.startswith("emoji_") for w in first) \
                and (first is plea or not _not_now(plea[len(first) + 1:])):
            return True
    if _a_kind_to_report(said):
        return False  # "sy mau lapor penganiayaan": a report of that kind begins
    if _asked_whether_it_may_be_reported(said):
        return False  # "ini bisa buat lapor kdrt gk pak?": answered, with 110 named, and a report of it begun
    if _asked_what_was_done(text, said):
        return False  # "did the police do anything about the break-in?": an earlier report asked after
    if _only_seen_on_a_feed(said):
        return False  # "liat di tiktok ada orang ditusuk": a video told, nothing of where or of now
    if _to_follow_the_dead(said):
        return True  # a wish to die told after a death, whenever the death was
    not_now = _not_now(said)
    for phrase, at in phrases_found(said, PHRASES):
        if len(phrase) == 1 and phrase[0] in THIEVES and _away_when_it_came(said, at):
            continue  # "we were out when the burglar came": a theft to report
        # a life at risk by one's own hand is denied only right before it ("gatau pengen mati aja" is a cry)
        denied = said[at - 1] in NEGATIONS if at and phrase in SELF_HARM else _negated(said, at)
        if denied or (not_now and phrase not in _PERSISTENT) or (phrase in SELF_HARM and _a_life_taken(said, at)):
            continue
        if _dying_of(said, tuple(phrase), at):
            continue  # "pengen mati ketawa liat video kucing ini"
        if _named_otherwise(said, tuple(phrase), at):
            continue  # "found a body of water", "a riot of laughter", "a snake in my house plant", "cant breathe lol"
        if _a_blow_of_no_harm(said, tuple(phrase), at) or (phrase in _FIGHT_PHRASES and _in_a_ring(said)):
            continue  # "he beats me at chess", "this song hits me hard", "adu jotos di ring tinju kampus"
        if phrase in _KILLED_TOLD and _our_side_beaten(said, at + len(phrase) - 1):
            continue  # "we got killed in the final": a game lost
        if phrase in _KILLED_TOLD and _no_one_to_save_killed(said):
            continue  # "my grandfather was killed in the war", "my dog was killed by a car"
        if phrase in _BLOWS_TAKEN - _ARMED_BLOWS and _a_blow_taken_in_a_bout(said, at):
            continue  # "kena tinju pas latihan tinju": the sport's
        if phrase == _TRODDEN and _trodden_on_by_chance(said, at):
            continue  # "kaki sy kena injak pas antri sembako, gpp"
        if phrase in _BLOWS_TAKEN and (_no_blow_after(said, at + len(phrase))
                                       or _a_blow_of_no_one(said, at + len(phrase))):
            continue  # "got kicked out of school", "was slapped with a fine", "kena tendang bola": no one's blow
        if phrase not in SELF_HARM and _joking(said):
            continue  # "…ngancem mau bunuh sy krn kalah main PS, bercanda doang"; self-harm is heard however told
        if phrase in _FOLLOWED and (_ONLINE & set(said) or (HABITUAL & set(said) and not _STILL & set(said))
                                    or _turned_out_harmless_after(said)):
            continue  # followed on Instagram, every day by a debt collector, or by an ojol after all
        if _TOOLS & set(phrase) and (HABITUAL & set(said) or _TOOL_WORK & set(said)):
            continue  # "tetangga bawa arit ke sawah tiap pagi": a tool at its work
        if phrase == ("broke", "into") and _a_vehicle_after(said, at + 2) and not _STILL & set(said) \
                and not (_FAMILY | {"inside", "me", "us"}) & set(said[at + 2:]):
            continue  # "someone broke into my car and stole my bag": a theft to report, the thief gone, no one in it
        if phrase == ("mau", "mati") and _a_thing_before(said, at):
            continue  # "hp sy mau mati", "motornya mau mati": a battery, an engine
        if (phrase in _SNAKE_INSIDE or phrase in _SNAKE_BITE) and (_SNAKE_KEPT | _PETS) & set(said):
            continue  # "tetangga pelihara ular kobra", "kucing sy digigit ular": a report, or the vet's
        if phrase in _UNRESPONSIVE and said[at + len(phrase):at + len(phrase) + 1] in (["for"], ["buat"], ["untuk"]):
            continue  # "wont wake up for dinner", "gk bisa dibangunin buat sekolah": asleep
        if phrase == ("kena", "air", "keras") and _CLEANING & set(said):
            continue  # "kena air keras pas bersihin wc": acid for the toilet
        if (phrase in _BURNT or phrase in _ACID) and _ABOUT_THE_LAW & set(said) \
                and not ({"tolong"} | _STILL) & set(said):
            continue  # "kalau luka bakar parah itu pasal berapa": a question of the law
        if phrase in _BABY_LEFT and _LEFT_IN_CARE & set(said):
            continue  # "bayi ditinggal ibunya kerja, dititip ke neneknya"
        if phrase in _LIVE_WIRE and _MENDING & set(said):
            continue  # a repair asked for: the line is known and not a danger now
        if GAS & set(phrase) and (LEAKING | {"kebocoran"}) & set(phrase) and _leak_stopped(said):
            continue  # "gas bocor, udah dicabut regulatornya": stopped; its smell ("bau gas") is still heard
        if GAS & set(phrase) and (LEAKING | {"kebocoran", "bau", "smell"}) & set(phrase) and _gas_talked_of(said):
            continue  # "mau tanya kalo gas bocor harus ngapain ya"
        if phrase in _BREATHLESS and (_NOT_NOW_BREATH & set(said[:at]) or _BREATH_CAUSES & set(said)
) \
                and not ({"tolong"} | _STILL) & set(said):
            continue  # "kalau kena debu sy sesak napas", "polusi pabrik bikin warga sesak napas": how it goes
        after = said[at + len(phrase):at + len(phrase) + 1]
        if phrase in _CHILD_PHRASES and after and after[0].removesuffix("nya") in _OWNED_THINGS \
                and not _LOSS_ENDS_A_CLAUSE.search(text):
            continue  # "adik sy ilang hp nya": the phone is what is lost; not "adik sy ilang, hp nya ga aktif"
        if phrase in _CHILD_PHRASES and (_found_again(said) or _whereabouts_known(said)):
            continue  # "…tapi sudah ketemu"
        if phrase not in _CHILD_PHRASES or at == 0 or said[at - 1] in _BEFORE_A_SUBJECT:
            return True
    if _violence_at_home(said) or _missing_person(said) or _taken_away(said) or _carried_off(said) \
            or _missing_one_asked_after(said):
        return True
    if _harmer_at_hand_again(said) or _they_are_missing(said) or _harmer_still_at_the_door(said) \
            or _thief_inside_asked_after(said):
        return True  # "the man who beat me last year is outside my house again right now"
    if _lost_in_water(said):
        return True  # "anak sy hanyut di kali tadi pagi, sampe skrg blm ketemu": still lost in the water
    if _assaulted_lately(said) or _not_seen_for_days(said) or _killed_lately(said):
        return True
    if _doused_lately(said):
        return True  # an attack with something hot: hurt, told as just past too
    if not_now:
        return _danger_told_now_after(said)
    if _over_but_still(said):
        return True
    if _alone_and_afraid(said):
        return True
    if _at_the_door(said) or _chased_in_danger(said) or _scalded(said) or _child_alone(said) or _child_found(said) \
            or _held_against_will(said) or _throwing_at_people(said) or _pelting_a_home_now(said) \
            or _left_in_a_car(said) or _exploded(said) \
            or _shooting_at_people(said) or _dragged_off(said) or _pursuing_now(said) \
            or _crushed_with_someone_inside(said) or _drunk_driving(said) or _stabbing_someone(said) \
            or _threatened_with_harm(said) or _locked_in_at_home(said) or _snatching_now(said) \
            or _snatcher_fleeing(said) or _come_in_and_still_there(said) or _someone_inside_while_alone(said) \
            or _overdosed(said) or _forced_into_a_vehicle(said) or _locked_in_against_will(said) \
            or _culprit_there_now(said) or _struck_while_taken_from(said) or _striking_someone(said):
        return True
    if _someone_sinking(said) and not _out_of_the_water(said):
        return True
    if _unnegated(said, ACCIDENTS) and (_unnegated(said, HURT) or _lying_still(said) or _a_person_dead(said)) \
            and not _a_small_scrape(said):
        return True
    if _struck_and_help_called(said):
        return True  # "tolong pak sy ditabrak motor di jl mastrip"
    if _gas_leaking(said) and not _leak_stopped(said) and not _gas_talked_of(said):
        return True  # not "…, udah dicabut regulatornya", "syukurlah udh diganti"
    cannot_get_out = (_cannot_get(said, ("keluar", "out", "bangun", "up")) or _cannot_walk(said)) \
        and bool((_SOMEONE | _FAMILY | _PERSONS) & set(said))
    if (_water_or_fire(said) or _water_rising(said)) and (_trapped(said) or _still_inside(said) or cannot_get_out):
        return True  # "air terus naik, sy sama bayi terjebak di loteng"
    if cannot_get_out and _still_inside(said) and _water_or_fire(said, going_down_too=True):
        return True  # "air reda dikit tp nenek sy masih di dalam rumah gk bisa jalan"
    if (_still_inside(said) or _water_rising(said)) and _rescue_awaited(said):
        return True  # "nenek sy masih di dalam rumah, belum dievakuasi": a rescue awaited tells the flood or fire
    if _water_or_fire(said) and any_phrase(said, _NO_ONE_HELPING) and not any_phrase(said, _SHALLOW):
        return True  # "air udh sedada, kami di atap rumah blm ada yg nolong"
    if not _NOT_A_HOME & set(said) and not _while_away(said) and any(
            not _negated(said, at) and not _by_the_household(said, at)
            and not (_phrase in _FORCING_EN and _WEATHER & set(said[max(0, at - 3):at]))
            for _phrase, at in phrases_found(said, _FORCING)):
        return True  # "ada yg maksa masuk pak"; not "maksa masuk parkiran tanpa karcis", "tidak ada yg maksa masuk"
    if any(word in _SHOCKED and not _negated(said, i) and _PERSONS_BEFORE & set(said[max(0, i - 3):i])
           and not _DEVICES & set(said[max(0, i - 3):i]) for i, word in enumerate(said)) \
            or any_phrase(said, _SHOCKED_AS):
        return True
    if _smoke_from_a_building(said):
        return True
    if _in_danger_where_they_are(said) or _sparking(said):
        return True
    fell_ill = _FELL_ILL.search(text.casefold()) is not None  # "jatuh sakit", not "jatuh, sakit, gak bisa bangun"
    fallen = any(word in ACCIDENTS and not (word == "jatuh" and fell_ill) and not _negated(said, i)
                 for i, word in enumerate(said))
    if fallen and _cannot_get(said, ("bangun", "bergerak", "gerak", "up")):
        return True
    if _fallen_unaware(said) or _victim_unaware(said) or _drowned_unaware(said):
        return True
    if _hiding(said) or _someone_where_no_one_should_be(said) or _afraid_to_come_out(said) or _intruder_there(said) \
            or _someone_in_the_home(said):
        return True
    if _stranger_outside_alone(said) or _lurking_at_the_home(said):
        return True
    if _not_breathing(said) or (_a_vehicle_in_the_water(said) and not _out_of_the_water(said)) or _collapsed(said):
        return True
    if _FLAMES & set(said) and _BURNING & set(said) and not _TAMED_FIRE & set(said):
        return True  # "apinya masih menyala", "api msh nyala": not a stove's, a candle's
    if {"api", "apinya", "fire"} & set(said) and "tolong" in said \
            and not (_TAMED_FIRE | {"kecil", "sampah"}) & {word.removesuffix("nya") for word in said}:
        return True  # "geni ne wis gedhe, tulung": a fire, and help called for
    roots = stems_of(said, ALWAYS | THEFT_STEMS)
    # "td malam ada yg nyoba congkel jendela, skrg orgnya lagi di belakang rumah": whoever tried is there now
    someone_still_there = still_there_now(text)
    for i, (word, root) in enumerate(zip(said, roots, strict=True)):
        if _negated(said, i):
            continue
        if someone_still_there and (root in THEFT_STEMS or word.removesuffix("nya") in THIEVES) \
                and not _away_when_it_came(said, i):
            return True
        if root in _TAKING or word in _TAKEN_WORDS:
            continue  # someone taken is _taken_away's to read: a thing held, hearsay or long ago is no cry
        if (word in _TOOLS and _at_its_work(said, i)) \
                or (word in _TOOLS | {"knife", "machete"} and _TOOL_CARE & set(said[max(0, i - 3):i + 6])) \
                or (word in _BLADES and _BLADE_CARE & set(said[max(0, i - 3):i + 6])) \
                or _own_kitchen_knife_cared_for(said, i):
            continue  # "bawa golok tp buat babat rumput": a tool at its work; "pisau sy tumpul": one to mend
        if _a_toy(said, i):
            continue  # "bawa pistol air, main perang2an": a game
        if word in _DOING_ONLY and not (i > 1 and said[i - 1] in _BEING | {"is", "s"} and said[i - 2] != _BREAK):
            continue  # "tips to avoid mugging", "is mugging common?": a word of it; "a man is mugging an old lady"
        if word in _STRANGLING and said[i + 1:i + 2] and said[i + 1].removesuffix("nya") in _STRANGLED \
                and (_PEOPLE | _OUTSIDERS | {"yang", "dia", "pelaku"}) & set(said[max(0, i - 4):i]):
            return True  # "pacar sy nyekik sy"; not "harga cabe nyekik banget", "cicilan pinjol nyekik sy"
        if word == "kebakar" and (_SUN & set(said[i + 1:i + 3]) or _SINGED & set(said[max(0, i - 3):i])
                                  or HABITUAL & set(said[max(0, i - 3):i + 3])):
            continue  # "kulit sy kebakar matahari", "nasi sy kebakar", "sampah kebakar tiap sore": no fire to put out
        if word in _THREATENING and (_NO_HARM_THREATENED & set(said[i + 1:i + 4]) or a_thing_threatens(said, i)):
            continue  # "pinjol ngancem nyebar data sy": a threat to report; "pohon … ngancam rumah": no one's deed
        if word in _THREATENING and _job_or_pay_threatened(said, i):
            continue  # "bos sy ngancem mau mecat sy": a job, not a life
        if word in _THREATENING and _grades_threatened(said, i):
            continue  # "guru ngancam nilai anak sy jelek kalau gk ikut les": grades, not a life
        if word in _THREATENING and _eviction_for_rent(said, i):
            continue  # "pemilik kontrakan ngancam ngusir sy kalau gk bayar": a home's rent, not a life
        if word in _THREATENING and _habit_to_keep_order(said, i):
            continue  # "preman ngancam warga tiap malam, tolong ditertibkan": order asked for, no help now
        if word == "fire" and said[i - 1:i] and said[i - 1] in _TO_DO and said[i + 1:i + 2] \
                and said[i + 1] in _STAFF \
                and (said[i - 1] != "to" or said[i - 2:i - 1] in ([w] for w in _FIRING_MEANT)):
            continue  # "my boss threatened to fire me": a dismissal; not "we woke up to fire all around"
        if word == "darurat" and said[i - 1:i] and said[i - 1] in _NUMBER_OF:
            continue  # "nomor darurat polisi brp": the number asked for
        if word in ("nodong", "nodongin") and _ASKING_TO_PAY & set(said):
            continue  # "temen kantor nodong minta traktiran": asked to pay, not held up
        if word in ("dikepung", "mengepung", "ngepung") and _NOT_BY_PEOPLE & set(said[i + 1:i + 3]):
            continue  # "rumah sy dikepung banjir": water, not people
        if word in _POISONED and (_NOT_PEOPLE_HARMED & set(said)):
            continue  # "kambing sy keracunan", "gigi sy dibius dokter": no one at risk
        if (root == "bunuh" or word == "murdered") and _no_one_to_save_killed(said):
            continue  # "kakek sy dibunuh tentara belanda waktu perang", "kucing sy dibunuh tetangga"
        if root == "bunuh" and vermin_killed(said, i):
            continue  # "bunuh nyamuk pake raket", "lg bunuh kecoa di dapur": vermin, no one at risk
        if (root == "bunuh" or word == "ngebunuh") and said[i + 1:i + 2] in ([w] for w in _IDLE_TIME) \
                and not (_PERSONS | _WE | {"dia", "mereka", "itu"}) & set(said[i + 2:i + 3]):
            continue  # "ngebunuh waktu di mall": time killed; not "…bunuh waktu sy tidur" (when I sleep)
        if word in _BEATEN_WORDS | {"dibantai"} and said[i + 1:i + 2] in ([w] for w in _WORKLOAD):
            continue  # "sy dihajar deadline", "dibantai tugas kuliah": work piled on
        if root == "bantai" and _beaten_in_a_game(said, i):
            continue  # "timnya dibantai 5-0": a score
        if (root == "bantai" or word == "murdered") and _our_side_beaten(said, i):
            continue  # "kami dibantai di final", "they murdered us 4-0": a game lost
        if word in _BEATEN_WORDS and _beaten_at_a_game(said, i):
            continue  # "tim kami dihajar 3-0", "our team got beaten 2-1"
        if word == "bom" and _NO_BOMB & set(said[max(0, i - 2):i + 3]) and "ancaman" not in said:
            continue  # "promo bom cashback", "bom chat": a flood of something, no bomb
        if root in _STREET_CRIMES and HABITUAL & set(said[max(0, i - 4):i + 3]) \
                and not (_CALLED_NOW | _JUST_NOW) & set(said):
            continue  # "sering ada begal kalo malem": a place to report as unsafe; not "…, sy barusan dibegal"
        if word in _BRAWL_WORDS and HABITUAL & set(_said_before(said, i) + said[i:i + 3]) \
                and not (_CALLED_NOW | _JUST_NOW) - (_STILL if _now_to_report(said) else set()) & set(said):
            continue  # "sering ada begal kalo malem": a place to report as unsafe; not "…, sy barusan dibegal"
        if (root == "pukul" or word in ("pukul", "dipukul")) and _at_oclock(said, i):
            continue  # "motor sy hilang di pukul 2 pagi": two o'clock, no blow
        if word in ("ditembak", "ditembaki") and _NOT_SHOT & set(said[i + 1:i + 3]):
            continue  # "ditembak pertanyaan sama dosen", "gw ditembak gebetan": questions, or asked out
        if word == "shooting" and _FILMING & set(said[max(0, i - 2):i + 3]):
            continue  # "photo shooting di taman": a camera's
        if word == "fire" and said[i - 1:i] in (["is"], ["s"], ["so"]) and _PRAISED & set(said[max(0, i - 4):i]):
            continue  # "this song is fire": praise
        if _likened(said, i) \
                and (_ACHING | _PRICES | _STINGING_CARE) & ({w.removesuffix("nya") for w in said[:i]} | set(said[:i])) \
                and not _ACHING_BADLY & {w.removesuffix("nya") for w in said}:
            continue  # "kepala sy pusing kayak dipukul palu": how it aches; "harga tiket kayak dirampok": a price
        if word == "murder" and _an_ordeal_likened(said, i):
            continue  # "traffic is murder today": a hard time, no one killed
        if root == "rampok" and _a_fine_likened(said, i):
            continue  # "kena tilang, dompet sy dirampok polisi hehe": a fine paid, told as a robbery
        if word in ALWAYS_WORDS and stems_of([word], _BLOWS)[0] in _BLOWS and _dealt_by_a_beast(said, i):
            continue  # "sy ditendang kambing pas ngasih makan": the animal's
        if root in ALWAYS or word in ALWAYS or word in ALWAYS_WORDS:
            return True
        if word in FIGHTS and _no_fight(said, i):
            continue  # "I am fighting a cold", "anak2 berantem rebutan remote tv"
        if (word in FIGHTS or root in FIGHTS) and not HABITUAL & set(said):
            return True
        if word == "hit" and _a_thing_hit(said, i):
            continue  # "someone hit my car in a parking lot": a vehicle struck, no one hurt told
        if word == "pukul" and said[i + 1:i + 2] in ([w] for w in _BEATEN_CLEAN) \
                and _blows_at(said) == [i]:
            continue  # "tukang pukul kasur": a carpet beater sold; not "tukang pukul kasur mukul anak sy"
        if word == "hit" and _a_blow_of_no_harm(said, ("hit",), i):
            continue  # "these lyrics hit me different"
        if word in ("pukul", "hit") and (_a_blow_taken_in_a_bout(said, i) or _traded_in_a_ring(said, i)):
            continue  # "got hit in the face during boxing practice", "adu pukul di ring tinju": the sport's
        if word in ("pukul", "hit") and i + 1 < len(said):
            return True  # "dipukul" stems to "pukul", read above when it is a time
        if root in THEFT_STEMS and said[i - 1] not in _TRACES and any(
                w in PROGRESS and not _resident_now(said, k) for k, w in enumerate(said[:i]) if k >= i - 3):
            return True
        # "ada maling", "maling masih di dalam"; not "dipecah maling, ada saksinya" (a witness is there), nor one
        # there earlier ("td ada copet di busway"), while the resident was away ("pas sy mudik") or found out later
        # ("dibobol maling, ketahuan jam 5 subuh")
        if word.removesuffix("nya") in THIEVES and not HABITUAL & set(said) and not _while_away(said) \
                and not _away_when_it_came(said, i) \
                and not _seen_earlier(said, i) and not _feared_or_reported(said, i) and not _found_out_then(said) \
                and (any(w in PRESENCE for w in said[max(0, i - 3):i])  # "sering ada jambret"
                     or any(w in PRESENCE - {"ada"} or (w == "ada" and said[k + 1:k + 2] in (["di"], ["sini"]))
                            for k, w in enumerate(said[i + 1:i + 4], i + 1))):
            return True
    return _danger_told_now_after(said)


# Someone in danger where they are, now: about to jump from a height ("ada cewe di pinggir jembatan kayak mau
# lompat"), trapped, pinned or buried ("ada org kejebak di sumur", "ada yg ketimbun longsor", "anak sy kekunci di
# dalem mobil"), shut in by someone ("sy dikurung pacar", "ada yg nyekap cewek"). A person right before it (after
# it, for who is shut in by a deed: "nyekap cewek"): "motor sy ketiban pohon" is a thing, "kekunci di luar" a door,
# "terjebak pinjol" and "ketiban sial" no place at all; let out or safe is over ("udah dibuka satpam", "aman kok").
_JUMPING = frozenset({"lompat", "loncat", "terjun", "melompat", "meloncat", "jump", "jumping"})
_ABOUT_TO = frozenset({"mau", "akan", "hendak", "ingin", "pengen", "pingin", "about", "going", "want", "wants"})
_HEIGHTS = frozenset({"jembatan", "gedung", "atap", "lantai", "tower", "menara", "flyover", "tebing", "jurang",
                      "bridge", "roof", "building", "ledge", "cliff"})
_STUCK = _TRAPPED | frozenset({"kejebak", "terjepit", "kejepit", "terkunci", "kekunci", "kekurung", "terkurung",
                               "nyangkut", "tersangkut", "stuck", "tertimpa", "ketimpa", "ketiban", "kejatuhan",
                               "tertimbun", "ketimbun", "terkubur", "pinned", "buried"})
_SHUT_IN_BY = frozenset({"dikurung", "dikurungin", "disekap", "dikunci", "dikunciin"})  # who is held comes before
_SHUTTING_IN = frozenset({"ngurung", "nyekap", "nyekep"})  # who is held comes after: "nyekap cewek"
_NOT_STUCK = frozenset({"macet", "mudik", "balik", "tol", "traffic", "luar", "outside", "hujan", "rain", "pinjol",
                        "hubungan", "toxic", "pernikahan", "pekerjaan", "kontrak", "durian", "buah", "kelapa",
                        "pinjaman", "investasi", "utang", "hutang", "kredit", "rentenir", "musibah", "sial", "rejeki",
                        "rezeki", "ekonomi", "masalah", "cinta", "arisan", "judi", "bodong", "penipuan", "modus",
                        "debt", "loan", "scam"})
_LET_OUT = frozenset({"aman", "selamat", "dibuka", "dibukain", "dievakuasi", "ditolong", "diselamatkan", "dikeluarkan",
                      "dikeluarin", "rs", "puskesmas", "dirawat", "klinik", "safe", "rescued", "freed", "hospital",
                      "opened"})
_PEOPLE = _PERSONS_BEFORE | _SOMEONE | _FAMILY | {"cewe", "cewek", "cowok", "cowo", "bocah", "korban", "org", "teman",
                                                  "temen", "penumpang", "pengendara", "sopir", "supir", "pekerja",
                                                  "tukang", "warga", "pacar", "passenger", "driver", "worker"}
_ABOUT_A_PERSON = frozenset({"kecil", "lagi", "masih", "sudah", "sedang", "itu", "ini", "tua", "muda", "perempuan",
                             "laki", "saya", "aku", "kami", "dua", "tiga", "is", "are", "was", "were", "got"})
_BEFORE_A_PERSON = frozenset({_BREAK, "ada", "pak", "bu", "tolong", "dan", "tapi", "terus", "lalu", "sekarang",
                              "tadi", "kok", "ya", "masih", "lagi", "karena", "soalnya", "a", "the", "there", "help"})


def _about_to_jump(said: list[str]) -> bool:
    return bool(_HEIGHTS & set(said)) and any(
        word in _JUMPING and said[i - 1:i] and said[i - 1] in _ABOUT_TO and not _negated(said, i - 1)
        for i, word in enumerate(said))


def _in_danger_where_they_are(said: list[str]) -> bool:
    if _about_to_jump(said):
        return True
    for i, word in enumerate(said):
        if word not in _STUCK | _SHUT_IN_BY | _SHUTTING_IN or _negated(said, i) \
                or _NOT_STUCK & set(said[i + 1:i + 5]) or _done(said[i + 1:], _LET_OUT):
            continue
        if word in _SHUTTING_IN:
            if said[i + 1:i + 2] and said[i + 1].removesuffix("nya") in _PEOPLE:
                return True  # "ada yg nyekap cewek"; not "sy ngurung ayam"
        elif _a_person_before(said, i):
            return True  # "ada org kejebak", "anak sy kekunci", "teman saya terjebak di lift"
    return False


def _pinned(said: list[str]) -> bool:
    """Trapped, pinned or buried (an ambulance's): not only shut in ("dikurung", "disekap")."""
    return _in_danger_where_they_are([w if w not in _SHUT_IN_BY | _SHUTTING_IN else "" for w in said])


def _a_person_before(said: list[str], at: int) -> bool:
    """Whether the one `at` tells of is a person named right before it, and no thing of theirs ("ada org kejebak",
    "ada 2 orang tertimbun"; not "motor sy ketiban pohon", "ayam tetangga dikurung")."""
    k = at - 1
    while k >= 0 and (said[k] in _ABOUT_A_PERSON or said[k].isdecimal()) and said[k] not in ("saya", "aku", "kami"):
        k -= 1
    if k >= 0 and said[k] in ("saya", "aku", "kami"):  # the resident, or whose: "anak sy", not "motor (anak) sy"
        return k == 0 or said[k - 1] in _BEFORE_A_PERSON or (said[k - 1].removesuffix("nya") in _PEOPLE
                                                             and not _owned(said, k - 1))
    if k < 0 or said[k].removesuffix("nya") not in _PEOPLE:
        return False
    whose = said[k - 1] if k else _BREAK
    return whose in _BEFORE_A_PERSON or whose.isdecimal() or whose.removesuffix("nya") in _PEOPLE


def _a_person_dead(said: list[str]) -> bool:
    """Whether a person is told dead with "mati" ("ada org mati ditabrak di depan"; not "kucing sy mati ketabrak
    motor", "motor sy mati"), which is a battery's and an engine's word too."""
    return any(word == "mati" and not _negated(said, k) and _a_person_before(said, k) for k, word in enumerate(said))


# English phrases of a cry that go on to name something else: "found a body of water", "a body shop", "a body of a
# cat", "turned into a riot of laughter", "a snake in my house plant"; or told laughing ("i cant breathe lol this meme
# is too funny", "a body in the gym is sweaty lol").
_NOT_A_BODY = frozenset({"shop", "wash", "lotion", "spray", "paint", "part", "parts"})
_BODIES_OF = frozenset({"water", "work", "evidence", "knowledge", "cat", "dog", "bird", "rat", "snake", "fish", "cow",
                        "goat", "chicken", "monkey"})  # "a body of a cat"; not "a body of a man"


def _named_otherwise(said: list[str], phrase: tuple[str, ...], at: int) -> bool:
    """Only this branch's English phrases ("found a body", "a snake in my house", "into a riot"); "dead body", "venomous
    snake" and the rest are read as before."""
    after = said[at + len(phrase):at + len(phrase) + 3]
    if "body" in phrase and phrase != ("dead", "body"):
        return bool(_NOT_A_BODY & set(after[:1])) or (after[:1] == ["of"] and bool(_BODIES_OF & set(after[1:3])))
    if phrase[0] == "snake":
        return after[:1] in (["plant"], ["plants"])
    if phrase == ("into", "a", "riot"):
        return after[:1] == ["of"]
    return False


# A fall with a small wound told as small ("anak sy jatuh pas main bola, lututnya luka dikit", "fell off his bike,
# just a small cut"): no one to rescue. Not a crash, nor a wound told more than small, nor help called for.
_FALLS = frozenset({"jatuh", "terjatuh", "fell", "fallen"})
_SMALL = frozenset({"dikit", "sedikit", "kecil", "ringan", "doang", "aja", "saja", "minor", "small", "little",
                    "tiny", "lecet"})
_NOT_SMALL = frozenset({"parah", "banyak", "pingsan", "patah", "tolong", "help", "kepala", "dalam", "dalem",
                        "badly", "serious", "seriously", "head", "unconscious", "lots", "deep", "tinggi", "lantai",
                        "atap", "jurang", "tebing", "gedung", "roof", "floor", "cliff", "stairs", "tangga",
                        "motor", "mobil", "truk", "angkot", "bus", "ojek", "kendaraan", "motorbike", "car"})


def _a_small_scrape(said: list[str]) -> bool:
    told = {w.removesuffix("nya") for w in said}
    if not (ACCIDENTS & told) <= _FALLS or _NOT_SMALL & told:
        return False
    hurts = [k for k, w in enumerate(said) if w in HURT]
    return bool(hurts) and all(said[k] in ("luka", "hurt") and _SMALL & set(said[max(0, k - 2):k + 3])
                               for k in hurts)


# Someone lying still after an accident, in English ("car accident the driver is not moving"); the Indonesian "tidak
# bergerak" is a cry of its own (PHRASES).
_LYING_STILL = (("not", "moving"), ("isn", "t", "moving"), ("isnt", "moving"), ("not", "breathing"),
                ("isn", "t", "breathing"), ("won", "t", "move"), ("can", "t", "move"), ("doesn", "t", "move"),
                ("not", "responding"), ("unresponsive",), ("lifeless",))
# Who lies still is a person named before it: "the car won't move", "traffic not moving", "my leg doesn't move" are not.
_LYING_ONES = frozenset({"driver", "rider", "victim", "victims", "someone", "somebody", "man", "woman", "boy", "girl",
                         "kid", "child", "baby", "he", "she", "they", "him", "her", "person", "people", "biker",
                         "cyclist", "pedestrian", "passenger", "motorist", "guy", "lady", "son", "daughter", "husband",
                         "wife", "mother", "father", "mom", "dad", "brother", "sister", "friend", "body"})


def _lying_still(said: list[str]) -> bool:
    return any(_LYING_ONES & set(said[:at]) for _phrase, at in phrases_found(said, _LYING_STILL))


# An accident told with a call for help ("tolong pak sy ditabrak motor", "help, there's been a crash"): someone may be
# hurt though it is not said. The one struck or fallen is a person ("motor sy ditabrak" is a thing); the "tolong"
# stands alone or before who or what ("tolong ada…", "tolong anak sy…"), not as "please" ("tolong ditindak"); not
# with no one hurt or a scratch told ("gk ada yg luka", "cuma lecet").
_ACCIDENT_NOUNS = frozenset({"kecelakaan", "tabrakan", "crash", "accident", "collision"})
_GRAZED = frozenset({"diserempet", "keserempet", "terserempet"})
_HELP_CALLED_BEFORE = _ALONE_WITH | _PEOPLE | {_BREAK, "ada", "there", "someone", "i", "we"}
_ONLY_A_SCRATCH = frozenset({"lecet", "baret", "penyok", "aman", "selamat", "minor", "scratch", "fine", "ok", "okay"})


def _struck_and_help_called(said: list[str]) -> bool:
    if not {"tolong", "help"} & set(said):
        return False
    called = any(word in ("tolong", "help") and (k + 1 == len(said) or said[k + 1] in _HELP_CALLED_BEFORE)
                 for k, word in enumerate(said))
    if not called or _ONLY_A_SCRATCH & set(said) or any(_negated(said, i) for i, word in enumerate(said)
                                                          if word in HURT):
        return False
    return any(word in ACCIDENTS | _GRAZED and not _negated(said, i)
               and (word in _ACCIDENT_NOUNS or _a_person_before(said, i)) for i, word in enumerate(said))


# A wire come down alight: "kabelnya nyala2 di jalan", "kabel listrik memercik api"; not a lamp on, a fault that
# recurs or is to be mended ("kabel listrik sering konslet, minta diperbaiki").
_SPARKS = frozenset({"nyala", "menyala", "percikan", "memercik", "mercik", "konslet", "korslet", "berapi", "api",
                     "sparking", "sparks"})


_ASKED_FOR = (("mau", "lapor"), ("minta",), ("mohon",))  # a fault reported to be seen to, not a danger now


_UNPLUGGED = frozenset({"dicabut", "dimatikan", "unplugged"})
# A gas leak told by the gas ("gasnya bocor") or what holds it ("tabungnya masih bocor", "regulatornya bocor"); it
# is stopped when unplugged or mended and no leak or fire is told after that ("udh dicabut regulatornya tp gas masih
# bocor", "…, udh diganti selangnya tp masih bocor juga", "…, kompor udh dimatikan, tp ada percikan api"), nor a
# sign that it goes on: a hiss, a sharp smell, someone dizzy or sick ("…, tp baunya masih nyengat, anak2 pusing").
_GAS_HELD = GAS | {"tabung", "regulator"}
_CATCHING_FIRE = frozenset({"api", "percikan", "nyambar", "menyambar", "kebakaran", "terbakar", "meledak", "fire"})
_STILL_ESCAPING = frozenset({"desis", "mendesis", "berdesis", "nyengat", "menyengat", "pusing", "mual", "muntah",
                             "sesak", "pingsan", "lemas", "lemes", "hissing", "dizzy", "nauseous"})


# A leak asked about, supposed or told of in general, each time it is told: "mau tanya kalo gas bocor harus ngapain",
# "gimana cara ngecek gas bocor", "what should i do if i smell gas", "tabung gas 3kg sering bocor, belinya dimana".
# Not with a sign of a leak now: "gini" (like this one), a smell that stings, someone dizzy, "tolong", still or again
# ("kalo gas bocor gini harus ngapain", "sering bocor, skrg bocor lagi"); "gas bocor, harus ngapain??" asks nothing
# before the leak, and is one.
_SUPPOSING = frozenset({"kalau", "kalo", "klo", "jika", "bila", "apabila", "misal", "misalnya", "seandainya", "andai",
                        "cara", "caranya", "tips", "mencegah", "cegah", "menangani", "mengatasi", "ngatasi",
                        "mengecek", "cek", "tanda", "ciri", "if", "how", "prevent"})
_LEAKING_OFTEN = HABITUAL | {"gampang", "mudah", "suka"}
_GAS_NOW = _STILL_ESCAPING | {"gini", "begini", "tolong", "help", "masih", "lagi", "sedang", "still", "now"}
_SUPPOSED_REACH = 4  # words before the leak where the "if" or the "how" stands
# Words before the leak where "sering" or "gampang" tells its habit: "tabung gas sering bocor"; not a habit of
# something else told before it ("tetangga berisik tiap malam, gasnya bocor").
_OFTEN_REACH = 2


def _gas_talked_of(said: list[str]) -> bool:
    if (_GAS_NOW | {"banget", "sekali"}) & set(said) or any_phrase(said, (("dari", "tadi"),)):
        return False
    leaks = [i for i, word in enumerate(said) if word.removesuffix("nya") in LEAKING | {"kebocoran"}
             or (word in ("bau", "smell") and said[i + 1:i + 3] and GAS & set(said[i + 1:i + 3]))]
    return bool(leaks) and all(
        _LEAKING_OFTEN & set(said[max(0, i - _OFTEN_REACH):i]) or _SUPPOSING & set(said[max(0, i - _SUPPOSED_REACH):i])
        for i in leaks)


def _gas_leaking(said: list[str]) -> bool:
    plain = [word.removesuffix("nya") for word in said]
    return _unnegated(plain, _GAS_HELD) and _unnegated(plain, LEAKING)


def _leak_stopped(said: list[str]) -> bool:
    stopping = _UNPLUGGED | _MENDING
    if not _done(said, stopping):
        return False
    last = max(i for i, word in enumerate(said) if word in stopping)
    return not any(word.removesuffix("nya") in LEAKING | _CATCHING_FIRE | _STILL_ESCAPING and not _negated(said, k)
                   for k, word in enumerate(said[last + 1:], last + 1))
_HOUSE_WIRES = frozenset({"data", "usb", "antena", "headset", "speaker"})  # a device's cable


def _sparking(said: list[str]) -> bool:
    if (HABITUAL | _MENDING | _UNPLUGGED | {"lampu", "lamp"}) & set(said) or any_phrase(said, _ASKED_FOR):
        return False
    return any(word.removesuffix("nya") in ("kabel", "wire") and _SPARKS & set(said[i + 1:i + 5])
               and not (_DEVICES | _HOUSE_WIRES) & set(said[max(0, i - 2):i + 3]) for i, word in enumerate(said))


def _smoke_from_a_building(said: list[str]) -> bool:
    """Smoke pouring from a building ("asap item banyak keluar dr jendela"), not from cooking, an exhaust or rubbish."""
    return bool(_SMOKE & set(said) and _SMOKE_HEAVY & set(said) and _BUILDING & set(said)
                and not _SMOKE_ELSEWHERE & set(said))


# A blade at its everyday work: "bawa golok buat babat rumput", "parang untuk ke kebun".
_TOOLS = frozenset({"golok", "parang", "celurit", "clurit", "pisau", "sabit", "arit"})
_TOOL_WORK = frozenset({"babat", "rumput", "kebun", "sawah", "ladang", "masak", "kayu", "bambu", "panen", "kurban",
                        "ngarit", "qurban"})
_FOR = frozenset({"buat", "untuk", "for"})
# A blade as a thing to mend, buy or sell: "pisau dapur sy tumpul, asahnya dimana", "jual golok asli".
_TOOL_CARE = frozenset({"tumpul", "asah", "asahnya", "mengasah", "ngasah", "diasah", "karatan", "berkarat", "beli",
                        "belinya", "membeli", "jual", "dijual", "harga", "harganya", "merk", "sharpen", "dull", "rusty",
                        "buy", "sell"})
# The English plurals of this branch's ALWAYS ("knives", "machetes") are also cared for in words main never read.
_BLADES = frozenset({"knives", "machetes"})
_BLADE_CARE = _TOOL_CARE | {"bought", "sold", "sharpened", "sharpening", "legal", "permit", "cooking"}
_DOING_ONLY = frozenset({"mugging", "robbing", "strangling", "brawling"})  # a cry where someone is at it
# The writer's own kitchen knife bought or sharpened, and nothing more told: "i sharpened my kitchen knife this
# morning", "where can i buy a good kitchen knife?". Every word one of these few: anyone else ("he's back and has a
# kitchen knife he bought", "my brother is waving one"), or anything else told, may make the knife a danger.
_KITCHEN_KNIFE_CARE = _BLADE_CARE | {"blunt", "buy", "bought", "sharpen", "sharpened", "new", "sharp", "sharpener"}
_THE_WRITER_OWNS = frozenset({"i", "my", "we", "our"})
_KITCHEN_KNIFE_TOLD = _KITCHEN_KNIFE_CARE | _THE_WRITER_OWNS | {
    _BREAK, "kitchen", "knife", "knives", "set", "just", "a", "an", "the", "good", "where", "can", "get", "to", "it",
    "this", "morning", "today", "yesterday", "at", "in", "from", "mall", "market", "store", "shop", "online", "is",
    "need", "any", "near", "here", "around", "how", "much", "does", "cost", "one", "some", "and", "m", "im"}


def _own_kitchen_knife_cared_for(said: list[str], at: int) -> bool:
    told = set(said)
    return said[at] in ("knife", "knives") and said[at - 1:at] == ["kitchen"] and bool(_KITCHEN_KNIFE_CARE & told) \
        and bool(_THE_WRITER_OWNS & told) and told <= _KITCHEN_KNIFE_TOLD


def _at_its_work(said: list[str], at: int) -> bool:
    after = said[at + 1:at + 6]
    return not _PEOPLE & set(after) and any(word in _FOR and _TOOL_WORK & set(after[k + 1:k + 3])
                                             for k, word in enumerate(after))


# The resident away when it happened, and nothing said of now: "dimasukin maling pas sy mudik", "waktu kami
# liburan"; not "pas sy pulang kerja ada maling di rumah", "pas saya lagi kerja" (now), nor with a call for help.
_AWAY = frozenset({"mudik", "pulkam", "liburan", "pergi", "kerja", "bekerja", "kuliah", "sekolah", "keluar",
                   "kondangan", "nginap", "menginap", "umroh", "haji"})


_STREET_THIEVES = frozenset({"copet", "jambret", "pencopet", "penjambret", "pickpocket", "snatcher"})


def _seen_earlier(said: list[str], at: int) -> bool:
    """A pickpocket or a snatcher told of as seen earlier today, and nothing of now, of fear or of help ("td ada
    copet di busway"); not "dari tadi ada …", "tolong kejar", nor a burglar, who may be in the house still ("tadi
    ada maling, orangnya ngumpet di kamar mandi sy")."""
    if said[at].removesuffix("nya") not in _STREET_THIEVES:
        return False
    earlier = [k for k, word in enumerate(said[:at]) if word == "tadi" and said[k - 1:k] not in (["dari"], ["sejak"])]
    return bool(earlier) and not ({"tolong", "takut", "kejar", "barusan", "help"} | _STILL) & set(said)


# One of the household told away when the thief came ("anak sy gk ada di rumah waktu maling masuk", "my son was not
# home when the thief came in"): a theft told by when it was, to report. Not with anything of now, a plea or fear,
# nor the thief told still there ("…waktu maling masuk, malingnya masih di dalem").
_AWAY_THEN = (("enggak", "ada"), ("tidak", "ada"), ("not", "home"), ("not", "at"), ("not", "in"), ("wasn", "t"),
              ("was", "out"), ("were", "out"), ("lagi", "keluar"), ("lagi", "pergi"))
_WHEN_IT_CAME = _WHILE | {"when"}
_NOW_AFTER_AWAY = frozenset({"sekarang", "now", "currently", "sedang", "lagi", "still"})
_PLEA_OR_FEAR = frozenset({"tolong", "help", "takut", "afraid", "scared"})


def _away_when_it_came(said: list[str], at: int) -> bool:
    k = at - 1
    while k >= 0 and said[k] in ("ada", "the", "a"):
        k -= 1
    if k < 0 or said[k] not in _WHEN_IT_CAME or not any_phrase(said[max(0, k - 6):k], _AWAY_THEN):
        return False
    # "lagi" of the one away ("sy lagi pergi waktu maling masuk") is not of now
    after = said[k + 1:]
    return not (_NOW_AFTER_AWAY & set(after) and not _now_to_report(said)) and not _PLEA_OR_FEAR & set(said) \
        and not any(w == "masih" and _STILL_THERE_THEN & set(after[n + 1:n + 3])
                    and not _EARLIER & set(after[max(0, n - 3):n]) for n, w in enumerate(after))


def _while_away(said: list[str]) -> bool:
    if (_STILL | {"tolong", "pulang", "sendirian", "sendiri"}) & set(said) or (_FAMILY - {"saya"}) & set(said):
        return False  # "pas sy mudik, ibu sy di rumah sendirian, ada maling masuk": someone is there
    return any(word in ("pas", "waktu", "saat", "ketika", "while", "when") and _AWAY & set(said[i + 1:i + 4])
               and RESIDENT & set(said[i + 1:i + 3]) for i, word in enumerate(said))


# Hiding from someone now: "masih di dalem pak sy ngumpet di kamar", "kami lagi sembunyi", "I'm hiding in the
# closet"; not "anak sy suka ngumpet" (a game), nor what is habitual.
_HIDING = frozenset({"ngumpet", "sembunyi", "bersembunyi", "umpet", "hiding"})
_HIDERS = frozenset({"saya", "aku", "kami", "kita", "i", "we"})
_WHILE_HIDING = frozenset({"lagi", "masih", "sedang", "m", "am", "are", "re"})


# Someone heard or told inside, and the resident not daring to come out: "ada suara org di dapur, kyknya maling, sy
# di kamar gk berani keluar"; not what keeps one in every night ("gk berani keluar malem, sering ada begal").
_HEARD_INSIDE = THIEVES | frozenset({"orang", "seseorang", "someone", "somebody", "suara"})


def _afraid_to_come_out(said: list[str]) -> bool:
    dare = any(word == "berani" and said[i - 1:i] and said[i - 1] in NEGATIONS
               and {"keluar", "out"} & set(said[i + 1:i + 3]) for i, word in enumerate(said))
    # someone there, not someone in a debt told of: "ada (suara) org", a thief
    there = any(word.removesuffix("nya") in _HEARD_INSIDE
                and (word.removesuffix("nya") in THIEVES or {"ada", "suara"} & set(said[max(0, i - 2):i]))
                for i, word in enumerate(said))  # "ada (suara) org", "ada suara di dapur", a thief
    return dare and there and not (HABITUAL | _NOISES_OF_NO_ONE) & set(said)


# A breath denied: "bapak sy tiba2 gk nafas", "ada org tergeletak gk bernafas", "napasnya gk ada". Not being awake or
# aware is left to _HURT_BADLY's phrases: "gk sadar" is also "did not notice".
_BREATH = frozenset({"napas", "nafas", "bernapas", "bernafas", "napasnya", "nafasnya"})


def _not_breathing(said: list[str]) -> bool:
    # "jangan napas di depan muka org" asks something else; "sy belum napas dr pagi" is the writer, who breathes
    denying = (NEGATIONS - {"jangan"}) | {"durung"}

    def denied(i: int) -> bool:
        before = said[max(0, i - 2):i]
        return (before[-1:] and before[-1] in denying) or (len(before) == 2 and before[0] in denying
                                                           and before[1] == "ada") \
            or said[i + 1:i + 3] in (["enggak", "ada"], ["tidak", "ada"])  # "gk ada napas", "napasnya gk ada"

    return any(word in _BREATH and denied(i) and not _FOR & set(said[i + 1:i + 2])
               and not _the_writer_at(said, i - 3 if said[i - 1:i] == ["ada"] else i - 2)
               for i, word in enumerate(said))


def _the_writer_at(said: list[str], at: int) -> bool:
    """Whether the word at `at` is the writer as the subject ("sy belum napas dr pagi"), not whose ("bapak sy")."""
    return at >= 0 and said[at] in ("saya", "aku", "gue") and not (at and said[at - 1] in _PEOPLE)


# Someone fallen down, in English: "a man collapsed on the street", "someone fainted"; not "the deal collapsed".
_COLLAPSED = frozenset({"collapsed", "fainted", "passed"})


def _collapsed(said: list[str]) -> bool:
    return any(word in _COLLAPSED and (word != "passed" or said[i + 1:i + 2] == ["out"])
               and (_SOMEONE | _PERSONS_BEFORE | _FAMILY) & set(said[max(0, i - 3):i]) for i, word in enumerate(said))


# A vehicle gone into the water with someone in it: "ada mobil nyemplung ke kali, sopirnya blm keluar"; not one
# carried off empty ("motor anak sy hanyut kebawa banjir").
_OCCUPANTS = frozenset({"sopir", "supir", "pengemudi", "pengendara", "penumpang", "orang", "driver", "passenger",
                        "passengers", "someone", "people"})


def _a_vehicle_in_the_water(said: list[str]) -> bool:
    into = any(word in _FALLING_IN | _SINKING | {"masuk", "terjun"} and _WATERS & set(said[i + 1:i + 4])
               and _VEHICLES & set(said[max(0, i - 3):i]) for i, word in enumerate(said))
    inside = any(word == "keluar" and _NOT_YET & set(said[max(0, i - 2):i]) for i, word in enumerate(said)) \
        or any(word.removesuffix("nya") in ("dalam", "dalem", "inside") for word in said) or _trapped(said) \
        or any(word.removesuffix("nya") in _OCCUPANTS  # "ada orangnya", "sopirnya tenggelam"
               and ((said[i - 1:i] == ["ada"] and not _negated(said, i - 1)) or _SINKING & set(said[i + 1:i + 3]))
               for i, word in enumerate(said))
    return into and inside and bool(_OCCUPANTS & {w.removesuffix("nya") for w in said})


# Whoever a report told of, back now: "pak org nya dateng lagi skrg, lg di depan pintu!!", "he's back now".
_RETURNING = frozenset({"datang", "dateng", "balik", "kembali", "muncul", "nongol", "back", "returned"})
# Who may come back, as the words before it say: "org nya dateng lagi", "dia balik lagi"; not "motornya balik lagi".
_WHO_CAME = THIEVES | frozenset({"orang", "dia", "pelaku", "mereka", "he", "she", "they", "someone", "s", "preman",
                                 "mantan", "suami", "pacar", "tetangga"})
_AGAIN = frozenset({"lagi", "again"})
_INTRUDING = THEFT_STEMS | THIEVES | _AT_HOME_OR_THREATENED | ALWAYS


def returned_now(text: str, story: str) -> bool:
    """Whether `text` says the one `story` told of (a break-in, a theft, a threat, violence) is back now, or back
    and feared."""
    said, told = _sentences(text), _sentences(story)
    back = any(word in _RETURNING and (_AGAIN & set(said[i + 1:i + 3]) or word in ("back", "returned"))
               and _WHO_CAME & {w.removesuffix("nya") for w in said[max(0, i - 3):i]}
               for i, word in enumerate(said)) and not ({"ditemukan", "found"} & set(said) or _found_again(said))
    intruded = bool(_INTRUDING & set(stems_of(told, _INTRUDING))) or bool(_INTRUDING & set(told)) \
        or any_phrase(told, _FORCING)
    # told as now, or with fear or a plea: "pak dia dateng lagi, sy takut"
    return back and bool((_STILL | FEAR | {"tolong", "help"}) & set(said)) and intruded and not _not_now(said)


# "every night there's a brawl": English says in three words what "tiap malam ada tawuran" says in one.
_THERE_IS = frozenset({"there", "s", "is", "are", "a", "an"})


def _said_before(said: list[str], at: int, reach: int = 4) -> list[str]:
    """The `reach` words before `at`, "there's a" left out."""
    return [word for word in said[max(0, at - reach - 3):at] if word not in _THERE_IS][-reach:]


def _now_to_report(said: list[str]) -> bool:
    """The "now" of the writer's report ("tiap malam ada tawuran, skrg sy mau lapor", "every night there's a brawl
    outside the bar, now i'm reporting it"), not of the danger."""
    return any(word in ("sekarang", "now") and REPORTING & set(said[k + 1:k + 4]) for k, word in enumerate(said))


# "promo bom cashback", "bom chat": a flood of something. Crimes of the street told as habitual: a place to report.
_NO_BOMB = frozenset({"cashback", "promo", "diskon", "harga", "like", "likes", "spam", "komentar", "komen", "order",
                      "orderan", "notif", "notifikasi", "bonus"})
_ASKING_TO_PAY = frozenset({"minta", "traktir", "traktiran", "beliin", "dibeliin", "jajan", "bayarin"})
_NOT_BY_PEOPLE = frozenset({"banjir", "air", "macet", "asap", "api"})
_POISONED = frozenset({"keracunan", "diracun", "meracuni", "dibius", "drugged", "poisoned"})
_NOT_PEOPLE_HARMED = frozenset({"kambing", "sapi", "ayam", "ikan", "tikus", "kucing", "anjing", "padi", "sawah",
                                "tanaman", "kebun", "gigi", "dokter", "operasi", "dog", "cat", "rat", "rats", "fish",
                                "potas"})
# A side beaten in a game: "timnya dibantai 5-0", "persib dibantai 3 gol", "we got slaughtered 4-1".
_SIDES = frozenset({"tim", "team", "klub", "club", "skor", "score", "gol", "goal", "goals", "kalah", "lawan"})


def _beaten_in_a_game(said: list[str], at: int) -> bool:
    near = said[max(0, at - 3):at + 4]
    return bool(_SIDES & {w.removesuffix("nya") for w in near}) or any(
        a.isdecimal() and b.isdecimal() for a, b in pairwise(near))


# Shot by questions, or asked out ("gw ditembak gebetan"); filming ("lagi photo shooting"); praise ("this song is
# fire"); an ache told by a likeness ("perut sy sakit kayak ditusuk2"), not a chest's, which may be the heart.
_NOT_SHOT = frozenset({"pertanyaan", "pertanyaannya", "gebetan", "gebetannya", "doi", "crush", "kakak", "kating"})
_FILMING = frozenset({"photo", "foto", "video", "film", "prewed", "prewedding", "iklan", "sinetron", "konten",
                      "model", "klip", "clip", "movie", "kamera", "camera", "photoshoot"})
_PRAISED = frozenset({"song", "track", "album", "beat", "music", "outfit", "fit", "lagu", "mixtape", "verse",
                      "playlist"})
_AS_IF = frozenset({"kayak", "kaya", "seperti", "bagai", "bagaikan", "like"})
_ACHING = frozenset({"pusing", "sakit", "nyeri", "rasanya", "ngilu", "perih", "migrain", "headache", "hurts",
                     "aches", "feels", "felt"})
_PRICES = frozenset({"harga", "tarif", "ongkos", "biaya", "mahal", "price", "prices", "bill", "tagihan"})
# Time killed ("ngebunuh waktu di mall"), work piled on ("sy dihajar deadline", "dibantai tugas kuliah").
_IDLE_TIME = frozenset({"waktu", "bosan", "kebosanan", "jenuh", "kejenuhan", "sepi", "kesepian"})
_WORKLOAD = frozenset({"tugas", "deadline", "kerjaan", "pekerjaan", "pr", "ujian", "skripsi", "lembur", "revisi",
                       "assignment", "assignments", "homework", "exams", "work"})
_ACHING_BADLY = frozenset({"dada", "chest", "jantung", "heart", "sesak", "breathe", "pingsan"})
# Care that stings, told by a likeness: "anak sy disuntik, kayak ditusuk", "pas divaksin rasanya kayak ditusuk2".
_STINGING_CARE = frozenset({"suntik", "disuntik", "suntikan", "nyuntik", "imunisasi", "vaksin", "divaksin", "infus",
                            "diinfus", "ditindik", "tindik", "akupuntur", "akupunktur", "bekam", "injection",
                            "injections", "vaccine", "vaccinated", "vaccination", "jab", "iv", "piercing", "pierced"})


# A hard time likened to a murder ("traffic is murder today", "these stairs are murder on my knees").
_ORDEALS = frozenset({"traffic", "commute", "heat", "humidity", "weather", "queue", "queues", "jam", "job", "shift",
                      "week", "monday", "mondays", "exam", "exams", "homework", "deadline", "deadlines", "stairs",
                      "hill", "hills", "gym", "workout", "prices", "rent", "bills", "feet", "knees", "back", "macet",
                      "line", "lines", "parking", "drive"})
_IS = frozenset({"is", "s", "was", "are", "were", "be"})


def _an_ordeal_likened(said: list[str], at: int) -> bool:
    return said[at - 1:at] in ([w] for w in _IS) and bool(_ORDEALS & set(said[max(0, at - 4):at - 1]))


# A fine or a tax told as a robbery by whoever takes it ("kena tilang, dompet sy dirampok polisi", "dirampok pajak"):
# with the fine named, and no one hurt, armed, feared or called for.
_FINES = frozenset({"tilang", "ditilang", "denda", "didenda", "pajak", "pungli", "samsat", "retribusi"})
_FINE_TAKERS = frozenset({"polisi", "polantas", "negara", "pemerintah", "pajak", "samsat", "petugas", "tilang",
                          "denda", "oknum", "dishub"})
_NO_FINE = HURT | _FEARED | frozenset({"tolong", "help", "pisau", "golok", "pistol", "senjata", "sajam", "begal",
                                    "todong", "ditodong", "dipukul", "diancam", "preman", "masih", "lagi"})


def _a_fine_likened(said: list[str], at: int) -> bool:
    return bool(_FINES & set(said)) and bool(_FINE_TAKERS & set(said[at + 1:at + 3])) \
        and not _NO_FINE & set(said)


_BEATEN_CLEAN = frozenset({"kasur", "karpet", "kasor", "permadani"})  # what a "pukul kasur" beats the dust out of


def _likened(said: list[str], at: int) -> bool:
    """Whether a likeness opens the word at `at`, said twice too: "kayak ditusuk2", "like being stabbed"."""
    k = at - 1
    while k >= 0 and (said[k] == said[at] or said[k] in ("being", "getting")):
        k -= 1
    return k >= 0 and said[k] in _AS_IF


# Beaten in a game, by the words that are a blow elsewhere ("dihajar", "beaten"): only with a score ("tim kami
# dihajar 3-0", "our team got beaten 2-1") or a team and a word of the game ("timnas dihajar habis2an di final");
# not "kalah" or "lawan" alone, which a fight has too ("sy dihajar preman krn kalah judi").
_BEATEN_WORDS = frozenset({"dihajar", "beaten", "beating"})
_TEAMS = frozenset({"tim", "timnas", "team", "klub", "club"})
_OF_A_GAME = frozenset({"final", "liga", "league", "tanding", "pertandingan", "skor", "score", "gol", "goal", "goals",
                        "babak", "semifinal", "kandang", "tandang", "season", "musim", "match", "game", "futsal",
                        "sepakbola", "football", "soccer", "voli", "basket", "badminton", "turnamen", "tournament"})


# Or "we", with nothing after the blow but how badly and the game: "kami dihajar habis2an di final"; not "kami dihajar
# suporter di final", where someone does it.
_WE_BEATEN = frozenset({"kami", "kita", "we", "us"})
_HOW_BADLY = frozenset({"habis", "habisan", "abis", "abisan", "telak", "di", "pas", "saat", "waktu", "in", "at",
                        "the", "badly", "lagi"})
_GOT = frozenset({"got", "get", "were", "kena"})


def _beaten_at_a_game(said: list[str], at: int) -> bool:
    near = said[max(0, at - 3):at + 4]
    return _our_side_beaten(said, at) or any(a.isdecimal() and b.isdecimal() for a, b in pairwise(near)) \
        or (bool(_TEAMS & {w.removesuffix("nya") for w in near}) and bool(_OF_A_GAME & set(said)))


# The writer's side beaten, told by a blow or a killing ("kami dihajar lawan di final", "kami dibantai di final",
# "we got killed in the final", "they murdered us 4-0", "our team got killed in the semis"): "we" or "our team" the
# ones beaten, and then nothing but how badly, the other side and the game, or a score; not with anyone hurt, armed,
# the crowd or a call for help ("kami dihajar suporter lawan di final").
_PASSIVE_BEFORE = _GOT | frozenset({"was", "been", "just", "kena", "habis"})
_BY_THE_OTHER_SIDE = frozenset({"lawan", "lawannya", "by", "oleh", "sama", "mereka", "them", "they"})
_ROUNDS = frozenset({"semis", "semi", "semifinals", "quarterfinal", "quarterfinals", "quarters", "derby", "derbi",
                     "playoff", "playoffs", "perempat", "grup", "group", "round", "ronde"})


def _our_side_beaten(said: list[str], at: int) -> bool:
    beaten = [w for w in said[max(0, at - 3):at] if w not in _PASSIVE_BEFORE][-1:]  # "kami dihajar", "we got beaten"
    ours = (bool(beaten) and (beaten[0] in _WE_BEATEN or beaten[0].removesuffix("nya") in _TEAMS)) \
        or said[at + 1:at + 2] in (["us"], ["kami"], ["kita"])  # "they murdered us 4-0"
    if not ours or _harm_told(said):
        return False
    after = [w for w in said[at + 1:] if w not in _HOW_BADLY | _BY_THE_OTHER_SIDE | _WE_BEATEN][:2]
    scored = len(after) == 2 and after[0].isdecimal() and after[1].isdecimal()  # "4-0"
    return scored or (bool(after) and after[0] in _OF_A_GAME | _ROUNDS)


# A blow that is none: a game won ("he beats me at chess", "my brother beats me at futsal"), a song or a film that
# moves ("this song hits me hard"); what follows "at" is a game, not a place ("he beats me at home").
_WINNING = frozenset({"beat", "beats", "beating"})
_GAMES_WON = frozenset({"chess", "catur", "futsal", "football", "soccer", "tennis", "badminton", "cards", "poker",
                        "pool", "billiards", "ps", "playstation", "fifa", "game", "games", "basketball", "volleyball",
                        "scrabble", "monopoly", "uno", "racing", "running", "arm", "golf", "bowling", "darts",
                        "ludo", "mobile", "legends", "ml", "pubg", "trivia", "quiz", "sudoku", "tetris"})
_BEFORE_A_GAME = frozenset({"at", "in", "the", "a", "every", "each", "this", "that", "our"})
_MOVING = frozenset({"song", "songs", "lyrics", "lyric", "music", "movie", "film", "book", "poem", "quote", "line",
                     "ending", "scene", "news", "story", "episode", "album", "track", "chorus", "verse", "reality",
                     "nostalgia", "memory", "memories", "speech", "sermon", "lagu", "playlist"})
_SOFTLY = frozenset({"really", "always", "just", "still", "kinda", "so", "truly", "actually"})


_OF_WHAT_MOVES = _MOVING | _SOFTLY | frozenset({"this", "that", "the", "these", "those", "a", "an", "my", "our",
                                                 "of", "from", "new", "old", "sad", "last", "his", "her", "their"})


def _a_blow_of_no_harm(said: list[str], phrase: tuple[str, ...], at: int) -> bool:
    """Whether every blow word of the message is one of these: "he beats me at chess and then he beats me with a
    belt" is a blow."""
    blows = [k for k, w in enumerate(said) if w in _BLOWS]
    if _WINNING & set(phrase):
        return all(said[k] in _WINNING and _won_at(said, k + 2) for k in blows)
    if "hits" in phrase or "hit" in phrase:
        start = next((k + 1 for k in range(at - 1, -1, -1) if said[k] == _BREAK), 0)
        before = said[start:at]
        return blows == [at] and bool(_MOVING & set(before)) and set(before) <= _OF_WHAT_MOVES
    return False


# "ps" (a PlayStation) is read as "pas" (when) by the list of slang: after "at" it is the console when nothing
# follows it but how often or a laugh ("kakak sy beats me at ps every night lol"); not "…at pas sy pulang".
_PS_READ = "pas"
_AFTER_THE_CONSOLE = HABITUAL | frozenset({_BREAK, "lol", "lmao", "haha", "hahaha", "wkwk", "wkwkwk", "wkwkwkwk",
                                           "mulu", "melulu", "terus", "again", "too", "all", "night", "day", "time",
                                           "so", "sih"})


def _won_at(said: list[str], at: int) -> bool:
    """Whether "at chess", "in every game" opens at `at`: a game, not a place ("at home")."""
    after = [(k, w) for k, w in enumerate(said[at:at + 4], at) if w not in _BEFORE_A_GAME][:1]
    if said[at:at + 1] not in (["at"], ["in"]) or not after:
        return False
    k, game = after[0]
    if game == _PS_READ:
        return all(w in _AFTER_THE_CONSOLE for w in said[k + 1:k + 2])
    return game in _GAMES_WON


# A bout in a ring or at practice ("adu jotos di ring tinju kampus", "latihan karate, berantem sama temennya di
# matras"): a sport, unless the crowd fights too, or anyone is hurt, armed or calls for help. "tinju" alone is a fist
# ("kena tinju preman").
_BOUTS = frozenset({"sasana", "sparring", "boxing", "mma", "ufc", "muaythai", "kickboxing", "smackdown", "wwe",
                    "matras"})
_MARTIAL = frozenset({"tinju", "karate", "silat", "taekwondo", "judo", "kungfu", "wushu", "aikido", "kendo"})
_OF_BOXING = frozenset({"ring", "tanding", "pertandingan", "latihan", "sasana", "olahraga", "klub", "atlet", "class",
                        "practice", "lesson", "lessons", "kelas", "les", "training", "amatir", "profesional"})
_NO_BOUT = HURT | frozenset({"tolong", "help", "pisau", "knife", "sajam", "berdarah", "bleeding", "penonton",
                             "suporter", "supporter", "spectators", "fans", "crowd", "warga", "preman", "pingsan"})


_FIGHT_PHRASES = frozenset({("baku", "hantam"), ("adu", "jotos")})


# Blows traded in a ring ("dua petinju adu pukul di ring tinju", "saling tonjok di atas ring"): the bout's, as
# "adu jotos" is.
_TRADING = frozenset({"adu", "saling", "baku"})


def _traded_in_a_ring(said: list[str], at: int) -> bool:
    in_the_ring = said[at + 1:at + 3] == ["di", "ring"] and said[at + 3:at + 4] != ["road"] and not _harm_told(said)
    return said[at - 1:at] in ([w] for w in _TRADING) and (in_the_ring or _in_a_ring(said))


_ON_THE_RING = frozenset({"di", "atas", "dalam", "in", "on", "the", "a"})  # "tinju di ring", "tinju di atas ring"
_RINGS = (("atas", "ring"), ("the", "ring"))  # "dua petinju adu jotos di atas ring", "in the ring"


def _in_a_ring(said: list[str]) -> bool:
    def of_boxing(k: int) -> bool:
        after = [w for w in said[k + 1:k + 4] if w not in _ON_THE_RING][:1]
        return bool(_OF_BOXING & set(said[max(0, k - 1):k + 1] + after))

    bout = _BOUTS & set(said) or any_phrase(said, _RINGS) \
        or any(w in _MARTIAL and of_boxing(k) for k, w in enumerate(said))
    return bool(bout) and not _harm_told(said)


# Harm told beside a bout or a game: someone hurt, unwell after it, armed, the crowd in it or a plea.
_UNWELL_AFTER = _UNWELL_NOW | frozenset({"muntah2", "vomiting", "vomited", "vomit", "seizure", "seizures", "concussion",
                                         "fainted", "collapsed", "gegar", "mimisan", "dilarikan", "rs", "hospital",
                                         "ambulans", "ambulan", "ambulance", "igd", "ugd"})


def _harm_told(said: list[str]) -> bool:
    told = {w.removesuffix("nya") for w in said} | set(said)
    return bool((_NO_BOUT | _UNWELL_AFTER) & told) or _not_breathing_or_awake(said) or _cannot_walk(said) \
        or _cannot_get(said, ("bangun", "up"))


# A blow taken in a bout or at practice ("kena tinju pas latihan tinju", "got hit in the face during boxing
# practice"): the sport's; not one dealt by a coach, seniors, many ("dikeroyok di tempat latihan karate") or a drunk,
# nor outside the ring ("kena tinju org mabuk di depan ring tinju"), which is no sparring.
_TAKING_A_BLOW = frozenset({"kena", "got", "get", "gets", "getting"})
_NO_SPARRING = frozenset({"pelatih", "pelatihnya", "coach", "senior", "seniornya", "seniors", "kating", "dikeroyok",
                          "keroyok", "ngeroyok", "pengeroyokan", "dipukulin", "digebukin", "dihajar", "disiksa",
                          "bullying", "dibully", "plonco", "perploncoan", "hazing", "ospek", "mabuk", "drunk",
                          "depan", "luar", "outside", "parkiran"})


_KILLED_TOLD = frozenset(tuple(p.split()) for p in ("was killed", "were killed", "got killed", "been killed",
                                                     "was murdered", "were murdered", "got murdered", "been murdered"))
_BLOWS_TAKEN = frozenset(("kena", blow) for blow in ("tonjok", "tinju", "bogem", "gampar", "tabok", "jotos", "tendang",
                                                     "sabet", "bacok", "tusuk", "sikut", "injak")) \
    | frozenset({("kena", "lempar", "batu")}) \
    | frozenset((taken, blow) for taken in ("got", "was", "were", "been") for blow in ("punched", "slapped", "kicked"))
# A blade or a stone is no sport's: "kena tusuk pas latihan silat" is a cry.
_ARMED_BLOWS = frozenset({("kena", "sabet"), ("kena", "bacok"), ("kena", "tusuk"), ("kena", "lempar", "batu")})
# Thrown out ("got kicked out of school", "was kicked off the team", "was kicked from the whatsapp group") or fined
# ("was slapped with a fine"): no blow; not "slapped with a belt", "kicked from behind".
_THROWN_OUT = frozenset({"out", "off", "keluar"})
_LEFT_BY_THE = frozenset({"from", "with", "a", "an", "the", "my", "our", "his", "her", "this", "that"})
_OUT_OF_OR_FINED = frozenset({"group", "grup", "gc", "chat", "whatsapp", "wa", "team", "tim", "school", "class",
                              "job", "server", "app", "band", "club", "fine", "fines", "ticket", "tax", "lawsuit",
                              "bill", "charge", "charges", "penalty", "fee", "suit"})


def _no_blow_after(said: list[str], at: int) -> bool:
    after = said[at:at + 1]
    if after and after[0] in _THROWN_OUT:
        return True
    named = [w for w in said[at:at + 6] if w not in _LEFT_BY_THE][:1]
    return after in (["from"], ["with"]) and bool(named) and named[0] in _OUT_OF_OR_FINED


def _a_blow_of_no_one(said: list[str], at: int) -> bool:
    """Whether the blow taken told before `at` came from a ball, a thorn or an animal, and no harm is told."""
    dealt = [w for w in said[at:at + 3] if w not in _BY_THE][:1]
    return bool(dealt) and dealt[0].removesuffix("nya") in _NO_ONES_BLOW and not _harm_told(said)


def _a_blow_taken_in_a_bout(said: list[str], at: int) -> bool:
    taken = said[at:at + 1] in (["kena"], ["got"], ["was"], ["were"], ["been"]) \
        or said[at - 1:at] in ([w] for w in _TAKING_A_BLOW)
    return taken and (_in_a_ring(said) or _a_sport_played(said)) and not _NO_SPARRING & set(said)


# A sport being played or practised ("kena sikut pas main basket"), where a blow taken is the game's unless harm is
# told.
_SPORT_AT = frozenset({"main", "maen", "latihan", "tanding", "sparring", "playing", "during"})


def _a_sport_played(said: list[str]) -> bool:
    return any(w in _SPORT_AT and _PRACTISED & set(said[k + 1:k + 3]) for k, w in enumerate(said)) \
        and not _harm_told(said)


# "Kena injak" is a foot trodden on as often as a blow ("kaki sy kena injak pas antri", "hp sy kena injak"): a blow
# only with the one who did it named after it or harm told ("kena injak2 sama kakak kelasnya, skrg dia muntah").
_TRODDEN = ("kena", "injak")
_DONE_BY = frozenset({"sama", "oleh", "ama", "by"})


def _trodden_on_by_chance(said: list[str], at: int) -> bool:
    return not _DONE_BY & set(said[at + 2:at + 5]) and not _harm_told(said)


# A fight that is no fight: an illness fought ("I am fighting a cold", "my mom is fighting cancer"), a cause
# ("fighting for my rights at work"), children or siblings squabbling over a thing at home ("kids fighting over the
# tv remote", "anak2 berantem rebutan remote tv"), or animals ("kucing sy berantem sama kucing tetangga"). Not with
# anyone hurt, a weapon, a call for help, or pupils ("anak2 smk berantem"), who brawl.
_FOUGHT_ILLS = frozenset({"cold", "colds", "flu", "fever", "cancer", "infection", "virus", "covid", "illness",
                          "disease", "depression", "anxiety", "addiction", "cough", "sickness", "tears", "sleep",
                          "fatigue", "insomnia", "migraine", "bug", "tumor", "leukemia", "urge", "temptation"})
_FOUGHT_CAUSES = frozenset({"rights", "right", "justice", "custody", "freedom", "equality", "promotion", "raise",
                            "salary", "wages", "pay", "cause", "recognition", "compensation", "refund", "hak",
                            "keadilan"})
_BEFORE_WHAT_IS_FOUGHT = frozenset({"a", "an", "the", "off", "my", "our", "his", "her", "their", "this", "that",
                                    "back", "for", "bad", "nasty", "stage", "breast", "lung", "through"})
_SQUABBLERS = frozenset({"anak", "anaknya", "kids", "children", "siblings", "brothers", "sisters", "adik", "adiknya",
                         "adek", "kakak", "kakaknya", "sons", "daughters", "twins", "bocah", "bocil", "kakak-adik"})
_SQUABBLED_OVER = frozenset({"remote", "tv", "mainan", "toy", "toys", "hp", "handphone", "ipad", "tablet", "game",
                             "games", "gadget", "laptop", "chores", "makanan", "snack", "snacks", "jajan", "jajanan",
                             "kue", "permen", "candy", "ps", "playstation", "console", "kursi", "seat", "bantal",
                             "pillow", "selimut", "layangan", "boneka", "doll", "sepeda", "bike", "es", "krim",
                             "channel", "charger", "komputer", "computer", "wifi", "piket"})
_FIGHTING_ANIMALS = frozenset({"kucing", "anjing", "ayam", "jago", "burung", "kambing", "sapi", "cat", "cats", "dog",
                               "dogs", "rooster", "roosters", "chickens", "birds"})
_AN_ANIMAL_BEFORE = frozenset({"ada", "the", "my", "our", "two", "dua", "a"})
_NO_SQUABBLE = HURT | frozenset({"tolong", "help", "pisau", "knife", "gunting", "scissors", "kepala", "sajam",
                                 "berdarah", "bleeding", "sma", "smk", "smp", "pelajar", "siswa", "students", "school",
                                 "sekolah", "kampus", "warga", "geng", "gang", "preman", "mabuk", "drunk", "orang",
                                 "people", "men", "guys", "bapak", "ibu", "suami", "istri", "husband", "wife",
                                 "gigit", "digigit", "bite", "bit", "bitten"})


def _no_fight(said: list[str], at: int) -> bool:
    if _in_a_ring(said):
        return True  # "adu jotos di ring tinju kampus": a bout
    after = [w for w in said[at + 1:at + 5] if w not in _BEFORE_WHAT_IS_FOUGHT][:1]
    if said[at] == "fighting" and after and after[0] in _FOUGHT_ILLS:
        return True  # "fighting a cold", "fighting off the flu", "fighting stage 3 cancer" ("3" is no cause)
    if said[at] == "fighting" and said[at + 1:at + 2] == ["for"] and after and after[0] in _FOUGHT_CAUSES:
        return True  # "fighting for my rights"; not "fighting for his life"
    if _NO_SQUABBLE & {w.removesuffix("nya") for w in said} | _NO_SQUABBLE & set(said) or _blows_at(said):
        return False  # "…, tetangga sy mukul sy": a blow told besides
    start = next((k + 1 for k in range(at - 1, -1, -1) if said[k] == _BREAK), 0)
    subject = [w for w in said[start:at] if w not in _AN_ANIMAL_BEFORE and not w.isdecimal()][:1]
    if subject and subject[0] in _FIGHTING_ANIMALS:
        return True  # "kucing sy berantem sama kucing tetangga", "ayam jago tetangga berantem"
    who = {w.removesuffix("nya") for w in said[max(0, at - 4):at + 5]}
    return bool(_SQUABBLERS & who) and bool(_SQUABBLED_OVER & set(said[at + 1:]))


_PESTS = frozenset({"nyamuk", "kecoa", "kecoak", "coro", "tikus", "semut", "lalat", "kutu", "rayap", "hama", "ulat",
                    "serangga", "kepinding", "tumbila", "belalang"})


def vermin_killed(said: list[str], at: int) -> bool:
    """Whether the killing at `at` is of vermin: "bunuh nyamuk", "membunuh tikus di gudang"."""
    return bool(_PESTS & {word.removesuffix("nya") for word in said[at + 1:at + 3]})


_SNAKE_KEPT = frozenset({"pelihara", "memelihara", "piara", "jual", "dijual", "online", "legal", "kept", "pet"})
_UNAWARE = (("enggak", "sadar"), ("tidak", "sadar"), ("belum", "sadar"), ("not", "conscious"))


def _fallen_unaware(said: list[str]) -> bool:
    """Someone fallen and not conscious: "ibu sy jatuh di kamar mandi gk sadar"; "gk sadar" alone is also "did not
    notice" ("hp sy jatuh gk sadar pas di angkot": a thing fell)."""
    if not any_phrase(said, _UNAWARE):
        return False
    return any(word in ACCIDENTS and (_a_person_before(said, i) or _a_rider_before(said, i))
               for i, word in enumerate(said)) \
        or (bool(ACCIDENTS & set(said)) and any(_a_rider_before(said, at)
                                                for _phrase, at in phrases_found(said, _UNAWARE)))


# Who rode or drove, named before the fall or before "gk sadar": "pengendara motor jatuh gk sadar", "motor jatuh,
# pengendaranya gk sadar"; a vehicle between them and the fall is theirs.
_RIDERS = frozenset({"pengendara", "pemotor", "pengemudi", "sopir", "supir", "penumpang", "pembonceng", "korban",
                     "driver", "rider", "ojol", "kurir"})
_RIDDEN = frozenset({"motor", "mobil", "sepeda", "truk", "angkot", "bus", "ojek", "motornya", "mobilnya"})


def _a_rider_before(said: list[str], at: int) -> bool:
    """Not a thing of theirs: "helm pengendara jatuh"."""
    before = [(k, w) for k, w in enumerate(said[:at]) if k >= at - 3 and w not in _RIDDEN][-1:]
    return bool(before) and before[0][1].removesuffix("nya") in _RIDERS \
        and not (_OWNED_THINGS - _RIDDEN) & set(said[max(0, before[0][0] - 1):before[0][0]])
# Someone pulled from the water and not conscious: "tenggelam di kolam renang, anak sy masih gk sadar", "kelelep di
# kali, udh diangkat tp blm sadar". "gk sadar" ends what it tells, or is still or not yet: before more words it is
# "did not notice" ("gk sadar motor sy tenggelam"); grief or work drowns no one ("tenggelam dalam kesedihan").
_UNAWARE_STILL = frozenset({"masih", "still"})
_AFTER_UNAWARE = frozenset({_BREAK, "pak", "bu", "dari", "sejak", "sampai", "hingga", "since", "tolong", "help",
                            "juga", "lagi"})


def _drowned_unaware(said: list[str]) -> bool:
    if not (_SINKING | _FALLING_IN) & set(said) or _WELL_AGAIN & set(said) \
            or not _PEOPLE & {word.removesuffix("nya") for word in said}:
        return False
    in_water = any((word in _SINKING or (word in _FALLING_IN and _WATERS & set(said[i + 1:i + 4])))
                   and not (said[i + 1:i + 2] in (["dalam"], ["dlm"]) and not _WATERS & set(said[i + 2:i + 4]))
                   and not _negated(said, i) and not _owned_before(said, i) and not _a_thing_before(said, i)
                   for i, word in enumerate(said))
    return in_water and any(
        phrase[0] == "belum" or (said[at - 1:at] and said[at - 1] in _UNAWARE_STILL)
        or said[at + len(phrase):at + len(phrase) + 1] in ([], *([w] for w in _AFTER_UNAWARE))
        for phrase, at in phrases_found(said, _UNAWARE))


def _victim_unaware(said: list[str]) -> bool:
    """A victim still unconscious, whatever else is over: "pelaku ditangkap warga, korban masih gk sadar"; not told as
    long ago or well again ("dulu korban masih gk sadar 3 hari, skrg sudah sehat")."""
    return not _WELL_AGAIN & set(said) and any(
        said[max(0, at - 1):at] == ["masih"] and "korban" in {w.removesuffix("nya") for w in said[max(0, at - 3):at]}
        for _phrase, at in phrases_found(said, _UNAWARE))


_WELL_AGAIN = frozenset({"dulu", "dahulu", "sehat", "sembuh", "pulih", "membaik", "recovered"})


_JUST_NOW = frozenset({"barusan", "baru", "tadi", "ini", "lagi", "just"})
_STREET_CRIMES = frozenset({"begal", "rampok", "jambret", "todong", "nodong", "tawur", "tawuran", "bentrok", "keroyok",
                            "leceh", "cabul"})
_BRAWL_WORDS = frozenset({"brawl", "brawling"})  # this branch's English: "every night there's a brawl"


def _feared_or_reported(said: list[str], at: int) -> bool:
    """A thief feared, and nothing heard or seen of one ("takut ada maling"); or the one of a report made before
    ("kmrn sy udh lapor ttg maling motor"), not one reported now ("lapor pak ada maling di rumah sy")."""
    told = set(said)
    feared = at >= 2 and said[at - 1] == "ada" and said[at - 2] in FEAR \
        and not (_STILL | _AT_NIGHT_ALONE - FEAR | _SIGNS_OF_SOMEONE) & told
    reported_before = any(said[k] in REPORTING and _DONE_BEFORE & set(said[max(0, k - 3):k])
                          for k in range(max(0, at - 4), at))
    return feared or reported_before or said[at - 1:at] in (["tentang"], ["soal"])


_DONE_BEFORE = frozenset({"sudah", "telah", "pernah", "kemarin", "semalam", "already"})
# What follows "ketahuan" when it is a theft found out at a time, not a thief caught in the act ("malingnya ketahuan
# warga"): "ketahuan jam 5 subuh", "ketahuannya di pukul 6", "ketahuan pas buka toko", "baru ketahuan pagi tadi". A
# thief told in it is no longer there ("dimasukin maling, ketahuannya jam 5"), unless told as now ("masih"), as
# hiding, or as found there ("ketahuan pas buka toko, ada maling di belakang etalase").
_WHEN_FOUND_OUT = _DAY_PARTS | frozenset({"jam", "pas", "waktu", "saat", "ketika", "tadi", "setelah", "sesudah",
                                          "habis", "abis", "besok", "besoknya", "paginya", "subuhnya"})


def _found_out_then(said: list[str]) -> bool:
    def when(at: int) -> bool:
        following = said[at + 1] if at + 1 < len(said) else ""
        if said[at + 2:at + 3] in (["lagi"], ["sedang"]):
            return False  # "ketahuan pas lagi manjat pagar": caught in the act
        return said[at - 1:at] == ["baru"] or following in _WHEN_FOUND_OUT \
            or (following in ("pukul", "dipukul") and _at_oclock(said, at + 1))

    found_there = any(word == "ada" and said[k + 1:k + 2] and said[k + 1].removesuffix("nya") in THIEVES
                      and (_HIDING | {"di"}) & set(said[k + 2:k + 4]) for k, word in enumerate(said))
    return not (_STILL | _HIDING) & set(said) and not found_there \
        and any(word in ("ketahuan", "ketahuannya") and when(at) for at, word in enumerate(said))
_SIGNS_OF_SOMEONE = frozenset({"kebuka", "terbuka", "masuk", "liat", "lihat", "melihat", "saw", "seen", "open"})


# A child searched for and not found, or lost: "anak sy … udh dicari kemana2 gk ketemu", "we lost him at the mall,
# cant find him"; not a thing of theirs ("dompet anak sy hilang, udh dicari gk ketemu": whose, not who).
_SEARCHED = frozenset({"dicari", "dicariin", "searched"})  # they are searched for: not "anak sy nyari hp gk ketemu"
# Died ("we lost him last year"), or wanted ("suami sy dicari polisi tapi gk ketemu"): no one missing.
_NOT_MISSING = frozenset({"passed", "died", "meninggal", "polisi", "police", "debt", "collector", "penagih"})
_NOT_FOUND_YET = (("enggak", "ketemu"), ("tidak", "ketemu"), ("belum", "ketemu"), ("belum", "ditemukan"),
                  ("tidak", "ditemukan"), ("enggak", "ditemukan"))
_STILL_LOST = (*_NOT_FOUND_YET, ("masih", "hilang"), ("still", "missing"))
_NOT_HOME_YET = (("belum", "pulang"), ("enggak", "pulang"), ("tidak", "pulang"), ("not", "back"), ("not", "home"))
_THE_OTHER_ONE = tuple(tuple(p.split()) for p in (
    "yang satu", "yang 1", "yang lain", "yang kecil", "yang besar", "yang kedua", "yang bungsu", "yang sulung",
    "satunya", "lainnya", "other",
))  # fmt: skip
_WHO_REACH = 5  # words before the not-found where the other one is named
_LOST_THEM = tuple((*lost, whom) for lost in (("lost",), ("can", "t", "find"), ("cant", "find"), ("cannot", "find"),
                                              ("couldn", "t", "find")) for whom in ("him", "her", "them"))


def _searched_not_found(said: list[str]) -> bool:
    if _found_again(said) or not any(word in _FAMILY and _as_subject(said, i) for i, word in enumerate(said)) \
            or _NOT_MISSING & set(said):  # "we lost him last year" (he died), "dicari polisi" (wanted)
        return False
    return (bool(_SEARCHED & set(said)) and any_phrase(said, _NOT_FOUND_YET)) or any_phrase(said, _LOST_THEM)


# Sexual violence told as lately (last night, yesterday): care and evidence cannot wait; not long ago ("dulu",
# "pernah", "waktu kecil"), which is a report.
_SEXUAL_ASSAULT = frozenset({"perkosa", "rape", "raped", "raping"})
_LONG_AGO = (("dulu",), ("pernah",), ("waktu", "kecil"), ("tahun", "lalu"), ("bulan", "lalu"), ("minggu", "lalu"),
             ("yang", "lalu"), ("years", "ago"), ("months", "ago"), ("as", "a", "child"), ("ditangkap",), ("sidang",),
             ("sidangnya",), ("kasusnya",))
_TOLD_OF = frozenset({"kasus", "berita", "katanya", "isu", "film", "sinetron", "news", "case", "artikel", "video"})


def _assaulted_lately(said: list[str]) -> bool:
    roots = stems_of(said, _SEXUAL_ASSAULT)
    return any(root in _SEXUAL_ASSAULT and not _negated(said, i) for i, root in enumerate(roots)) \
        and not any_phrase(said, _LONG_AGO) and not (_shows_told(said) or _TOLD_OF & set(said) or _joking(said))


# A killing or a stabbing told as of last night or earlier today ("adik sy dibunuh semalam", "my brother was killed
# last night", "tetangga sy ditusuk tadi malam, skrg di rs"): a scene the police must come to at once, the one who
# did it not yet caught, whatever is told of the one harmed. Not yesterday or before, which is a report; not an
# animal's ("ayam sy dibunuh musang semalem"), a suicide told after, a game lost ("last night we got killed in the
# final"), a needle or a thorn ("ditusuk jarum infus"), a likeness, hearsay or the news, nor with the one who did it
# caught or the dead buried.
_KILLING_ROOTS = frozenset({"bunuh", "tusuk", "bacok", "tikam"})
_KILLED_EN = frozenset({"killed", "murdered", "stabbed", "murder", "stabbing", "hacked"})
_KILLINGS_NAMED = frozenset({"pembunuhan", "penusukan", "pembacokan", "penikaman"})  # "pembacokan" stems amiss
_DONE_TO = frozenset({"was", "were", "got", "been", "kena"})
_LATELY = frozenset({"semalam", "semalem", "barusan", "tonight"})
_LATELY_PHRASES = tuple(tuple(p.split()) for p in (
    "tadi malam", "tadi pagi", "tadi siang", "tadi sore", "tadi subuh", "subuh tadi", "last night", "this morning",
    "this afternoon", "this evening", "earlier today", "just now", "kemarin malam"))
_LONG_AGO_TOLD = tuple(p for p in _LONG_AGO if p != ("ditangkap",))  # caught is _SETTLED's, "belum" read
_OURS = frozenset({"saya", "kami", "my", "our"})  # hearsay of one of the writer's is still theirs to tell
_PLANTS = frozenset({"plants", "plant", "crops", "flowers", "tanaman", "bunga", "padi", "pohon", "trees"})
_SETTLED = frozenset({"ditangkap", "ketangkap", "ketangkep", "diamankan", "arrested", "caught", "dimakamkan",
                      "dikubur", "dikuburkan", "buried", "funeral", "pemakaman", "sidang", "trial"})


def _killed_lately(said: list[str]) -> bool:
    told = set(said)
    if not (_LATELY & told or any_phrase(said, _LATELY_PHRASES)) or any_phrase(said, _LONG_AGO_TOLD) \
            or ((_TOLD_OF - {"katanya"}) | {"yesterday", "ago"}) & told or ("katanya" in told and not _OURS & told) \
            or ("kemarin" in told and not any_phrase(said, (("kemarin", "malam"),))) \
            or any(w in _SETTLED and not _NOT_YET & set(said[max(0, k - 2):k]) for k, w in enumerate(said)) \
            or _make_believe(said) or _mistaken(said) or _joking(said):
        return False

    def of_a_person(at: int) -> bool:
        word, after = said[at], [w for w in said[at + 1:at + 4] if w not in _STRUCK_FIRST]
        if after[:1] in (["diri"], ["it"], ["time"]) or (after and after[0].removesuffix("nya") in _NO_ONES_BLOW) \
                or _AS_IN & set(said[max(0, at - 2):at]):
            return False  # "bunuh diri", "killed it on stage", "ditusuk jarum infus", "sakit kayak ditusuk"
        k = at - 1
        while k >= 0 and said[k] in _PASSIVE_BEFORE | _WHOSE_ANIMAL:
            k -= 1
        if (k >= 0 and said[k].removesuffix("nya") in _ANIMALS | _PLANTS) or _killed_in_a_war(said, at):
            return False  # "ayam sy dibunuh musang semalem", "the plants were killed by frost", "…in the war"
        if word in _KILLED_EN:  # passive, a noun, or a person after: "was killed", "a stabbing", "killed my uncle"
            return (said[at - 1:at] in ([w] for w in _DONE_TO | {"a", "the"})
                    or (bool(after) and after[0] in _STRUCK)) and not _our_side_beaten(said, at)
        passive = word.startswith(("di", "ter", "pem", "pen")) or said[at - 1:at] == ["kena"]
        return (passive or (bool(after) and after[0].removesuffix("nya") in _STRUCK)) and not vermin_killed(said, at)

    roots = stems_of(said, _KILLING_ROOTS)
    return any((root in _KILLING_ROOTS or said[i] in _KILLED_EN | _KILLINGS_NAMED) and not _negated(said, i)
               and of_a_person(i) for i, root in enumerate(roots))


# Someone living alone not seen for days ("kakek2 tinggal sendiri udh 3 hari gk keliatan, rumahnya bau").
_UNSEEN = (("enggak", "kelihatan"), ("tidak", "kelihatan"), ("tidak", "terlihat"), ("enggak", "terlihat"),
           ("belum", "kelihatan"), ("haven", "t", "seen"), ("not", "seen"))


def _not_seen_for_days(said: list[str]) -> bool:
    told = set(said)
    alone_or_smell = bool({"sendirian", "alone", "bau", "smell", "smells"} & told) \
        or any_phrase(said, (("tinggal", "sendiri"),))
    return any_phrase(said, _UNSEEN) and bool({"hari", "days", "minggu", "seminggu", "weeks"} & told) \
        and alone_or_smell and not (_PETS | {"katanya", "kampung", "biasanya", "mudik"}) & told


_PETS = frozenset({"kucing", "anjing", "burung", "ayam", "kambing", "sapi", "kelinci", "cat", "dog", "bird"})


# A killing of no one to save now: long past, in a war ("my grandfather was killed in the war", "kakek sy dibunuh
# tentara belanda waktu perang"), or of an animal ("my dog was killed by a car", "kucing sy dibunuh tetangga"). Not a
# brawl called a war ("perang sarung", "a gang war"), nor a war told with anything of now.
_WARS = tuple(tuple(p.split()) for p in (
    "the war", "world war", "ww1", "ww2", "wwi", "wwii", "perang dunia", "perang kemerdekaan", "zaman perang",
    "jaman perang", "masa perang", "waktu perang", "zaman penjajahan", "jaman penjajahan", "masa penjajahan",
    "zaman belanda", "jaman belanda", "zaman jepang", "jaman jepang", "penjajah", "penjajahan"))
_WAR_NOW = _STILL | frozenset({"barusan", "tadi", "lagi", "just", "today", "tonight", "outside", "help", "tolong",
                               "here", "sini", "depan", "sarung", "geng", "gang", "antar", "kampung", "street", "turf",
                               "drug", "drugs", "suporter", "tawuran", "on"})
_ANIMALS = _PETS | _FIGHTING_ANIMALS | frozenset({"puppy", "kitten", "horse", "goat", "cow", "chicken", "hamster",
                                                  "rabbit", "kelinci", "ikan", "fish", "kuda", "bebek", "domba",
                                                  "burung", "parrot", "pets", "pet", "peliharaan", "hewan", "marmut"})
_WHOSE_ANIMAL = frozenset({"saya", "aku", "kami", "kita", "gue", "my", "our", "his", "her", "their", "the", "a", "s"})

# What a blow taken may come from that is no one's attack: a ball, a needle or a thorn, an animal ("kena tendang bola
# pas main", "kena tusuk jarum", "kena injak kuda", "i got punched by a kangaroo at the zoo"); not with harm told.
_BY_THE = frozenset({"by", "a", "an", "the", "sama", "oleh", "ama"})
_NO_ONES_BLOW = _ANIMALS | _BEASTS | frozenset({"bola", "ball", "jarum", "needle", "duri", "thorn", "paku", "nail",
                                                "kawat", "ranting", "tulang", "monyet", "monkey"})


# What may stand between a killing and the war it was in: "killed in the war", "dibunuh tentara belanda waktu
# perang"; not one who did it now ("was killed by a veteran of the war", "dibunuh tetangga, katanya dendam zaman
# perang").
_IN_THE_WAR = frozenset({"in", "during", "at", "by", "the", "a", "di", "pada", "dalam", "oleh", "sama", "tentara",
                         "serdadu", "soldier", "soldiers", "belanda", "jepang", "dutch", "japanese", "german",
                         "germans", "nazi", "nazis", "sekutu", "dulu", "waktu", "saat", "masa", "zaman", "jaman"})
_OF_THE_WAR_NOW = frozenset({"veteran", "veterans", "vet", "vets", "hero", "heroes", "movie", "film", "game",
                             "pensiunan", "dendam"})
_WAR_AFTER = 6  # words from the killing to the war: "dibunuh tentara jepang di zaman perang"


def _killed_in_a_war(said: list[str], at: int) -> bool:
    if (_WAR_NOW | _OF_THE_WAR_NOW) & set(said):
        return False
    for k in range(at + 1, min(len(said), at + 1 + _WAR_AFTER)):
        if any(tuple(said[k:k + len(war)]) == war for war in _WARS):
            return True
        if said[k] not in _IN_THE_WAR:
            return False
    return False


# A death in an accident told a year or more ago ("my uncle was killed in an accident last year", "killed in a car
# crash years ago"): no one to save, as a war's. Only an accident named right after the killing, with the time told
# and nothing of now: "the man who killed my uncle last year is outside" names no accident, "…, his killer is here
# now" tells of now.
_ACCIDENTS_NAMED = frozenset({"accident", "crash", "collision", "kecelakaan", "tabrakan"})
_IN_AN_ACCIDENT = frozenset({"in", "an", "a", "the", "car", "road", "traffic", "motorbike", "motorcycle", "bike",
                             "bus", "train", "plane", "truck", "work", "dalam", "saat", "waktu", "pas", "lalu",
                             "lintas", "motor", "mobil"})


def _killed_in_an_accident_long_ago(said: list[str], at: int) -> bool:
    if not _long_past(said) or ((_WAR_NOW - {"on"}) | _FEARED_OR_BACK) & set(said):
        return False
    for k in range(at + 1, min(len(said), at + 1 + _WAR_AFTER)):
        if said[k] in _ACCIDENTS_NAMED:
            return True
        if said[k] not in _IN_AN_ACCIDENT:
            return False
    return False


_KILLINGS = frozenset({"killed", "murdered", "bunuh", "dibunuh", "membunuh", "ngebunuh", "terbunuh", "kill", "kills",
                       "killing", "murder", "murders"})


def _no_one_to_save_killed(said: list[str]) -> bool:
    """Whether every killing told ("dibunuh", "was killed") is in a war or an accident long past or of an animal, and
    of an animal with nothing told of now ("kucing sy dibunuh org, skrg org itu gedor2 pintu": the one who did it is at
    the door); "a horse was killed and the rider was killed too" tells of a person."""
    def of_no_one(at: int) -> bool:
        if _killed_in_a_war(said, at) or _killed_in_an_accident_long_ago(said, at):
            return True
        k = at - 1
        while k >= 0 and said[k] in _PASSIVE_BEFORE | _WHOSE_ANIMAL:
            k -= 1
        return k >= 0 and said[k].removesuffix("nya") in _ANIMALS and not _STILL & set(said)

    killings = [k for k, word in enumerate(said) if word in _KILLINGS]
    return bool(killings) and all(of_no_one(k) for k in killings)


# Someone at the door or the window, now, the resident alone or at night: "ada org gedor2 pintu sy skrg, sy
# sendirian", "ada yg ketok2 jendela kamar sy tengah malem gini"; not "tetangga gedor pintu tiap pagi".
# Banging on it by someone unnamed or unknown, again and again or in fear, is a cry at any hour: "pintu rumah sy
# digedor2 org ga dikenal", "someone keeps banging on my door"; not the writer's own ("sy gedor pintu kamar adik"),
# nor a door that sticks ("harus digedor biar kebuka").
_BANGING = frozenset({"gedor", "menggedor", "ngegedor", "gedorin", "ngegedorin", "digedor", "digedorin", "banging",
                      "pounding", "hammering"})
_KNOCKED = frozenset({"digedor", "digedorin", "diketok", "diketuk"})  # the door or the window told before
_KNOCKING = _BANGING | _KNOCKED | {"ketok", "ketuk", "mengetuk", "ngetok", "knocking"}
_DOOR_OR_WINDOW = frozenset({"pintu", "jendela", "door", "window", "windows", "doors"})
_LATE_PHRASES = (("tengah", "malam"), ("tengah", "malem"), ("malam", "malam"), ("malem", "malem"), ("dini", "hari"),
                 ("middle", "of", "the", "night"))
_SMALL_HOURS = frozenset({"12", "1", "2", "3", "4", "satu", "dua", "tiga", "empat"})
_SHOUTING = frozenset({"teriak", "berteriak", "neriakin", "maki", "memaki", "yelling", "shouting",
                       "screaming"})
_NOT_DARING = (("enggak", "berani"), ("tidak", "berani"), ("takut", "buka"))


# Being chased, the resident or one of theirs: by one who threatens, named beside it ("sy dikejar preman", "anak sy
# diuber orang gak dikenal", "ada yg ngejar2 sy"), with a call for help ("sy dikejar orang pak tolong"), told as now
# ("im being chased"), in fear or pressed off the road ("dikejar mobil dari tadi, sy takut", "dipepet terus"). Not by
# "orang kantor", a dog, a debt collector every day, nor in a game, a dream, a joke or a question of someone else.
_CHASED = frozenset({"dikejar", "dikejer", "dikejarin", "diuber", "chased", "dipepet", "dipepetin"})
_CHASING = frozenset({"ngejar", "ngejer", "ngejarin", "mengejar", "nguber", "chasing"})
_THE_CHASED = frozenset({"saya", "aku", "kami", "gue", "gw", "anak", "anaknya", "istri", "suami", "adik", "adek",
                         "kakak", "ibu", "bapak", "being", "me", "us", "my"})
_THUGS = frozenset({"preman", "begal", "geng", "gang", "gengster", "klitih", "maling", "rampok", "perampok", "massa",
                    "odgj", "segerombolan", "gerombolan", "rombongan", "mabuk", "mabok", "pemabuk", "penjahat", "aneh"})
_CHASERS = _THUGS | {"ada", "someone", "somebody", "man", "men", "guys", "they", "stranger", "strangers"}
# Strange to look at, or riding at one as robbers on bikes do: "pria bertopeng", "2 cowok bermotor"
_STRANGE_LOOKS = frozenset({"asing", "gila", "aneh", "mabuk", "mabok", "bertato", "bertopeng", "bercadar", "masked",
                            "bersenjata", "armed", "bermotor", "bermobil"})
# "orang" is one who threatens alone or strange: "dikejar orang pak", "orang gak dikenal", "orang asing", "orang gila"
_STRANGE = _STRANGE_LOOKS | {"pak", "bu", "tolong", "tak", "tidak", "enggak", "stres", "bawa", "pakai", "tadi",
                             "sekarang", "terus", "orang", "pas", "waktu", "saat", "naik"}
# Another man or woman, or a vehicle, is one who threatens only when strange or armed: "dikejar cowok gk dikenal",
# "pria bertopeng", "cowok bawa pisau", "2 motor gk dikenal"; "dikejar cowok terus" is courted, "cowok bawa bunga"
# too.
_ANOTHER_PERSON = frozenset({"cowok", "cowo", "cewek", "cewe", "pria", "laki", "lelaki", "wanita", "perempuan",
                             "pemuda", "om", "om2", "bapak", "ibu", "motor", "mobil", "pemotor", "pengendara"})
_NOT_KNOWN_AS = frozenset({"dikenal", "kenal", "dikenali", "jelas"})  # after a no: "gk dikenal", "gak jelas"
_CARRYING = frozenset({"bawa", "membawa", "pakai", "pake", "with"})
_WEAPONS = _TOOLS | {"senjata", "sajam", "samurai", "pedang", "pistol", "senpi", "badik", "kayu", "balok", "besi",
                     "knife", "gun", "machete"}
# The weapons of them that are no everyday timber or iron ("bawa kayu").
_BLADES_AND_GUNS = _WEAPONS - {"kayu", "balok", "besi"} | {"senapan", "bedil", "celurit"}


# "2 orang", "beberapa orang": a group, who threatens by being one
_A_GROUP_OF = frozenset({"dua", "tiga", "empat", "lima", "beberapa", "banyak", "sekelompok", "serombongan"})
# Chased now, as the words tell: "im being chased", "sy sedang dikejar pak"; nobody named, the one written to at
# most ("dikejar pak RT" names who chases)
_CHASED_NOW = frozenset({"being", "sedang"})
_TITLES = frozenset({"pak", "bu", "mas", "mbak", "kak", "bang"})
_PRESSED = frozenset({"dipepet", "dipepetin", "pepet", "mepet"})  # off the road, as robbers on bikes do
_VEHICLES_CHASING = frozenset({"motor", "mobil", "pemotor", "motorbike", "car", "truk", "truck"})
_ON_THE_ROAD = _VEHICLES_CHASING | {"jalan", "jalanan", "gang", "gg", "tikungan", "boncengan", "berboncengan",
                                     "bonceng", "sepi", "road", "street", "pengendara", "begal"}
# Fear after a chase (_afraid_now): the words passed over after it, and what it may be of that is not the chase
_AFRAID_ALONE = _TITLES | {"banget", "sekali", "tolong", "help", "please", "nih", "ini", "sekarang", "now", "bgt"}
_FEARED_OTHERWISE = _HOUSEHOLD | _OUTSIDERS | {
    "ngomong", "mengomong", "bicara", "bilang", "cerita", "lapor", "telat", "ketahuan", "kena", "mantan", "ortu",
    "baper", "bawa",  # "takut baper": of being carried away by feeling ("bawa perasaan")
}  # fmt: skip
_PLAYING = frozenset({"mainan", "petak", "umpet", "kejaran", "perangan", "game", "games", "playing", "lomba"})
_NOT_REAL_CHASE = frozenset({"mimpi", "mimpinya", "wkwk", "wkwkwk", "haha", "hahaha", "dream", "dreamt", "lol"})
# Told as once or as escaped: "sy pernah dikejar preman", "untung udh lolos"; or as what if, just before it: "gimana
# kalo sy dikejar preman" (not "…dikejar preman, kalo bisa cepet").
_NOT_A_CHASE_NOW = frozenset({"pernah", "lolos", "ever", "escaped"})
# "ternyata temennya sendiri", "ternyata ojol mau balikin hp": who chased turned out harmless
_KNOWN_AFTER_ALL = frozenset({"teman", "temen", "temennya", "temannya", "kawan", "sahabat", "saudara", "sodara",
                              "sepupu", "sepupunya",
                              "tetangga", "keluarga", "ojol", "kurir", "salah", "cuma", "hanya", "bercanda", "doang",
                              "nyalip", "menyalip", "nanya", "tanya", "bertanya"})
_WHAT_IF = frozenset({"kalau", "kalo", "jika", "andai", "if"})
# Chased for something, or by what is no danger, even with a "tolong": "ada yg ngejar sy buat nagih utang", "sy
# dikejar pinjol, tolong dibantu", "anak sy dikejar ayam tolong"; an errand may come later in the sentence
# ("beberapa orang ngejar saya di mall, nawarin asuransi").
_CHASED_FOR = frozenset({"buat", "untuk", "utk", "minta", "meminta"})
_ERRANDS = frozenset({"nagih", "menagih", "nawarin", "menawari", "menawarkan", "kenalan", "promosi"})
_OVERTAKING = (("mau", "nyalip"), ("mau", "menyalip"), ("mau", "salip"), ("cuma", "nyalip"))  # a car that wants by
_ERRAND_REACH = 8
# Who chases for their work or out of liking, no danger, named after the chase too ("ada bbrp org ngejar sy,
# wartawan"; "ternyata wartawan")
_KEEN_CHASERS = frozenset({"wartawan", "fans", "penggemar", "sales", "marketing", "reporter", "jurnalis", "awak",
                           "paparazzi", "spg", "journalists", "reporters", "fan"})
_NO_DANGER_CHASING = _PETS | _KEEN_CHASERS | {
    "deadline", "waktu", "target", "setoran", "tenggat", "utang", "hutang", "cicilan", "tagihan", "kerjaan", "tugas",
    "jadwal", "time", "debt", "pinjol", "collector", "dc", "skripsi", "leasing", "bebek", "angsa", "ayam", "anjing",
    "kucing", "polisi", "polantas", "patroli", "razia",
}  # fmt: skip
_AS_ONE = frozenset({"sebagai", "seorang", "a", "an"})  # "sy sebagai jurnalis", "saya seorang wartawan"
# One who only claims to be police: "polisi gadungan", "ngaku dari polisi", "kyknya bukan polisi", "bukan polisi asli"
_CLAIMING = frozenset({"ngaku", "mengaku", "ngakunya", "fake"})
_NOT_REALLY = frozenset({"gadungan", "palsu", "benaran", "asli"})
_HEDGES = frozenset({"kayaknya", "kyknya", "sepertinya", "mungkin", "kayak", "seperti"})


def _fake_police(said: list[str]) -> bool:
    return any(word in ("polisi", "police", "cop") and (
        _CLAIMING & set(said[max(0, i - 3):i]) or _NOT_REALLY & set(said[i + 1:i + 2])
        or (said[i - 1:i] == ["bukan"] and _HEDGES & set(said[max(0, i - 3):i - 1]))) for i, word in enumerate(said))


# One who only claims to be a journalist or a salesman ("ngaku2 wartawan"), or forces money out ("maksa minta duit",
# "malak"): no keen chaser.
_EXTORTING = frozenset({"maksa", "memaksa", "malak", "memalak", "palak", "meras", "memeras", "peras", "extort"})


def _posing_or_extorting(said: list[str]) -> bool:
    return bool(_EXTORTING & set(said)) or any(word in _KEEN_CHASERS and _CLAIMING & set(said[max(0, i - 3):i])
                                               for i, word in enumerate(said))


_COURTING = frozenset({"risih", "baper", "naksir", "gebetan", "pdkt", "ditembak"})  # "dipepet cowok…, risih"
# Someone chasing the resident as they write: a word of now just before it ("skrg org itu masih ngejar sy", "he is
# still chasing me"), whoever chases, even after an escape told ("untung sy bisa kabur, skrg…"). Not courting
# ("masih ngejar2 sy, pengen balikan"), chased about something ("ibu kos masih ngejar sy soal uang kos"), nor a child
# or a sibling at play. The passive is as often a debt or a deadline ("sy lagi dikejar ibu kos").
_CHASING_NOW = _STILL | {"lagi"}
_WOOING = _COURTING | {"balikan", "tolak", "nolak", "ditolak", "cinta", "chat", "dm", "nembak", "pacaran"}
_CHASED_ABOUT = frozenset({"soal", "karena", "masalah", "perihal", "suruh", "nyuruh", "about"})
_PLAYMATES = _CHILDREN_AND_ELDERS | {"kakak"}
_BESIDE_A_CHASER = frozenset({"kejar", "sama", "sm", "oleh", "by", "two", "dua", "tiga", "3", "2"})
_HURRIED = frozenset({"tolong", "help", "cepatan", "buruan", "segera"})  # help asked for, or the police hurried
# A chase told first, the resident its subject: "td dikejar preman, tolong", "dikejar orang gak dikenal".
_OPENING_A_CHASE = frozenset({_BREAK, "tadi", "barusan", "baru", "lagi", "sedang", "tiba"})  # "tiba2": suddenly


def _chased_in_danger(said: list[str]) -> bool:
    if _NOT_REAL_CHASE & set(said) or _joking(said) or _turned_out_harmless_after(said):
        return False
    escaped = bool(_NOT_A_CHASE_NOW & set(said))
    for i, word in enumerate(said):
        if _negated(said, i) or said[i - 1:i] == ["takut"] or _WHAT_IF & set(said[max(0, i - 3):i]):
            continue  # "sy takut dikejar preman lagi": feared
        before = said[max(0, i - 2):i]
        if word in _CHASED and (_THE_CHASED & set(before) or i == 0 or said[i - 1] in _OPENING_A_CHASE):
            named = [w for k, w in enumerate(said[i + 1:i + 7], i + 1) if said[k - 1] != w]  # "om2": one of them
            chaser = [w for w in named if w not in _CHASED | _BESIDE_A_CHASER][:4]
            hurry = next((k for k, w in enumerate(chaser) if w in _HURRIED), None)
            chaser = chaser[:hurry]  # "dikejar 2 orang cepetan pak": the officer hurried, no chaser "pak"
            first = i
        elif word in _CHASING and said[i + 1:i + 2] and said[i + 1] in _THE_CHASED:
            first = i
            while first and said[first - 1] in _CHASING:  # "ngejar2": the word doubled
                first -= 1
            chaser = said[max(0, first - 3):first]
        else:
            continue
        going_on = word in _CHASING and bool(_CHASING_NOW & set(said[max(0, first - 3):first]))
        if escaped and not going_on:
            continue  # "sy pernah dikejar preman", "untung udh lolos"
        thugs = bool(_THUGS & set(chaser))  # chased by thugs for whatever reason, in whatever game
        fake = _fake_police(said)
        posing = _posing_or_extorting(said)
        harmless = bool((_NO_DANGER_CHASING - _KEEN_CHASERS) & set(chaser) or _keen_chaser_in(chaser)) \
            and not (fake or posing)
        courted = bool(_COURTING & set(said)) and not (FEAR | {"tolong", "help"}) & set(said)
        on_the_road = bool(_ON_THE_ROAD & set(said)) and not courted
        pressed = (word in _PRESSED or bool(_PRESSED & set(said[i + 1:]))) and on_the_road
        errand = said[i + 1:i + 1 + _ERRAND_REACH]
        if not thugs and (_CHASED_FOR & set(said[i + 1:i + 5]) or harmless or any_phrase(said, _OVERTAKING)
                          or _ERRANDS & set(errand) or _keen_chaser_in(errand)) and not posing:
            continue
        if word in _PRESSED and not on_the_road:
            continue  # "dipepet cowok lain terus": courted; off the road is where robbers press
        playing = bool(_PLAYING & set(said))  # in a game, only a stranger, an armed one or thugs chase
        nobody_named = not chaser or chaser[0] in {_BREAK, "tolong", "help", "please"} or (
            chaser[0] in _TITLES and chaser[1:2] in ([], [_BREAK], ["tolong"]))
        # afraid of a man, a car or nobody named ("dikejar mobil dari tadi, sy takut"), or pressed off the road
        afraid = _afraid_now(said, i + 1) and (nobody_named or chaser[0] in _ANOTHER_PERSON | {"orang"})
        # a car or a motorbike after the resident still: "dikejar mobil dari tadi", "skrg lagi dikejar motor"
        by_a_vehicle = bool(_VEHICLES_CHASING & set(chaser[:2])) and (
            bool((_STILL | {"lagi", "chasing"}) & set(said)) or any_phrase(said, (("dari", "tadi"),)))
        if _HURRIED & set(said) and not playing:
            return True
        if HABITUAL & set(said):
            continue  # "sering dikejar preman kalo malem": a place to report as unsafe
        if going_on and not playing and not (_WOOING & set(said) or _PLAYMATES & set(chaser)
                                             or _CHASED_ABOUT & set(said[i + 1:i + 1 + _ERRAND_REACH])):
            return True
        now = bool(_CHASED_NOW & set(before)) and nobody_named
        if thugs or pressed or by_a_vehicle or (not playing and (afraid or now)) or (fake and "polisi" in chaser) \
                or _a_threatening_chaser(chaser, playing):
            return True
    return False


def _keen_chaser_in(words: list[str]) -> bool:
    """A keen chaser named among the words told of the chase ("dikejar wartawan", "ngejar saya, wartawan"), not the
    resident's work told after it ("dikejar 2 org, sy jurnalis yg lagi liputan", "saya sebagai wartawan"). The first
    word is the chase's, not a new clause's."""
    def the_resident_is(k: int) -> bool:
        if k >= 2 and words[k - 1] in _WE:
            return True
        return k >= 3 and words[k - 1] in _AS_ONE and words[k - 2] in _WE

    return any(word in _KEEN_CHASERS and not the_resident_is(k) for k, word in enumerate(words))


def _turned_out_harmless_after(said: list[str]) -> bool:
    """Who chased or followed turned out harmless, told after "ternyata", and no help called for nor the chase told
    going on after a but ("ternyata ojol, tp dia masih ngikutin sampe kos")."""
    return not {"tolong", "help"} & set(said) and any(
        word == "ternyata" and _turned_out_harmless(said[i + 1:i + 6]) and not _still_chasing_after_a_but(said[i + 1:])
        for i, word in enumerate(said))


_PLAIN_BUT = frozenset({"tapi", "tetapi", "namun", "but", "however"})  # not "cuma" of "ternyata cuma temen"


def _still_chasing_after_a_but(after: list[str]) -> bool:
    but = next((k for k, word in enumerate(after) if word in _PLAIN_BUT), None)
    rest = after[but + 1:] if but is not None else []
    return bool((_STILL | {"terus", "tetap", "tetep"}) & set(rest)) \
        and bool((_FOLLOWING_SOMEONE | _CHASING | _CHASED) & set(rest))


def _turned_out_harmless(after: list[str]) -> bool:
    """Whether the words after "ternyata" name who chased as harmless ("ternyata temennya", "ternyata adik sy yg
    iseng", "ternyata wartawan", "ternyata dikejar temen sendiri"), not one of the family chased ("ternyata adik sy
    dikejar 2 orang bermotor"): before a chase told in the passive is who was chased."""
    chased_at = next((k for k, word in enumerate(after) if word in _CHASED), -1)
    return bool((_KNOWN_AFTER_ALL | _KEEN_CHASERS | _FAMILY | _HOUSEHOLD) & set(after[chased_at + 1:]))


def _afraid_now(said: list[str], start: int) -> bool:
    """Whether the resident says they are afraid from `start` on, of the chase: "sy takut", "takut banget sy", "takut
    keluar rumah"; not of being scolded or fined ("takut dimarahin", "takut ditilang"), of someone else ("takut pacar
    sy cemburu", "takut sama pacarnya") or to speak ("takut ngomong")."""
    for k, word in enumerate(said[start:], start):
        if word not in FEAR:
            continue
        feared = next((w.removesuffix("nya") for w in said[k + 1:k + 4] if w not in _AFRAID_ALONE | _WE | {"sama"}),
                      _BREAK)
        if feared in NEGATIONS:  # "takut gak selamat", "takut ga kuat lari"; not "takut ga enak nolak"
            feared = next((w for w in said[k + 1:k + 5] if w not in NEGATIONS | _AFRAID_ALONE | _WE), _BREAK)
            if feared not in ("enak", "sopan"):
                return True
            continue
        if feared == _BREAK or not (feared.startswith("di") or feared in _FEARED_OTHERWISE):
            return True
    return False


def _a_threatening_chaser(chaser: list[str], playing: bool = False) -> bool:
    """Whether the words naming who chases name one who threatens: a thug, a stranger, someone armed, a group. In a
    game, someone ("ada yg") or a group is one of the players."""
    if (_THUGS if playing else _CHASERS) & set(chaser):
        return True
    if not playing and any(word == "orang" and k and (chaser[k - 1] in _A_GROUP_OF or chaser[k - 1].isdecimal())
                           for k, word in enumerate(chaser)):
        return True
    who, after = chaser[:1], chaser[1:]  # the first named: "dikejar anak orang" is chased by someone's child
    if who == ["orang"]:
        return after in ([], [_BREAK]) or after[0] in _STRANGE
    return bool(who) and who[0] in _ANOTHER_PERSON and _strange_or_armed(after)


def _strange_or_armed(after: list[str]) -> bool:
    """Whether the words after a person make them a stranger or armed: "asing", "bertopeng", "gk dikenal", "gak
    jelas", "bawa pisau"; not "bawa bunga", "tak tau malu"."""
    if not after:
        return False
    if after[0] in _STRANGE_LOOKS:
        return True
    if after[0] in NEGATIONS | {"tak"}:
        return after[1:2] != [] and after[1] in _NOT_KNOWN_AS
    return after[0] in _CARRYING and bool(_WEAPONS & set(after[1:3]))


# A weapon that is a toy or in a game of pretend ("X2an"): "pistol air", "pistol mainan", "water guns", "main
# tembak2an", "bawa pistol, main perang2an"; not one said to be real ("…ada org bawa pistol beneran"). A deed made
# "X2an" is one done to each other, a fight between sides ("ada tembak2an", "lempar2an piring", "serang2an"), played
# only when a game is told before it. A toy gun filled with what burns or eats the skin is a weapon ("pistol air isi
# air keras", "pistol plastik isinya bensin"); so is one held by a grown stranger or thug beside the children's game
# ("anak2 main perang2an, ada org mabuk bawa celurit"), or one that comes suddenly ("main pedang2an tiba2 ada …").
_TOY_MADE = frozenset({"air", "mainan", "plastik", "busa", "water", "toy", "toys", "squirt", "nerf"})
_ARMS = _WEAPONS | {"tembakan", "bom", "bomb", "guns", "senapan"}
_PRETENDED = _ARMS | {"perang", "polisi"}  # "perang2an", "pedang2an", "polisi2an": pretend whatever goes with them
_AT_PLAY = frozenset({"main", "maen", "bermain", "mainan", "game", "playing"})  # "main tembak2an", "main kejar2an"
_HARMFUL_FILLINGS = (("air", "keras"), ("bensin",), ("minyak",), ("spiritus",), ("tiner",), ("thinner",),
                     ("acid",), ("petrol",), ("gasoline",))
_NOT_A_PLAYER = _THUGS | {"orang", "seseorang", "pria", "lelaki", "dewasa", "stranger", "man", "men"}
_HOLDER_REACH = 4  # words back from the weapon to who holds it: "ada org asing bawa golok"


def _a_toy(said: list[str], at: int) -> bool:
    word = said[at]
    pretend = at and word == said[at - 1] + "an"  # "pedang pedangan", "tembak tembakan"
    if not (pretend or word in _ARMS) or _FOR_REAL & set(said):
        return False
    if pretend:
        return _pretended_at(said, at - 1)
    if any_phrase(said, _HARMFUL_FILLINGS):
        return False
    beside = [w.removesuffix("nya") for w in said[max(0, at - 1):at] + said[at + 1:at + 2]]
    if _TOY_MADE & set(beside) or word + "an" in beside:
        return True  # "pistol air", "pistol airnya", "water gun", "pistol pistolan"
    start = next((k + 1 for k in range(at - 1, -1, -1) if said[k] == _BREAK), 0)
    end = next((k for k in range(at + 1, len(said)) if said[k] == _BREAK), len(said))
    holder = said[max(start, at - _HOLDER_REACH):at]
    if "tiba" in said[start:at] or (_NOT_A_PLAYER & set(holder) and not _KNOWN_AFTER_ALL & set(holder)):
        return False
    return any(_pretended_at(said, k) for k in range(start, end - 1))  # "main perang perangan"


def _pretended_at(said: list[str], at: int) -> bool:
    """"X Xan" at `at` is a game of pretend: of a weapon or war ("pedang2an", "perang2an"), or of a deed played
    ("main tembak2an"); not a deed done to each other ("ada tembak2an", "lempar2an piring")."""
    return said[at + 1:at + 2] == [said[at] + "an"] \
        and (said[at] in _PRETENDED or bool(_AT_PLAY & set(said[max(0, at - 2):at])))


# Scalded so that the skin blisters, a person and not a pet: "anak sy kesiram air panas, kulitnya melepuh"; or a
# person doused with a hot liquid on purpose, which is an attack however it ends: "sy disiram air panas sama suami",
# "suami nyiramin minyak panas ke badan sy". Not asked after ("kalau melepuh obatnya apa"), heard of, laughed off,
# once, nor a hot spring's water; not plants, ants or a car doused, nor paint peeling.
_HOT_LIQUIDS = frozenset({"air", "minyak", "kuah", "kopi", "teh", "sayur", "sop", "sup", "bubur", "susu", "termos",
                          "water", "oil", "coffee", "tea", "soup"})
_HOT = frozenset({"panas", "mendidih", "hot", "boiling"})
_HOT_REACH = 4  # words from the liquid to its heat: "air yg baru mendidih"
_SPLASHED = frozenset({"kesiram", "tersiram", "disiram", "ketumpahan", "tumpah", "kena", "terkena", "nyiprat",
                       "kecipratan", "spilled", "splashed"})
_BLISTERED = frozenset({"melepuh", "mengelupas", "terkelupas", "blistered", "blistering"})
_PAINTED = frozenset({"cat", "catnya", "casing", "casingnya", "meja", "kayu", "lapisan", "stiker", "plastik", "paint"})
_DOUSED = frozenset({"disiram", "disiramin", "disirem", "diguyur", "dilempar", "doused", "thrown"})  # who, before it
_DOUSING = frozenset({"siram", "nyiram", "nyiramin", "menyiram", "menyirami", "ngguyur", "ngeguyur", "mengguyur",
                      "lempar", "melempar", "ngelempar", "lemparin", "numpahin", "menumpahkan", "tumpahin", "threw",
                      "throw", "poured", "pour", "throwing"})  # at whom, after it or after "ke"
_SPILLING = frozenset({"numpahin", "menumpahkan", "tumpahin"})  # an attack when said to be on purpose ("sengaja")
_BODY = frozenset({"tangan", "kaki", "muka", "wajah", "badan", "tubuh", "punggung", "kepala", "kulit", "kulitnya",
                   "leher", "dada", "lengan", "paha", "face", "arm", "arms", "leg", "legs", "skin", "body", "back"})
_NOT_SOMEONE = frozenset({"tanaman", "pohon", "bunga", "rumput", "semut", "sarang", "mobil", "motor", "lantai",
                          "halaman", "meja", "tembok", "dinding", "kebun", "got", "wc", "piring", "gelas", "plants"})
_AT_SOMEONE = frozenset({"ke", "kepada", "at", "on", "onto"})
# Who may own the "sy" before a deed ("mertua sy nyiram sy"), not a greeting or a title ("pak sy siram kaki sy")
_KIN_WHO_DOUSE = (_HOUSEHOLD | _FAMILY | _OUTSIDERS | {"mertua", "abang", "ipar", "tiri", "bude", "pakde", "paman",
                                                        "om", "tante", "kakak", "adik", "mantan", "pacar", "rekan",
                                                        "mas", "mbak", "bang", "kak"}) - {"pak", "bu"}
_FOR_A_PURPOSE = frozenset({"biar", "agar", "supaya", "so"})  # what one does to oneself, or for a fever
_BEFORE_A_DEED = frozenset({"lagi", "sedang", "mau", "sering", "suka", "udah", "sudah", "baru", "tadi", "tiba", "terus",
                            "langsung", "lalu", "just", "then"})  # between who does it and the deed
_DOUSED_REACH = 8  # words from the deed to "ke badan sy"
_NOT_A_SCALD_NOW = frozenset({"obatnya", "gimana", "bagaimana", "kalau", "kalo", "pemandian", "berendam", "if", "how",
                              "dikit", "sedikit", "agak", "pernah", "terapi", "spa"})


def _scalded(said: list[str]) -> bool:
    if not _hot_liquid_told(said):
        return False
    told = set(said)
    # a blister at a chore done every day is no danger now; an attack told as a habit is violence at home
    blistered = any(word in _BLISTERED and not _PAINTED & set(said[max(0, i - 2):i + 3])
                    for i, word in enumerate(said)) and bool(_SPLASHED & told and (_PERSONS | _BODY) & told)
    return (blistered and not HABITUAL & told) or any(_someone_doused(said, i) for i in range(len(said)))


def _hot_liquid_told(said: list[str]) -> bool:
    """A hot liquid told of as it is, not asked after (the law of it too), heard of, seen in a film or a video,
    laughed off, once, nor of a pet."""
    told = set(said)
    asked_the_law = _ABOUT_THE_LAW & told and not ({"tolong"} | _STILL) & told  # "apa hukuman buat suami yg nyiram…"
    return bool(_HOT & told) and not ((_NOT_A_SCALD_NOW | _PETS | _HEARSAY | _NOT_REAL_CHASE) & told
                                      or _shows_told(said) or asked_the_law or _joking(said)) and _a_hot_liquid(said)


def _doused_lately(said: list[str]) -> bool:
    """A person doused with something hot on purpose, told as just past too: by one of the household whenever ("suami
    sy td pagi nyiram sy pake air panas", "kemarin mertua nyiram sy pake air panas"), by another earlier today ("sy
    disiram air panas sama org td pagi") not once told as over and cared for ("…, sy udah dibawa ke rs"). At home, as
    a blow there, it is a cry however told: who did it is still in the house."""
    if not _hot_liquid_told(said) or _long_past(said) or not any(_someone_doused(said, i) for i in range(len(said))):
        return False
    if _doused_at_home(said):
        return True
    return not _told_over(said) and not _PAST & set(said) \
        and all(phrase in _EARLIER_TODAY for phrase, _at in phrases_found(said, _PAST_PHRASES))


def _doused_at_home(said: list[str]) -> bool:
    """A person doused on purpose, one of the household told beside it ("mertua nyiram sy pake air panas"), and no
    one from outside it named as who did it ("istri sy disiram air panas sama tetangga", as _violence_at_home)."""
    return bool(_HOUSEHOLD & {word.removesuffix("nya") for word in said}) \
        and any(_someone_doused(said, i) and not _by_an_outsider(said, i) for i in range(len(said)))


def _by_an_outsider(said: list[str], at: int) -> bool:
    """Whether the passive at `at` names who did it as one from outside the household: "… sama tetangga"."""
    after = said[at + 1:at + 1 + _DOUSED_REACH]
    by = next((k for k, word in enumerate(after) if word in ("sama", "oleh", "by")), None)
    return said[at] in _DOUSED and by is not None and after[by + 1:by + 2] != [] \
        and after[by + 1].removesuffix("nya") in _OUTSIDERS


def _someone_doused(said: list[str], at: int) -> bool:
    """Whether the word at `at` tells a person doused on purpose: "sy disiram …", "nyiram sy pake …", "lempar
    termos air panas ke sy"; not "tanaman sy disiram", "nyiram semut", nor denied."""
    someone = _PERSONS | _BODY | {w + "nya" for w in _PERSONS | _BODY}  # "nyiram istrinya"
    if _negated(said, at):
        return False
    if said[at] in _DOUSED:  # who, just before it, and no thing before it in the sentence: "sarang semut di dapur sy"
        before = said[:at]
        sentence = before[len(before) - before[::-1].index(_BREAK):] if _BREAK in before else before
        return bool(someone & set(sentence[-3:])) and not _NOT_SOMEONE & set(sentence)
    if said[at] not in _DOUSING or (said[at] in _SPILLING and not _unnegated(said, frozenset({"sengaja"}))):
        return False
    before = [w for w in said[max(0, at - 4):at] if w not in _BEFORE_A_DEED]
    doer = before[-1] if before else _BREAK
    if doer in _WE and any(w.removesuffix("nya") in _KIN_WHO_DOUSE for w in before[-4:-1]):
        doer = before[-2]  # "mertua sy nyiram sy", "rekan kerja sy …": whose "sy" it is
    if doer in _WE or (doer == _BREAK and _FOR_A_PURPOSE & set(said)):
        return False  # "pak sy siram kaki sy pake air panas biar gk pegel", "siram badan anak … biar gk demam"
    after = _told_after(said, at, _DOUSED_REACH)
    if after[:1] and after[0] in _NOT_SOMEONE:
        return False  # "nyiram tanaman, sy …"
    if _FOR_A_PURPOSE & set(said) and after[:1] and after[0].removesuffix("nya") in _BODY \
            and not (someone - _BODY) & set(after[1:2]):
        return False  # "bapak sy siram kakinya pake air panas biar gk pegel": their own feet soaked
    if doer == _BREAK:  # none named in its sentence: a person doused ("…. nyiram sy pake air panas"), not a foot
        return bool((someone - _BODY) & set(after[:2]))  # soaked ("siram kaki pakai air panas")
    if someone & set(after[:2]):
        return True  # "nyiram sy pake air mendidih"
    aimed = next((k for k, word in enumerate(after) if word in _AT_SOMEONE), None)
    return aimed is not None and bool(someone & set(after[aimed + 1:aimed + 4]))


def _a_hot_liquid(said: list[str]) -> bool:
    """"air panas", "kuah bakso panas", "air yg baru mendidih", "boiling water"."""
    for i, word in enumerate(said):
        if word in ("hot", "boiling") and said[i + 1:i + 2] != [] and said[i + 1] in _HOT_LIQUIDS:
            return True
        if word in _HOT_LIQUIDS:
            heat = said[i + 1:i + 1 + _HOT_REACH]
            if _HOT & set(heat[:heat.index(_BREAK)] if _BREAK in heat else heat):
                return True
    return False


def _at_the_door(said: list[str]) -> bool:
    told = set(said)
    if (_NOISES_OF_NO_ONE | _KNOWN_CALLER) & told or _only_a_habit(said):
        return False
    alone_or_late = bool({"sendirian", "alone"} & told) or _late_at_night(said)
    for i, word in enumerate(said):
        if word not in _KNOCKING or (word not in _KNOCKED and i and said[i - 1] in _WE
                                     and said[i - 2:i - 1] not in ([w] for w in _OWN_PLACES)):
            continue  # "sy gedor pintu kamar adik sy": the writer knocking; not "di depan rumah sy gedor pintu"
        at_it = _DOOR_OR_WINDOW & set(said[i + 1:i + 5]) \
            or (word in _KNOCKED and _DOOR_OR_WINDOW & set(said[max(0, i - 4):i]))  # "pintu rumah sy digedor2"
        if at_it and (alone_or_late or (word in _BANGING and _banged_on_in_earnest(said, i))):
            return True
    return False


def _only_a_habit(said: list[str]) -> bool:
    """Told as how it goes ("tetangga gedor pintu tiap pagi"), with no word after the habit that it is happening now
    ("tiap malam ada yg gedor2 pintu, skrg lagi digedor")."""
    habit = next((k for k, word in enumerate(said) if word in HABITUAL), None)
    if habit is None:
        return False
    now = next((k for k in range(habit + 1, len(said)) if said[k] in _STILL | _NOW_WORDS), None)
    return now is None or bool(REPORTING & set(said[now + 1:]))  # "…, skrg sy mau lapor"


def _late_at_night(said: list[str]) -> bool:
    """"tengah malam", "malem2 gini", "jam 2 pagi", "at 3am", "in the middle of the night"."""
    return any_phrase(said, _LATE_PHRASES) or any(
        word == "jam" and said[k + 1:k + 2] and said[k + 1] in _SMALL_HOURS
        and said[k + 2:k + 3] and said[k + 2] in ("pagi", "malam", "malem", "subuh") for k, word in enumerate(said)) \
        or any(re.fullmatch(r"[1-4]am", word) for word in said)


def _banged_on_in_earnest(said: list[str], at: int) -> bool:
    """Banging by someone unnamed or unknown ("ada yg gedor pintu", "digedor org gk dikenal", "someone keeps
    banging"), again and again ("gedor2"), in fear or with shouting: no caller waiting at the door."""
    who = said[max(0, at - 3):at] + said[at + 1:at + 8]
    return bool(_SOMEONE_UNNAMED & set(who) or _STRANGE_LOOKS & set(who)) or said[at + 1:at + 2] == [said[at]] \
        or bool((FEAR | _SHOUTING | {"keeps", "kept"}) & set(said)) or any_phrase(said, _NOT_DARING) \
        or any(w in _NOT_KNOWN_AS and _negated(said, k) for k, w in enumerate(said))


_KNOWN_CALLER = frozenset({"ternyata", "kurir", "paket", "nawarin", "menawarkan", "lupa", "pinjem", "pinjam", "courier",
                           "delivery"})


# A small child alone and crying, or with no parent about: "ada anak kecil sendirian nangis di pinggir jalan".
_A_CHILD = frozenset({"anak", "bocah", "balita", "bayi", "child", "kid", "toddler", "boy", "girl"})
_NO_PARENT = (("enggak", "ada", "orang", "tuanya"), ("tidak", "ada", "orang", "tuanya"), ("no", "parents"),
              ("without", "parents"), ("enggak", "ada", "ibunya"), ("tidak", "ada", "ibunya"))


def _child_alone(said: list[str]) -> bool:
    alone = any(word in _A_CHILD and {"sendirian", "alone"} & set(said[i + 1:i + 4])
                and said[i + 1:i + 2] not in _YOUNG_ANIMAL for i, word in enumerate(said))
    return alone and bool({"menangis", "nangis", "crying"} & set(said) or any_phrase(said, _NO_PARENT)) \
        and not (HABITUAL | _CHILD_MINDED) & set(said)


# The writer alone and afraid now where help is far, followed or stranded in a lonely or dark place: "sy cewe
# sendirian motor mogok di jalan sepi gelap, takut ada yg ngikutin". Not stranded in the day with no fear ("motor
# mogok, sy sendirian, ada bengkel deket sini?"), nor afraid of the dark at home.
_ALONE = frozenset({"sendirian", "alone"})
_FOLLOWING_SOMEONE = frozenset({"ngikutin", "ikutin", "diikutin", "diikuti", "mengikuti", "buntutin",
                                "membuntuti", "dibuntuti", "nguntit", "dikuntit", "following", "followed", "stalking"})
_LONELY = frozenset({"sepi", "gelap", "dark", "deserted", "empty"})
_STRANDED = frozenset({"mogok", "bocor", "kempes", "habis", "kehabisan", "nyasar", "tersesat", "mati", "stuck",
                       "stranded", "lost", "broke", "flat"})


def _alone_and_afraid(said: list[str]) -> bool:
    if not (_ALONE & set(said) and FEAR & set(said)) or (HABITUAL | _ONCE | {"lampu", "listrik"}) & set(said):
        return False  # "tiap malam", "dulu pernah", "mati lampu": how it goes, how it was, the power out
    followed = _FOLLOWING_SOMEONE & set(said) and not _ONLINE & set(said)  # not "akun ig ngikutin sy terus"
    stranded = _LONELY & set(said) and _STRANDED & set(said) and not _INDOORS & set(said)  # not "di kos, hp mati"
    return bool(followed or stranded)


_ONCE = frozenset({"dulu", "pernah", "once", "used"})
_INDOORS = frozenset({"kos", "kosan", "kost", "kamar", "rumah", "home", "room", "kontrakan", "apartemen"})


# A lost child found by the writer: "nemu anak kecil nangis sendirian", "sy nemu anak ilang di pasar"; not the
# writer's own child found again ("anak sy udah ketemu"), where the child comes before the finding.
_FINDING = frozenset({"nemu", "menemukan", "nemuin", "ketemu", "bertemu", "found", "find"})
_LOST_CHILD = frozenset({"kecil", "nangis", "menangis", "sendirian", "sendiri", "nyasar", "hilang", "ilang", "tersesat",
                         "terpisah", "lost", "alone", "crying"})

_YOUNG_ANIMAL = [[animal] for animal in ("kucing", "anjing", "ayam", "burung", "bebek", "kambing", "sapi", "monyet",
                                         "kelinci", "tikus", "cat", "dog")]  # "nemu anak kucing": a kitten


def found_child(text: str) -> bool:
    """Whether the writer tells of a lost child they found: an urgent matter of someone else's child (see
    _child_found)."""
    return _child_found(_sentences(text))


def _child_found(said: list[str]) -> bool:
    found = any(word in _FINDING and any(said[k] in _A_CHILD and said[k + 1:k + 2] not in _YOUNG_ANIMAL
                                         and not {*said[k + 1:k + 3]} & (_NOT_A_CHILD_AFTER | _OWN)
                                         for k in range(i + 1, min(i + 4, len(said)))) for i, word in enumerate(said))
    return found and bool(_LOST_CHILD & set(said)) and not ((HABITUAL | _RELIEF) & set(said) or _shows_told(said))


# "anak kunci" (a key), "anak muda" (young people), "anak sekolah" (pupils), "anak sy" (one's own child, found again).
_NOT_A_CHILD_AFTER = frozenset({"kunci", "muda", "sekolah", "smp", "sma", "smk", "kuliah", "kos", "kost", "kosan",
                                "buah", "tangga", "sungai", "cabang", "perusahaan", "panah", "motor", "punk"})
_OWN = frozenset({"saya", "sy", "aku", "ku", "kami", "gue", "gw", "my", "our"})
_RELIEF = frozenset({"ternyata", "alhamdulillah", "akhirnya", "syukur", "finally", "thank"})


# A child alone only for a moment, or crying for a toy: "…, ibunya lagi di dalam", "…nangis minta mainan".
_CHILD_MINDED = frozenset({"ternyata", "ketemu", "minta", "mainan", "toy", "ibunya", "ayahnya", "bapaknya", "mamanya"})


# Held in against their will ("ditahan debt collector…, gk boleh keluar"); not in custody, at school or sick.
_HELD = (("enggak", "boleh", "keluar"), ("tidak", "boleh", "keluar"), ("dilarang", "keluar"),
         ("enggak", "dikasih", "keluar"), ("tidak", "diizinkan", "keluar"), ("not", "allowed", "to", "leave"),
         ("won", "t", "let", "me", "leave"), ("wont", "let", "me", "leave"), ("won", "t", "let", "me", "out"),
         ("wont", "let", "me", "out"), ("won", "t", "let", "us", "leave"), ("wont", "let", "us", "leave"))
_IN_CARE_OR_CUSTODY = frozenset({"polisi", "polsek", "polres", "penjara", "sel", "tahanan", "rutan", "lapas", "police",
                                 "jail", "prison", "sekolah", "pesantren", "asrama", "karantina", "isolasi", "sakit",
                                 "dokter", "hujan", "kantor", "school", "sick", "kerja", "karyawan"})


def _held_against_will(said: list[str]) -> bool:
    return any_phrase(said, _HELD) and bool(_HOLDING & set(said)) and not (_IN_CARE_OR_CUSTODY | HABITUAL) & set(said)


_HOLDING = frozenset({"ditahan", "ditawan", "disandera", "dikurung", "dikunci", "disekap", "held", "kept", "locked",
                      "holding", "trapped"})

# "preman nusuk temen sy": words() spells the Jakartan "nusuk" out as "menusuk", which is also a smell's ("bau
# menusuk hidung"): a stab where a person follows it.
_STABBING = frozenset({"menusuk", "menusukkan", "nusukin", "stabbing", "stabs"})


def _stabbing_someone(said: list[str]) -> bool:
    return any(word in _STABBING and _PEOPLE & set(said[i + 1:i + 3]) and not _negated(said, i)
               for i, word in enumerate(said))


# A threat of harm in formal words, which ALWAYS_WORDS leaves out ("mengancam" is also a hazard's, news' and a
# debt collector's): "suami sy mengancam akan membakar rumah", "is threatening to burn the house".
_FORMAL_THREAT = frozenset({"mengancam", "diancam", "threatening", "threatens", "threatened"})
_HARM_THREATENED = frozenset({"membakar", "bakar", "dibakar", "membunuh", "bunuh", "dibunuh", "membacok", "bacok",
                              "dibacok", "menusuk", "tusuk", "ditusuk", "menembak", "tembak", "ditembak", "memukul",
                              "pukul", "dipukul", "burn", "kill", "stab", "shoot", "hurt", "beat"})


def _threatened_with_harm(said: list[str]) -> bool:
    return any(word in _FORMAL_THREAT and _HARM_THREATENED & set(said[i + 1:i + 4]) and not _negated(said, i)
               and not a_thing_threatens(said, i) for i, word in enumerate(said))


# Locked in by one of the household: "suami sy ngunciin sy di kamar", "my husband locked me in the bedroom".
_LOCKING = frozenset({"ngunciin", "nguncin", "mengunci", "menguncikan", "dikunciin", "ngurung", "mengurung",
                      "ngurungin", "locked", "locks"})
_LOCKED_IN = frozenset({"saya", "aku", "me", "us", "kami", "anak", "istri", "ibu", "her", "him"})
# "I'm locked in by…", and "im locked in by…" with the apostrophe left out
_BEING = frozenset({"m", "im", "am", "was", "were", "are", "re", "been", "got", "being"})
_KIN_WHO_LOCK = frozenset({"parents", "mantan", "ex", "orangtua", "ortu", "stepmother", "stepmom", "stepdad", "uncle",
                           "paman", "om"})


def _locked_in_at_home(said: list[str]) -> bool:
    return bool((_HOUSEHOLD | _KIN_WHO_LOCK) & set(said)) and not _IN_CARE_OR_CUSTODY & set(said) and any(
        word in _LOCKING and (_LOCKED_IN & set(said[i + 1:i + 3]) or _locked_in_by(said, i)) and not _negated(said, i)
        for i, word in enumerate(said))


# Locked in by anyone, the one locked in a person: "someone locked me in the bathroom", "they locked my sister in a
# room", "I'm locked in and can't get out", "I've been locked in by my employer". Not keys, nor one's own doing
# ("locked myself out", "the kids locked themselves in playing"), nor custody.
_LOCKED_ONES = frozenset({"me", "us", "her", "him"})
_WHO_LOCKS = _FAMILY | _PERSONS | _LOCKED_ONES | frozenset({
    "employer", "boss", "someone", "somebody", "them", "guy", "guys", "man", "men", "stranger", "strangers",
    "landlord", "ex"})  # a partner or a spouse is of _PERSONS already
_NO_WAY_OUT = (("can", "t", "get", "out"), ("cannot", "get", "out"), ("cant", "get", "out"), ("won", "t", "let"),
               ("wont", "let"), ("help",), ("please",), ("tolong",))


def _locked_in_against_will(said: list[str]) -> bool:
    if _IN_CARE_OR_CUSTODY & set(said):
        return False
    for i, word in enumerate(said):
        if word != "locked" or _negated(said, i):
            continue
        after = said[i + 1:i + 5]
        whom = after[:1] and (after[0] in _LOCKED_ONES
                              or (after[0] in ("my", "our") and bool((_FAMILY | _PERSONS) & set(after[1:2]))))
        if whom and {"in", "inside"} & set(after[1:4]):
            return True
        # "i m locked in": words() reads a lone "m" as Indonesian "sama"; after "i" it is the "am" ("we r": "are")
        being = i > 0 and (said[i - 1] in _BEING or said[i - 2:i] in (["i", "sama"], ["we", "r"]))
        passive = being and after[:1] in (["in"], ["inside"])
        # "locked in by my husband", "locked in my room by my husband"; not "locked in by the rain"
        by = next((k for k in range(i + 2, min(i + 6, len(said))) if said[k] == "by"), None)
        by_someone = by is not None and bool(_WHO_LOCKS & set(said[by + 1:by + 4]))
        if passive and (by_someone or any_phrase(said[i:], _NO_WAY_OUT) or said[i - 1] == "being"
                        or (by is None and _shut_in_there(said, i))):
            return True
    return False


# The writer shut in, told bare or with the room: "I'm locked in", "i m locked in the bathroom", "we are locked
# inside the house"; not a commitment or a plan ("locked in a contract", "locked in for the exam", "locked in to a
# two year plan"), nor told by what, which is no one ("…by choice", "…by accident": the caller's "by").
_SHUT_IN_ONES = frozenset({"i", "im", "we"})
_SHUT_IN_ROOMS = _LIVED_IN | frozenset({"bathroom", "toilet", "kitchen", "basement", "cellar", "attic", "garage",
                                        "warehouse", "storeroom", "closet", "cupboard", "shed", "office",
                                        "apartment", "flat", "building", "car", "van", "truck"})
_A_ROOM_OF = frozenset({"the", "a", "my", "our", "this", "his", "her", "their", "an"})
_WHAT_MAY_FOLLOW = frozenset({_BREAK, "and", "help", "please", "pls", "tolong", "here", "now", "right"})


def _shut_in_there(said: list[str], at: int) -> bool:
    if not _SHUT_IN_ONES & set(said[max(0, at - 3):at]):
        return False
    rest = said[at + 2:]
    while rest[:1] and rest[0] in _A_ROOM_OF:
        rest = rest[1:]
    return not rest or rest[0] in _WHAT_MAY_FOLLOW or rest[0] in _SHUT_IN_ROOMS


def _locked_in_by(said: list[str], at: int) -> bool:
    """"I'm locked in by my boyfriend", "we were locked inside by my father": the one held before, who holds after."""
    return said[at] == "locked" and said[at + 1:at + 2] in (["in"], ["inside"], ["up"]) \
        and "by" in said[at + 2:at + 4] and at > 0 and said[at - 1] in _BEING


# Something thrown at people: "ngelempar2in botol ke org2", "throwing bottles at people"; by thugs, at anything.
_THROWING = frozenset({"lempar", "melempar", "ngelempar", "ngelemparin", "melempari", "lemparin", "throwing",
                       "throws", "threw"})
_MISSILES = frozenset({"botol", "batu", "kursi", "bottles", "bottle", "rocks", "stones", "chairs"})


_AT_WHOM = frozenset({"ke", "kena", "arah", "kearah", "at", "towards", "hit", "hitting"})


def _throwing_at_people(said: list[str]) -> bool:
    """Thrown at people, or by thugs at whatever ("preman2 itu masih lempar2 batu ke pos"); in play, only where it
    is thrown at someone ("anak2 main lempar batu ke kepala anak sy"), not where people are ("anak2 lagi main
    lempar batu di depan rumah sy")."""
    return any(word in _THROWING and _MISSILES & set(said[i + 1:i + 3])
               and (_at_people(said[i + 2:i + 7], aimed=bool(_AT_PLAY & set(said[max(0, i - 2):i])))
                    or _THUGS & set(said[max(0, i - 4):i]))
               for i, word in enumerate(said)) and not HABITUAL & set(said)


def _at_people(after: list[str], *, aimed: bool) -> bool:
    """Whether people stand in `after` (the words after what was thrown); `aimed`: as its target ("ke warga",
    "kena kepala org", "at people")."""
    at = next((k for k, word in enumerate(after) if word in _AT_WHOM), None) if aimed else -1
    return at is not None and bool((_PEOPLE | {"people", "warga", "pengunjung"}) & set(after[at + 1:]))


# Stones thrown at the resident's own home while they tell it: "rumah sy lagi dilempari batu", "they are throwing
# rocks at my house"; not a pelting told as past ("kemarin rumah sy dilempari batu") or as a habit.
_PELTING = frozenset({"dilempari", "dilemparin", "dilempar", "lempari", "melempari", "ngelemparin", "throwing",
                      "pelting"})
_A_HOME = frozenset({"rumah", "kaca", "jendela", "pintu", "pagar", "house", "home", "window", "windows", "door"})
_GOING_ON_NOW = frozenset({"lagi", "masih", "sekarang", "now", "are", "still"})


def _pelting_a_home_now(said: list[str]) -> bool:
    return not HABITUAL & set(said) and any(
        word in _PELTING and _MISSILES & set(said[i + 1:i + 4]) and _GOING_ON_NOW & set(said[max(0, i - 3):i])
        and not _AT_PLAY & set(said[max(0, i - 2):i])  # "kids are playing throwing stones near my house"
        and _A_HOME & set(said[max(0, i - 5):i + 7]) and _OWN & set(said[max(0, i - 5):i + 7])
        for i, word in enumerate(said))


# A drunk at the wheel now: "sy lg di angkot, supirnya mabok nyetir ugal2an", "the bus driver is drunk and
# swerving"; not what happens often ("sopir angkot sering mabok").
_DRUNK = frozenset({"mabok", "mabuk", "teler", "drunk"})
_AT_THE_WHEEL = frozenset({"sopir", "supir", "pengemudi", "driver", "nyetir", "menyetir", "ngebut", "ugalan",
                           "driving", "swerving"})


_DRIVING = frozenset({"nyetir", "menyetir", "ngebut", "driving"})
_DRIVING_REACH = 3  # words from the drunk to their driving: "mabok nyetir", "mabok tp maksa nyetir"


def _drunk_driving(said: list[str]) -> bool:
    if not _DRUNK & set(said):
        return False
    plain = [word.removesuffix("nya") for word in said]
    drunk = [i for i, word in enumerate(said) if word in _DRUNK and not _negated(said, i)]
    # a driver and a way of driving named ("supirnya mabok nyetir ugal2an"), or the drunk driving told right after
    # ("suami sy mabok nyetir bawa anak2"); not one driven by another ("temen sy mabok, jadi sy yg nyetir")
    at_the_wheel = len(_AT_THE_WHEEL & set(plain)) >= 2 or any(
        word in _DRIVING and said[k - 1] != "yang" for i in drunk
        for k, word in enumerate(plain[i + 1:i + 1 + _DRIVING_REACH], i + 1))
    return bool(drunk) and at_the_wheel and not HABITUAL & set(plain)


# A car or a house crushed by what fell on it with someone inside: "ada pohon tumbang nimpa mobil, ada orangnya di
# dalem", "rumah ketiban tembok, penghuninya masih di dalam"; not empty ("untung gk ada orangnya").
_CRUSHING = frozenset({"nimpa", "menimpa", "ketiban", "tertimpa", "ketimpa", "kejatuhan", "crushed", "fell"})
_CRUSHED = _VEHICLES | _BUILDING | {"ruko", "warung", "pos", "angkot"}
_WHO_IS_INSIDE = _OCCUPANTS | {"penghuni", "pemilik", "warga", "anak", "keluarga"}


# A building fallen in ("rumah roboh kena gempa, ada org di dalem"): someone must be said to be inside it, not only
# there ("ada org lewat").
_FALLEN_IN = frozenset({"roboh", "rubuh", "ambruk", "runtuh", "ambrol", "collapsed"})
_INSIDE_IT = frozenset({"dalam", "dalem", "inside", "terjebak", "kejepit", "terjepit", "tertimbun", "ketimbun",
                        "trapped"})


def _crushed_with_someone_inside(said: list[str]) -> bool:
    if not (_CRUSHING | _FALLEN_IN) & set(said):
        return False

    def befalls_a_building(among: frozenset[str]) -> bool:
        return any(word in among and _CRUSHED & {w.removesuffix("nya") for w in said[max(0, i - 3):i + 4]}
                   for i, word in enumerate(said))

    crushed = befalls_a_building(_CRUSHING)
    return (crushed or befalls_a_building(_FALLEN_IN)) and any(
        word.removesuffix("nya") in _WHO_IS_INSIDE | {"someone", "people"} and not _negated(said, i)
        and ((crushed and said[i - 1:i] == ["ada"]) or bool(_INSIDE_IT & set(said[i + 1:i + 4])))
        for i, word in enumerate(said))


# The resident or the neighbours going after a thief or an attacker now: "hp sy dijambret, pelakunya lari ke pasar, sy
# masih ngejar dia", "warga lagi ngejar malingnya".
_PURSUERS = _WE | {"warga", "massa", "satpam", "kami"}
_CULPRITS = THIEVES | {"pelaku", "pelakunya", "malingnya", "jambretnya", "copetnya"}
_FRAUD = frozenset({"nipu", "menipu", "ditipu", "penipu", "tipu", "penipuan", "jalur"})


def _pursuing_now(said: list[str]) -> bool:
    if (_TO_COURT | _FRAUD) & set(said):
        return False  # "masih ngejar pelaku yg nipu sy lewat jalur hukum": a case, no one in danger
    chasing = any(word in _CHASING and _CHASING_NOW & set(said[max(0, i - 3):i])
                  and _PURSUERS & set(said[max(0, i - 4):i]) and not _negated(said, i) for i, word in enumerate(said))
    return chasing and (bool(_CULPRITS & set(said)) or bool(THEFT_STEMS & set(stems_of(said, THEFT_STEMS))))


# A person dragged off by someone: "ada cewek diseret 2 cowok ke gang, dia teriak2", "anak sy digeret org". Not by the
# water (_SWEPT), nor to court ("diseret ke pengadilan", "ke ranah hukum").
_DRAGGED = frozenset({"diseret", "digeret", "diseretnya"})
_TO_COURT = frozenset({"pengadilan", "meja", "hukum", "ranah", "kasus", "sidang", "polisi", "kpk", "court"})


def _dragged_off(said: list[str]) -> bool:
    return any(word in _DRAGGED and (_a_person_before(said, i) or (said[i - 1:i] and said[i - 1] in _TITLES))
               and not _negated(said, i)
               and not (_CURRENTS | _TO_COURT) & set(said[i + 1:i + 4]) for i, word in enumerate(said))


# Shooting at people, homes or cars ("pria bawa senapan angin nembakin rumah2 warga", "tetangga mabok nembak2 ke arah
# rumah sy"), or a gun carried by someone ("ada org mabok bawa senapan di gang"). "nembak" is also to ask someone out
# ("dia nembak sy kemarin"): a gun or "ke arah" must go with it; shooting again and again ("nembakin", "menembaki",
# "nembak2") needs only whom it is at. Not at birds or rats, for sport or for sale ("nembak burung pake senapan
# angin", "jual senapan angin").
_SHOOTING_AT = frozenset({"nembakin", "nembakkin", "menembaki", "nembaki", "nembakan"})
_SHOOTING = _SHOOTING_AT | {"nembak", "menembak", "tembak"}
_GUNS = frozenset({"senapan", "bedil", "airsoft", "senpi", "pistol", "rifle", "gun", "guns"})
_SHOT_AT = frozenset({"rumah", "warga", "orang", "kaca", "jendela", "mobil", "motor", "kendaraan", "kerumunan", "massa",
                      "anak", "pengendara", "pejalan", "arah", "saya", "kami", "kita", "tetangga", "orangnya",
                      "houses", "house", "people", "cars", "car", "windows", "us", "me"})
_GAME_SHOT = frozenset({"burung", "tikus", "babi", "hama", "monyet", "sasaran", "target", "berburu", "buru", "perbakin",
                        "latihan", "lomba", "jual", "dijual", "harga", "beli", "birds", "hunting"})


def _shooting_at_people(said: list[str]) -> bool:
    if not (_SHOOTING | {"senapan", "bedil"}) & set(said) or _GAME_SHOT & set(said) or HABITUAL & set(said) \
            or any(word in _GUNS and _a_toy(said, i) for i, word in enumerate(said)):
        return False  # "nembak2in pistol air ke motor sy": a toy
    gun = bool(_GUNS & set(said))
    for i, word in enumerate(said):
        if word not in _SHOOTING or _negated(said, i):
            continue
        doubled = said[i + 1:i + 2] == [word]  # "nembak2"
        at = said[i + 1 + doubled:i + 5 + doubled]
        aimed = bool({w.removesuffix("nya") for w in at} & _SHOT_AT)
        if aimed and (gun or word in _SHOOTING_AT or doubled or "arah" in at):
            return True
    return any(word in _CARRYING and {"senapan", "bedil"} & set(said[i + 1:i + 3])
               and (_PEOPLE | _THUGS | {"pria", "org"}) & set(said[max(0, i - 3):i]) for i, word in enumerate(said))


# A baby or a child left in a closed car: "ada bayi nangis terus di mobil yg diparkir, kaca ketutup"; not once let
# out ("…, syukurlah cepat dibuka", "udah dikeluarin satpam"), unless after a "but" it is shut again or the child
# unwell ("udah dibuka 1 pintu tp kuncinya macet lg, anak sy lemas").
_CLOSED_IN = frozenset({"ketutup", "tertutup", "terkunci", "kekunci", "dikunci", "ditinggal", "locked", "closed"})
_STILL_SHUT = _CLOSED_IN | _UNWELL | {"macet", "nyangkut", "stuck", "jammed"}
_OPENED = frozenset({"dibuka", "dibukain", "opened"})  # a door opened, which may stick again


# Whether leaving a child is allowed, asked as such: "boleh ga ninggalin anak di mobil sebentar?", "bolehkah anak
# ditinggal di mobil?". Not a plea ("boleh minta tolong, anak sy ditinggal di mobil"), a child already locked in
# ("anak sy kekunci di mobil panas") or left a while ("… ditinggal ortunya udah sejam").
_ALLOWED_ASKED = tuple(tuple(_as_listed(word) for word in phrase.split()) for phrase in (
    "boleh ga", "boleh gak", "boleh nggak", "boleh enggak", "boleh tidak", "bolehkah", "apakah boleh",
    "dibolehkan", "diperbolehkan", "diizinkan", "is it ok", "is it okay", "allowed"))
_NOT_A_QUESTION_OF_LEAVING = frozenset(_as_listed(word) for word in (
    "tolong", "help", "please", "udah", "udh", "sudah", "dari", "since", "already"))


def _asked_if_allowed(said: list[str]) -> bool:
    return any_phrase(said, _ALLOWED_ASKED) and not (_NOT_A_QUESTION_OF_LEAVING
                                                     | (_CLOSED_IN - {"ditinggal"})) & set(said)


# Words from the child to the car, less those of the child's age: "bocah umur 3 th ditinggal sendirian di mobil",
# "ada bayi kira2 umur 6 bulan ditinggal di dalam mobil".
_CAR_REACH = 6
_AGE = frozenset({"umur", "usia", "kira", "sekitar", "tahun", "tahu", "tahunan", "bulan", "bulanan", "an", "years",
                  "months", "old", "about"})


def _left_in_a_car(said: list[str]) -> bool:
    def car_after(i: int) -> bool:
        told = islice((word for word in said[i + 1:] if word not in _AGE and not word.isdecimal()), _CAR_REACH)
        return any(word in ("mobil", "car") for word in told)

    in_a_car = not _asked_if_allowed(said) and any(
        word in _A_CHILD - {"boy", "girl"} and car_after(i) for i, word in enumerate(said))
    return in_a_car and bool(_CLOSED_IN & set(said) or any_phrase(said, (("enggak", "ada", "orangnya"),
                                                                         ("tidak", "ada", "orangnya")))) \
        and not _let_out_of_the_car(said)


def _let_out_of_the_car(said: list[str]) -> bool:
    if not _done(said, _LET_OUT):
        return False
    last = max(i for i, word in enumerate(said) if word in _LET_OUT)
    if said[last] not in _OPENED:
        return True  # taken out ("udah dikeluarin"), whatever sticks after
    but = next((k for k in range(last + 1, len(said)) if said[k] in _BUT), None)
    return but is None or not _STILL_SHUT & {word.removesuffix("nya") for word in said[but + 1:]}


# Something that blew up where people are: "kos2an sebelah meledak"; not a tyre ("ban mobil meledak").
_BLOWN_UP = frozenset({"meledak", "exploded", "blew"})
_WHAT_BLOWS_UP = _BUILDING | frozenset({"kos", "kosan", "kost", "sebelah", "trafo", "travo", "gardu", "tabung",
                                        "gudang", "pabrik", "mobil", "truk", "bus", "tangki", "house", "building"})


# Music said to blast ("sound system tetangga meledak2 sampe malem"): loud, a noise to report, nothing blown up. Only
# words of the sound itself: a salon, a karaoke place or an organ's stage can blow up; and never with people hurt or a
# gas cylinder named.
_LOUD_MUSIC = frozenset({"sound", "soundnya", "soundsystem", "speaker", "speakernya", "musik", "musiknya", "music",
                         "lagu", "dangdut", "volume"})
_NO_MUSIC_BUT = HURT | frozenset({"gas", "tabung", "elpiji", "lpg", "api", "asap", "kebakaran", "fire", "smoke"})


def _music_blasting(said: list[str], at: int) -> bool:
    return bool(_LOUD_MUSIC & set(said[max(0, at - 5):at])) and not _NO_MUSIC_BUT & set(said)


def _exploded(said: list[str]) -> bool:
    return any(word in _BLOWN_UP and _WHAT_BLOWS_UP & set(said[max(0, i - 3):i]) and not _negated(said, i)
               and not {"ban", "balon", "petasan", "tire", "tyre"} & set(said[max(0, i - 3):i])
               and not _music_blasting(said, i)
               for i, word in enumerate(said)) \
        or any_phrase(said, (("bunyi", "ledakan"), ("suara", "ledakan"), ("ada", "ledakan"))) \
        or (any(word in _BLOWN_UP and not _negated(said, i) for i, word in enumerate(said))
            and _unnegated(said, HURT))  # whatever blew up, people are hurt: "tempat karaoke meledak banyak korban"


def _by_the_household(said: list[str], at: int) -> bool:
    """A way in tried by the writer or a pet ("sy lagi nyoba masuk rumah lewat pintu belakang, kunci ilang", "kucing
    sy nyoba masuk lewat jendela"), or "trying to get in touch": no one forcing it."""
    return bool(({"saya", "aku", "kami", "i", "we"} | _PETS) & set(said[max(0, at - 3):at])) \
        or bool({"contact", "touch"} & set(said[at:at + 6]))


# Someone who got in unbidden and is there still: "ada org nyusup di rumah, dia ngumpet di kamar belakang", "ada org
# asing di gudang, dia belum keluar".
_SLIPPING_IN = frozenset({"nyusup", "menyusup", "nyelinap", "menyelinap"})
_STAYING = (("belum", "keluar"), ("masih", "di"), ("still", "in"), ("still", "inside"))
# Slipped into a chat, not a home: "ada org nyusup ke grup wa kantor"
_CHATS = _ONLINE | {"grup", "group", "gc", "zoom", "telegram", "chat", "obrolan"}
# "orang asing" is also a foreigner: "paspornya hilang", "(bule) … mau tanya izin tinggal"; a guest staying, unless
# hiding or come in unbidden ("orang asing bule mabuk masuk rumah sy")
_FOREIGNER = frozenset({"bule", "paspor", "turis", "wna", "visa", "kitas", "imigrasi", "ekspat", "expat",
                        "foreigner", "passport", "tourist"})
_CAME_IN = frozenset({"masuk", "nyelonong", "menerobos", "nerobos", "broke", "entered"})


# A stranger found inside the resident's home now: "ketahuan pas buka pintu, ada org gk dikenal di dalam rumah",
# "there's a stranger inside my house". Not outside it ("di depan rumah"), in an empty house, a chat or on the phone,
# nor a guest, a friend or a worker let in ("tamu bapak", "tukang pln").
_HOME_WITHIN = frozenset({"dalam", "dalem", "kamar", "dapur", "garasi", "gudang", "loteng", "ruang", "ruangan", "rumah",
                          "kos", "kosan", "kost", "kontrakan", "inside", "house", "home", "room", "bedroom", "kitchen",
                          "garage"})
_OUTSIDE_IT = frozenset({"depan", "luar", "seberang", "kosong", "outside", "front", "empty"})
# Where in or at a home someone is told to be now (_there_now_at)
_WHERE_IN_A_HOME = _HOME_WITHIN | {"atap", "teras", "halaman", "pagar", "jendela", "pintu", "belakang", "roof", "yard",
                                   "door", "window"}
_LET_IN = _CHATS | frozenset({"tamu", "bertamu", "saudara", "sodara", "tukang", "kurir", "teknisi", "petugas", "pln",
                              "pdam", "survei", "survey", "sales", "ternyata", "guest", "guests", "relative",
                              "delivery", "telepon", "telpon", "nelpon", "menelepon", "sms", "called", "teman",
                              "temen", "friend"}) | _FOREIGNER
_STRANGE_WORDS = _NOT_KNOWN_AS | {"asing", "stranger", "strangers"}
_STRANGER_REACH = 6  # words from who is strange to where they are: "org gk dikenal lagi ngacak2 lemari di kamar"


def _a_stranger_at(said: list[str], at: int, looks: frozenset[str] = frozenset({"asing"})) -> bool:
    """Whether `at` tells of a person unknown: "stranger", "org asing" (or another of `looks` after a person),
    "cowok gk dikenal"; not denied ("tidak ada org asing…") nor supposed ("kalau ada org asing…")."""
    word, who = said[at], said[max(0, at - 3):at]
    strange = word in ("stranger", "strangers") or (word in looks and who[-1:] and (
        who[-1].removesuffix("nya") in _ANOTHER_PERSON | {"orang", "seseorang", "someone", "man", "guy", "person"})) \
        or (word in _NOT_KNOWN_AS and who[-1:] and who[-1] in NEGATIONS | {"tak"}
            and bool((_ANOTHER_PERSON | {"orang", "seseorang"}) & set(who))) \
        or (word in looks and said[at + 1:at + 2] in (["man"], ["men"], ["guy"], ["guys"], ["person"], ["woman"]))
    return bool(strange) and not _negated(said, max(0, at - 2)) and not _WHAT_IF & set(said[max(0, at - 5):at])


# Where a stranger is only seen, not near: "ada org aneh di tv", "film org aneh", "a strange man on tv".
_SHOWN_ON = _SCREENS | {"film", "sinetron", "tiktok", "video", "game", "medsos", "instagram", "ig", "fb", "facebook",
                        "movie", "show"}


def _on_a_screen(said: list[str], at: int) -> bool:
    """Whether the person unknown at `at` is one on a screen: a screen just after ("di tv", "man on tv") or named
    just before ("film org aneh"); not a screen beside ("sy lagi nonton tv, ada org aneh ngetok pintu")."""
    after = said[at + 1:at + 4]
    return any(word in ("di", "on", "in") and after[k + 1:k + 2] and after[k + 1] in _SHOWN_ON
               for k, word in enumerate(after)) or (at >= 2 and said[at - 2] in _SHOWN_ON)


def _stranger_inside(said: list[str]) -> bool:
    if (_LET_IN | HABITUAL | _NOISES_OF_NO_ONE) & set(said):
        return False
    for i, word in enumerate(said):
        if word not in _STRANGE_WORDS or not _a_stranger_at(said, i) or _on_a_screen(said, i):
            continue
        where = _told_after(said, i, _STRANGER_REACH)
        if any(w in ("di", "in", "inside") and _HOME_WITHIN & set(where[k:k + 3]) and not _OUTSIDE_IT & set(where)
               for k, w in enumerate(where)):
            return True
        # come in: "ada org gk dikenal masuk rumah sy", "rumah kemasukan orang gak dikenal"
        came_in = bool(_COMING_IN & set(where) and _HOME_WITHIN & set(where)) or bool(
            _ENTERED_BY & set(said[max(0, i - 5):i]) and _HOME_WITHIN & set(said[max(0, i - 7):i]))
        if came_in and not _OUTSIDE_IT & set(where):
            return True
    return False


_COMING_IN = frozenset({"masuk", "nyelonong", "menyelinap", "nyelinap", "came", "walked", "entered"})
_ENTERED_BY = frozenset({"kemasukan", "dimasuki", "dimasukin", "dimasukkan"})


# Someone come into the resident's home, or in it, told with the home's owner: "ada org masuk rumah sy", "ada yg di
# dapur sy", "ada penyusup di rumah sy", "lagi ada yg manjat jendela kamar sy", "there is someone in my house". Not a
# guest or a worker let in (_LET_IN), an animal, one of the household or a neighbour ("anak sy masuk rumah temennya",
# "tetangga sy masuk rumah sy"), an empty house, a habit, or asked how to report ("…? gimana cara lapornya").
_SOMEONE_UNNAMED = frozenset({"orang", "seseorang", "yang", "someone", "somebody", "penyusup", "intruder"})
_GETTING_IN = _COMING_IN | _SLIPPING_IN | frozenset({"manjat", "memanjat", "loncat", "lompat", "mencoba", "nyoba",
                                                     "trying", "climbing", "breaking", "climbed", "sneaked", "snuck"})
_WITHIN = frozenset({"di", "dalam", "dalem", "ke", "in", "inside", "into"})
_OF_A_HOME = _HOME_WITHIN - {"dalam", "dalem", "ruang", "ruangan"} | frozenset({
    "pager", "pagar", "jendela", "pintu", "teras", "tembok", "atap", "lemari", "backyard", "yard", "window", "door",
    "roof"})
_MINE = frozenset({"saya", "aku", "kami", "gue", "gua", "my", "our"})
# Who calls round for something, not come in unbidden: "ada org mau masuk rumah sy minta sumbangan", "nawarin
# asuransi", "ada yg di rumah sy? sy mau titip paket", "ada org di depan rumah sy jualan sayur".
_CALLING_ROUND = frozenset({"minta", "sumbangan", "nawarin", "menawari", "menawarkan", "jualan", "titip", "paket",
                            "antar", "nganter", "selling", "delivering"})
_HOW_TO_REPORT = frozenset({"cara", "gimana", "bagaimana", "how"})
_GETTING_IN_WITHIN = 3  # words from who to their getting in: "ada yg nyoba…", "someone is trying…"
_SOMEONE_REACH = 8  # words from who to the home: "ada org loncat pager rumah sy", "someone is trying to get into my
# house"
# Words after a "saya" that make it the writer going on, a comma lost between ("…masuk rumah, sy takut"), not the
# home's owner ("…masuk rumah sy pak"); with FEAR.
_THE_WRITER_DOES = frozenset({"lagi", "sedang", "di", "mau", "harus", "udah", "sudah", "baru", "lihat", "liat",
                              "dengar", "denger", "am", "was", "saw", "heard"})


def _someone_in_the_home(said: list[str], who: frozenset[str] = _SOMEONE_UNNAMED) -> bool:
    told = set(said)
    if (_LET_IN | HABITUAL | _NOISES_OF_NO_ONE | _PETS | _CALLING_ROUND | {"kosong", "empty", "ular", "snake"}) & told \
            or (_HOW_TO_REPORT & told and {"lapor", "lapornya", "melapor", "report"} & told) or _while_away(said):
        return False
    for i, word in enumerate(said):
        if word not in who or _negated(said, i) or _WHAT_IF & set(said[max(0, i - 5):i]):
            continue
        if word == "yang" and said[i - 1:i] != ["ada"]:
            continue  # "ada yg masuk"; not a "yang" of a clause ("anak yang masuk")
        where = said[i + 1:i + 1 + _SOMEONE_REACH]
        if _BREAK in where:
            where = where[:where.index(_BREAK)]
        homes = [k for k, w in enumerate(where) if w in _OF_A_HOME]
        owned = any((where[k + 1:k + 2] and where[k + 1] in _MINE
                     and not (FEAR | _THE_WRITER_DOES) & set(where[k + 2:k + 3]))
                    or where[k - 1:k] in (["my"], ["our"]) for k in homes)
        # getting in, or in, said of them at once: "ada org masuk…", "someone is trying to get into…"; not what they
        # do elsewhere first ("ada yg bakar sampah, skrg ada di halaman rumah sy")
        getting_in = next((k for k, w in enumerate(where) if w in _GETTING_IN | _WITHIN), None)
        if owned and not _OUTSIDE_IT & set(where[:homes[0]]) and (word in ("penyusup", "intruder") or (
                getting_in is not None and getting_in < _GETTING_IN_WITHIN and getting_in < homes[0])):
            return True
    return False


def _intruder_there(said: list[str]) -> bool:
    if _stranger_inside(said):
        return True
    told = set(said)
    # someone unknown slipped in, not one of the house ("anak sy nyusup ke kamar sy")
    named = any(word in ("penyusup", "intruder", "intruders") and not _negated(said, i) and said[i + 1:i + 2] in (
        ["di"], ["in"], ["inside"]) and _HOME_WITHIN & set(said[i + 2:i + 4]) for i, word in enumerate(said))
    if named and not (_CHATS | HABITUAL | _WHAT_IF) & told:
        return True  # "ada penyusup di rumah", "there is an intruder in the house": whoever's home it is
    slipped_in = any(word in ("penyusup", "intruder") or (word in _SLIPPING_IN and {"orang", "seseorang", "yang"} & set(
        said[max(0, i - 2):i]) and not _CHATS & set(said[i + 1:i + 4])) for i, word in enumerate(said))
    stranger = any_phrase(said, (("orang", "asing"),))
    guest = stranger and bool(_FOREIGNER & {word.removesuffix("nya") for word in said}) and not _CAME_IN & told
    return (slipped_in or stranger) and (bool(_HIDING & told) or (any_phrase(said, _STAYING) and not guest)) \
        and not (HABITUAL | _NOISES_OF_NO_ONE) & told


def _hiding(said: list[str]) -> bool:
    for i, word in enumerate(said):
        if word not in _HIDING or HABITUAL & set(said):
            continue
        before = [w for w in said[max(0, i - 3):i] if w not in _WHILE_HIDING]
        if before and before[-1] in _HIDERS:
            return True
    return False


# Fear said in words: alone with forms of address ("pak sy takut bgt"), the resident is in distress.
FEAR = frozenset({"takut", "ketakutan", "panik", "cemas", "gemetar", "gemeteran", "scared", "afraid", "frightened",
                  "terrified", "panicking"})
# A stranger lingering outside the home of a resident alone there: "ada org asing berdiri di depan pagar rumah sy dr
# td, sy cewe sendirian di rumah, takut pak", "ada org aneh mondar mandir dpn rmh sy dr td, sy sendirian", "someone
# strange is standing outside my gate, i'm alone at home". Still
# there ("dari tadi", "masih", afraid), not gone ("udh pergi"), nor one let in or known (_LET_IN), nor told as how
# it goes ("tiap malam").
_SUSPECT_LOOKS = frozenset({"asing", "aneh", "mencurigakan", "suspicious", "strange"})
_ALONE_AT_HOME = tuple(("sendiri", "di", place) for place in ("rumah", "kos", "kosan", "kost", "kamar", "kontrakan"))
_LINGERING = _STILL | FEAR | {"lagi", "mondar", "liatin", "ngeliatin", "ngintip", "ngintipin", "nunggu", "standing",
                              "waiting", "watching"}
_LINGERING_SINCE = (("dari", "tadi"), ("sejak", "tadi"), ("for", "an", "hour"), ("for", "hours"), ("for", "a", "while"))
_GONE_AWAY = (("sudah", "pergi"), ("sudah", "enggak", "ada"), ("sudah", "tidak", "ada"), ("left",), ("is", "gone"),
              ("has", "gone"))


def _stranger_outside_alone(said: list[str]) -> bool:
    told = set(said)
    alone = (_ALONE & told and _INDOORS & told) or any_phrase(said, _ALONE_AT_HOME)
    if not alone or (_LET_IN | HABITUAL | _NOISES_OF_NO_ONE) & told or any_phrase(said, _GONE_AWAY):
        return False
    lingering = (_LINGERING | _LURKING) & told or any_phrase(said, _LINGERING_SINCE)
    return bool(lingering) and any(
        ((word in _SUSPECT_LOOKS | _STRANGE_WORDS and _a_stranger_at(said, i, _SUSPECT_LOOKS))
         or (word in _LURKING and _SOMEONE_UNNAMED & set(said[max(0, i - 2):i]) and not _negated(said, i)))
        and not _on_a_screen(said, i) for i, word in enumerate(said))


# What someone does that makes them a suspect, whoever they are: "ada yg ngintip dr jendela kamar sy", "ada org mondar
# mandir di depan rumah sy dr td".
_LURKING = frozenset({"ngintip", "ngintipin", "mengintip", "ngintai", "mengintai", "mondar", "peeking", "lurking",
                      "pacing"})


# Someone unnamed at the window or the door of the resident now, whoever is at home: peeping in at it ("ada yg ngintip
# dr luar jendela", "someone keeps peeking through my window"), or standing or pacing there told as now, unknown or
# feared ("ada org berdiri di luar jendela kamar sy skrg", "a stranger is standing at my door and won't leave"). Not
# one known or let in (_LET_IN), gone, told as how it goes ("tiap malam"), nor children at play ("petak umpet").
_PEEPING = _LURKING - {"mondar", "pacing"} | {"ngendap", "mengendap", "peeping", "peeks", "spying", "watching"}
_STANDING = frozenset({"berdiri", "nongkrong", "mondar", "standing", "pacing", "loitering", "hanging", "outside"})
_AT_THE_HOME = _DOOR_OR_WINDOW | {"pagar", "pager", "gerbang", "teras", "gate", "porch", "fence"}
_LOOKING_IN = _AT_THE_HOME | {"kamar", "lubang", "rumah", "bedroom", "room", "house"}
_SOMEONE_THERE_NOW = _STILL | FEAR | _SUSPECT_LOOKS | _STRANGE_WORDS | {
    "lagi", "barusan", "liatin", "ngeliatin", "melihat", "ngawasin", "kelihatan", "terlihat", "watching", "staring",
    "scared", "keeps"}
_NOT_LEAVING = (("enggak", "pergi"), ("tidak", "pergi"), ("belum", "pergi"), ("won", "t", "leave"),
                ("will", "not", "leave"))
_UNNAMED_AT_THE_HOME = _SOMEONE_UNNAMED - {"yang"} | {"cowok", "cowo", "cewek", "cewe", "pria", "laki", "lelaki",
                                                     "wanita", "perempuan", "pemuda", "bayangan", "man", "woman",
                                                     "guy", "men", "person", "stranger"}
_OPEN_TO_ALL = _NOT_A_HOME | {"toko", "warung", "kantor", "bank", "atm", "sekolah", "masjid", "antri", "antre",
                               "ngantri", "shop", "store", "office", "queue", "queuing"}
_SUSPECT_REACH = 7  # words from who is there to the door or window: "ada org berdiri di luar jendela kamar"


def _lurking_at_the_home(said: list[str]) -> bool:
    told = set(said)
    if (_LET_IN | _PLAYING | _NOISES_OF_NO_ONE) & told or _only_a_habit(said) or any_phrase(said, _GONE_AWAY):
        return False
    there_now = bool(_SOMEONE_THERE_NOW & told) or any_phrase(said, _LINGERING_SINCE + _NOT_LEAVING)
    for i, word in enumerate(said):
        if word not in _PEEPING | _STANDING \
                or (_negated(said, i) and not _NOT_KNOWN_AS & set(said[max(0, i - 2):i])):
            continue  # "tidak ada yg ngintip"; not "cowok gk dikenal berdiri…", where the "no" is who is unknown
        who = said[max(0, i - 4):i]
        if not (_UNNAMED_AT_THE_HOME & set(who) or any_phrase(who, (("ada", "yang"),))):
            continue  # "ada yg ngintip"; not "anak sy yg berdiri di depan pintu"
        near = set(said[max(0, i - _SUSPECT_REACH):i + 1 + _SUSPECT_REACH])
        if _OPEN_TO_ALL & near:
            continue  # "ada org berdiri di depan pintu toko sy, lagi antri": a door open to anyone
        if (word in _PEEPING and _LOOKING_IN & near) or (_AT_THE_HOME & near and there_now):
            return True
    return False


# Strangling told as one person does it to another; "kebakar" of the sun.
_STRANGLING = frozenset({"nyekik", "mencekik", "nyekek"})
_STRANGLED = _PEOPLE | {"leher", "perempuan", "laki"}
_SUN = frozenset({"matahari", "sinar", "terik", "sun"})
_SINGED = frozenset({"nasi", "masakan", "rambut", "kue", "roti", "ikan", "gorengan", "sayur", "lauk", "telur", "telor",
                     "kulit",
                     # money "kebakar" is money spent: "dompet sy kebakar abis belanja"
                     "dompet", "kantong", "kantung", "saldo", "duit", "uang", "gaji", "tabungan", "rekening"})
# A threat of something other than harm ("ngancem nyebar data sy", "diancem dilaporin"), and the emergency number
# asked for ("nomor darurat polisi brp"): no danger told.
_THREATENING = frozenset({"ngancam", "ngancem", "ngancemin", "diancem"})
_NO_HARM_THREATENED = frozenset({"nyebar", "nyebarin", "sebar", "menyebar", "menyebarkan", "disebar", "disebarin",
                                 "data", "foto", "video", "kontak", "viral", "viralin", "diviralkan", "lapor",
                                 "laporin", "dilaporin", "dilaporkan", "pecat", "dipecat", "tagih", "nagih", "ditagih"})
# A job or pay taken away, right after the threat or what it is going to do: "bos sy ngancem mau mecat sy",
# "ngancam potong gaji kalau telat", "perusahaan ngancam PHK"; not pay named anywhere near ("ngancem sy, gaji sy
# diambil").
_DISMISSING = frozenset({"pecat", "dipecat", "mecat", "memecat", "mecatin", "pecatin", "phk", "diphk", "pemecatan"})
_PAY = frozenset({"gaji", "upah", "bonus", "thr", "honor", "insentif"})
_CUTTING = frozenset({"potong", "motong", "memotong", "dipotong", "tahan", "nahan", "menahan", "ditahan"})
_GOING_TO = frozenset({"mau", "akan", "bakal", "mo", "pengen"})
_KEPT_IN = frozenset({"keluar", "makan", "dikurung", "disekap", "dikunci", "ngurung", "mengurung", "nyekap",
                      "menyekap", "kurung", "sekap"})
# A threat told as how it goes, with order asked for: "preman ngancam warga tiap malam, tolong ditertibkan",
# "sering ada anak2 mabuk ngancam warga yg lewat, mohon ditindak"; not one now ("…, skrg dia di depan rumah").
_KEEPING_ORDER = frozenset({"ditertibkan", "tertibkan", "ditertibin", "penertiban", "ditindak", "ditindaklanjuti",
                            "dipatroli", "patroli", "ditegur", "diberantas", "dibina", "patrol"})
_HARM_THREATENED_TOO = frozenset({"nusuk", "mukul", "mukulin", "nembak", "bakarin", "ngebakar", "ngebunuh", "bunuhin",
                                  "ngebacok", "bacokin", "habisin", "hajar", "gebukin", "culik", "nyulik", "perkosa"})
_NOW_AFTER_A_HABIT = _STILL | _NOW_WORDS | {"lagi", "barusan"}
# English "fire" with someone to lose their work after it: "threatened to fire me", "he will fire us".
_TO_DO = frozenset({"to", "will", "would", "gonna", "can", "could", "might", "wants"})
_STAFF = frozenset({"me", "us", "him", "her", "them", "you", "everyone", "everybody", "all", "staff", "workers",
                    "employees"})
_FIRING_MEANT = _MEANING_TO | {"threaten", "threatening", "wanted", "plans", "planning", "planned", "decided", "about",
                               "said"}  # "threatened to fire me", "is going to fire us"
_NUMBER_OF = frozenset({"nomor", "nomer", "no", "telepon", "telpon", "kontak", "layanan", "hotline", "call"})
# What threatens without anyone's will: a tree about to fall, a cliff, a flood ("pohon mau tumbang ngancam rumah
# warga", "rumah warga terancam longsor").
_HAZARDS = frozenset({"pohon", "dahan", "ranting", "tebing", "longsor", "longsoran", "banjir", "tembok", "dinding",
                      "bangunan", "gedung", "atap", "sungai", "kali", "jembatan", "tiang", "tanah", "abrasi", "ombak",
                      "erosi", "tanggul", "baliho", "reklame", "billboard", "tree", "cliff", "flood", "landslide",
                      "wall"})
_PROPERTY = frozenset({"rumah", "lahan", "kebun", "sawah", "pekarangan"})  # "rumah warga": whose, not who
_HAZARD_REACH = 8  # words back from the threat to who or what threatens
_AT_A_PLACE = frozenset({"di", "ke", "dari", "dekat", "pinggir", "atas", "bawah", "samping", "depan", "belakang", "on",
                         "at", "near"})  # "di jembatan": where, not what


def _job_or_pay_threatened(said: list[str], at: int) -> bool:
    if _KEPT_IN & set(said):
        return False  # "majikan ngancam nahan gaji sy dan gk ngizinin sy keluar rumah": held, not only unpaid
    k = at + 1
    while k < len(said) and said[k] in _GOING_TO:
        k += 1
    return said[k:k + 1] != [] and (said[k] in _DISMISSING
                                    or (said[k] in _CUTTING and said[k + 1:k + 2] != [] and said[k + 1] in _PAY))


# A landlord's threat to evict over the rent or at a date ahead, and nothing more told but a question of one's
# rights: "pemilik kontrakan ngancam ngusir sy kalau gk bayar", "ibu kos ngancem mau ngusir sy bulan depan, gimana
# pak". Every word one of these few: one of the household ("suami ngancam ngusir sy"), a condition that is no rent
# ("…kalo gk mau ikut ke kamar dia"), fear, or anything else told ("…, dia mabuk ngacak2 kamar sy") may be the danger.
_LANDLORDS = frozenset({"kos", "kost", "kosan", "kontrakan", "landlord", "juragan", "pemilik", "owner", "punya"})
_EVICTING = frozenset({"ngusir", "ngusirin", "usir", "mengusir", "diusir", "evict"})
_RENT = frozenset({"bayar", "bayaran", "sewa", "sewanya", "telat", "nunggak", "tunggakan", "utang", "hutang",
                   "cicilan", "lunas", "rent", "pay"})
_DATES_AHEAD = (("minggu", "depan"), ("bulan", "depan"), ("besok",), ("lusa",))
_EVICTION_TOLD = _LANDLORDS | _EVICTING | _RENT | _THREATENING | _GOING_TO | _GREETED | {
    _BREAK, "ibu", "bapak", "yang", "rumah", "saya", "aku", "kami", "gue", "kalau", "kalo", "karena", "krn", "gara",
    "enggak", "tidak", "belum", "sudah", "dari", "di", "ke", "sama", "minggu", "bulan", "hari", "depan", "besok",
    "lusa", "ini", "listrik", "air", "uang", "padahal", "baru", "selamat", "malam", "pagi", "siang", "sore", "ya",
    "gimana", "bagaimana", "boleh", "itu", "tanya", "mau", "hak", "bingung", "kemana", "harus", "apa", "terima",
    "kasih", "makasih", "lapor", "sih"}
_NUMBER = re.compile(r"^\d+$")  # "telat bayar 2 bulan"


# A teacher's threat over grades or school, and nothing more told but why and a question of one's rights: "guru
# ngancam nilai anak sy jelek kalau gk ikut les", "wali kelas ngancem anak sy gk naik kelas krn sering bolos",
# "dosen ngancam gk ngelulusin sy kalau gk beli bukunya". Every word one of these few, as for an eviction: what is
# asked for in return may be the danger ("…kalo gk mau ikut ke kamar sama guru itu"), and so may anything done
# ("…, anak sy dijewer sampe telinganya robek").
_TEACHERS = frozenset({"guru", "dosen", "wali", "kepsek", "pengajar", "sekolah"})
_GRADES = frozenset({"nilai", "nilainya", "rapor", "rapornya", "raport", "rapot", "kelas", "lulus", "ngelulusin",
                     "lulusin", "meluluskan", "diluluskan", "kelulusan", "ujian", "remedial", "ijazah", "ijazahnya",
                     "skripsi"})
_GRADES_REACH = 6  # words from the threat to the grades: "ngancem anak sy gk boleh ikut ujian"
_GRADES_TOLD = _TEACHERS | _GRADES | _THREATENING | _GOING_TO | _GREETED | {
    _BREAK, "les", "kelas", "anak", "saya", "aku", "kami", "gue", "dia", "itu", "ini", "yang", "kalau", "kalo",
    "karena", "krn", "gara", "enggak", "tidak", "belum", "boleh", "bisa", "ikut", "ikutan", "tambahan", "privat",
    "bayar", "spp", "uang", "buku", "bukunya", "beli", "membeli", "tugas", "ngerjain", "mengerjakan", "bolos",
    "sering", "terus", "jelek", "kasih", "dikasih", "ngasih", "nol", "naik", "naikin", "menaikkan", "dinaikin",
    "kurang", "dikurangin", "dikurangi", "turun", "diturunin", "diturunkan", "tinggal", "seminar", "nunggak",
    "tunggakan", "lunas", "telat", "ke", "sama", "dari", "di", "legal", "apa", "gimana", "bagaimana", "ya", "sih",
    "tanya", "mau", "hak", "lapor", "padahal", "sudah", "pak", "bu", "kepala", "e", "d"}


_LESSONS = frozenset({"les", "remedial", "seminar", "ujian", "kelas", "tambahan", "privat"})


def _grades_threatened(said: list[str], at: int) -> bool:
    return bool(_TEACHERS & set(said[max(0, at - 4):at]) and _GRADES & set(said[at + 1:at + 1 + _GRADES_REACH])) \
        and all(word in _GRADES_TOLD or _NUMBER.match(word) for word in said) \
        and all(said[k + 1:k + 2] != [] and said[k + 1] in _LESSONS for k, word in enumerate(said)
                if word in ("ikut", "ikutan"))  # "ikut les"; not "ikut sama dia", "ikut ke …"


def _eviction_for_rent(said: list[str], at: int) -> bool:
    k = at + 1
    while k < len(said) and said[k] in _GOING_TO:
        k += 1
    return said[k:k + 1] != [] and said[k] in _EVICTING and bool(_LANDLORDS & set(said[max(0, at - 4):at])) \
        and (bool(_RENT & set(said)) or any_phrase(said, _DATES_AHEAD)) \
        and all(word in _EVICTION_TOLD or _NUMBER.match(word) for word in said) \
        and not any(word in ("ibu", "bapak") and said[j + 1:j + 2] not in (["kos"], ["kost"], ["kosan"])
                    for j, word in enumerate(said))  # "ibu kos", not one's mother


def _habit_to_keep_order(said: list[str], at: int) -> bool:
    start = next((k + 1 for k in range(at - 1, -1, -1) if said[k] == _BREAK), 0)
    end = next((k for k in range(at + 1, len(said)) if said[k] == _BREAK), len(said))
    after = set(said[at + 1:])
    return bool((HABITUAL | {"suka"}) & set(said[start:end]) and _KEEPING_ORDER & set(said)) \
        and not _NOW_AFTER_A_HABIT & set(said) and said[at + 1:at + 2] != [] and said[at + 1] not in _GOING_TO \
        and not (_HARM_THREATENED | _HARM_THREATENED_TOO) & after \
        and not (_HOUSEHOLD | {"mantan", "ipar"} | FEAR) & set(said)
    # "…ngancam mau bakar warung sy": harm named; "suami sy sering ngancem sy, tolong ditindak": at home, or feared


def a_thing_threatens(said: list[str], at: int) -> bool:
    """Whether the threat at `at` is a hazard's: the nearest before it, in its sentence, that could threaten is a
    hazard ("pohon mau tumbang ngancam rumah warga"), not a person ("tetangga ngancam mau nebang pohon", "ada orang
    mabok di jembatan ngancem warga"); whose the hazard is may follow it ("pohon mangga tetangga", "tembok
    tetangga"); a hazard where something stands ("di jembatan") threatens nothing. After "terancam", the hazard
    follows ("rumah warga terancam longsor")."""
    if said[at] == "terancam":
        return bool(_HAZARDS & set(said[at + 1:at + 1 + _HAZARD_REACH]))
    if said[at] not in THREAT_WORDS:
        return False
    for k in range(at - 1, max(-1, at - 1 - _HAZARD_REACH), -1):
        word = said[k]
        if word == _BREAK:
            return False
        if _a_hazard_at(said, k) and not _AT_A_PLACE & set(said[max(0, k - 2):k]) \
                and (word not in _EVERYDAY_HAZARDS or _GIVING_WAY & set(said[k + 1:at])):
            return True  # "tanah ambles ngancam …", "air kali meluap ngancam …"; not "nyerobot tanah sy ngancam"
        # "tembok tetangga", "pohon mangga tetangga": whose; not after "tanah" or "kali", which are as often a dispute
        # or a time ("masalah tanah, tetangga ngancam", "kali ini tetangga ngancam")
        whose = k >= 1 and (_a_hazard_at(said, k - 1, owned=True) or said[k - 1] in _PROPERTY or (
            k >= 2 and _a_hazard_at(said, k - 2, owned=True) and said[k - 1] not in {"ada", "yang"}))
        if word.removesuffix("nya") in _SOMEONE_WHO_THREATENS and not whose:
            return False
    return False


def _a_hazard_at(said: list[str], at: int, owned: bool = False) -> bool:
    """A hazard's word, not counted ("3 kali" is three times); one that may be owned (`owned`) is no word that is as
    often something else ("tanah", "kali")."""
    if owned and said[at] in _EVERYDAY_HAZARDS:
        return False
    return said[at] in _HAZARDS and not (at and (said[at - 1].isdecimal() or said[at - 1] in _CLOCK_WORDS))


_EVERYDAY_HAZARDS = frozenset({"tanah", "kali"})
_GIVING_WAY = frozenset({"ambles", "amblas", "ambrol", "longsor", "retak", "meluap", "meluber", "banjir", "runtuh",
                         "gerak", "bergerak", "bergeser", "tergerus", "terkikis", "turun", "labil", "penuh", "naik",
                         "deras"})


THREAT_WORDS = _THREATENING | {"ancam", "mengancam", "terancam", "threatens", "threatening", "threatened"}
_SOMEONE_WHO_THREATENS = (_PEOPLE | _OUTSIDERS | _HOUSEHOLD | {"dia", "pelaku", "mantan", "pakde", "paman", "om",
                                                              "tante", "he", "she", "they"}) - _WE
# Someone heard or seen where no one should be, now: on the roof ("ada suara org jalan di atap rumah sy, sy
# sendirian"), climbing the fence or a window ("ada yg manjat pagar rumah, sy takut"). Heard, feared, alone or
# still there says it is no worker at the roof; an animal or the wind is none, nor what happens every night.
_ROOF = frozenset({"atap", "genteng", "genting", "plafon", "plafond", "loteng", "roof", "attic", "ceiling"})
_CLIMBING = frozenset({"manjat", "memanjat", "panjat", "naik", "lompat", "loncat", "climbing", "climbed", "climb"})
_CLIMBED_OVER = frozenset({"pagar", "pager", "tembok", "jendela", "fence", "wall", "window"})
_AT_WORK_UP_THERE = frozenset({"benerin", "memperbaiki", "perbaiki", "pasang", "masang", "ambil", "fixing", "fix",
                               "repairing", "bola"})
_SOMEONE_UNSEEN = frozenset({"orang", "seseorang", "yang", "someone", "somebody", "person", "dia", "orangnya",
                             "pelaku", "pelakunya", "he", "she"})
_AT_NIGHT_ALONE = _STILL | FEAR | frozenset({"suara", "langkah", "bunyi", "terdengar", "dengar", "denger",
                                             "kedengaran", "kedengeran", "sendirian", "sound", "noise", "footsteps",
                                             "heard", "hear", "alone"})
_NOISES_OF_NO_ONE = frozenset({"kucing", "tikus", "musang", "monyet", "tupai", "burung", "angin", "hujan", "tukang",
                               "pekerja", "petir", "guntur", "geledek", "cat", "cats", "rat", "rats", "wind", "rain",
                               "worker", "workers", "thunder"})


def _someone_where_no_one_should_be(said: list[str]) -> bool:
    told = set(said)
    where = _ROOF & told or (_CLIMBING & told and _CLIMBED_OVER & told)
    return bool(where and _SOMEONE_UNSEEN & told and _AT_NIGHT_ALONE & told) \
        and not (_NOISES_OF_NO_ONE | HABITUAL | _AT_WORK_UP_THERE) & told \
        and not (_FAMILY & told and _SOMEONE_UNSEEN & told <= {"dia", "he", "she"})  # "bapak sy…, dia masih di atas"


# Someone taken, whenever it was told ("anak sy diculik orang td siang"): in danger until found, unless a film.
_TAKING = frozenset({"culik", "sandera", "sekap"})
_TAKEN_WORDS = frozenset({"kidnapped", "abducted", "kidnap", "hostage", "penculikan", "nyulik", "nyulikin"})
_TRIED = frozenset({"percobaan", "nyaris", "hampir", "mau", "coba", "attempted", "almost", "tried"})
_HEARSAY = frozenset({"katanya", "isu", "hoax", "hoaks", "kabarnya", "gosip", "kasus", "rumor", "berita"})
# What is "disandera" or "diculik" when it is no person: a debt collector's or an employer's hold on a thing.
_TAKEN_THINGS = frozenset({"motor", "mobil", "hp", "ktp", "sim", "stnk", "bpkb", "ijazah", "sertifikat", "kucing",
                           "anjing", "ayam", "barang", "paspor", "passport", "gaji", "uang", "dompet", "tas", "sepeda",
                           "laptop", "kunci", "helm", "perhiasan"})


def _long_past(said: list[str]) -> bool:
    """Told as months or years ago ("2 tahun lalu", "waktu kecil"), not today or yesterday."""
    return any(said[k:k + 2] in (["tahun", "lalu"], ["bulan", "lalu"], ["minggu", "lalu"], ["years", "ago"],
                                 ["year", "ago"], ["months", "ago"], ["waktu", "kecil"], ["last", "year"],
                                 ["last", "month"]) for k in range(len(said)))


# A child or an elder carried off, by someone unknown, by force, without leave or not given back: "cucu sy dibawa
# pergi org gk dikenal", "anak sy dibawa mantan suami gk dibalikin", "adik sy dijemput org asing di sekolah". Not a
# thing of theirs ("anak sy diambil hpnya"), nor with leave or by someone known ("sudah izin", "yg sudah dikenal").
_CARRIED = frozenset({"dibawa", "diambil", "dijemput", "digowo", "dibawain", "diajak"})
_CARRIED_OFF = frozenset({"kabur", "lari"})  # right after the word of carrying: "dibawa kabur"
_BY_FORCE = frozenset({"paksa", "dipaksa"})  # "dibawa paksa", "dibawa secara paksa", "dengan paksa"
_INVITED_OFF = frozenset({"pergi", "ikut", "kabur"})  # "diajak pergi", not "diajak kenalan"
_UNKNOWN = frozenset({"asing", "stranger", "strangers"})
_NOT_ALLOWED = frozenset({"dikenal", "kenal", "izin", "ijin", "dibalikin", "dikembalikan", "dipulangkan", "dihubungi"})
_CARRIED_WITHIN, _WHO_WITHIN = 6, 8  # words from the child to the carrying, and from it to who or how


def _carried_off(said: list[str]) -> bool:
    if _make_believe(said) or _found_again(said) or _HEARSAY & set(said) or _long_past(said):
        return False
    for i, word in enumerate(said):
        if word not in _CHILDREN_AND_ELDERS or not _as_subject(said, i):
            continue
        for j in range(i + 1, min(len(said), i + 1 + _CARRIED_WITHIN)):
            after = said[j + 1:j + 1 + _WHO_WITHIN]
            beside = {said[j - 1].removesuffix("nya"), *(after[:1] and [after[0].removesuffix("nya")])}
            if said[j] not in _CARRIED or _TAKEN_THINGS & beside \
                    or (said[j] == "diajak" and not _INVITED_OFF & set(after[:1])):
                continue  # "anak sy diambil hpnya", "hpnya diambil": a thing of theirs; "diajak kenalan"
            refused = NEGATIONS | {"tak", "tanpa", "ra"}  # "ra" is the Javanese "not" ("wong ra kenal")
            if (after[:1] and after[0] in _CARRIED_OFF) or (_UNKNOWN | _BY_FORCE) & set(after) \
                    or any(w in _NOT_ALLOWED and k and (after[k - 1] in refused or after[k - 2:k - 1] == ["enggak"])
                           for k, w in enumerate(after)):
                return True
    return False


def _taken_away(said: list[str]) -> bool:
    if _make_believe(said) or _found_again(said) or _HEARSAY & set(said) or _long_past(said):
        return False  # "katanya ada penculikan", "ada kasus penculikan 2 tahun lalu"
    return any((root in _TAKING or word in _TAKEN_WORDS) and not _negated(said, i)
               and not (i and said[i - 1] in _TRIED)  # "percobaan penculikan", "mau diculik": not taken
               # a thing held, not a person: "motor saya disandera debt collector", "nyulik kucing tetangga"
               and not _TAKEN_THINGS & set(said[max(0, i - 2):i] + said[i + 1:i + 2])
               for i, (word, root) in enumerate(zip(said, stems_of(said, _TAKING), strict=True)))


_EMERGENCY_WORDS = frozenset({"darurat", "emergency", "gawat", "urgent", "mendesak"})
_UNSURE = frozenset({"tahu", "tau", "yakin", "ragu", "atau", "know", "sure", "whether", "or"})


def urgency_said(text: str) -> bool:
    """Whether the message says it is urgent in so many words ("ini mendesak pak", "urgent!!", "gawat pak"), not
    denied ("bukan darurat")."""
    said = _sentences(text)
    return any(word in _EMERGENCY_WORDS and not _negated(said, i) for i, word in enumerate(said))


def emergency_denied(text: str) -> bool:
    """Whether the message says it is no emergency ("bukan darurat pak, cuma kecelakaan kecil", "No, it's not an
    emergency"), with no cry of its own."""
    said = _sentences(text)
    denied = any(word in _EMERGENCY_WORDS and _negated(said, i) for i, word in enumerate(said))
    unsure = bool(_UNSURE & set(said))  # "gak tau darurat atau bukan": a doubt, no denial
    return denied and not unsure and not is_cry_for_help(text)


# Water told by how deep it stands ("air udh sedada"), when it is water, and a pool's only for one who cannot get out
# of it ("masih di dalam kolam renang, airnya sedada, pelatihnya ada" is a lesson); not grass or a child's height
# ("rumput udh sepinggang"); ankle-deep is _SHALLOW.
_DEPTHS = frozenset({"sepinggang", "sedada", "seleher", "seperut", "sepaha", "selutut", "sedengkul"})
_WATER = frozenset({"air", "banjir", "kebanjiran", "flood", "flooding", "water"})
_POOL = frozenset({"kolam", "renang", "berenang", "pool", "swimming"})
# A fire or a flood going down ("banjirnya udh surut", "apinya kecil kok"), or a fire for cooking with none spreading
# ("lg bakar sate, asapnya kemana2", "lagi masak, apinya kecil"): no danger to whoever is still inside. Going down
# somewhere is moving ("api udah turun ke lantai 2", "banjir turun dari bukit"), and whoever is inside and cannot get
# out is in danger whatever the water does, or a fire not yet out ("air reda dikit tp nenek masih di dalam, gk bisa
# jalan").
_PUT_OUT = frozenset({"padam", "padem", "mati"})
_GOING_DOWN = _PUT_OUT | {"surut", "reda", "kecil", "mengecil", "turun", "receded"}
_MOVING_TO = frozenset({"ke", "dari", "sampai", "sampe", "to", "from"})
_BEING_PUT_OUT = frozenset({"dipadamkan", "dipadamin", "dipadami"})
_COOKING = _TAMED_FIRE | {"masak", "memasak", "sate", "panggang", "manggang", "bakaran", "goreng", "menggoreng", "bbq",
                          "grill", "cooking"}
_GOING_UP = _BURNING | {"makin", "semakin", "tambah", "gede", "besar", "nyambar", "menyambar", "kebakaran", "terbakar",
                         "worse"}


def _water_or_fire(said: list[str], going_down_too: bool = False) -> bool:
    """Water or fire told ("banjirnya", "apinya" too, and water by its depth), not going down (with
    `going_down_too`, only not put out) nor a cooking fire."""
    plain = [word.removesuffix("nya") for word in said]
    told = set(plain)
    cooking = bool(_COOKING & told) and not _GOING_UP & told
    deep = bool(_WATER & told) and not (_POOL & told and not _cannot_get(said, ("keluar", "out")))

    down = _PUT_OUT if going_down_too else _GOING_DOWN

    def going_down(i: int) -> bool:
        return any(word in down and not _MOVING_TO & set(plain[k + 1:k + 2])
                   for k, word in enumerate(plain[i + 1:i + 4], i + 1))

    # a fire being put out is one still burning: "damkar udh dtg, lagi dipadamkan"
    being_put_out = any(word in _BEING_PUT_OUT and _UNDER_WAY & set(said[i - 1:i]) for i, word in enumerate(said))
    return being_put_out or any((word in _WATER_OR_FIRE or (word in _DEPTHS and deep))
                                and not _negated(said, i) and not going_down(i)
                                and not (cooking and word in _FLAMES | _SMOKE)
                                for i, word in enumerate(plain))


_SHALLOW = (("semata", "kaki"), ("mata", "kaki"), ("sebetis",), ("ankle", "deep"))
_NEAR = 3  # words before "masih" that name who is still inside


# Where someone still is in what floods or burns: inside, or upstairs ("masih ada org di lantai 2", "di loteng").
_INSIDE = frozenset({"dalam", "dalem", "inside", "lantai", "loteng"})


def _still_inside(said: list[str]) -> bool:
    """"anak2 masih di dalem", "nenek masih di dalam rumah": someone still inside what floods or burns, not let out
    ("masih di dalam mobil, aman"; the writer let out is no one else: "…, sy udah selamat di luar")."""
    if any_phrase(said, _SHALLOW):
        return False  # "air semata kaki"
    let_out = _done(said, _LET_OUT)
    others_let_out = let_out and _done([word if word not in _LET_OUT or not _the_writer_before(said, i) else ""
                                        for i, word in enumerate(said)], _LET_OUT)
    for i, word in enumerate(said):
        if word not in ("masih", "still") or not _INSIDE & set(said[i + 1:i + 3]) \
                or _WHAT_IF & set(said[max(0, i - _NEAR - 1):i]):  # "kalau nenek masih di dalam, telp siapa?"
            continue
        inside = [said[k] for k in range(max(0, i - _NEAR), i) if _a_person_at(said, k)]
        if inside and not (others_let_out if set(inside) - _WE else let_out):
            return True
    return any(word in ("masih", "still") and said[i + 1:i + 2] == ["ada"] and not others_let_out
               and _INSIDE & set(said[i + 3:i + 6])
               and any(said[k].removesuffix("nya") in _PEOPLE - _WE for k in range(i + 2, min(len(said), i + 4)))
               for i, word in enumerate(said))  # "masih ada 2 org di dalam ruko"


def _the_writer_before(said: list[str], at: int, whose: frozenset[str] = _PEOPLE) -> bool:
    """The writer named just before `at`, as who ("alhamdulillah sy udh dievakuasi"), not as whose ("nenek sy"): one
    of `whose` stands before them."""
    return any(said[k] in _WE and not (k and said[k - 1].removesuffix("nya") in whose)
               for k in range(max(0, at - 3), at))


def _a_person_at(said: list[str], at: int) -> bool:
    """Whether the word at `at` names a person, no thing's owner: "nenek", "anak2", the writer; not "sy" of
    "barang2 sy", "kucing sy", nor "anak" or "sy" of "motor anak sy"."""
    word = said[at].removesuffix("nya")
    if word in ("saya", "aku", "kami"):
        return at == 0 or said[at - 1] in _BEFORE_A_PERSON or (
            said[at - 1].removesuffix("nya") in _PEOPLE and not _owned(said, at - 1))
    return word in _PEOPLE and not _owned(said, at)


# A rescue from what floods or burns, awaited: not yet done ("blm dievakuasi", "not evacuated yet") or asked for
# ("tolong dievakuasi", "minta evakuasi"). Taken out is one only when it cannot be ("blm bisa dikeluarin") or is
# asked for: "belum dikeluarkan" is also not released (from a cell, a ward, a class).
_RESCUES = frozenset({"dievakuasi", "evakuasi", "diselamatkan", "evacuated", "rescued"})
_TAKEN_OUT = frozenset({"dikeluarkan", "dikeluarin"})


def _rescue_awaited(said: list[str]) -> bool:
    def awaited(i: int) -> bool:
        asked = bool(_NOT_DONE_YET & set(said[max(0, i - 2):i]))
        if said[i] in _TAKEN_OUT:
            return asked or (said[i - 1:i] == ["bisa"] and _negated(said, i - 1))
        return said[i] in _RESCUES and (asked or _negated(said, i) or said[i + 1:i + 2] == ["yet"]
                                        or bool(_NOT_YET & set(said[max(0, i - 3):i])))  # "hasn't been evacuated"

    return any(awaited(i) for i in range(len(said))) and not _IN_CARE_OR_CUSTODY & set(said)


# No one come to help those in a flood or a fire: "blm ada yg nolong", "gk ada yg nolongin", "no one is helping".
# Not in water ankle-deep (_SHALLOW).
_NO_ONE_HELPING = tuple((*nobody, *coming, helping)
                        for nobody in (("belum", "ada", "yang"), ("enggak", "ada", "yang"), ("tidak", "ada", "yang"),
                                       ("no", "one", "is"), ("nobody", "is"))
                        for coming in ((), ("datang",), ("dateng",))  # "gk ada yg dateng nolong"
                        for helping in ("nolong", "menolong", "nolongin", "helping", "coming"))
_RISING = frozenset({"naik", "meninggi", "rising", "rises"})


def _water_rising(said: list[str]) -> bool:
    """"air makin naik", "banjirnya naik terus", "water rising": those waiting for a rescue are in danger; not told as
    safe yet ("air naik dikit tapi aman, belum perlu dievakuasi", "masih wajar kata rt")."""
    return not (_SAFE_YET & set(said) or any_phrase(said, _NO_NEED_YET)) and any(
        word.removesuffix("nya") in _WATER and _RISING & set(said[i + 1:i + 4]) for i, word in enumerate(said))


_SAFE_YET = frozenset({"aman", "wajar", "normal", "safe", "tanggul"})
_NO_NEED_YET = (("belum", "perlu"), ("tidak", "perlu"), ("enggak", "perlu"), ("no", "need"))


def _cannot_walk(said: list[str]) -> bool:
    """"nenek sy gk bisa jalan"; not "motor sy … gk bisa jalan", a vehicle that will not go."""
    return any(said[i:i + 2] == ["bisa", "jalan"] and i and said[i - 1] in NEGATIONS
               and not _VEHICLES & set(said[max(0, i - 7):i - 1]) for i in range(len(said) - 1))


def _trapped(said: list[str]) -> bool:
    """"terjebak banjir", "trapped by the fire"; not "terjebak macet", "terjebak arus balik mudik"."""
    return any(word in _TRAPPED and not _NOT_STUCK & set(said[i + 1:i + 4])
               for i, word in enumerate(said))


def _cannot_get(said: list[str], where: tuple[str, ...]) -> bool:
    """"enggak bisa keluar", "tidak bisa bangun", "can't get up": a negation right before what cannot be done."""
    return any(said[i:i + 2] == list(pair) and pair[1] in where and i
               and said[i - 1] in NEGATIONS | {"t", "cannot", "cant"}
               for pair in _CANNOT_GET for i in range(len(said) - 1))


# Who else a cry calls for, beside the police: the fire brigade (113) for a fire or gas, an ambulance (119) for
# someone hurt, drowning or at risk by their own hand, the mental health line (119 ext 8) for one at risk by their
# own hand, PLN (123) for a live wire. Read only of a cry.
SERVICES = ("fire", "medical", "self_harm", "power")
# Told of someone else ("tetangga sy mau bunuh diri", "ada cewe mau lompat"): the word is for whoever is with them.
_AT_RISK_WITHIN = 8  # words before the words of self-harm where who is at risk is named
_WRITER = frozenset({"saya", "aku", "gue", "i", "me"})
_KIN = _FAMILY | {"tetangga", "teman", "temen", "pacar", "sahabat", "friend", "neighbour", "neighbor"}
# Words one writes to an officer with as well ("Bapak, saya mau …" written without its comma): before "saya" they are
# no sure sign of whose, and the word for the writer is the safer one.
_ADDRESSED = frozenset({"bapak", "ibu", "pak", "bu", "mas", "mbak", "kak", "abang", "bang"})
_ANOTHER_AT_RISK = frozenset({"tetangga", "teman", "temen", "dia", "cewe", "cewek", "cowok", "cowo", "orang", "yang",
                              "anak", "adik", "kakak", "suami", "istri", "ibu", "bapak", "ayah", "pacar", "someone",
                              "friend", "neighbour", "neighbor", "he", "she", "pria", "wanita", "pemuda", "remaja"})
_FIRE = _FLAMES | frozenset({"kebakaran", "kebakar", "terbakar", "dibakar", "burning", "smoke", "molotov", "ledakan",
                             "meledak", "explosion", "bom", "bomb"})
_FIRE_OUT = frozenset({"padam", "padem", "dipadamkan", "dipadamin", "dipadami"})
_INJURED = HURT | _STILL_AT_RISK | _SINKING | frozenset({"overdosis", "overdose", "overdosed", "overdosing", "sesak",
                                                         "tusuk", "bacok", "stabbed", "keracunan", "diracun", "dibius",
                                                         "drugged", "poisoned", "pendarahan", "perdarahan", "perkosa",
                                                         "diperkosa", "raped"})


def services_to_call(text: str) -> tuple[str, ...]:
    """Which of SERVICES the danger told also needs, in that order; "self_harm_other" for "self_harm" where
    whoever is at risk is someone the writer tells of (the word is then for whoever is with them)."""
    said = _sentences(text)
    blasting = _LOUD_MUSIC & set(said) and not _NO_MUSIC_BUT & set(said) and _FIRE & set(said) <= _BLOWN_UP
    fire = ((_unnegated(said, _FIRE) and not _done(said, _FIRE_OUT) and not blasting)
            or _smoke_from_a_building(said) or _exploded(said)
            or (any_phrase(said, _SNAKE_INSIDE) and not (_SNAKE_KEPT | _PETS) & set(said))
            or _gas_leaking(said) or any_phrase(said, _GAS_SMELT))
    shocked = bool(_SHOCKED & set(said)) or any_phrase(said, _SHOCKED_AS)
    medical = (_unnegated(said, _INJURED) or shocked or self_harm(text)
               or any_phrase(said, _HURT_BADLY) or any_phrase(said, _BABY_LEFT) or any_phrase(said, _BREATHLESS)
               or any_phrase(said, _UNRESPONSIVE) or any_phrase(said, (("darahnya", "banyak"), ("banyak", "darah")))
               or _left_in_a_car(said) or any_phrase(said, _SNAKE_BITE) or _scalded(said)
               or _about_to_jump(said) or _pinned(said) or _not_breathing(said) or _collapsed(said)
               or _crushed_with_someone_inside(said) or _struck_and_help_called(said)
               or ((_a_vehicle_in_the_water(said) or _someone_sinking(said)) and not _out_of_the_water(said))
               or _cannot_get(said, ("bangun", "bergerak", "gerak", "up")) or _fallen_unaware(said)
               or _overdosed(said) or (_unnegated(said, ACCIDENTS) and _lying_still(said)))
    power = shocked or any_phrase(said, _LIVE_WIRE) or _sparking(said)
    needed = (fire, medical, self_harm(text), power)
    return tuple(f"{service}_other" if service == "self_harm" and _at_risk_is_another(text, said) else service
                 for service, needs in zip(SERVICES, needed, strict=True) if needs)


def _at_risk_is_another(text: str, said: list[str]) -> bool:
    """Whether who is at risk by their own hand is someone the writer tells of: the nearest person named before the
    words of it ("tetangga sy mau bunuh diri", "ada yg mau loncat dr jembatan"), not the writer ("sy ditinggal pacar,
    sy mau bunuh diri", "sy yang mau bunuh diri")."""
    found = _following_the_dead_at(said) or [at for _phrase, at in phrases_found(said, SELF_HARM)] + [
        i for i, word in enumerate(said) if word in _JUMPING and said[i - 1:i] and said[i - 1] in _ABOUT_TO]
    if not found:
        return False
    for k in range(found[0] - 1, max(-1, found[0] - 1 - _AT_RISK_WITHIN), -1):
        word = said[k].removesuffix("nya")
        if word in _WRITER:  # the writer, or whose: "tetangga sy" written together, no comma between
            return k >= 1 and said[k - 1].removesuffix("nya") in _KIN - _ADDRESSED and _whose_written(text) \
                and not _WRITER & set(said[found[0] + 1:])  # "…, sy gak kuat lagi": the writer too
        if word == "yang" and k and said[k - 1] in _WRITER:
            # "sy yang mau bunuh diri"; not "tetangga sy yg mau bunuh diri", whose "sy" is whose
            return k >= 2 and said[k - 2].removesuffix("nya") in _KIN - _ADDRESSED and _whose_written(text)
        if word in _ANOTHER_AT_RISK:
            return True
    return False


def _whose_written(text: str) -> bool:
    """Whether one of the family or a friend is written right before "sy"/"saya" as whose ("tetangga sy", "tmn
    saya"), no comma between."""
    return any(words(found[1])[:1] and words(found[1])[0].removesuffix("nya") in _KIN
               for found in re.finditer(r"(\w+)[ \t]+(?:sy|saya|aku|gue|gw)\b", text.lower()))


# What may go on after a "but" that is still the danger (_but_still: "…masih menyala", "…masih lempar2 batu"), not
# its traces ("…jalanan masih kotor", "sy masih trauma")
_STILL_DANGEROUS = _BURNING | _THROWING | _HIDING | FIGHTS | _CHASING | _STUCK | ALWAYS | ALWAYS_WORDS


def _words_of(value: object) -> set[str]:
    if isinstance(value, str):
        return set(value.split())
    if isinstance(value, dict):
        return _words_of(tuple(value)) | _words_of(tuple(value.values()))
    if isinstance(value, frozenset | set | tuple | list):
        return set().union(*map(_words_of, value)) if value else set()
    return set()


# The passives the lists above name ("dikejar", "ditusuk", "ditolong", "diamankan"), for _passive_joined: read
# from the lists themselves, so that a word listed is heard written apart too; not a root word that only begins
# with "di" ("dingin", "diskon": Sastrawi's dictionary).
_PASSIVES = frozenset(word for name, value in tuple(globals().items()) if name.lstrip("_").isupper()
                      for word in _words_of(value) if word.startswith("di") and len(word) > 4
                      and word not in ROOT_WORDS)


# A snatch or a theft going on now, told with who does it and a "sekarang" after: "ada yg ngerampas hp ibu2 di depan
# indomaret skrg", "tolong pak ada yg nyolong motor sy skrg", "someone is snatching a bag right now", or told as under
# way ("ada yg lg ngejambret di lampu merah", "someone is stealing a motorbike in the parking lot"), wherever. A
# thing snatched is read as a theft, over once told; one snatched now is a person robbed now. Not done to the writer
# and told ("hp sy dirampas"), nor a "sekarang" of the writer's own ("…, skrg sy mau lapor"), nor a habit ("sering
# ada yg lagi nyopet di bus").
_SNATCH_STEMS = frozenset({"rampas", "jambret", "copet", "curi", "colong"})
_SNATCHING = frozenset({"nyopet", "nyopetin", "ngejambret", "jambretin", "snatching", "snatches", "grabbing",
                        "stealing"})
_SNATCHERS = _SOMEONE_UNNAMED | _ANOTHER_PERSON | _THUGS | {"org", "dia", "mereka", "guy", "guys", "man", "men",
                                                           "boy", "boys", "he", "they"}
_NOW_NOT_THE_WRITERS = _WE | REPORTING | RESIDENT | {"mau", "baru", "sudah", "pengen", "ingin"}
_SNATCHING_UNDER_WAY = frozenset({"lagi", "sedang", "is", "are", "s", "re"})  # "lg ngejambret", "he's snatching"
_THERE_ARE = (("there", "s"), ("there", "is"), ("there", "are"))
# What a snatch over has led to, told after the "sekarang": "…, skrg hpnya udh dikembaliin", "…, skrg anak sy nangis
# terus", "…, sekarang warga resah"; a snatch now is told with where or who is at it ("…skrg dia lari ke gang").
_SINCE_THE_SNATCH = frozenset({"sudah", "enggak", "tidak", "menangis", "nangis", "resah", "trauma", "dijual",
                               "bagaimana", "gimana", "urusannya", "dilacak", "hilang", "ilang", "ktp",
                               "ditemukan", "ketemu", "diblokir", "dikembalikan", "dikembaliin", "beli"})
_SINCE_REACH = 3  # words after the "sekarang": "skrg anak sy nangis"
# What is seized from no one's hands: land, rights, a post ("oknum ngerampas tanah warga", "ngerampas hak rakyat").
_NOT_SNATCHED = frozenset({"tanah", "lahan", "hak", "sawah", "kebun", "lapak", "aset", "wilayah", "jabatan", "kursi",
                           "kebebasan", "land", "rights"})


def _snatching_now(said: list[str]) -> bool:
    roots = stems_of(said, _SNATCH_STEMS)
    for i, word in enumerate(said):
        if not (word in _SNATCHING or (roots[i] in _SNATCH_STEMS and not word.startswith(("di", "ke", "ter")))):
            continue
        if not _SNATCHERS & set(said[max(0, i - 4):i]) or _negated(said, i) \
                or _NOT_SNATCHED & set(said[i + 1:i + 3]):
            continue
        if word in _SNATCHING and not HABITUAL & set(said) and (
                said[i - 1] in _SNATCHING_UNDER_WAY or any_phrase(said[max(0, i - 4):i], _THERE_ARE)):
            return True  # "ada yg lg ngejambret", "someone is snatching…", "there's a guy snatching…"
        end = next((k for k in range(i + 1, len(said)) if said[k] == _BREAK), len(said))
        if any(said[k] in ("sekarang", "now") and not _NOW_NOT_THE_WRITERS & set(said[k + 1:k + 2])
               and not _SINCE_THE_SNATCH & set(said[k + 1:k + 1 + _SINCE_REACH]) for k in range(i + 1, end)):
            return True
    return False


# A snatch told done in English and the snatcher getting away now: "a guy snatched my bag and he's running away
# now", "a thief grabbed my phone and is running into the alley", "…and ran off, he's still close by". Said as
# "tas sy dijambret, orangnya lg lari skrg" is. Not the writer running ("i'm running late"), nor one free long since
# ("he's still running free", "running around").
_SNATCHED = frozenset({"snatched", "grabbed", "stole", "stolen", "robbed", "mugged", "pickpocketed", "swiped"})
_FLEEING = frozenset({"running", "fleeing", "escaping", "riding", "driving", "speeding", "racing", "getting",
                      "heading"})
_FLEEING_NOW = frozenset({"is", "s", "are", "re", "still"})  # "he's running", "is running", "he's still running"
_NOT_FLEEING = frozenset({"free", "loose", "late", "out", "around", "low", "a", "an", "the", "for", "his", "her",
                          "their", "my", "our", "back", "home", "errands"})
_CLOSE_BY = frozenset({"here", "nearby", "near", "close", "around", "there", "outside"})  # "he's still close by"


def _snatcher_fleeing(said: list[str]) -> bool:
    snatched = next((i for i, word in enumerate(said) if word in _SNATCHED and not _negated(said, i)), None)
    if snatched is None:
        return False
    for i in range(snatched + 1, len(said)):
        if said[i - 1] not in _FLEEING_NOW or said[i - 2:i - 1] in (["i"], ["we"], [_BREAK]):
            continue
        after = said[i + 1:i + 2]
        if said[i] in _FLEEING and not _NOT_FLEEING & set(after) and (said[i] != "getting" or after == ["away"]):
            return True
        if said[i - 1] == "still" and said[i] in _CLOSE_BY and said[i - 3:i - 1] in (["he", "s"], ["he", "is"],
                                                                                     ["they", "re"], ["they", "are"]):
            return True
    return False


# Someone come into a home who is there still: "ada yg masuk rumah lewat jendela belakang skrg msh di dalem",
# "someone got in through the back window and is still inside"; whoever's home it is. Not a guest or a worker let
# in, one of the household ("anak sy masuk rumah lewat jendela"), a habit, or one gone ("udh ditangkap").
_STILL_IN = (("masih", "di"), ("masih", "dalam"), ("masih", "dalem"), ("belum", "keluar"), ("still", "inside"),
             ("still", "in"), ("still", "there"))
_CAME_IN_WORDS = _GETTING_IN | _CAME_IN | {"got", "get"}


def _come_in_and_still_there(said: list[str]) -> bool:
    told = _guests_named(said)
    if (_LET_IN | HABITUAL | _NOISES_OF_NO_ONE | _PETS | _CALLING_ROUND | _OVER - {"lewat"}) & told \
            or _one_of_the_house(said):
        return False
    for i, word in enumerate(said):
        if word not in _SOMEONE_UNNAMED or _negated(said, i) or (word == "yang" and said[i - 1:i] != ["ada"]):
            continue
        told_after = _told_after(said, i, _SOMEONE_REACH)
        came_in = next((k for k, w in enumerate(told_after[:_GETTING_IN_WITHIN]) if w in _CAME_IN_WORDS), None)
        if came_in is None or not (_HOME_WITHIN | _OF_A_HOME | {"through"}) & set(told_after[came_in:]):
            continue
        if any_phrase(said[i:], _STILL_IN):
            return True
    return False


# Someone heard or there in the home while the writer is alone in it: "sy denger ada org di ruang tamu padahal sy
# sendirian", "I hear someone in the living room and I'm home alone". Not a cat or the wind, nor one of the house
# after all ("ternyata suami sy pulang": _mistaken), nor the writer alone and someone at the door outside
# (_stranger_outside_alone).
_ALONE_HERE = frozenset({"sendirian", "alone"})
_IN_THE_HOME = _HOME_WITHIN | {"lantai", "tamu", "loteng", "living", "upstairs", "downstairs", "pintu", "jendela",
                               "door", "window"}
# A door or a window is the way in ("ada yg buka pintu belakang"), not where one is at it, outside: "ada org di pintu
# jualan sayur", "someone is at the door selling cookies".
_WAYS_IN = frozenset({"pintu", "jendela", "door", "window"})


def _guests_named(said: list[str]) -> set[str]:
    """The words of `said`, "tamu" only where it is a guest, not the room for them ("ruang tamu")."""
    return {word for i, word in enumerate(said) if not (word == "tamu" and said[i - 1:i] == ["ruang"])}


# The one there named as one of the house after all: "…, itu kakak sy", "…, it's the maid", "oh it's my son".
_OF_THE_HOUSE = _FAMILY | {"kakak", "adik", "son", "daughter", "maid", "pembantu", "art", "kos", "kost", "nanny"}
_NAMING = frozenset({"itu", "it", "ternyata", "oh"})


def _one_of_the_house(said: list[str]) -> bool:
    return any(word in _NAMING and _OF_THE_HOUSE & set(said[k + 1:k + 4]) for k, word in enumerate(said))


def _someone_inside_while_alone(said: list[str]) -> bool:
    told = _guests_named(said)
    if not _ALONE_HERE & told or (_LET_IN | HABITUAL | _NOISES_OF_NO_ONE | _PETS) & told or _one_of_the_house(said) \
            or "next" in told:
        return False
    for i, word in enumerate(said):
        if word not in _SOMEONE_UNNAMED or _negated(said, i) or (word == "yang" and said[i - 1:i] != ["ada"]):
            continue
        where = _told_after(said, i, 5)
        inside = {w for k, w in enumerate(where) if not (w in _WAYS_IN and {"di", "at"} & set(where[max(0, k - 2):k]))}
        if _IN_THE_HOME & inside and not _OUTSIDE_IT & set(where) and not _on_a_screen(said, i):
            return True
    return False


# An overdose told: pills or a poison swallowed in a great amount ("sy udh minum obat banyak bgt", "anak sy nelen obat
# satu strip", "I took a whole bottle of pills"), or a poison of the house drunk ("ibu sy minum obat nyamuk"). Not
# medicine taken as it should be ("minum obat 3x sehari", "obat banyak macam tiap hari"), nor one that does not help
# ("…banyak tp gk sembuh"); "too many" only of pills ("I ate too many snacks").
_SWALLOWING = frozenset({"minum", "meminum", "diminum", "nelen", "menelan", "ditelan", "telan", "took", "take",
                         "taken", "swallowed", "swallow", "ate"})
_PILLS = frozenset({"obat", "pil", "obatnya", "tablet", "pills", "tablets", "medicine", "medication", "painkillers"})
_MANY = frozenset({"banyak", "sebotol", "sestrip", "strip", "segenggam", "semua", "sebanyak", "whole", "bottle",
                   "handful", "many", "lot", "overdosis", "sekotak", "box"})
_POISONS_OF_THE_HOUSE = (("obat", "nyamuk"), ("obat", "serangga"), ("obat", "tikus"), ("racun", "tikus"),
                         ("baygon",), ("bayclin",), ("porstex",), ("pestisida",), ("pembersih", "lantai"),
                         ("rat", "poison"), ("bleach",))
_HELPING = frozenset({"sembuh", "mempan", "manjur", "ampuh", "ngaruh", "berpengaruh", "reda", "turun", "sehari",
                      "resep", "dokter", "apotek", "beli", "harga", "mahal", "jual", "lupa", "day", "forgot",
                      "doctor", "fine", "macam", "jenis", "anjuran", "dosis", "dosisnya", "sesuai",
                      "enakan", "pharmacy", "expired", "clinic", "klinik"}) | HABITUAL
# "obat banyak macam", "tiap hari", "sesuai anjuran": a daily dose; "…skrg udh enakan": one that helped
_ASKED_IF_FINE = (("enggak", "papa", "kan"), ("enggak", "apa", "apa", "kan"), ("tidak", "apa", "apa", "kan"),
                  ("enggak", "hilang"), ("tidak", "hilang"))  # "…tp batuknya gk ilang2": the medicine does not help
_PILLS_REACH = 5  # words from the swallowing to how many: "minum obat sakit kepala banyak bgt"
_PILLS_MANY = 5  # pills counted at once that are no dose: "nelen obat tidur sekaligus 20 biji"


def _overdosed(said: list[str]) -> bool:
    if _HELPING & set(said) or any_phrase(said, _ASKED_IF_FINE):
        return False
    for i, word in enumerate(said):
        if word not in _SWALLOWING or _negated(said, i) or _PETS & set(said[max(0, i - 3):i]):
            continue  # "ayam tetangga minum pestisida": an animal's
        after = _told_after(said, i, _PILLS_REACH + 1)
        if word in ("took", "take", "taken") and {"to", "back"} & set(after):
            continue  # "took a lot of medicine to the village": carried
        if any(tuple(after[k:k + len(p)]) == p for p in _POISONS_OF_THE_HOUSE for k in range(len(after))):
            return True
        many = _MANY & set(after) or after[:1] == ["all"] or any(w.isdecimal() and int(w) >= _PILLS_MANY for w in after)
        if _PILLS & set(after) and many:  # "too many pills"; not "too many snacks", "too many photos"
            return True
    return False


# Someone dragged or forced into a vehicle: "a man is dragging a woman into a car", "someone is forcing a kid into a
# van" (Indonesian "cewek dipaksa masuk mobil" is a phrase). Not a thing ("dragging a cart").
_DRAGGING = frozenset({"dragging", "dragged", "drags", "pulling", "pulled", "forcing", "forced", "shoving", "shoved",
                       "pushing", "pushed", "throwing", "threw"})
_TAKEN_ONES = frozenset({"woman", "women", "girl", "girls", "kid", "kids", "child", "children", "boy", "man",
                         "someone", "somebody", "her", "him", "me", "us", "lady", "person", "student", "daughter",
                         "son"})
_CARS = frozenset({"car", "van", "truck", "minivan", "suv", "taxi", "vehicle"})
_TAKEN_INTO = frozenset({"dragged", "pulled", "forced", "shoved", "pushed", "thrown"})  # not "was dragging a suitcase"


def _forced_into_a_vehicle(said: list[str]) -> bool:
    for i, word in enumerate(said):
        if word not in _DRAGGING or _negated(said, i):
            continue
        after = _told_after(said, i, 6)
        into = next((k for k, w in enumerate(after) if w == "into"), None)
        # "a girl was pulled into a van": the one taken told before, the verb in the passive
        taken_before = word in _TAKEN_INTO and i > 0 and said[i - 1] in _BEING \
            and bool(_TAKEN_ONES & set(said[max(0, i - 4):i]))
        if into is not None and (_TAKEN_ONES & set(after[:into]) or taken_before) \
                and _CARS & set(after[into:into + 3]):
            return True
    return False


# A past or a habit told first, then a danger now: "kemarin dia mukul sy, skrg dia dateng lagi bawa pisau", "tiap malam
# ada aja pak, skrg ibuku kecemplung kali". What is told after the "sekarang" is read on its own; the time or the habit
# before it is not its own ("…, skrg sy mau lapor" stays a report).
_BEFORE_NOW = HABITUAL | _PAST | {"tadi", "dulu", "pernah", "lalu", "last"}


# One who harmed the writer or theirs, named by it, at them again now: "the man who beat me last year is outside my
# house again right now", "org yg mukul sy tahun lalu skrg ada di depan rumah sy lagi". The harm is past; the one
# who did it, at the writer's door, is a danger now. Not one held, gone or tried ("…is in prison now", "…udh
# dipenjara"), a thing struck ("the man who hit my car"), nor a game lost ("the team that beat us").
_WHO_DID = frozenset({"who", "that", "yang"})
_HARMING = _BLOWS | frozenset({
    "beat", "attacked", "assaulted", "hurt", "abused", "raped", "stabbed", "threatened", "robbed", "mugged",
    "stalked", "molested", "harassed", "choked", "strangled", "kicked", "slapped", "punched", "shot", "burned",
    "nusuk", "ngerampok", "ngancam", "ngancem", "ngebacok", "ngeroyok", "nodong", "nyulik", "merkosa", "ngebegal",
    "dipukul", "nganiaya", "mukulin", "ngehajar", "gebukin",
    # a killing, and the formal verbs: "the man who killed my uncle last year is outside my house now"
    "killed", "murdered", "bunuh", "ngebunuh", "membunuh", "menusuk", "memukul", "menganiaya", "membacok"})
_HARMED_ONES = _FAMILY | _PERSONS | _LOCKED_ONES | frozenset({
    "sy", "gw", "gua", "daughter", "son", "wife", "husband", "mother", "mom", "father", "dad", "sister", "brother",
    "child", "children", "kids", "family", "girlfriend", "boyfriend", "friend", "uncle", "aunt", "cousin", "paman",
    "om", "tante", "bibi", "sepupu"})


# An attack told in the plain present, someone else at it and a person struck right after ("preman mukul sy", "ada
# org mukul sy", "ada yg nyerang bapak sy pake kayu", "a man punches my brother outside", "someone attacks my mom"):
# as it is told, it goes on. Told as past ("kemarin preman mukul sy") it is read before this, and is none. Not the
# writer's own blow, one named by a clause ("org yg mukul sy": who, read by the readers of the culprit), a thing
# struck ("mukul kentongan", "kicks the ball"), one thrown out ("kicks me out"), a game or a ring ("petinju nonjok
# lawannya", "beats me at chess"), told after a time gone by ("dulu", "waktu itu"), online, supposed ("kalau ada
# org mukul sy") or asked of as allowed ("boleh gk guru mukul murid?").
_STRIKES = frozenset({
    "mukul", "memukul", "nampar", "menampar", "namparin", "nendang", "menendang", "nendangin", "nonjok", "menonjok",
    "nonjokin", "ngehajar", "menghajar", "nyerang", "menyerang", "gebukin", "ngegebukin", "menggebuki",
    "nabok", "menabok", "njambak", "ngejambak", "menjambak", "nyiksa", "menyiksa", "nganiaya", "menganiaya",
    "menimpuk", "nimpuk", "hits", "punches", "punching", "punch", "kicks", "kicking", "kick", "slaps", "slapping",
    "slap", "attacks", "attack", "assaults", "assaulting", "beats", "punched", "kicked", "slapped", "attacked",
    "assaulted", "killed", "beat"})
_STRIKERS = _THUGS | _OUTSIDERS | frozenset({
    "orang", "seseorang", "dia", "mereka", "he", "she", "they", "somebody", "man", "men", "guy", "guys", "woman",
    "thug", "thugs", "drunk", "pria", "cowok", "cowo", "pemuda", "oknum", "laki", "security", "dc", "collector",
    "collectors", "bouncer", "gangs", "pemabuk", "pengamen", "ojol", "kurir", "driver", "suporter", "supporter",
    "supporters", "fan", "fans", "punya", "pemilik", "owner", "ex", "mantan"})
_STRIKER_AT_IT = frozenset({"itu", "tuh", "juga", "terus", "lagi", "masih", "sedang", "just", "still", "is", "are",
                            "s", "re", "keeps", "keep", "now", "tiba", "mulai", "starts", "started", "tries", "coba",
                            "nyoba", "mau", "malah", "langsung"})
_STRUCK_FIRST = frozenset({"my", "our", "a", "an", "the", "some", "si", "seorang", "para", "this", "that",
                           "old", "little", "young", "kecil", "up"})  # "they beat up my husband"
_STRUCK = _HARMED_ONES | _PEOPLE | _SOMEONE | frozenset({
    "pedagang", "penjual", "pembeli", "lansia", "perempuan", "wanita", "pria", "laki", "women", "men", "guy", "girl",
    "boy", "kid", "kids", "lady", "people", "person", "him", "them", "dia", "mereka", "warga", "pengemis", "pengamen",
    "ojol", "kurir", "neighbour", "neighbor", "tetangga", "elderly", "stranger", "friends", "mom", "mum", "dad",
    "grandma", "grandpa", "pegawai", "karyawan", "kasir", "siswa", "pelajar", "murid", "rambut", "muka", "wajah",
    "kepala", "perut", "hair", "face", "head", "cewe", "cewek", "cowok", "bocah", "pengunjung", "penonton", "uncle",
    "aunt", "cousin", "nephew", "niece", "grandson", "granddaughter", "grandfather", "grandmother", "fan", "fans"})
_FORMERLY = frozenset({"dulu", "dahulu", "pernah", "once"})
_FORMERLY_PHRASES = tuple(tuple(p.split()) for p in ("waktu itu", "saat itu", "pas itu", "ketika itu", "last year",
                                                     "years ago", "tahun kemarin"))
_ALLOWED = frozenset({"boleh", "bolehkah", "allowed", "legal", "hukumnya", "wajar", "pantas"})  # "boleh gk guru…?"
_UNKNOWN_ONE = frozenset({"dikenal", "dikenali", "jelas", "kenal"})
_A_GAME = frozenset({"tinju", "boxing", "silat", "karate", "mma", "sparring", "ring", "catur", "chess", "game", "match",
                     "futsal", "bola", "ball", "latihan", "training"})
_NOT_AN_ATTACK = _ONLINE | _A_GAME | frozenset({"bercanda", "pura", "drama", "film", "sinetron", "komen", "comment",
                                                "comments", "chat", "post", "video"})
# A game or a ring named as where or when it happened ("someone punched my son at the game", "ada yg mukul sy di
# depan sasana tinju", "suporter lawan mukul adik sy abis nonton bola"): the place of an attack, not a bout between
# players ("he beats me at chess", "petinju nonjok lawannya di ring").
_WHERE_A_GAME_IS = frozenset({"depan", "luar", "abis", "habis", "sehabis", "nonton", "sasana", "gor", "stadion",
                              "stadium", "parkiran", "lapangan", "tempat", "arena", "outside", "after", "near"})
_AT_THE = frozenset(tuple(p.split()) for p in ("at the", "at a", "to the", "from the", "after the", "outside the"))


def _a_game_as_the_place(said: list[str], at: int) -> bool:
    before = said[max(0, at - 3):at]
    return bool(_WHERE_A_GAME_IS & set(before)) or any(pair in _AT_THE for pair in pairwise(before))


def _formerly_before(said: list[str], at: int) -> bool:
    """Whether a time gone by is told before `at` and no word of now after it: "dulu preman mukul sy", "waktu itu
    ada org mukul sy"; not "dulu sering, skrg preman mukul sy lagi"."""
    then = [k for k, word in enumerate(said[:at]) if word in _FORMERLY]
    then += [k for _phrase, k in phrases_found(said[:at], _FORMERLY_PHRASES)]
    return bool(then) and not _STILL & set(said[max(then):at])


def _striking_someone(said: list[str]) -> bool:
    if any(word in _NOT_AN_ATTACK and not (word in _A_GAME and _a_game_as_the_place(said, i))
           for i, word in enumerate(said)):
        return False
    for i, word in enumerate(said):
        if word not in _STRIKES or (word in _WINNING and _won_at(said, i + 2)) or _our_side_beaten(said, i):
            continue  # "she beats me at badminton", "they killed us 3-1 in the final": a game won
        if _dealt_by_a_beast(said, i):
            continue  # "kambing tetangga nendang sy"
        start = next((k + 1 for k in range(i - 1, -1, -1) if said[k] == _BREAK), 0)
        if (_SUPPOSED | _ALLOWED) & set(said[start:i]) or _formerly_before(said, i) \
                or (_negated(said, i) and not _UNKNOWN_ONE & set(said[i - 1:i])):  # "org gk dikenal nampar sy"
            continue
        before = [w for w in said[max(0, i - 5):i]
                  if w not in _STRIKER_AT_IT | _UNKNOWN_ONE | NEGATIONS and w != word and not w.isdecimal()]
        if _BREAK in before:
            before = before[len(before) - before[::-1].index(_BREAK):]
        if before and before[-1] in _WE and before[-2:-1] and before[-2].removesuffix("nya") in _STRIKERS:
            before = before[:-1]  # "tetangga sy mukul sy": whose
        if not before or (before[-1] in ("yang", "who", "that") and before[-2:-1] != ["ada"]) \
                or _WE & set(before[-1:]):
            continue  # "org yg mukul sy", "the man who hits me", "sy mukul dia"
        if not (_STRIKERS & ({w.removesuffix("nya") for w in before[-2:]} | set(before[-2:])) or "ada" in before[-3:]):
            continue
        after = [w for w in said[i + 1:i + 6] if w != word][:4]  # "mukul2 warga"
        after = after[:after.index(_BREAK)] if _BREAK in after else after
        struck = [w for w in after if w not in _STRUCK_FIRST][:1]
        if not struck or {"out", "keluar"} & set(after):
            continue
        if struck[0] in _STRUCK or struck[0].removesuffix("nya") in _STRUCK or (struck[0] == "her" and (
                after[1:2] in ([], ["in"], ["on"], ["at"], ["outside"], ["again"], ["now"], ["with"])
                or set(after[1:2]) & _STRUCK)):
            return True
    return False


_AT_THE_WRITERS_DOOR = frozenset({"outside", "here", "sini", "depan", "luar", "standing", "waiting", "banging",
                                  "knocking", "lurking", "berdiri", "nunggu", "nungguin", "nongkrong", "mondar",
                                  "gedor", "ngetok"})
_A_PLACE_OF_THEIRS = frozenset({"my", "our", "her", "his", "door", "gate", "window", "house", "rumah", "pintu", "pagar",
                                "pager", "jendela", "kos", "kosan", "kontrakan", "gang", "kamar"})
_HELD_OR_GONE = frozenset({
    "arrested", "prison", "jail", "caught", "court", "sentenced", "trial", "hearing", "dead", "died", "penjara",
    "dipenjara", "ditangkap", "ketangkap", "ketangkep", "sidang", "meninggal", "chess", "game", "match", "catur",
    "team", "tim"})
_AGAIN_NOW = frozenset({"now", "again", "still", "back", "sekarang", "lagi", "masih", "balik"})


# The one who did it, told there now at the writer's: "pelakunya lagi di depan rumah sy", "the attacker is still
# outside my door"; a report's culprit come to the door. Not told as then ("…pas kejadian kemarin"): the reader of
# what is over reads that before.
_CULPRITS_NAMED = frozenset({"pelaku", "penjahat", "tersangka", "perpetrator", "attacker", "culprit", "suspect"})
_THERE_STILL = frozenset({"lagi", "masih", "sekarang", "still", "now", "is", "s"})
_CULPRIT_REACH = 6  # words from who to where: "pelakunya masih nongkrong di depan gang rumah"


def _culprit_there_now(said: list[str]) -> bool:
    for i, word in enumerate(said):
        if word.removesuffix("nya") not in _CULPRITS_NAMED or not _THERE_STILL & set(said[i + 1:i + 3]):
            continue
        then = said[i + 1:i + 1 + _CULPRIT_REACH]
        if _BREAK in then:
            then = then[:then.index(_BREAK)]
        if any(w in _AT_THE_WRITERS_DOOR or (w in ("at", "di") and _A_PLACE_OF_THEIRS & set(then[k + 1:k + 3]))
               for k, w in enumerate(then)):
            return True
    return False


# A blow or an attack told done to the writer or theirs, and the one who did it there still, at their door: "td malam
# dia mukul sy, skrg mau lapor tp dia masih di depan rumah", "he punched me this morning, I want to report it but
# he's still waiting outside". The harm is past, the one who did it a danger now. Not the writer still somewhere
# ("…, skrg sy masih di rumah sakit"), one held or gone, one far off ("…masih di luar kota", "out of town"), nor one
# living or working there.
_DOERS = frozenset({"dia", "ia", "he", "she", "they", "mereka", "orangnya", "pelakunya", "orang", "mantan",
                    "mantannya", "pacar", "pacarnya", "ex", "boyfriend", "husband", "suami", "suaminya"})
_STILL_THERE = frozenset({"masih", "still"})
_FAR_OFF = frozenset({"kota", "negeri", "pulau", "daerah", "town", "country", "sakit", "hospital"})
# Where they live or work, no waiting at the door: "…dia masih tinggal di sebelah rumah sy", "…still lives next door"
_LIVING_THERE = frozenset({"tinggal", "kerja", "bekerja", "jualan", "lives", "live", "living", "works", "working"})
_HARM_TO_DOOR = 6  # words from "still" to where: "dia masih mondar mandir di depan rumah"


def _harmer_still_at_the_door(said: list[str]) -> bool:
    if _HELD_OR_GONE & set(said) or _joking(said):
        return False  # "…pake bantal, becanda doang, skrg dia masih di kamar"
    harms = _blows_at(said) + [i for i, word in enumerate(said) if word in _HARMING and not _negated(said, i)]
    harmed = [i for i in harms if _HARMED_ONES & set(said[max(0, i - 3):i] + said[i + 1:i + 4])]
    if not harmed:
        return False
    for k in range(min(harmed) + 1, len(said)):
        if said[k] not in _STILL_THERE or _negated(said, k):
            continue
        if not _DOERS & set(said[max(0, k - 2):k]):
            continue  # "he's still", "dia masih"; not "sy masih di rumah ibu"
        then = said[k + 1:k + 1 + _HARM_TO_DOOR]
        if _BREAK in then:
            then = then[:then.index(_BREAK)]
        if _FAR_OFF & set(then) or "out" in then or _living_apart(then):
            continue  # not "…masih tinggal di rumah sy": living with the writer
        if any(w in _AT_THE_WRITERS_DOOR or (w in ("at", "di") and _A_PLACE_OF_THEIRS & set(then[j + 1:j + 3]))
               for j, w in enumerate(then)):
            return True
    return False


# One who struck the writer or theirs, told held, far off, living or working where they do, or still at the game
# where it happened: "he hit me last night, he is still in jail", "…, he's still out of town", "the man who hit me
# last week is still in custody", "my neighbour who hit me still lives next to my house", "kemarin sy dipukul
# tetangga, skrg dia masih tinggal di sebelah rumah sy", "kemarin sy dipukul temen pas main futsal, skrg dia masih
# di lapangan". The blow is over, and where they are is no danger now: _not_now's. Their "still" is the only word of
# now; not with another one, fear or a plea ("…still in jail, but his brother is outside now"), nor at the door.
_LOCKED_UP = frozenset({"jail", "prison", "custody", "detained", "cell", "penjara", "dipenjara", "ditahan", "tahanan",
                   "lapas", "rutan", "bui", "dibui", "sel"})
_ABROAD = frozenset({"abroad", "overseas"})
_PITCHES = frozenset({"lapangan", "lapang", "gor", "field", "pitch", "court"})  # where a game is played
_GAMES = frozenset({"main", "bermain", "tanding", "pertandingan", "latihan", "futsal", "bola", "sepakbola", "voli",
                    "basket", "badminton", "game", "match", "playing", "played", "football", "soccer", "training"})
_NOW_OF_THE_HELD = 2  # words before their "still" where its "now" stands: "skrg dia masih"
_NOW_OF_THE_CLAUSE = _NOW_WORDS | _STILL | {"lagi"}
_WITH_THE_WRITER = frozenset({"sama", "bareng", "dengan", "serumah", "with"})
_HOMES = frozenset({"rumah", "kos", "kosan", "kost", "kontrakan", "kamar", "house", "home", "flat", "apartment",
                    "room"})
_NEXT_TO = _BESIDE - {"to"} | {"next", "across", "opposite", "seberang", "sebelahan"}


def _harmer_held_or_away(said: list[str]) -> bool:
    if FEAR & set(said) or {"tolong", "help"} & set(said):
        return False
    harms = _blows_at(said) + [i for i, word in enumerate(said) if word in _HARMING and not _negated(said, i)]
    harmed = [i for i in harms if _HARMED_ONES & set(said[max(0, i - 3):i] + said[i + 1:i + 4])]
    if not harmed:
        return False
    stills = [k for k, word in enumerate(said) if word in _STILL_THERE and k > min(harmed) and not _negated(said, k)]
    if len(stills) != 1:
        return False
    k = stills[0]
    # where they are, up to another subject or word of now: "…masih tinggal di sebelah, skrg dia lagi gedor pintu"
    ends = _NOW_OF_THE_CLAUSE | _DOERS | _BUT | {_BREAK}
    end = next((j for j in range(k + 1, min(len(said), k + 1 + _HARM_TO_DOOR)) if said[j] in ends),
               min(len(said), k + 1 + _HARM_TO_DOOR))
    then = said[k + 1:end]
    nows = [j for j, word in enumerate(said) if word in _NOW_OF_THE_CLAUSE and not k - _NOW_OF_THE_HELD <= j <= k]
    if any(not (j == end and word in ("now", "sekarang") and said[j + 1:j + 2] in ([], [_BREAK]))
           for j, word in ((j, said[j]) for j in nows)):
        return False  # "…, he's still in jail, but his brother is outside now"; not "…still in jail now"
    who_struck = next((j for j in range(k - 1, -1, -1) if said[j] in _WHO_DID), None)
    if not (_DOERS & set(said[max(0, k - 2):k]) or (who_struck is not None and _BREAK not in said[who_struck:k]
                                                    and any(who_struck < i < k for i in harmed))):
        return False  # "he's still", "dia masih", "the man who hit me … is still"; not "sy masih di rumah ibu"
    if (_AT_THE_WRITERS_DOOR - {"luar"}) & set(then) and not _LIVING_THERE & set(then):
        return False  # "…still in jail"; not "he's still outside my door"
    # nothing else of danger told, nor anyone hurt: "…masih di lapangan bawa golok", "…, kaki sy patah"
    roots = stems_of(said, ALWAYS)
    if any((root in ALWAYS or said[i] in ALWAYS_WORDS) and i not in harms and not _negated(said, i)
           for i, root in enumerate(roots)) or _hurt_now(said):
        return False
    return bool((_LOCKED_UP | _FAR_OFF | _ABROAD) & set(then)) or then[:2] == ["out", "of"] or _living_apart(then) \
        or (bool(_PITCHES & set(then)) and bool(_GAMES & set(said)))


def _living_apart(then: list[str]) -> bool:
    """Living or working beside the writer's home, or elsewhere ("tinggal di sebelah rumah sy", "lives in bandung");
    not in it or with them ("…masih tinggal di rumah sy", "…tinggal sama sy")."""
    told = set(then)
    return bool(_LIVING_THERE & told) and not _WITH_THE_WRITER & told and not (_HOMES & told and not _NEXT_TO & told)


# Someone told missing by a pronoun, as in a report of who they are: "she's been missing since yesterday", "he has
# been missing for two days". Not "missing out", "missing classes", "missing his bus".
_MISSING_ONES = frozenset({"he", "she", "they"})
_AFTER_MISSING = frozenset({_BREAK, "since", "for", "from", "sejak", "again"})


def _they_are_missing(said: list[str]) -> bool:
    return any(word == "missing" and said[i - 1:i] in (["been"], ["s"], ["is"], ["are"], ["re"])
               and _MISSING_ONES & set(said[max(0, i - 4):i]) and not _negated(said, i)
               and (i + 1 == len(said) or said[i + 1] in _AFTER_MISSING) for i, word in enumerate(said))


def _harmer_at_hand_again(said: list[str]) -> bool:
    if _HELD_OR_GONE & set(said) or _harmer_held_or_away(said):
        return False  # "…is in prison now", "tetangga yg mukul sy masih tinggal di sebelah rumah"
    for i, word in enumerate(said):
        if word not in _WHO_DID or _negated(said, i):
            continue
        harm = next((k for k in range(i + 1, min(i + 4, len(said))) if said[k] in _HARMING), None)
        if harm is None or not _HARMED_ONES & set(said[harm + 1:harm + 4]) \
                or (said[harm + 1:harm + 2] in (["my"], ["our"]) and not _HARMED_ONES & set(said[harm + 2:harm + 3])):
            continue  # "the man who hit my car": a thing
        then = said[harm + 2:]
        if _BREAK in then:
            then = then[:then.index(_BREAK)]
        at_hand = any(w in _AT_THE_WRITERS_DOOR or (w in ("at", "di") and _A_PLACE_OF_THEIRS & set(then[k + 1:k + 3]))
                      for k, w in enumerate(then))
        if at_hand and _AGAIN_NOW & set(then):
            return True
    return False


# A question, and only that, whether anything was done about what happened before: "did the police do anything
# about the break-in?", "has the burglar been caught?", "sudah ditindak belum pak yg maling kemarin?". An earlier
# report asked after, often in the middle of a new one. It must point back (a past "did", "been", "yet", a day gone,
# a report or a case, an update asked); not a danger now told beside it ("…? malingnya masih di dlm" is a sentence
# of its own) or in it (a second clause, a weapon, a fire, someone hurt, "outside", "di depan", "who is stabbing"),
# a life at risk ("anak sy yg hilang kemarin udh ada kabar blm?"), one of the household or a habit, nor help or
# fear called.
_ASKING_OPENERS = frozenset({"did", "has", "have", "was", "were", "is", "any", "what", "whats", "how", "hows"})
_ASKED_ID = frozenset({"belum", "gimana", "bagaimana", "apakah", "kapan"})
_DONE_ABOUT = frozenset({
    "anything", "done", "looked", "caught", "catch", "find", "found", "arrested", "arrest", "investigated",
    "investigate", "update", "progress", "news", "follow", "followed", "ditindak", "ditangkap", "ketangkap",
    "ketangkep", "tertangkap", "diproses", "ditindaklanjuti", "perkembangan", "perkembangannya", "diusut",
    "ditangani", "diapain"})
_POINTING_BACK = frozenset({
    "did", "been", "yet", "ever", "last", "yesterday", "ago", "earlier", "reported", "report", "case", "update",
    "progress", "news", "kemarin", "semalam", "lalu", "dulu", "laporan", "kasus", "perkembangan", "perkembangannya"})
_NOT_ONLY_ASKED = _STILL | FEAR | _HOUSEHOLD | HABITUAL | _NOW_WORDS | HURT | _GONE | _TAKEN_WORDS | {
    "tonight", "today", "daughter", "son", "child", "kids", "wife", "husband", "diculik", "disekap", "dikurung",
    "barusan", "just", "lagi", "tolong", "help", "please", "cepat", "cepet", "ada", "outside", "inside", "next",
    "here", "sini", "depan", "dalam", "luar", "sebelah", "doing", "going", "being", "knife", "knives", "gun", "guns",
    "machete", "golok", "parang", "pisau", "celurit", "clurit", "senjata", "sajam", "ngamuk", "riot", "fire",
    "kebakaran", "api"}
_A_QUESTION_AT_MOST = 16  # words
# Who may be there still, told where: "the robbers in my neighbours house", "maling yg di dalam rumah sy"
_WHO_MAY_BE_THERE = THIEVES | _THUGS | {"robbers", "robber", "man", "men", "guy", "guys", "orang", "pelaku"}
_THERE_IN = frozenset({"in", "at", "di", "inside", "dalam"})


def _asked_what_was_done(text: str, said: list[str]) -> bool:
    if _BREAK in said or len(said) > _A_QUESTION_AT_MOST or not text.rstrip().endswith("?") \
            or _CLAUSE_END.search(text):
        return False  # one clause: "did anyone catch the guy, my son can't breathe?" tells more
    asked = said[0] in _ASKING_OPENERS or bool(_ASKED_ID & set(said))
    return asked and bool(_DONE_ABOUT & set(said)) and bool(_POINTING_BACK & set(said)) \
        and not _NOT_ONLY_ASKED & set(said) and "is" not in said[1:] and "are" not in said[1:] \
        and not any(word.removesuffix("nya") in _WHO_MAY_BE_THERE and _THERE_IN & set(said[k + 1:k + 3])
                    for k, word in enumerate(said)) \
        and not life_at_risk(text)


# A thief told inside the home, and whether they are caught asked: "sudah ditangkap belum pak maling yg di dalam
# rumah sy?", "has the thief inside my house been caught yet?". Asked as after a report, the thief is there still.
# Not one told as then ("…maling yg masuk rumah sy kemarin", "…last week"), nor one caught ("malingnya udh
# ditangkap").
_CAUGHT = frozenset({"ditangkap", "diamankan", "ketangkap", "ketangkep", "tertangkap", "diciduk", "dicokok",
                     "dibekuk", "nangkap", "nangkep", "catch", "caught", "arrested"})
_INSIDE_NOW = (("di", "dalam"), ("di", "dalem"), ("inside",), ("in", "my"), ("in", "our"), ("in", "the"))
_THEN = _PAST | _ONCE | frozenset({"tadi", "lalu", "last", "earlier", "minggu", "week", "bulan", "month"})
_THIEF_TO_WHERE = 4  # words from the thief to where: "maling yg masih di dalam toko sy"
_STILL_INSIDE = (("masih", "di", "dalam"), ("masih", "di", "dalem"), ("masih", "dalam"), ("masih", "dalem"),
                 ("still", "inside"), ("still", "in", "there"))  # "…udh ditangkap blm? masih di dalem kamar sy"


def _thief_inside_asked_after(said: list[str]) -> bool:
    if not any(word in _CAUGHT and _NOT_YET_ASKED & set(said[k + 1:k + 5]) for k, word in enumerate(said)):
        return False  # "udh ditangkap blm", "been caught yet"
    if _THEN & set(said) and not _STILL_THERE & set(said):
        return False  # "…maling yg masuk rumah sy kemarin"; not "…kemarin, masih di dalam"
    for i, word in enumerate(said):
        if word.removesuffix("nya") not in THIEVES | {"rampok", "robber", "robbers"}:
            continue
        if any_phrase(said[i + 1:], _STILL_INSIDE):
            return True
        where = [w for w in said[i + 1:] if w != _BREAK]
        at = next((k for k in range(min(len(where), _THIEF_TO_WHERE)) if any_phrase(where[k:k + 2], _INSIDE_NOW)),
                  None)
        if at is not None and (where[at:at + 2] in (["di", "dalam"], ["di", "dalem"])
                               or _LIVED_IN & set(where[at + 1:at + 4])):
            return True
    return False


# A video or the news told and nothing more: "liat di tiktok ada orang ditusuk", "saw on tiktok someone got stabbed",
# "td baca berita ada pembunuhan, serem". Every word one of these few: no place ("…di pasar deket rumah"), no one of
# the writer's, no now or live, no plea; a feed is how a resident learns of a danger near, and that is a cry.
_SEEING = frozenset({"liat", "lihat", "ngeliat", "melihat", "baca", "membaca", "nonton", "menonton", "saw", "seen",
                     "read", "watched"})
_FEEDS = frozenset({"tiktok", "ig", "instagram", "fb", "facebook", "twitter", "youtube", "yt", "berita", "news",
                    "medsos", "sosmed", "video"})
_DONE_TO_SOMEONE = frozenset({
    "ditusuk", "dibacok", "dibunuh", "dirampok", "dibegal", "dikeroyok", "ditembak", "dijambret", "pembunuhan",
    "penusukan", "pembacokan", "perampokan", "penembakan", "pengeroyokan", "stabbed", "shot", "murdered", "killed",
    "robbed", "mugged", "murder", "shooting", "stabbing", "robbery", "killing"})
_TOLD_WORDS = _SEEING | _FEEDS | _DONE_TO_SOMEONE | {
    _BREAK, "saya", "aku", "gue", "i", "tadi", "just", "di", "on", "in", "the", "a", "an", "of", "about", "that",
    "ada", "orang", "yang", "seseorang", "someone", "somebody", "man", "woman", "guy", "got", "was", "there",
    "serem", "seram", "ngeri", "kasihan", "sedih", "banget", "sekali", "scary", "sad", "terrible", "horrible"}


_JUST_SEEN = frozenset({"baru", "barusan"})


def _only_seen_on_a_feed(said: list[str]) -> bool:
    told = set(said)
    # "baru liat di ig…": just seen, of the seeing; not "…ada orang baru ditusuk di depan"
    seen_just = {k for k, word in enumerate(said[:-1]) if word in _JUST_SEEN and said[k + 1] in _SEEING}
    return bool(_SEEING & told and _FEEDS & told and _DONE_TO_SOMEONE & told) \
        and set(_towns_left_out([word for k, word in enumerate(said) if k not in seen_just])) <= _TOLD_WORDS


# A town or a province named where it happened is news of a town ("…ada orang dibacok di medan"), no place of the
# writer's: its name is left out with its "di" before the words are read. Not a street, a market or a house there.
_LONGEST_TOWN = 4  # words: "lima puluh kota"


def _towns_left_out(said: list[str]) -> list[str]:
    kept, k = [], 0
    while k < len(said):
        if said[k] in ("di", "in"):
            named = next((n for n in range(_LONGEST_TOWN, 0, -1) if tuple(said[k + 1:k + 1 + n]) in town_names()), 0)
            if named:
                k += 1 + named
                continue
        kept.append(said[k])
        k += 1
    return kept


def _danger_told_now_after(said: list[str]) -> bool:
    for k, word in enumerate(said):
        if word not in ("sekarang", "now") or not k or said[k - 1] in _SINCE | _UNTIL \
                or not _BEFORE_NOW & set(said[:k]):
            continue
        rest = said[k + 1:]
        if rest and is_cry_for_help(" ".join("." if w == _BREAK else w for w in rest)):
            return True
    return False
