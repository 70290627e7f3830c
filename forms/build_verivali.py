"""Build forms/verivali-dtks.xlsx, the verivali form after the DTKS household instrument.

Run ``python forms/build_verivali.py`` after changing this file, then
``python -m dtks.forms.render forms/verivali-dtks.xlsx > forms/verivali-dtks.md``; commit all three.
Choice codes are the numbers printed on the paper form, so PAPI clerks key the same codes;
the member code lists are the pre-list's own (dtks.prelist.CODES).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from xlsform_writer import choice_list, q, write_xlsform  # noqa: E402

from dtks.findings import LAYAK, MAX_REASON, REASON_FIELD, RESULT_FIELD, TIDAK_LAYAK  # noqa: E402
from dtks.prelist import CODES  # noqa: E402
from dtks.tasks import REQUEST_KINDS, SANGGAHAN, USUL_WARGA, USULAN_KEMENSOS  # noqa: E402

FORM_ID = "verivali_dtks"
VERSION = "2026120401"
FOUND = "${status_rt} = 1"
ACTIVE = "${aktif} = 1"

# English labels for the pre-list code lists (the Indonesian ones come from dtks.prelist).
PRELIST_EN = {
    "hubungan": [
        "Head of household",
        "Wife/husband",
        "Child",
        "Child-in-law",
        "Grandchild",
        "Parent/parent-in-law",
        "Domestic worker",
        "Other",
    ],
    "jenis_kelamin": ["Male", "Female"],
    "status_kawin": ["Never married", "Married", "Divorced", "Widowed"],
    "pendidikan": [
        "No diploma",
        "Primary school",
        "Junior high school",
        "Senior high school",
        "Diploma (D1-D3)",
        "Bachelor (D4/S1)",
        "Master/doctorate (S2/S3)",
    ],
    "pekerjaan": [
        "Not working",
        "Farmer/planter",
        "Fisher",
        "Casual day labourer",
        "Private employee/factory worker",
        "Trader/self-employed",
        "Civil servant/military/police",
        "Driver/ojek",
        "Pupil/student",
        "Housekeeping",
        "Retired",
        "Other",
    ],
}


def prelist_list(name: str) -> list[dict]:
    """A pre-list code list with the pre-list's codes and Indonesian labels."""
    items = {
        code: (label, PRELIST_EN[name][i]) for i, (code, label) in enumerate(CODES[name].items())
    }
    return choice_list(name, items)


def numbered(*pairs: tuple[str, str]) -> dict:
    """Codes 1, 2, 3... in the order given, as on the paper form."""
    return {i: pair for i, pair in enumerate(pairs, start=1)}


