"""Deterministic synthetic DTKS pre-lists of any size, for demos, tests and benchmarks.

The same arguments always give byte-identical files: every choice comes from one
``random.Random(seed)`` and "today" is the fixed :data:`REFERENCE_DATE`. The files follow
docs/prelist-format.md (the columns of :mod:`dtks.prelist`); about 3 % of households carry one
deliberate defect of a kind in :data:`dtks.prelist.ANOMALIES`, named in the row's ``anomaly``
column. Every row without an anomaly is valid and consistent.

What it models: households spread over ceil(N / 250) real villages under the given kode
wilayah; 1-9 members (head, spouse, children, sometimes a married child with menantu and
grandchildren, a parent, a relative or a household help) with ages, sexes, marital status,
diploma and occupation that fit together; names by region (Sundanese, Javanese, Batak marga,
Minang, Acehnese, Balinese birth-order names, Bugis, NTT/Minahasa/Maluku/Papuan family names,
a Malay-Muslim fallback); NIKs and No KKs built to agree with birth date, sex and region (never
parsed in the hot path: tests check them with dtks.ids). Nobody is born before 1936, so the
two-digit year of a NIK is unambiguous. lat/lon are left empty.

Command line (prints a summary; exit code 2 on a bad argument)::

    python -m dtks.sample --households 1000 --wilayah 32.04 --seed 1 --out demo-data/

Python, rows are dicts of CSV text keyed by the pre-list columns, in their order:

>>> households, members = generate(2, "32.04.12.2002", seed=1)
>>> households[0]["household_id"], members[0]["member_id"], members[0]["hubungan"]
('3204122002000001', '320412200200000101', '1')
"""

import argparse
import csv
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from random import Random

from dtks import ids, wilayah
from dtks.prelist import ANOMALIES, HOUSEHOLD_COLUMNS, MEMBER_COLUMNS

REFERENCE_DATE = date(2026, 11, 1)
"""The generator's "today": ages, KK issue dates and "future" are measured from it."""

ANOMALY_RATE = 0.03
"""Share of households that carry one deliberate defect."""

HOUSEHOLDS_PER_VILLAGE = 250
"""Average households per village; N households fill ceil(N / this) villages of the prefix."""

_REF = REFERENCE_DATE.toordinal()
# A NIK writes the birth year with two digits and dtks.ids reads yy <= this year as 20yy, so
# nobody born before ~1927 can carry a NIK that agrees with the birth date; 1936 keeps a margin.
_OLDEST = date(1936, 1, 1).toordinal()
_KK_EARLIEST = date(1995, 1, 1).toordinal()
_YEAR = 365.25
# 16 years in days rounded up: "at least 15 calendar years" holds whatever the leap days.
_GENERATION = 16 * 366

L, P = 1, 2  # jenis_kelamin codes
KEPALA, PASANGAN, ANAK, MENANTU, CUCU, ORANG_TUA, PEMBANTU, LAINNYA = range(1, 9)
BELUM, KAWIN, CERAI_HIDUP, CERAI_MATI = 1, 2, 3, 4


