"""What the tests and the benchmarks share to drive the real service from outside: fake Telegram and Twilio
APIs on 127.0.0.1, a loopback server, `lapor serve` as a process, the outbox dispatcher run to the end.
Neither the product nor a test module is imported from here the other way round."""

TEST_SECRET = "test-secret-key-for-lapor-at-least-32-chars"  # SECRET_KEY of every database a test or a benchmark makes
DESCRIPTION = "Motor tetangga dicuri di depan rumah saat parkir tadi malam"  # a resident's typical account

# Scripted residents tell incidents of their own: residents who tell one story of one kelurahan within a day
# are asked whether it is one incident (handlers/witnesses.py), a step a run of many residents is not about.
# No two of these stories are alike by handlers/language/alike.py (the closest pair scores 57 of the 62 that
# joins), none is a cry for help, and each place is a kelurahan of Kecamatan Sananwetan, Kota Blitar, as a
# resident types it: all are routed to Polsek Sananwetan, and each is asked back ("Maksud Anda …?").
STORIES = (
    DESCRIPTION,
    "Lampu lalu lintas di perempatan mati sejak kemarin, kendaraan saling serobot",
    "Truk parkir sembarangan menutup separuh jalan sampai macet panjang",
    "Balap liar anak muda tiap malam minggu, knalpot brong berisik sekali",
    "Jalan berlubang besar belum ditambal, dua pemotor sudah terjatuh",
    "Pedagang kaki lima memakai trotoar sehingga pejalan kaki turun ke aspal",
    "Angkot ngetem lama di tikungan bikin antrean kendaraan mengular",
    "Pohon tumbang melintang menghalangi mobil yang mau lewat",
    "Sopir bus ugal-ugalan menyalip di tanjakan dekat sekolah",
    "Rambu dilarang belok hilang, banyak pengendara bingung arah",
    "Helm saya raib dari parkiran minimarket siang ini",
    "Pemuda nongkrong minum miras di pos ronda sampai subuh",
    "Juru parkir liar berompi oranye memungut uang di depan ruko",
    "Ada penipuan undian berhadiah lewat telepon mengatasnamakan bank",
    "Tabung gas elpiji di warung kami hilang diambil orang tak dikenal",
    "Musik dangdut hajatan diputar keras lewat tengah malam",
    "Layangan putus nyangkut di kabel listrik, anak-anak memanjat tiang",
    "Sepeda anak saya dibawa kabur dari halaman masjid",
    "Pengamen memaksa minta uang di lampu merah dan menggedor kaca mobil",
    "Lapak judi togel buka terang-terangan di warung kopi",
    "Kabel telepon dipotong maling untuk dijual tembaganya",
    "Sumur warga tercemar limbah pabrik tahu, airnya bau",
    "Anjing liar menggigit kambing peliharaan warga",
    "Pagar makam dirusak dan besinya diangkut gerobak",
    "Penjual obat keliling menawarkan pil tanpa merek ke pelajar",
    "Rombongan truk pasir melaju kencang tanpa terpal, debu beterbangan",
    "Jemuran pakaian sering hilang dari atap kos-kosan",
    "Orang asing memotret rumah-rumah kosong sambil mencatat nomor",
    "Selokan mampet karena tumpukan plastik, jalan tergenang tiap hujan",
    "Burung kicau mahal milik pak RT lenyap dari sangkarnya",
)
PLACES = tuple(f"{village} sananwetn blitar" for village in (
    "gedok", "plosokerep", "klampok", "sananwetan", "rembang", "karangtengah", "bendogerit"))


def story_and_place(resident: int) -> tuple[str, str]:
    """What scripted resident number `resident` tells, and where: the first len(STORIES) * len(PLACES)
    residents each tell an incident no other one tells."""
    return STORIES[resident // len(PLACES) % len(STORIES)], PLACES[resident % len(PLACES)]