CHOICES = [
    *choice_list("ya_tidak", numbered(("Ya", "Yes"), ("Tidak", "No"))),
    *choice_list(
        "status_rt",
        numbered(
            ("Ditemukan", "Found"),
            ("Tidak ditemukan", "Not found"),
            ("Pindah", "Moved away"),
            ("Seluruh anggota meninggal", "All members deceased"),
            ("Menolak diwawancara", "Refused"),
            ("Data ganda", "Duplicate record"),
        ),
    ),
    *choice_list(
        "status_bangunan",
        numbered(
            ("Milik sendiri", "Owned"),
            ("Kontrak/sewa", "Rented"),
            ("Bebas sewa", "Rent-free"),
            ("Dinas", "Official housing"),
            ("Lainnya", "Other"),
        ),
    ),
    *choice_list(
        "lantai",
        numbered(
            ("Marmer/granit", "Marble/granite"),
            ("Keramik", "Ceramic tiles"),
            ("Parket/vinil/karpet", "Parquet/vinyl/carpet"),
            ("Ubin/tegel/teraso", "Floor tiles/terrazzo"),
            ("Kayu/papan kualitas tinggi", "High-quality wood/boards"),
            ("Semen/bata merah", "Cement/red brick"),
            ("Bambu", "Bamboo"),
            ("Kayu/papan kualitas rendah", "Low-quality wood/boards"),
            ("Tanah", "Earth"),
            ("Lainnya", "Other"),
        ),
    ),
    *choice_list(
        "dinding",
        numbered(
            ("Tembok", "Masonry"),
            ("Plesteran anyaman bambu/kawat", "Plastered bamboo/wire mesh"),
            ("Kayu/papan", "Wood/boards"),
            ("Anyaman bambu", "Woven bamboo"),
            ("Batang kayu", "Logs"),
            ("Bambu", "Bamboo"),
            ("Lainnya", "Other"),
        ),
    ),
    *choice_list(
        "kondisi", numbered(("Bagus/kualitas tinggi", "Good"), ("Jelek/kualitas rendah", "Poor"))
    ),
    *choice_list(
        "atap",
        numbered(
            ("Beton", "Concrete"),
            ("Genteng keramik", "Ceramic roof tiles"),
            ("Genteng metal", "Metal roof tiles"),
            ("Genteng tanah liat", "Clay roof tiles"),
            ("Asbes", "Asbestos"),
            ("Seng", "Corrugated iron"),
            ("Sirap", "Wooden shingles"),
            ("Bambu", "Bamboo"),
            ("Jerami/ijuk/daun/rumbia", "Straw/palm fibre/leaves"),
            ("Lainnya", "Other"),
        ),
    ),
    *choice_list(
        "sumber_air",
        numbered(
            ("Air kemasan bermerk", "Bottled water"),
            ("Air isi ulang", "Refill water"),
            ("Leding meteran", "Metered piped water"),
            ("Leding eceran", "Piped water bought by the container"),
            ("Sumur bor/pompa", "Borehole/pump"),
            ("Sumur terlindung", "Protected well"),
            ("Sumur tak terlindung", "Unprotected well"),
            ("Mata air terlindung", "Protected spring"),
            ("Mata air tak terlindung", "Unprotected spring"),
            ("Air sungai/danau/waduk", "River/lake/reservoir"),
            ("Air hujan", "Rainwater"),
            ("Lainnya", "Other"),
        ),
    ),
    *choice_list(
        "cara_air",
        numbered(
            ("Membeli eceran", "Bought by the unit"),
            ("Langganan", "Subscription"),
            ("Tidak membeli", "Not bought"),
        ),
    ),
    *choice_list(
        "penerangan",
        numbered(
            ("Listrik PLN", "PLN electricity"),
            ("Listrik non-PLN", "Non-PLN electricity"),
            ("Bukan listrik", "Not electric"),
        ),
    ),
    *choice_list(
        "daya",
        numbered(
            ("450 watt", "450 VA"),
            ("900 watt", "900 VA"),
            ("1.300 watt", "1,300 VA"),
            ("2.200 watt", "2,200 VA"),
            ("Lebih dari 2.200 watt", "More than 2,200 VA"),
            ("Tanpa meteran", "No meter"),
        ),
    ),
    *choice_list(
        "bahan_bakar",
        numbered(
            ("Listrik", "Electricity"),
            ("Gas lebih dari 3 kg", "Gas, cylinder over 3 kg"),
            ("Gas 3 kg", "Gas, 3 kg cylinder"),
            ("Gas kota/biogas", "Piped gas/biogas"),
            ("Minyak tanah", "Kerosene"),
            ("Briket", "Briquettes"),
            ("Arang", "Charcoal"),
            ("Kayu bakar", "Firewood"),
            ("Tidak memasak di rumah", "Does not cook at home"),
        ),
    ),
    *choice_list(
        "fasilitas_bab",
        numbered(
            ("Sendiri", "Own"), ("Bersama", "Shared"), ("Umum", "Public"), ("Tidak ada", "None")
        ),
    ),
    *choice_list(
        "kloset",
        numbered(
            ("Leher angsa", "Gooseneck (pour-flush)"),
            ("Plengsengan", "Slab"),
            ("Cemplung/cubluk", "Pit"),
            ("Tidak pakai", "None"),
        ),
    ),
    *choice_list(
        "tinja",
        numbered(
            ("Tangki septik", "Septic tank"),
            ("SPAL", "Sewerage"),
            ("Lubang tanah", "Pit in the ground"),
            ("Kolam/sawah/sungai/danau/laut", "Pond/paddy/river/lake/sea"),
            ("Pantai/tanah lapang/kebun", "Beach/open ground/garden"),
            ("Lainnya", "Other"),
        ),
    ),
    *choice_list(
        "status_art",
        numbered(
            ("Tinggal di rumah ini", "Lives here"),
            ("Meninggal", "Deceased"),
            ("Pindah", "Moved away"),
            ("Anggota baru", "New member"),
        ),
    ),
    *prelist_list("hubungan"),
    *prelist_list("jenis_kelamin"),
    *prelist_list("status_kawin"),
    *prelist_list("pekerjaan"),
    *prelist_list("pendidikan"),
    *choice_list(
        "disabilitas",
        numbered(
            ("Penglihatan (tunanetra)", "Seeing"),
            ("Pendengaran (tunarungu)", "Hearing"),
            ("Bicara (tunawicara)", "Speech"),
            ("Fisik (tunadaksa)", "Physical"),
            ("Intelektual (tunagrahita)", "Intellectual"),
            ("Mental/psikososial", "Mental/psychosocial"),
        ),
    ),
    *choice_list(
        "penyakit",
        numbered(
            ("Tidak ada", "None"),
            ("Hipertensi", "Hypertension"),
            ("Rematik", "Rheumatism"),
            ("Asma", "Asthma"),
            ("Penyakit jantung", "Heart disease"),
            ("Diabetes", "Diabetes"),
            ("TBC", "Tuberculosis"),
            ("Stroke", "Stroke"),
            ("Kanker", "Cancer"),
            ("Lainnya", "Other"),
        ),
    ),
    *choice_list(
        "program",
        numbered(
            ("PKH", "PKH (family hope programme)"),
            ("BPNT/Sembako", "BPNT/Sembako (food aid)"),
            ("PBI-JK", "PBI-JK (health insurance contribution)"),
            ("KIP/PIP", "KIP/PIP (school aid)"),
            ("BLT", "BLT (cash transfer)"),
            ("Subsidi listrik", "Electricity subsidy"),
            ("Tidak menerima bantuan", "No assistance"),
        ),
    ),
    *choice_list("hasil", numbered(("Layak", "Eligible"), ("Tidak layak", "Not eligible"))),
    # The finding on a request: its codes are the words the server records as the finding's
    # result (docs/cycle.md, "Requests"), not paper codes.
    *choice_list(
        "temuan", {LAYAK: ("Layak", "Eligible"), TIDAK_LAYAK: ("Tidak layak", "Not eligible")}
    ),
    *choice_list(
        "alasan",
        numbered(
            ("Mampu secara ekonomi", "Economically well off"),
            ("Tidak ditemukan", "Not found"),
            ("Pindah", "Moved away"),
            ("Seluruh anggota meninggal", "All members deceased"),
            ("Menolak diwawancara", "Refused"),
            ("Data ganda", "Duplicate record"),
            ("Lainnya", "Other"),
        ),
        # which household status each reason belongs to; 0 = any (see alasan's choice_filter)
        status_rt={1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 0},
    ),
]