class _Weighted:
    """Items with fixed weights, picked with one random() and a bisect (random.choices is slower)."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, pairs: Iterable[tuple[object, float]]):
        self.items, self.cum, total = [], [], 0.0
        for item, weight in pairs:
            total += weight
            self.items.append(item)
            self.cum.append(total)
        self.total = total

    def pick(self, rng: Random):
        """Return one item, chance proportional to its weight."""
        return self.items[bisect_right(self.cum, rng.random() * self.total)]


# --- names ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameGroup:
    """Names of one cultural region and how a full name is built from them.

    style: "plain" (given name, sometimes a second name), "marga" (Batak: the father's marga,
    women written "Br." for boru), "family" (a surname from the father) or "bali" (I/Ni, a
    birth-order name, a given name).
    """

    style: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    male_second: tuple[str, ...] = ()
    female_second: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    second_share: float = 0.5

    def family(self, rng: Random, other_than: str | None = None) -> str | None:
        """A random family name (marga, surname), or None when the culture uses none."""
        if not self.families:
            return None
        while True:
            name = self.families[int(rng.random() * len(self.families))]
            if name != other_than:
                return name

    def name(self, rng: Random, sex: int, family: str | None = None, order: int = 0) -> str:
        """A full name for a person of this sex; family and birth order used where they apply."""
        given = self.male if sex == L else self.female
        first = given[int(rng.random() * len(given))]
        if self.style == "bali":
            birth = _BALI_ORDER[sex][order % 4]
            return f"{'I' if sex == L else 'Ni'} {birth} {first}"
        if self.style == "marga":
            return f"{first} {family}" if sex == L else f"{first} Br. {family}"
        if self.style == "family":
            return f"{first} {family}"
        second = self.male_second if sex == L else self.female_second
        if second and rng.random() < self.second_share:
            other = second[int(rng.random() * len(second))]
            if other != first:
                return f"{first} {other}"
        return first


def _names(text: str) -> tuple[str, ...]:
    """Split a comma-separated name list (names may contain spaces)."""
    return tuple(n.strip() for n in text.split(",") if n.strip())


# Birth-order names: first, second, third, fourth child; the fifth starts again.
_BALI_ORDER = {
    L: ("Wayan", "Made", "Nyoman", "Ketut"),
    P: ("Luh Putu", "Made", "Nyoman", "Ketut"),
}

_MUSLIM_MALE_2 = (
    "Hidayat, Saputra, Syahputra, Kurniawan, Pratama, Ramadhan, Hakim, Firmansyah, Maulana, Nugraha"
)
_MUSLIM_FEMALE_2 = (
    "Sari, Wati, Lestari, Rahmawati, Fitria, Anggraini, Puspita, Safitri, Handayani, Yulianti"
)

GROUPS: dict[str, NameGroup] = {
    "sunda": NameGroup(
        "plain",
        _names(
            "Asep, Ujang, Dede, Cecep, Agus, Dadang, Usep, Endang, Jajang, Ade, Yayan, Iwan,"
            " Entis, Oman, Wawan, Deden, Yudi, Aep, Nandang, Tatang, Engkus, Dadan, Ajat, Ridwan"
        ),
        _names(
            "Euis, Neneng, Iis, Imas, Cucu, Enok, Elis, Yati, Nining, Tati, Siti, Dedeh,"
            " Nenden, Wulan, Rina, Yeni, Lilis, Teti, Entin, Popon, Eti, Ai, Enung, Nurjanah"
        ),
        _names(
            "Sunarya, Saepudin, Hidayat, Supriatna, Kurniawan, Rahmat, Permana, Suryana,"
            " Komarudin, Mulyana, Sopandi, Gunawan"
        ),
        _names(
            "Nurhayati, Rohaeti, Suryani, Komalasari, Hartini, Rahmawati, Sumiati,"
            " Kurniasih, Jubaedah, Nurlela"
        ),
        second_share=0.55,
    ),
    "jawa": NameGroup(
        "plain",
        _names(
            "Slamet, Budi, Joko, Bambang, Sugeng, Agus, Suparman, Wahyu, Sutrisno, Heru, Eko,"
            " Mulyono, Suyanto, Wagiman, Paijo, Sukirno, Prasetyo, Teguh, Sumarno, Darmadi,"
            " Suwarno, Hadi, Triyono, Yanto"
        ),
        _names(
            "Sri, Sumiyati, Siti, Wartini, Lestari, Suparmi, Tumini, Sulastri, Endang, Rini,"
            " Yuni, Wahyuni, Purwanti, Ngatini, Partini, Suwarni, Sundari, Ratna, Sumarni,"
            " Tukinem, Darsih, Sukini"
        ),
        _names(
            "Santoso, Wibowo, Susanto, Setiawan, Purnomo, Hartono, Widodo, Raharjo, Nugroho,"
            " Kusuma, Prabowo, Saputro"
        ),
        _names(
            "Wulandari, Rahayu, Lestari, Handayani, Ningsih, Astuti, Pratiwi, Utami,"
            " Setyaningsih, Kurniawati, Susilowati, Rahmawati"
        ),
        second_share=0.5,
    ),
    "batak": NameGroup(
        "marga",
        _names(
            "Togar, Tigor, Parlindungan, Hotman, Binsar, Martua, Jonni, Sahat, Poltak, Robert,"
            " Juliper, Darwin, Maruli, Benget, Parulian, Mangasi, Horas, Rudolf"
        ),
        _names(
            "Rosmawati, Tiurma, Lamria, Rotua, Nurmaida, Dame, Sondang, Romauli, Herlina,"
            " Mariani, Friska, Lasmaria, Erlina, Tiominar, Rosdiana, Hotnida"
        ),
        families=_names(
            "Simanjuntak, Sitorus, Siregar, Nasution, Hutapea, Situmorang, Sinaga, Simatupang,"
            " Panjaitan, Pardede, Manurung, Harahap, Lubis, Tambunan, Silalahi, Sihombing,"
            " Hutagalung, Pasaribu, Napitupulu, Sitompul, Simbolon, Sirait"
        ),
    ),
    "minang": NameGroup(
        "plain",
        _names(
            "Zulkifli, Syafrizal, Afrizal, Yusrizal, Darmawan, Hendri, Erizal, Syahrial,"
            " Nofrizal, Firdaus, Rusdi, Jufri, Andri, Irwan, Yuliandri, Masrul, Zulfahmi"
        ),
        _names(
            "Yusnidar, Nurhayati, Rosmaniar, Desniati, Yenni, Elfira, Fitri, Yulidar,"
            " Asmaniar, Syafrida, Nelly, Ernawati, Wirda, Zuraida, Mardiana, Rosnita"
        ),
        _names("Putra, Efendi, Syahputra, Chaniago, Piliang, Malik, Rahman"),
        _names("Yanti, Wati, Sari, Yeni, Mulyani, Novita"),
        second_share=0.4,
    ),
    "aceh": NameGroup(
        "plain",
        _names(
            "Muhammad, Zulfikar, Fauzan, Mukhlis, Iskandar, Rizki, Husaini, Safrizal, Munawar,"
            " Khairul, Mahdi, Nasruddin, Azhari, Bukhari, Samsul, Teuku Ridwan, Zulkarnaini"
        ),
        _names(
            "Nurhayati, Rahmah, Aisyah, Mardhiah, Khairunnisa, Salmiah, Rosnani, Fatimah,"
            " Nurlaili, Zahrah, Maryam, Rukiah, Hafsah, Cut Mutia, Nurjannah, Rosmiati"
        ),
        _names("Yusuf, Hasan, Ibrahim, Daud, Ali, Abdullah, Ismail, Ilyas, Amin"),
        _names("Fitriani, Maulida, Safitri, Zahara, Husna, Rahmi"),
        second_share=0.5,
    ),
    "bali": NameGroup(
        "bali",
        _names(
            "Suardana, Sudiarta, Artawan, Mertayasa, Gunawan, Sukadana, Wirawan, Budiasa,"
            " Darmawan, Suarjana, Adnyana, Sutama, Arsana, Sudarma, Wiradnyana, Astawa"
        ),
        _names(
            "Sukmawati, Ariani, Sukerti, Suartini, Wulandari, Ratnadi, Suciani, Astiti,"
            " Sumerti, Darmini, Puspitasari, Widiastuti, Sriasih, Yuliani, Rusmini"
        ),
    ),
    "bugis": NameGroup(
        "plain",
        _names(
            "Muhammad, Baharuddin, Syamsuddin, Hasanuddin, Amiruddin, Jamaluddin, Arifin,"
            " Ridwan, Syahrir, Muhtar, Kaharuddin, Andi Baso, Abdul Rahman, Syarifuddin,"
            " Mappiase, Sudirman"
        ),
        _names(
            "Hasnah, Hasniah, Nurbaya, Sitti, Hadijah, Nurhaeda, Rosdiana, Hasnawati, Marlina,"
            " Suriani, Kasmawati, Jumriah, Nuraeni, Hamsiah, Andi Tenri, Megawati"
        ),
        _names("Hamzah, Ramli, Syukur, Latif, Bakri, Said, Nur"),
        _names("Aminah, Rahma, Nurlina, Jumiati, Daeng Tene"),
        second_share=0.4,
    ),
    "malay": NameGroup(
        "plain",
        _names(
            "Ahmad, Muhammad, Rahmat, Hendra, Rudi, Andi, Syahrul, Fadli, Hasan, Ismail,"
            " Yusuf, Ridwan, Arif, Hamdan, Zainal, Sulaiman, Faisal, Irfan, Abdul Malik,"
            " Junaidi, Rusli, Herman"
        ),
        _names(
            "Siti, Nurhaliza, Fatimah, Aminah, Rohani, Zubaidah, Halimah, Nurul, Aisyah,"
            " Salmah, Rahmawati, Yuliana, Fitriani, Maimunah, Rosmini, Juliana, Nurhasanah,"
            " Kartini"
        ),
        _names(_MUSLIM_MALE_2),
        _names(_MUSLIM_FEMALE_2),
        second_share=0.55,
    ),
    "ntt": NameGroup(
        "family",
        _names(
            "Yohanes, Markus, Petrus, Yosef, Agustinus, Fransiskus, Paulus, Simon, Daniel,"
            " Yakobus, Stefanus, Kornelis, Benediktus, Aloysius, Dominggus, Yeremias"
        ),
        _names(
            "Maria, Yuliana, Theresia, Agustina, Veronika, Margaretha, Katarina, Elisabeth,"
            " Fransiska, Magdalena, Yohana, Martha, Regina, Anastasia, Yasinta, Serlin"
        ),
        families=_names(
            "Da Costa, Lewar, Ndun, Bria, Nahak, Seran, Tefa, Nenobais, Manafe, Tanaem, Ratu,"
            " Kolo, Lake, Bani, Taolin, Fernandez, Laka, Lay, Riwu, Bata"
        ),
    ),
    "minahasa": NameGroup(
        "family",
        _names(
            "Johny, Frans, Hendrik, Jefry, Roy, Steven, Ronald, Deddy, Alfrets, Max, Ferry,"
            " Jemmy, Rolly, Novie"
        ),
        _names(
            "Meiske, Deysi, Olga, Lenny, Vonny, Ivonne, Jenny, Herlina, Marlyn, Stella,"
            " Anneke, Femmy, Grace, Sintia"
        ),
        families=_names(
            "Lumenta, Rumengan, Wowor, Sumampouw, Mandagi, Tumbelaka, Rondonuwu, Pangemanan,"
            " Kalalo, Lasut, Runtuwene, Tambuwun, Sondakh, Kaunang, Karamoy, Walangitan"
        ),
    ),
    "maluku": NameGroup(
        "family",
        _names(
            "Yakob, Hendrik, Johanis, Semuel, Agustinus, Marthin, Yopi, Frans, Nikolas,"
            " Piter, Elias, Ruben"
        ),
        _names(
            "Martha, Yosina, Helena, Welhelmina, Maria, Novita, Agustina, Elsye, Maryam,"
            " Paulina, Yohana, Sarlota"
        ),
        families=_names(
            "Latuheru, Pattinama, Tuhumury, Soumokil, Pattiasina, Matulessy, Siahaya,"
            " Leiwakabessy, Sahetapy, Tahapary, Pelupessy, Wattimena, Manuputty, Tuasikal"
        ),
    ),
    "papua": NameGroup(
        "family",
        _names(
            "Yulius, Nataniel, Yunus, Obed, Yance, Meki, Marthen, Frans, Otto, Benny, Yan,"
            " Zakeus, Yosias, Melkias, Demianus, Titus"
        ),
        _names(
            "Yosina, Naomi, Ester, Debora, Ruth, Mina, Yuliana, Selfina, Ribka, Marthina,"
            " Kristina, Yohana, Lea, Agustina, Petronela"
        ),
        families=_names(
            "Wenda, Kogoya, Wanimbo, Tabuni, Yikwa, Murib, Wonda, Kambu, Rumbiak, Mofu,"
            " Karubaba, Wambrauw, Ayomi, Yoku, Kaisiepo, Rumaropen, Mandowen, Gebze, Mahuze"
        ),
    ),
}

# Which name groups live in a province, with weights; other provinces use _DEFAULT_GROUPS.
# The mixes reflect migration (Javanese transmigrants, Malay-Muslim names everywhere).
_PROVINCE_GROUPS = {
    "11": (("aceh", 9), ("malay", 1)),
    "12": (("batak", 6), ("malay", 2), ("jawa", 2)),
    "13": (("minang", 9), ("malay", 1)),
    "31": (("malay", 4), ("jawa", 3), ("sunda", 3)),
    "32": (("sunda", 9), ("jawa", 1)),
    "33": (("jawa", 1),),
    "34": (("jawa", 1),),
    "35": (("jawa", 1),),
    "36": (("sunda", 6), ("malay", 4)),
    "51": (("bali", 9), ("jawa", 1)),
    "53": (("ntt", 9), ("malay", 1)),
    "71": (("minahasa", 8), ("malay", 2)),
    "73": (("bugis", 9), ("malay", 1)),
    "76": (("bugis", 9), ("malay", 1)),
    "81": (("maluku", 6), ("malay", 4)),
    **{p: (("papua", 8), ("malay", 1), ("bugis", 1)) for p in ("91", "92", "93", "94", "95", "96")},
}
_DEFAULT_GROUPS = (("malay", 7), ("jawa", 3))


def groups_for(province: str) -> _Weighted:
    """The weighted name groups of a 2-digit province code."""
    return _Weighted((GROUPS[g], w) for g, w in _PROVINCE_GROUPS.get(province, _DEFAULT_GROUPS))


# --- addresses -----------------------------------------------------------------------------

_STREETS = _names(
    "Mawar, Melati, Merdeka, Sudirman, Diponegoro, Ahmad Yani, Pahlawan, Kenanga, Anggrek,"
    " Cempaka, Flamboyan, Masjid, Pasar, Gatot Subroto, Kartini, Pemuda, Veteran, Sisingamangaraja,"
    " Imam Bonjol, Teuku Umar, Cut Nyak Dhien, Hasanuddin, Raya, Kebon, Nangka, Dahlia, Sawo"
)
_KAMPUNG = _names(
    "Cibeureum, Sukamanah, Babakan, Cikoneng, Pasirjati, Sindangsari, Cipanas, Sukamaju,"
    " Citeureup, Cijambe, Pasanggrahan, Cigondewah, Lebak, Tegalega, Warung Peuteuy, Cimaung"
)
_DUSUN_JAWA = _names(
    "Krajan, Sukamaju, Sidomulyo, Karanganyar, Mekarsari, Sumbersari, Tegalsari, Wonosari,"
    " Sidorejo, Margomulyo, Ngasem, Kauman, Kedungrejo, Gondang, Sambirejo, Jatirejo"
)
_BANJAR = _names(
    "Kaja, Kelod, Kangin, Kauh, Tengah, Anyar, Dauh Peken, Delod Peken, Pande, Gede, Sari"
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _hamlet_names(province: str) -> tuple[str, tuple[str, ...]]:
    """How a province names its hamlets: the word before the name, and the names."""
    if province in ("32", "36"):
        return "Kp.", _KAMPUNG
    if province in ("33", "34", "35"):
        return "Dusun", _DUSUN_JAWA
    if province == "51":
        return "Banjar", _BANJAR
    return "Dusun", _ROMAN


@dataclass(frozen=True)
class _Hamlet:
    """One dusun/kampung of a village: its name, its RW and how many RTs it has."""

    name: str
    rw: str
    rts: int


# --- a village and its surroundings --------------------------------------------------------


def _place_name(regency_name: str) -> str:
    """The name people write as a birthplace: 'Kota Administrasi Jakarta Barat' -> 'Jakarta Barat'."""
    for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if regency_name.startswith(prefix):
            return regency_name[len(prefix) :]
    return regency_name


@dataclass
class _Village:
    """A desa/kelurahan with what the generator needs about it and its region."""

    code: str
    name: str
    urban: bool
    groups: _Weighted
    hamlets: list[_Hamlet]
    hamlet_word: str
    districts: list[str]
    """Districts (6 digits) of the village's regency, for NIKs issued elsewhere in it."""
    places: _Weighted
    """Birthplaces: the own regency first and mostly, the province's others, anywhere."""
    serial: int = 0

    @property
    def district(self) -> str:
        """The 6-digit code of the village's kecamatan."""
        return self.code[:6]

    def birthplace(self, rng: Random, age: int) -> str:
        """Where someone of this age living here was born; young children mostly right here."""
        if age < 10 and rng.random() < 0.9:
            return self.places.items[0]
        return self.places.pick(rng)


