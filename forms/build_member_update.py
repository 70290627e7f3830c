"""Build forms/member-update.xlsx: a member-only update (births, deaths, moves, corrections).

A second, smaller form that uses the same engine, to keep the engine general. Run
``python forms/build_member_update.py`` and re-render forms/member-update.md after a change.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from build_verivali import prelist_list  # noqa: E402
from xlsform_writer import choice_list, q, write_xlsform  # noqa: E402

CHOICES = [
    *choice_list(
        "alasan_update",
        {
            1: ("Kelahiran", "Birth"),
            2: ("Kematian", "Death"),
            3: ("Perpindahan", "Move"),
            4: ("Perbaikan data", "Correction"),
        },
    ),
    *choice_list(
        "jenis_perubahan",
        {
            1: ("Tambah anggota", "Add member"),
            2: ("Ubah data", "Change data"),
            3: ("Hapus", "Remove"),
        },
    ),
    *choice_list(
        "alasan_hapus",
        {1: ("Meninggal", "Deceased"), 2: ("Pindah", "Moved away"), 3: ("Data ganda", "Duplicate")},
    ),
    *choice_list(
        "bantuan",
        {
            1: ("PKH", "PKH"),
            2: ("BPNT/Sembako", "BPNT/Sembako"),
            3: ("PBI-JK", "PBI-JK"),
            4: ("KIP/PIP", "KIP/PIP"),
        },
    ),
    *prelist_list("hubungan"),
    *prelist_list("jenis_kelamin"),
]

SURVEY = [
    q(
        "note",
        "pengantar",
        ("Pemutakhiran data anggota rumah tangga.", "Update of household members."),
    ),
    q(
        "text",
        "kode_wilayah",
        ("Kode wilayah", "Area code"),
        read_only="yes",
        bind="household.kode_wilayah",
    ),
    q(
        "text",
        "no_kk",
        ("Nomor KK", "Family card number"),
        required="yes",
        constraint="kk-valid(.)",
        constraint_message=("Nomor KK tidak sah.", "Invalid family card number."),
        bind="household.no_kk",
    ),
    q(
        "select_one alasan_update or_other",
        "alasan_update",
        ("Alasan pemutakhiran", "Reason for the update"),
        required="yes",
    ),
    q(
        "integer",
        "jumlah_perubahan",
        ("Jumlah anggota yang berubah", "Number of members changed"),
        required="yes",
        constraint=". >= 1 and . <= 20",
        constraint_message=("Antara 1 dan 20.", "From 1 to 20."),
    ),
    q(
        "begin repeat",
        "perubahan",
        ("Perubahan anggota", "Member change"),
        repeat_count="${jumlah_perubahan}",
    ),
    q("calculate", "nomor", calculation="position(..)"),
    q(
        "select_one jenis_perubahan",
        "jenis",
        ("Jenis perubahan ke-${nomor}", "Change no. ${nomor}"),
        required="yes",
    ),
    q(
        "text",
        "id_art",
        ("ID anggota", "Member id"),
        required="yes",
        relevant="${jenis} != 1",
        bind="member.member_id",
    ),
    q("text", "nama", ("Nama", "Name"), required="yes", bind="member.nama"),
    q(
        "text",
        "nik",
        ("NIK", "NIK"),
        relevant="${jenis} != 3",
        constraint="nik-valid(.)",
        constraint_message=("NIK tidak sah.", "Invalid NIK."),
        bind="member.nik",
    ),
    q(
        "select_one jenis_kelamin",
        "jenis_kelamin",
        ("Jenis kelamin", "Sex"),
        required="${jenis} = 1",
        bind="member.jenis_kelamin",
    ),
    q(
        "date",
        "tanggal_lahir",
        ("Tanggal lahir", "Date of birth"),
        required="${jenis} = 1",
        constraint=". <= today()",
        bind="member.tanggal_lahir",
    ),
    q(
        "calculate",
        "umur",
        calculation="if(${tanggal_lahir} = '', '', int((today() - date(${tanggal_lahir})) div 365.25))",
    ),
    q(
        "select_one hubungan",
        "hubungan",
        ("Hubungan dengan kepala rumah tangga", "Relationship to the head"),
        relevant="${jenis} != 3",
        choice_filter="${umur} = '' or ${umur} >= 15 or (name != 1 and name != 2)",
        bind="member.hubungan",
    ),
    q(
        "decimal",
        "penghasilan",
        ("Penghasilan sebulan (Rp)", "Monthly income (Rp)"),
        relevant="${jenis} != 3 and ${umur} >= 15",
        constraint=". >= 0",
    ),
    q(
        "select_multiple bantuan",
        "bantuan",
        ("Bantuan yang diterima", "Assistance received"),
        relevant="${jenis} != 3",
    ),
    q(
        "select_one alasan_hapus",
        "alasan_hapus",
        ("Alasan dihapus", "Reason for removal"),
        required="yes",
        relevant="${jenis} = 3",
    ),
    q(
        "date",
        "tanggal_peristiwa",
        ("Tanggal peristiwa", "Date of the event"),
        relevant="${jenis} = 3 or ${jenis} = 1",
        constraint=". <= today() and (${tanggal_lahir} = '' or . >= ${tanggal_lahir})",
        constraint_message=(
            "Tanggal tidak boleh sebelum lahir atau di masa depan.",
            "Not before birth, not in the future.",
        ),
    ),
    q("calculate", "tambah", calculation="if(${jenis} = 1, 1, 0)"),
    q("end repeat"),
    q("begin group", "bukti", ("Bukti", "Evidence"), appearance="field-list"),
    q("image", "foto_dokumen", ("Foto dokumen (KK/akta)", "Photo of the document"), required="yes"),
    q("geopoint", "lokasi", ("Lokasi", "Location")),
    q("end group"),
    q("calculate", "jumlah_tambah", calculation="sum(${tambah})"),
    q(
        "note",
        "ringkasan",
        (
            "${jumlah_perubahan} perubahan, ${jumlah_tambah} anggota baru.",
            "${jumlah_perubahan} changes, ${jumlah_tambah} new members.",
        ),
    ),
]

SETTINGS = {
    "form_id": "member_update",
    "version": "2026110101",
    "form_title": "Pemutakhiran anggota",
    "default_language": "Bahasa Indonesia (id)",
    "namespaces": 'dtks="https://verivali.id/xforms"',
}


def build(path: Path = HERE / "member-update.xlsx") -> Path:
    """Write the form to ``path``."""
    write_xlsform(path, SURVEY, CHOICES, SETTINGS)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "member-update.xlsx"))