def yes_no(name: str, label: tuple[str, str], **kw) -> dict:
    """A required 1 Ya / 2 Tidak question."""
    return q("select_one ya_tidak", name, label, required="yes", **kw)


def count(name: str, label: tuple[str, str]) -> dict:
    """A livestock count: a whole number, 0 by default."""
    return q(
        "integer",
        name,
        label,
        required="yes",
        default="0",
        constraint=". >= 0 and . <= 10000",
        constraint_message=("Jumlah 0 sampai 10.000.", "A count from 0 to 10,000."),
    )


LOCATION = [
    q("begin group", "lokasi", ("1. Lokasi", "1. Location"), appearance="field-list"),
    q(
        "date",
        "tanggal_kunjungan",
        ("Tanggal kunjungan", "Date of the visit"),
        required="yes",
        default="today()",
        constraint=". <= today()",
        constraint_message=(
            "Tanggal kunjungan tidak boleh di masa depan.",
            "The visit date cannot be in the future.",
        ),
    ),
    q(
        "text",
        "kode_wilayah",
        ("Kode wilayah desa/kelurahan", "Village area code"),
        hint=(
            "10 angka kode Kemendagri, dari pra-daftar",
            "10-digit Kemendagri code, from the pre-list",
        ),
        required="yes",
        read_only="yes",
        constraint="regex(., '^[0-9]{10}$')",
        constraint_message=("Kode wilayah harus 10 angka.", "The area code must have 10 digits."),
        bind="household.kode_wilayah",
    ),
    q(
        "text",
        "alamat",
        ("Alamat (jalan, nomor, dusun)", "Address (street, number, hamlet)"),
        required="yes",
        bind="household.alamat",
    ),
    q(
        "text",
        "rt",
        ("RT", "RT (neighbourhood)"),
        hint=("3 angka, mis. 002", "3 digits, e.g. 002"),
        required="yes",
        constraint="regex(., '^[0-9]{3}$')",
        constraint_message=("RT harus 3 angka, mis. 002.", "RT must be 3 digits, e.g. 002."),
        appearance="numbers",
        bind="household.rt",
    ),
    q(
        "text",
        "rw",
        ("RW", "RW (community unit)"),
        hint=("3 angka, mis. 005", "3 digits, e.g. 005"),
        required="yes",
        constraint="regex(., '^[0-9]{3}$')",
        constraint_message=("RW harus 3 angka, mis. 005.", "RW must be 3 digits, e.g. 005."),
        appearance="numbers",
        bind="household.rw",
    ),
    q(
        "image",
        "foto_rumah",
        ("Foto rumah tampak depan", "Photo of the front of the house"),
        required=FOUND,
        required_message=(
            "Foto rumah wajib untuk rumah tangga yang ditemukan.",
            "A photo is required for a household that was found.",
        ),
    ),
    q(
        "geopoint",
        "gps",
        ("Titik GPS rumah", "GPS point of the house"),
        hint=(
            "Ambil di depan rumah; akurasi 20 m atau lebih baik",
            "Take it in front of the house; 20 m accuracy or better",
        ),
        required="yes",
    ),
    q("end group"),
]