class _Region:
    """Lookups over the kode wilayah table, computed once per generator."""

    def __init__(self):
        self.table = wilayah.table()
        self._regencies: dict[str, list[str]] = {}
        self._places: dict[str, _Weighted] = {}
        self._districts: dict[str, list[str]] = {}
        self._all_places = [_place_name(self.table[c]) for c in wilayah.codes_under("", 2)]
        self._all_villages: list[str] | None = None

    def districts(self, regency: str) -> list[str]:
        """The district codes of a regency."""
        if regency not in self._districts:
            self._districts[regency] = list(wilayah.codes_under(regency, 3))
        return self._districts[regency]

    def places(self, regency: str) -> _Weighted:
        """Birthplaces around a regency: itself 75 %, its province 20 %, anywhere 5 %."""
        if regency not in self._places:
            self._places[regency] = self._around(regency)
        return self._places[regency]

    def _around(self, regency: str) -> _Weighted:
        """Build the birthplace weights of places()."""
        province = regency[:2]
        if province not in self._regencies:
            self._regencies[province] = list(wilayah.codes_under(province, 2))
        own = _place_name(self.table[regency])
        near = [_place_name(self.table[c]) for c in self._regencies[province]]
        pairs = [(own, 75.0)]
        pairs += [(n, 20.0 / len(near)) for n in near]
        pairs += [(n, 5.0 / len(self._all_places)) for n in self._all_places]
        return _Weighted(pairs)

    def all_villages(self) -> list[str]:
        """Every village code of the country (for the wrong_wilayah anomaly)."""
        if self._all_villages is None:
            self._all_villages = list(wilayah.codes_under("", 4))
        return self._all_villages

    def village(self, code: str, rng: Random) -> _Village:
        """A village with hamlets (RW) and RT counts drawn from rng."""
        province = code[:2]
        word, names = _hamlet_names(province)
        count = 2 + int(rng.random() * 8)
        if word == "Dusun" and names is _ROMAN:
            chosen = list(names[:count])
        else:
            chosen = rng.sample(names, min(count, len(names)))
        hamlets = [
            _Hamlet(n, f"{i + 1:03d}", 2 + int(rng.random() * 6)) for i, n in enumerate(chosen)
        ]
        return _Village(
            code=code,
            name=self.table[code],
            # The 7th digit is 1 for a kelurahan (urban) and 2 for a desa.
            urban=code[6] == "1",
            groups=groups_for(province),
            hamlets=hamlets,
            hamlet_word=word,
            districts=self.districts(code[:4]),
            places=self.places(code[:4]),
        )


# --- people ---------------------------------------------------------------------------------


class _Person:
    """One member while the household is being built."""

    __slots__ = ("rel", "sex", "born", "name", "family", "status", "mother")

    def __init__(self, rel: int, sex: int, born: int, name: str, family: str | None, status: int):
        self.rel, self.sex, self.born, self.name = rel, sex, born, name
        self.family, self.status, self.mother = family, status, ""


_SIZES = _Weighted([(1, 7), (2, 13), (3, 19), (4, 22), (5, 16), (6, 10), (7, 6), (8, 4), (9, 3)])
_DESIL = _Weighted(
    (d, w) for d, w in zip(range(1, 11), (20, 17, 14, 12, 10, 8, 7, 5, 4, 3), strict=True)
)
_HEAD_MALE_SINGLE = _Weighted([(BELUM, 40), (CERAI_HIDUP, 20), (CERAI_MATI, 40)])
_HEAD_FEMALE_SINGLE = _Weighted([(BELUM, 15), (CERAI_HIDUP, 20), (CERAI_MATI, 65)])
_HEAD_MALE = _Weighted([(KAWIN, 90), (CERAI_MATI, 6), (CERAI_HIDUP, 4)])
_HEAD_FEMALE = _Weighted([(KAWIN, 10), (CERAI_HIDUP, 30), (CERAI_MATI, 60)])
_ADULT_CHILD = _Weighted([(BELUM, 80), (CERAI_HIDUP, 17), (CERAI_MATI, 3)])
_OTHER_ADULT = _Weighted([(BELUM, 45), (KAWIN, 25), (CERAI_HIDUP, 15), (CERAI_MATI, 15)])