STATUS = [
    q("begin group", "status", ("2. Status rumah tangga", "2. Household status")),
    q(
        "select_one status_rt",
        "status_rt",
        ("Status rumah tangga", "Household status"),
        hint=(
            "Selain 'Ditemukan' langsung ke bagian hasil",
            "Anything but 'Found' skips to the result",
        ),
        required="yes",
        appearance="minimal",
    ),
    q("end group"),
]

HOUSING = [
    q("begin group", "perumahan", ("3. Perumahan", "3. Housing"), relevant=FOUND),
    q(
        "select_one status_bangunan",
        "status_bangunan",
        ("Status penguasaan bangunan tempat tinggal", "Ownership of the dwelling"),
        required="yes",
    ),
    q(
        "decimal",
        "luas_lantai",
        ("Luas lantai (m²)", "Floor area (m²)"),
        required="yes",
        constraint=". > 0 and . <= 5000",
        constraint_message=("Luas lantai antara 0 dan 5.000 m².", "Floor area from 0 to 5,000 m²."),
    ),
    q(
        "select_one lantai",
        "lantai",
        ("Jenis lantai terluas", "Main floor material"),
        required="yes",
    ),
    q(
        "select_one dinding",
        "dinding",
        ("Jenis dinding terluas", "Main wall material"),
        required="yes",
    ),
    q(
        "select_one kondisi",
        "kondisi_dinding",
        ("Kondisi dinding", "Condition of the walls"),
        required="yes",
    ),
    q("select_one atap", "atap", ("Jenis atap terluas", "Main roof material"), required="yes"),
    q(
        "select_one kondisi",
        "kondisi_atap",
        ("Kondisi atap", "Condition of the roof"),
        required="yes",
    ),
    q(
        "integer",
        "kamar_tidur",
        ("Jumlah kamar tidur", "Number of bedrooms"),
        required="yes",
        constraint=". >= 0 and . <= 30",
        constraint_message=("Jumlah kamar 0 sampai 30.", "From 0 to 30 bedrooms."),
    ),
    q(
        "select_one sumber_air",
        "sumber_air",
        ("Sumber air minum", "Drinking-water source"),
        required="yes",
    ),
    q(
        "select_one cara_air",
        "cara_air",
        ("Cara memperoleh air minum", "How drinking water is obtained"),
        required="yes",
    ),
    q(
        "select_one penerangan",
        "penerangan",
        ("Sumber penerangan utama", "Main lighting source"),
        required="yes",
    ),
    q(
        "select_one daya",
        "daya",
        ("Daya listrik terpasang", "Installed electric power"),
        required="yes",
        relevant="${penerangan} = 1",
    ),
    q(
        "select_one bahan_bakar",
        "bahan_bakar",
        ("Bahan bakar utama untuk memasak", "Main cooking fuel"),
        required="yes",
    ),
    q(
        "select_one fasilitas_bab",
        "fasilitas_bab",
        ("Fasilitas tempat buang air besar", "Toilet facility"),
        required="yes",
    ),
    q(
        "select_one kloset",
        "kloset",
        ("Jenis kloset", "Type of toilet"),
        required="yes",
        relevant="${fasilitas_bab} != 4",
    ),
    q(
        "select_one tinja",
        "tinja",
        ("Tempat pembuangan akhir tinja", "Sewage disposal"),
        required="yes",
        relevant="${fasilitas_bab} != 4",
    ),
    q("end group"),
]