# Highest diploma of adults by birth cohort (codes of CODES["pendidikan"]): older is lower.
_EDU_BEFORE_1970 = _Weighted(zip(range(1, 8), (35, 40, 12, 10, 1, 2, 0), strict=True))
_EDU_1970_1989 = _Weighted(zip(range(1, 8), (12, 35, 23, 24, 2, 4, 0.5), strict=True))
_EDU_FROM_1990 = _Weighted(zip(range(1, 8), (4, 18, 28, 40, 3, 6, 1), strict=True))
_YEAR_1970, _YEAR_1990 = date(1970, 1, 1).toordinal(), date(1990, 1, 1).toordinal()

# Main occupation of adults (codes of CODES["pekerjaan"]); PNS needs SMA, see _occupation.
_JOB_MAN = _Weighted([(2, 28), (3, 4), (4, 25), (5, 12), (6, 12), (7, 2), (8, 8), (1, 5), (12, 4)])
_JOB_WOMAN = _Weighted([(10, 45), (2, 12), (4, 10), (5, 8), (6, 14), (7, 1), (1, 6), (12, 4)])
_JOB_OLD = _Weighted([(1, 45), (2, 25), (6, 8), (4, 7), (11, 7), (10, 8)])


def _education(rng: Random, age: int, born: int) -> int:
    """Highest diploma for an age, never more than someone that age can hold."""
    if age < 13:
        return 1
    if age < 16:
        return 2
    if age < 19:
        return 3
    if age < 23:
        return 4 if rng.random() < 0.6 else 3
    table = (
        _EDU_FROM_1990
        if born >= _YEAR_1990
        else _EDU_1970_1989
        if born >= _YEAR_1970
        else _EDU_BEFORE_1970
    )
    return table.pick(rng)


def _occupation(rng: Random, age: int, sex: int, education: int) -> int:
    """Main occupation for an age, sex and diploma: children are pupils or not working."""
    if age < 5:
        return 1
    if age < 16:
        return 9 if age >= 7 or rng.random() < 0.5 else 1
    if age < 23 and rng.random() < (0.8 if age < 19 else 0.25):
        return 9
    if age >= 60:
        job = _JOB_OLD.pick(rng)
        if job == 10 and sex == L:
            return 1
        return job
    job = (_JOB_MAN if sex == L else _JOB_WOMAN).pick(rng)
    if job == 7 and (education < 4 or age > 58):
        return 4
    return job


# --- dates -----------------------------------------------------------------------------------


class _Dates:
    """Text forms of a birth date, cached per day: there are only ~33,000 distinct days."""

    def __init__(self):
        self._cache: dict[int, tuple[str, str, str, int]] = {}

    def get(self, ordinal: int) -> tuple[str, str, str, int]:
        """(YYYY-MM-DD, DDMMYY for a man, DDMMYY for a woman, age on REFERENCE_DATE)."""
        hit = self._cache.get(ordinal)
        if hit is None:
            d = date.fromordinal(ordinal)
            tail = f"{d.month:02d}{d.year % 100:02d}"
            ref = REFERENCE_DATE
            age = ref.year - d.year - ((ref.month, ref.day) < (d.month, d.day))
            hit = (d.isoformat(), f"{d.day:02d}{tail}", f"{d.day + 40:02d}{tail}", age)
            self._cache[ordinal] = hit
        return hit


def _numbered(serials: dict[str, int], key: str) -> str:
    """key (region + date, 12 digits) + its next free 4-digit serial: unique by construction."""
    serial = serials.get(key, 0) + 1
    serials[key] = serial
    return f"{key}{serial:04d}"


def _years(n: float) -> int:
    """n years in days (for drawing ages, not for exact calendar arithmetic)."""
    return int(n * _YEAR)


# --- the generator ---------------------------------------------------------------------------


@dataclass
class Summary:
    """What a generated pre-list holds: counts of rows, villages and anomalies by kind."""

    households: int = 0
    members: int = 0
    villages: int = 0
    anomalies: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ANOMALIES, 0))

    def text(self) -> str:
        """A few lines for people: the counts, anomalies by kind."""
        kinds = ", ".join(f"{k} {n}" for k, n in self.anomalies.items())
        return (
            f"{self.households} households, {self.members} members in {self.villages} "
            f"{'village' if self.villages == 1 else 'villages'}\n"
            f"anomalies ({sum(self.anomalies.values())}): {kinds}"
        )