ASSETS = [
    q(
        "begin group",
        "aset",
        ("4. Kepemilikan aset", "4. Assets"),
        relevant=FOUND,
        appearance="field-list",
    ),
    yes_no("tabung_gas", ("Tabung gas 5,5 kg atau lebih", "Gas cylinder of 5.5 kg or more")),
    yes_no("lemari_es", ("Lemari es/kulkas", "Refrigerator")),
    yes_no("ac", ("Air conditioner (AC)", "Air conditioner")),
    yes_no("pemanas_air", ("Pemanas air (water heater)", "Water heater")),
    yes_no("telepon_rumah", ("Telepon rumah (PSTN)", "Landline telephone")),
    yes_no("televisi", ("Televisi", "Television")),
    yes_no("emas", ("Emas/perhiasan minimal 10 gram", "Gold/jewellery of 10 g or more")),
    yes_no("komputer", ("Komputer/laptop", "Computer/laptop")),
    yes_no("sepeda", ("Sepeda", "Bicycle")),
    yes_no("sepeda_motor", ("Sepeda motor", "Motorcycle")),
    yes_no("mobil", ("Mobil", "Car")),
    yes_no("perahu", ("Perahu", "Boat")),
    yes_no("motor_tempel", ("Motor tempel", "Outboard motor")),
    yes_no("perahu_motor", ("Perahu motor", "Motor boat")),
    yes_no("lahan", ("Lahan (selain yang ditempati)", "Land (other than the house plot)")),
    q(
        "decimal",
        "luas_lahan",
        ("Luas lahan (m²)", "Land area (m²)"),
        required="yes",
        relevant="${lahan} = 1",
        constraint=". > 0",
        constraint_message=("Luas lahan harus lebih dari 0.", "Land area must be more than 0."),
    ),
    yes_no("rumah_lain", ("Rumah di tempat lain", "Another house elsewhere")),
    count("sapi", ("Jumlah sapi", "Cattle")),
    count("kerbau", ("Jumlah kerbau", "Buffalo")),
    count("kuda", ("Jumlah kuda", "Horses")),
    count("babi", ("Jumlah babi", "Pigs")),
    count("kambing", ("Jumlah kambing/domba", "Goats/sheep")),
    q("end group"),
]

NIK_DIGITS = "int(substr(${nik}, 6, 8))"  # day of birth, plus 40 for women
NIK_CHECKABLE = "(${nik} = '' or not(nik-valid(${nik})))"

MEMBERS = [
    q("begin group", "art", ("5. Anggota rumah tangga", "5. Household members"), relevant=FOUND),
    q("begin repeat", "members", ("Anggota rumah tangga", "Household member")),
    q(
        "text",
        "id_art",
        ("ID anggota (pra-daftar)", "Member id (pre-list)"),
        read_only="yes",
        bind="member.member_id",
    ),
    q("text", "nama", ("Nama lengkap", "Full name"), required="yes", bind="member.nama"),
    q(
        "select_one status_art",
        "status_art",
        ("Keberadaan anggota", "Member status"),
        required="yes",
    ),
    q("calculate", "aktif", calculation="if(${status_art} = 1 or ${status_art} = 4, 1, 0)"),
    q(
        "text",
        "nik",
        ("NIK", "NIK (national id number)"),
        required="yes",
        relevant=ACTIVE,
        appearance="numbers",
        constraint="nik-valid(.)",
        constraint_message=(
            "NIK tidak sah: harus 16 angka dengan kode wilayah dan tanggal lahir yang benar.",
            "Invalid NIK: 16 digits with a real area code and birth date.",
        ),
        bind="member.nik",
    ),
    q(
        "select_one hubungan",
        "hubungan",
        ("Hubungan dengan kepala rumah tangga", "Relationship to the head of household"),
        required="yes",
        relevant=ACTIVE,
        constraint=". != 1 or ${jumlah_kepala} <= 1",
        constraint_message=(
            "Hanya boleh ada satu kepala rumah tangga.",
            "There can be only one head of household.",
        ),
        bind="member.hubungan",
    ),
    q(
        "select_one jenis_kelamin",
        "jenis_kelamin",
        ("Jenis kelamin", "Sex"),
        required="yes",
        relevant=ACTIVE,
        constraint=f"{NIK_CHECKABLE} or ({NIK_DIGITS} > 40) = (. = 2)",
        constraint_message=(
            "Jenis kelamin tidak sesuai dengan NIK (tanggal +40 untuk perempuan).",
            "Sex does not match the NIK (day +40 for women).",
        ),
        bind="member.jenis_kelamin",
    ),
    q(
        "date",
        "tanggal_lahir",
        ("Tanggal lahir", "Date of birth"),
        required="yes",
        relevant=ACTIVE,
        constraint=(
            f". <= today() and ({NIK_CHECKABLE} or ({NIK_DIGITS} mod 40 = "
            "int(format-date(., '%d')) and substr(${nik}, 8, 12) = format-date(., '%m%y')))"
        ),
        constraint_message=(
            "Tanggal lahir di masa depan atau tidak sesuai dengan NIK.",
            "Date of birth is in the future or does not match the NIK.",
        ),
        bind="member.tanggal_lahir",
    ),
    q(
        "calculate",
        "umur",
        calculation="if(${tanggal_lahir} = '', '', int((today() - date(${tanggal_lahir})) div 365.25))",
    ),
    q(
        "select_one status_kawin",
        "status_kawin",
        ("Status perkawinan", "Marital status"),
        required="yes",
        relevant=ACTIVE,
        constraint=". = 1 or ${umur} = '' or ${umur} >= 10",
        constraint_message=(
            "Anak di bawah 10 tahun berstatus belum kawin.",
            "A child under 10 is never married.",
        ),
        bind="member.status_kawin",
    ),
    q(
        "text",
        "nama_ibu",
        ("Nama ibu kandung", "Mother's name"),
        required="yes",
        relevant=ACTIVE,
        bind="member.nama_ibu",
    ),
    q(
        "select_one pekerjaan",
        "pekerjaan",
        ("Pekerjaan utama", "Main occupation"),
        required="yes",
        relevant=ACTIVE,
        bind="member.pekerjaan",
    ),
    q(
        "select_one pendidikan",
        "pendidikan",
        ("Ijazah tertinggi", "Highest diploma"),
        required="yes",
        relevant=ACTIVE,
        bind="member.pendidikan",
    ),
    q(
        "select_one ya_tidak",
        "disabilitas",
        ("Memiliki disabilitas?", "Has a disability?"),
        required="yes",
        relevant=ACTIVE,
        bind="member.disabilitas",
    ),
    q(
        "select_multiple disabilitas",
        "jenis_disabilitas",
        ("Jenis disabilitas", "Type of disability"),
        required="yes",
        relevant=f"{ACTIVE} and ${{disabilitas}} = 1",
        bind="member.jenis_disabilitas",
    ),
    q(
        "select_one ya_tidak",
        "hamil",
        ("Sedang hamil?", "Currently pregnant?"),
        required="yes",
        relevant=f"{ACTIVE} and ${{jenis_kelamin}} = 2 and ${{umur}} >= 10 and ${{umur}} <= 55",
        bind="member.hamil",
    ),
    q(
        "select_one penyakit",
        "penyakit_kronis",
        ("Penyakit kronis/menahun", "Chronic illness"),
        required="yes",
        relevant=ACTIVE,
    ),
    q("calculate", "kepala", calculation=f"if({ACTIVE} and ${{hubungan}} = 1, 1, 0)"),
    q("end repeat"),
    q("calculate", "jumlah_art", calculation="sum(${aktif})"),
    q("calculate", "jumlah_kepala", calculation="sum(${kepala})"),
    q(
        "select_one ya_tidak",
        "art_lengkap",
        (
            "Daftar anggota sudah lengkap dan benar (${jumlah_art} orang)?",
            "Is the member list complete and correct (${jumlah_art} people)?",
        ),
        required="yes",
        constraint=". = 1 and ${jumlah_kepala} = 1",
        constraint_message=(
            "Lengkapi daftar: harus ada tepat satu kepala rumah tangga di antara "
            "anggota yang tinggal di sini.",
            "Complete the list: exactly one head of household among the members who live here.",
        ),
    ),
    q("end group"),
]