class _Generator:
    """Builds households one by one from one Random; holds the NIK/KK serial counters."""

    def __init__(self, households: int, scope: str, seed: int):
        self.rng = Random(seed)
        self.region = _Region()
        self.dates = _Dates()
        # Next free serial per region + date, one counter for NIKs and one for No KKs.
        self.nik_serials: dict[str, int] = {}
        self.kk_serials: dict[str, int] = {}
        self.recent_niks: list[str] = []
        self.remembered = 0
        self.villages = self._villages(households, scope)

    def _villages(self, households: int, scope: str) -> list[tuple[_Village, int]]:
        """Pick ceil(N / HOUSEHOLDS_PER_VILLAGE) villages under scope and split N among them."""
        codes = list(wilayah.codes_under(scope, 4))
        if not codes:
            raise ValueError(f"kode wilayah {wilayah.dotted(scope)} has no villages in the table")
        count = min(len(codes), -(-households // HOUSEHOLDS_PER_VILLAGE))
        chosen = sorted(self.rng.sample(codes, count))
        weights = [0.5 + self.rng.random() for _ in chosen]
        total = sum(weights)
        sizes = [max(1, int(households * w / total)) for w in weights]
        for i in range(households - sum(sizes)):
            sizes[i % count] += 1
        while sum(sizes) > households:  # max(1, ...) may overshoot when N is tiny
            sizes[sizes.index(max(sizes))] -= 1
        if max(sizes) > 999_999:
            raise ValueError("too many households per village: the serial has 6 digits")
        return [(self.region.village(c, self.rng), n) for c, n in zip(chosen, sizes, strict=True)]

    def rows(self) -> Iterator[tuple[dict[str, str], list[dict[str, str]]]]:
        """Yield (household row, member rows) for every household, in household_id order."""
        for village, count in self.villages:
            for _ in range(count):
                village.serial += 1
                yield self._household(village)

    # -- one household --

    def _household(self, village: _Village) -> tuple[dict[str, str], list[dict[str, str]]]:
        """Build one household with its members, maybe plant an anomaly, return the rows."""
        rng = self.rng
        group = village.groups.pick(rng)
        people = self._people(group, _SIZES.pick(rng))
        hid = f"{village.code}{village.serial:06d}"
        members = [self._member_row(hid, i, p, village) for i, p in enumerate(people, 1)]
        head = people[0]
        hamlet = village.hamlets[int(rng.random() * len(village.hamlets))]
        row = {
            "household_id": hid,
            "no_kk": self._kk(village, head, people),
            "kode_wilayah": village.code,
            "alamat": self._address(village, hamlet),
            "rt": f"{1 + int(rng.random() * hamlet.rts):03d}",
            "rw": hamlet.rw,
            "nama_krt": head.name,
            "jumlah_art": str(len(people)),
            "desil": str(_DESIL.pick(rng)),
            "lat": "",
            "lon": "",
            "anomaly": "",
        }
        if rng.random() < ANOMALY_RATE:
            self._plant(rng, row, members)
        self._remember_niks(members)
        return row, members

    def _address(self, village: _Village, hamlet: _Hamlet) -> str:
        """'Jl. Mawar No. 12' (mostly in kelurahan), else the hamlet: 'Kp. Babakan', 'Dusun II'."""
        rng = self.rng
        if rng.random() < (0.85 if village.urban else 0.3):
            street = _STREETS[int(rng.random() * len(_STREETS))]
            if street == "Raya":
                street = f"Raya {village.name}"
            return f"Jl. {street} No. {1 + int(rng.random() * 150)}"
        return f"{village.hamlet_word} {hamlet.name}"

    def _kk(self, village: _Village, head: _Person, people: list[_Person]) -> str:
        """A No KK of the village's district, issued after the head turned 17 and the last birth."""
        earliest = max(head.born + _years(17) + 2, max(p.born for p in people), _KK_EARLIEST)
        issued = earliest + int(self.rng.random() * (_REF - earliest + 1))
        return _numbered(self.kk_serials, village.district + self.dates.get(issued)[1])

    def _member_row(self, hid: str, number: int, p: _Person, village: _Village) -> dict[str, str]:
        """The CSV row of one member, with a NIK built from the birth date and sex."""
        rng = self.rng
        iso, male, female, age = self.dates.get(p.born)
        # Most NIKs come from the own kecamatan; people who moved within the regency keep theirs.
        region = village.district
        if rng.random() < 0.07:
            region = village.districts[int(rng.random() * len(village.districts))]
        education = _education(rng, age, p.born)
        return {
            "member_id": f"{hid}{number:02d}",
            "household_id": hid,
            "nik": _numbered(self.nik_serials, region + (male if p.sex == L else female)),
            "nama": p.name,
            "hubungan": str(p.rel),
            "jenis_kelamin": str(p.sex),
            "tempat_lahir": village.birthplace(rng, age),
            "tanggal_lahir": iso,
            "status_kawin": str(p.status),
            "nama_ibu": p.mother,
            "pekerjaan": str(_occupation(rng, age, p.sex, education)),
            "pendidikan": str(education),
            "disabilitas": "",  # BNBA markings: set in the field (dtks.markings)
            "jenis_disabilitas": "",
            "hamil": "",
            "anomaly": "",
        }

    # -- who lives in the household --

    def _people(self, group: NameGroup, size: int) -> list[_Person]:
        """size members: head first, then spouse, children, menantu, cucu, parents, others."""
        rng = self.rng
        head, spouse = self._couple(group, size)
        couple = [head] + ([spouse] if spouse else [])
        slots = size - len(couple)
        parents = self._parents(group, head, spouse, slots) if slots and rng.random() < 0.12 else []
        slots -= len(parents)
        others = self._others(group, slots)
        slots -= len(others)
        children, in_laws = self._descendants(group, head, spouse, slots)
        people = couple + children + in_laws + parents + others
        for p in people:
            if not p.mother:
                p.mother = self._mother_name(group, other_than=p.name)
        return people

    def _born(self, years_lo: float, years_hi: float, mode: float) -> int:
        """A birth day for an age drawn between years_lo and years_hi (most likely mode)."""
        age = self.rng.triangular(years_lo, years_hi, mode)
        return max(_OLDEST, _REF - _years(age) - int(self.rng.random() * 365))

    def _couple(self, group: NameGroup, size: int) -> tuple[_Person, _Person | None]:
        """The head and, when the head is married, the spouse (of the other sex)."""
        rng = self.rng
        sex = L if rng.random() < (0.6 if size == 1 else 0.86) else P
        if size == 1:
            status = (_HEAD_MALE_SINGLE if sex == L else _HEAD_FEMALE_SINGLE).pick(rng)
            born = self._born(20, 88, 62) if status != BELUM else self._born(20, 70, 30)
        else:
            status = (_HEAD_MALE if sex == L else _HEAD_FEMALE).pick(rng)
            born = self._born(21, 85, 42) if status == KAWIN else self._born(28, 88, 56)
        family = group.family(rng)
        head = _Person(
            KEPALA, sex, born, group.name(rng, sex, family, int(rng.random() * 4)), family, status
        )
        if status != KAWIN:
            return head, None
        return head, self._partner(group, head, PASANGAN)

    def _partner(self, group: NameGroup, of: _Person, rel: int) -> _Person:
        """A married partner of the other sex: the wife mostly a few years younger."""
        rng = self.rng
        sex = P if of.sex == L else L
        gap = _years(rng.triangular(-3, 12, 3))
        born = of.born + gap if sex == P else of.born - gap
        born = min(max(born, _OLDEST), _REF - _years(18) - int(rng.random() * 365))
        family = group.family(rng, other_than=of.family)
        name = group.name(rng, sex, family, int(rng.random() * 4))
        return _Person(rel, sex, born, name, family, KAWIN)

    def _parents(self, group, head: _Person, spouse: _Person | None, slots: int) -> list[_Person]:
        """One widowed parent or both parents of the head or of the spouse (mertua), if plausible."""
        rng = self.rng
        of = spouse if spouse and rng.random() < 0.5 else head
        latest = min(head.born, spouse.born if spouse else head.born) - _GENERATION - _years(2)
        both = slots >= 2 and rng.random() < 0.25
        sexes = (L, P) if both else ((P,) if rng.random() < 0.7 else (L,))
        parents = []
        for sex in sexes:
            lo = max(_OLDEST, of.born - _years(45 if sex == P else 55))
            hi = latest
            if hi < lo:
                return []
            born = lo + int(rng.random() * (hi - lo + 1))
            family = of.family if sex == L else group.family(rng, other_than=of.family)
            status = KAWIN if both else CERAI_MATI if rng.random() < 0.85 else CERAI_HIDUP
            name = group.name(rng, sex, family, int(rng.random() * 4))
            while name == of.name:
                name = group.name(rng, sex, family, int(rng.random() * 4))
            parents.append(_Person(ORANG_TUA, sex, born, name, family, status))
        for p in parents:
            if p.sex == P:
                of.mother = p.name
        return parents

    def _others(self, group: NameGroup, slots: int) -> list[_Person]:
        """Rarely a household help (pembantu) or another relative (lainnya)."""
        rng = self.rng
        if not slots:
            return []
        draw = rng.random()
        if draw < 0.005:
            rel, born = PEMBANTU, self._born(18, 50, 30)
        elif draw < 0.03:
            rel, born = LAINNYA, self._born(1, 70, 20)
        else:
            return []
        sex = L if rng.random() < 0.5 else P
        family = group.family(rng)
        age = self.dates.get(born)[3]
        status = BELUM if age < 16 else _OTHER_ADULT.pick(rng)
        return [
            _Person(
                rel, sex, born, group.name(rng, sex, family, int(rng.random() * 4)), family, status
            )
        ]

    def _descendants(
        self, group: NameGroup, head: _Person, spouse: _Person | None, slots: int
    ) -> tuple[list[_Person], list[_Person]]:
        """(children, then a menantu and grandchildren): the eldest child may be married."""
        rng = self.rng
        if not slots:
            return [], []
        couple = [head] + ([spouse] if spouse else [])
        lo, hi = self._child_window(couple)
        extended = slots >= 3 and lo <= _REF - _years(21) and rng.random() < 0.3
        grandchildren = 1 + int(rng.random() * (slots - 2)) if extended else 0
        count = slots - grandchildren - (1 if extended else 0)
        births = [lo + int(rng.random() * (hi - lo + 1)) for _ in range(count)]
        if extended:
            births[0] = lo + int(rng.random() * (min(hi, _REF - _years(21)) - lo + 1))
        births.sort()
        children = self._offspring(group, ANAK, couple, births)
        if not extended:
            return children, []
        eldest = children[0]
        eldest.status = KAWIN
        menantu = self._partner(group, eldest, MENANTU)
        lo, hi = self._child_window([eldest, menantu])
        births = sorted(lo + int(rng.random() * (hi - lo + 1)) for _ in range(grandchildren))
        return children, [menantu, *self._offspring(group, CUCU, [eldest, menantu], births)]

    def _child_window(self, parents: list[_Person]) -> tuple[int, int]:
        """Earliest and latest birth day of a child of these parents (one may be absent)."""
        lo = max(p.born for p in parents) + _GENERATION
        mothers = [p for p in parents if p.sex == P]
        if mothers:
            hi = min(_REF, mothers[0].born + _years(45))
        else:
            hi = min(_REF, parents[0].born + _years(60))
        return lo, max(lo, hi)

    def _offspring(
        self, group, rel: int, parents: list[_Person], births: list[int]
    ) -> list[_Person]:
        """Children born on these days: the father's family name, the mother's name as nama_ibu."""
        rng = self.rng
        father = next((p for p in parents if p.sex == L), None)
        mother = next((p for p in parents if p.sex == P), None)
        family = father.family if father else group.family(rng, other_than=mother.family)
        mother_name = mother.name if mother else self._mother_name(group)
        kids = []
        taken = {mother_name}  # siblings differ, and a daughter is rarely named like her mother
        for order, born in enumerate(births):
            sex = L if rng.random() < 0.51 else P
            age = self.dates.get(born)[3]
            status = BELUM if age < 16 else _ADULT_CHILD.pick(rng)
            name = group.name(rng, sex, family, order)
            while name in taken:
                name = group.name(rng, sex, family, order)
            taken.add(name)
            child = _Person(rel, sex, born, name, family, status)
            child.mother = mother_name
            kids.append(child)
        return kids

    def _mother_name(self, group: NameGroup, other_than: str = "") -> str:
        """The name of a mother who does not live in the household (not her child's name)."""
        rng = self.rng
        while True:
            name = group.name(rng, P, group.family(rng), int(rng.random() * 4))
            if name != other_than:
                return name

    # -- anomalies --

    def _plant(self, rng: Random, row: dict[str, str], members: list[dict[str, str]]) -> None:
        """Plant one defect of a random kind in the household row or one member row."""
        kind = _ANOMALY_KINDS[int(rng.random() * len(_ANOMALY_KINDS))]
        if kind == "duplicate_nik" and not self.recent_niks:
            kind = "impossible_birth_date"  # the very first household has nobody to copy from
        if kind == "wrong_wilayah":
            row["kode_wilayah"] = self._elsewhere(row["kode_wilayah"])
            row["anomaly"] = kind
            return
        member = members[int(rng.random() * len(members))]
        member["anomaly"] = kind
        if kind == "missing_mother_name":
            member["nama_ibu"] = ""
        elif kind == "duplicate_nik":
            member["nik"] = self.recent_niks[int(rng.random() * len(self.recent_niks))]
        else:
            member["tanggal_lahir"] = _impossible_date(rng, member["tanggal_lahir"])

    def _elsewhere(self, code: str) -> str:
        """A real village in another kecamatan than code's."""
        villages = self.region.all_villages()
        while True:
            other = villages[int(self.rng.random() * len(villages))]
            if other[:6] != code[:6]:
                return other

    def _remember_niks(self, members: list[dict[str, str]]) -> None:
        """Keep a few recent valid NIKs for duplicate_nik to copy (a bounded ring)."""
        member = members[-1]
        if member["anomaly"]:
            return
        if len(self.recent_niks) < _RECENT_NIKS:
            self.recent_niks.append(member["nik"])
        else:
            self.recent_niks[self.remembered % _RECENT_NIKS] = member["nik"]
        self.remembered += 1


_ANOMALY_KINDS = tuple(ANOMALIES)
_RECENT_NIKS = 512


def _impossible_date(rng: Random, iso: str) -> str:
    """A typo'd birth date: the century wrong (a future date) or a day the month lacks."""
    year, month, day = iso.split("-")
    if rng.random() < 0.5:
        return f"{int(year) + 100}-{month}-{day}"
    if month in ("04", "06", "09", "11"):
        return f"{year}-{month}-31"
    return f"{year}-02-30"


# --- public API --------------------------------------------------------------------------------


def _generator(households: int, wilayah: str, seed: int) -> _Generator:
    """Validate the arguments and make a generator (InvalidId / ValueError on bad ones)."""
    scope = ids.parse_wilayah(wilayah).code
    if households < 1:
        raise ValueError(f"households must be at least 1, got {households}")
    return _Generator(households, scope, seed)


def iter_prelist(
    households: int, wilayah: str, seed: int
) -> Iterator[tuple[dict[str, str], list[dict[str, str]]]]:
    """Yield (household row, member rows) one household at a time; rows are dicts of CSV text.

    >>> row, members = next(iter_prelist(1, "32.04.12.2002", seed=7))
    >>> row["jumlah_art"] == str(len(members))
    True
    """
    return _generator(households, wilayah, seed).rows()


def generate(
    households: int, wilayah: str, seed: int
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Return (household rows, member rows) as dicts of CSV text keyed by the pre-list columns.

    wilayah is a kode wilayah of any level, dotted or plain; households land in its villages.

    >>> hh, mm = generate(10, "51", seed=3)
    >>> len(hh), all(m["household_id"][:2] == "51" for m in mm)
    (10, True)
    """
    household_rows, member_rows = [], []
    for row, members in iter_prelist(households, wilayah, seed):
        household_rows.append(row)
        member_rows.extend(members)
    return household_rows, member_rows


def write_prelist(out_dir: str | Path, households: int, wilayah: str, seed: int) -> Summary:
    """Write households.csv and members.csv (UTF-8, comma, header) into out_dir; return a Summary.

    >>> import tempfile
    >>> write_prelist(tempfile.mkdtemp(), 5, "32.04", seed=1).households
    5
    """
    generator = _generator(households, wilayah, seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = Summary(villages=len(generator.villages))
    with (
        open(out / "households.csv", "w", encoding="utf-8", newline="") as hf,
        open(out / "members.csv", "w", encoding="utf-8", newline="") as mf,
    ):
        hw = csv.writer(hf, lineterminator="\n")
        mw = csv.writer(mf, lineterminator="\n")
        hw.writerow(HOUSEHOLD_COLUMNS)
        mw.writerow(MEMBER_COLUMNS)
        for row, members in generator.rows():
            hw.writerow(row.values())
            mw.writerows(m.values() for m in members)
            summary.households += 1
            summary.members += len(members)
            for kind in [row["anomaly"], *(m["anomaly"] for m in members)]:
                if kind:
                    summary.anomalies[kind] += 1
    return summary


def _positive(text: str) -> int:
    """argparse type: a whole number >= 1."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{n} is less than 1")
    return n


def main(argv: list[str] | None = None) -> int:
    """The command line: write a sample pre-list and print its summary."""
    parser = argparse.ArgumentParser(
        prog="python -m dtks.sample",
        description="Write a deterministic synthetic DTKS pre-list (households.csv, members.csv).",
    )
    parser.add_argument(
        "--households", type=_positive, default=1000, help="how many (default 1000)"
    )
    parser.add_argument(
        "--wilayah",
        required=True,
        help="kode wilayah of any level, dotted or plain: 32.04, 3204122002",
    )
    parser.add_argument("--seed", type=int, default=1, help="same seed, same files (default 1)")
    parser.add_argument("--out", required=True, type=Path, help="directory to write into")
    args = parser.parse_args(argv)
    try:
        scope = ids.parse_wilayah(args.wilayah)
    except ids.InvalidId as e:
        parser.error(f"--wilayah: {e}")
    summary = write_prelist(args.out, args.households, scope.code, args.seed)
    print(
        f"{scope.level_name} {scope.dotted} {scope.name}: wrote {args.out / 'households.csv'}, "
        f"{args.out / 'members.csv'}"
    )
    print(summary.text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