PROGRAMMES = [
    q(
        "begin group",
        "program_bantuan",
        ("6. Kepesertaan program", "6. Programme membership"),
        relevant=FOUND,
    ),
    q(
        "select_multiple program",
        "program",
        ("Program bantuan yang diterima rumah tangga", "Assistance the household receives"),
        hint=("Pilih semua yang sesuai", "Select all that apply"),
        required="yes",
        constraint=(
            "(not(selected(., '7')) or count-selected(.) = 1) and "
            "(not(selected(., '6')) or ${penerangan} = 1)"
        ),
        constraint_message=(
            "'Tidak menerima bantuan' tidak boleh dipilih bersama program lain; "
            "subsidi listrik hanya untuk listrik PLN.",
            "'No assistance' cannot go with a programme; the electricity "
            "subsidy is for PLN electricity only.",
        ),
    ),
    q("end group"),
]

RESULT = [
    q("begin group", "hasil_verivali", ("7. Hasil", "7. Result")),
    q(
        "select_one hasil",
        "hasil",
        ("Hasil verifikasi", "Verification result"),
        required="yes",
        constraint=f". = 2 or {FOUND}",
        constraint_message=(
            "Rumah tangga yang tidak ditemukan tidak dapat dinyatakan layak.",
            "A household that was not found cannot be eligible.",
        ),
    ),
    q(
        "select_one alasan",
        "alasan",
        ("Alasan tidak layak", "Reason not eligible"),
        required="yes",
        relevant="${hasil} = 2",
        choice_filter="status_rt = ${status_rt} or status_rt = 0",
    ),
    q(
        "text",
        "alasan_lain",
        ("Alasan lainnya", "Other reason"),
        required="yes",
        relevant="${alasan} = 7",
    ),
    q("text", "catatan", ("Catatan petugas", "Enumerator's notes"), appearance="multiline"),
    q(
        "note",
        "ringkasan",
        (
            "Selesai: ${jumlah_art} anggota tinggal di rumah ini.",
            "Done: ${jumlah_art} members live here.",
        ),
    ),
    q("end group"),
]

# The household's request tasks (dtks.tasks.REQUEST_KINDS), prefilled from the pulled household
# by dtks.forms.prefill (bind request.*); hidden: the enumerator does not answer them.
HAS_REQUEST = " or ".join(f"selected(${{permintaan_jenis}}, '{k}')" for k in REQUEST_KINDS)
REQUEST_NAMES = {
    SANGGAHAN: ("Sanggahan", "Objection (sanggahan)"),
    USUL_WARGA: ("Usul warga", "Citizen's proposal (usul warga)"),
    USULAN_KEMENSOS: ("Usulan Kemensos", "Kemensos proposal (usulan Kemensos)"),
}


def request_name(lang: int) -> str:
    """The request's kind in one language (0 Indonesian, 1 English), as a calculation."""
    out = "''"
    for kind, names in reversed(REQUEST_NAMES.items()):
        out = f'if(selected(${{permintaan_jenis}}, "{kind}"), "{names[lang]}", {out})'
    return out


REQUEST = [
    q(
        "hidden",
        "permintaan_jenis",
        ("Jenis permintaan", "Kind of request"),
        bind="request.kind",
    ),
    q("hidden", "permintaan_nomor", ("Nomor permintaan", "Request number"), bind="request.id"),
    q(
        "hidden",
        "permintaan_alasan",
        ("Alasan permintaan", "Reason given in the request"),
        bind="request.note",
    ),
    q(
        "begin group",
        "verifikasi_permintaan",
        ("8. Hasil verifikasi permintaan", "8. Finding on the request"),
        relevant=HAS_REQUEST,
    ),
    q("calculate", "permintaan_nama_id", calculation=request_name(0)),
    q("calculate", "permintaan_nama_en", calculation=request_name(1)),
    q(
        "note",
        "permintaan_ringkasan",
        (
            "${permintaan_nama_id} nomor ${permintaan_nomor}. "
            "Alasan dalam permintaan: ${permintaan_alasan}",
            "${permintaan_nama_en} number ${permintaan_nomor}. "
            "Reason given in the request: ${permintaan_alasan}",
        ),
    ),
    q(
        "select_one temuan",
        RESULT_FIELD,
        ("Temuan petugas di lapangan", "Finding in the field"),
        hint=(
            "Sanggahan: apakah rumah tangga ini layak tetap menerima? Usulan: apakah rumah "
            "tangga yang diusulkan layak?",
            "Objection: is this household eligible to keep receiving? Proposal: is the proposed "
            "household eligible?",
        ),
        required="yes",
    ),
    q(
        "text",
        REASON_FIELD,
        ("Alasan temuan", "Reason for the finding"),
        hint=(
            f"Apa yang dilihat di lapangan; paling banyak {MAX_REASON} huruf",
            f"What was seen in the field; at most {MAX_REASON} characters",
        ),
        required="yes",
        constraint=f"string-length(.) <= {MAX_REASON}",
        constraint_message=(
            f"Alasan temuan paling banyak {MAX_REASON} huruf.",
            f"The reason for the finding has at most {MAX_REASON} characters.",
        ),
        appearance="multiline",
    ),
    q("end group"),
]

SETTINGS = {
    "form_id": FORM_ID,
    "version": VERSION,
    "form_title": "Verivali DTKS",
    "default_language": "Bahasa Indonesia (id)",
    "namespaces": 'dtks="https://verivali.id/xforms"',
}


def build(path: Path = HERE / "verivali-dtks.xlsx") -> Path:
    """Write the form to ``path``."""
    survey = [*LOCATION, *STATUS, *HOUSING, *ASSETS, *MEMBERS, *PROGRAMMES, *RESULT, *REQUEST]
    write_xlsform(path, survey, CHOICES, SETTINGS)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "verivali-dtks.xlsx"))
