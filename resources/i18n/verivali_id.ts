<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountButton</name>
    <message>
        <source>Account: {0}</source>
        <translation>Akun: {0}</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Pengaturan…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Ganti pengguna</translation>
    </message>
    <message>
        <source>Logged in as {0}</source>
        <translation>Masuk sebagai {0}</translation>
    </message>
</context>
<context>
    <name>BundleModel</name>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Enumerator</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <source>Made</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Diajukan</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Diteruskan</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>Ditetapkan</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Ditarik</translation>
    </message>
</context>
<context>
    <name>DesaMap</name>
    <message>
        <source>No GPS points</source>
        <translation>Tidak ada titik GPS</translation>
    </message>
    <message>
        <source>{0} households · {1} with integrity signs</source>
        <translation>{0} rumah tangga · {1} dengan tanda integritas</translation>
    </message>
</context>
<context>
    <name>DesaModel</name>
    <message>
        <source>Kode wilayah</source>
        <translation>Kode wilayah</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
</context>
<context>
    <name>ExportBundleDialog</name>
    <message>
        <source>Export a bundle for the supervisor</source>
        <translation>Ekspor bundel untuk pengawas</translation>
    </message>
    <message>
        <source>Note what this laptop holds</source>
        <translation>Catat posisi data di laptop ini</translation>
    </message>
    <message>
        <source>Pack photos</source>
        <translation>Kemas foto</translation>
    </message>
    <message>
        <source>Pack finished households</source>
        <translation>Kemas rumah tangga yang sudah final</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Menulis bundel…</translation>
    </message>
    <message>
        <source>Bundle written to {0}: {1} households, {2} photos. Take it to the supervisor; the households stay waiting until you import the reply.</source>
        <translation>Bundel ditulis ke {0}: {1} rumah tangga, {2} foto. Bawa ke pengawas; rumah tangga tetap menunggu sampai Anda mengimpor balasannya.</translation>
    </message>
    <message>
        <source>Cancelled: no bundle was written.</source>
        <translation>Dibatalkan: tidak ada bundel yang ditulis.</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Results as CSV…</source>
        <translation>Hasil sebagai CSV…</translation>
    </message>
    <message>
        <source>Results as Excel (XLSX)…</source>
        <translation>Hasil sebagai Excel (XLSX)…</translation>
    </message>
    <message>
        <source>BNBA list (PDF)…</source>
        <translation>Daftar BNBA (PDF)…</translation>
    </message>
    <message>
        <source>Pengesahan letter draft (PDF)…</source>
        <translation>Draf surat pengesahan (PDF)…</translation>
    </message>
    <message>
        <source>Upload the signed pengesahan scan…</source>
        <translation>Unggah pindaian pengesahan yang sudah ditandatangani…</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Putaran</translation>
    </message>
    <message>
        <source>Round (YYYY-MM):</source>
        <translation>Putaran (TTTT-BB):</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Berkas Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the results</source>
        <translation>Simpan hasil</translation>
    </message>
    <message>
        <source>Downloading the results…</source>
        <translation>Mengunduh hasil…</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Simpan PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Membuat PDF…</translation>
    </message>
    <message>
        <source>Choose the signed pengesahan scan</source>
        <translation>Pilih pindaian pengesahan yang sudah ditandatangani</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Pindaian (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Choose a PDF, JPEG or PNG file.</source>
        <translation>Pilih berkas PDF, JPEG, atau PNG.</translation>
    </message>
    <message>
        <source>Uploading the scan…</source>
        <translation>Mengunggah pindaian…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Downloaded {0} kB</source>
        <translation>Terunduh {0} kB</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>Tersimpan: {0}</translation>
    </message>
    <message>
        <source>This version of Verivali cannot make PDF documents yet ({0}).</source>
        <translation>Versi Verivali ini belum dapat membuat dokumen PDF ({0}).</translation>
    </message>
    <message>
        <source>The signed scan is kept with the round ({0} document(s) for this wilayah).</source>
        <translation>Pindaian bertanda tangan disimpan bersama putaran ini ({0} dokumen untuk wilayah ini).</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Terunggah</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Tersimpan</translation>
    </message>
    <message>
        <source>Saved to:
{0}</source>
        <translation>Tersimpan di:
{0}</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Buka folder</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
</context>
<context>
    <name>Flag</name>
    <message>
        <source>Hard conflict</source>
        <translation>Konflik keras</translation>
    </message>
    <message>
        <source>Soft conflict</source>
        <translation>Konflik ringan</translation>
    </message>
    <message>
        <source>Duplicate verification</source>
        <translation>Verifikasi ganda</translation>
    </message>
    <message>
        <source>Validation warning</source>
        <translation>Peringatan validasi</translation>
    </message>
    <message>
        <source>Eligibility changed</source>
        <translation>Kelayakan berubah</translation>
    </message>
    <message>
        <source>New household proposal</source>
        <translation>Usulan rumah tangga baru</translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation>ART dikeluarkan</translation>
    </message>
    <message>
        <source>Fixed and sent again</source>
        <translation>Diperbaiki dan dikirim ulang</translation>
    </message>
    <message>
        <source>Returned by a level above</source>
        <translation>Dikembalikan oleh tingkat di atas</translation>
    </message>
    <message>
        <source>Move to another wilayah waiting</source>
        <translation>Pindah wilayah menunggu</translation>
    </message>
    <message>
        <source>Arrived late</source>
        <translation>Terlambat masuk</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomali</translation>
    </message>
    <message>
        <source>PAPI entries differ</source>
        <translation>Entri PAPI berbeda</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Perlu diperiksa</translation>
    </message>
    <message>
        <source>Visit integrity</source>
        <translation>Integritas kunjungan</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove %1 and its answers?</source>
        <translation>Hapus %1 beserta jawabannya?</translation>
    </message>
    <message>
        <source>Not a real date: type day-month-year, e.g. 17-08-1980.</source>
        <translation>Tanggal tidak valid: ketik hari-bulan-tahun, mis. 17-08-1980.</translation>
    </message>
    <message>
        <source>Enter: next question
Ctrl+PgDn / Ctrl+PgUp: next / previous section
F8: next problem
Ctrl+Shift+A: add member
Ctrl+Shift+P: import photo
Type a choice&apos;s code to pick it; Delete clears it</source>
        <translation>Enter: pertanyaan berikutnya
Ctrl+PgDn / Ctrl+PgUp: bagian berikutnya / sebelumnya
F8: masalah berikutnya
Ctrl+Shift+A: tambah anggota
Ctrl+Shift+P: ambil foto
Ketik kode pilihan untuk memilihnya; Delete mengosongkannya</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Tambah anggota</translation>
    </message>
    <message>
        <source>Add an entry</source>
        <translation>Tambah isian</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Lengkap</translation>
    </message>
    <message>
        <source>%n problem(s)</source>
        <translation>%n masalah</translation>
    </message>
    <message>
        <source>Not complete yet</source>
        <translation>Belum lengkap</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
    <message>
        <source>Not a whole number: “%1”. Type digits only, e.g. 45.</source>
        <translation>Bukan bilangan bulat: “%1”. Ketik angka saja, mis. 45.</translation>
    </message>
    <message>
        <source>Not a number: “%1”. Type digits, with a comma or a point before the decimals, e.g. 45,5.</source>
        <translation>Bukan angka: “%1”. Ketik angka, dengan koma atau titik sebelum desimal, mis. 45,5.</translation>
    </message>
    <message>
        <source>day-month-year</source>
        <translation>hari-bulan-tahun</translation>
    </message>
    <message>
        <source>Choose, or type the code</source>
        <translation>Pilih, atau ketik kodenya</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Lintang</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Bujur</translation>
    </message>
    <message>
        <source>Accuracy (m)</source>
        <translation>Akurasi (m)</translation>
    </message>
    <message>
        <source>Use the photo&apos;s GPS</source>
        <translation>Pakai GPS dari foto</translation>
    </message>
    <message>
        <source>Taken from the photo&apos;s GPS (EXIF).</source>
        <translation>Diambil dari GPS foto (EXIF).</translation>
    </message>
    <message>
        <source>Typed in by hand.</source>
        <translation>Diketik manual.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 masih kosong.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number.</source>
        <translation>%1: “%2” bukan angka.</translation>
    </message>
    <message>
        <source>%1 must lie between -%2 and %2.</source>
        <translation>%1 harus antara -%2 dan %2.</translation>
    </message>
    <message>
        <source>Type one number in each box: latitude e.g. -6,98765, longitude e.g. 107,62912; the accuracy in metres may stay empty.</source>
        <translation>Ketik satu angka di tiap kotak: lintang mis. -6,98765, bujur mis. 107,62912; akurasi dalam meter boleh kosong.</translation>
    </message>
    <message>
        <source>Import photo…</source>
        <translation>Ambil foto…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Hapus foto</translation>
    </message>
    <message>
        <source>No photo yet</source>
        <translation>Belum ada foto</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Foto %1</translation>
    </message>
    <message>
        <source>GPS: %1</source>
        <translation>GPS: %1</translation>
    </message>
    <message>
        <source>The photo has no GPS: type the point in by hand.</source>
        <translation>Foto tidak memiliki GPS: ketik titiknya secara manual.</translation>
    </message>
    <message>
        <source>Photo attached</source>
        <translation>Foto terlampir</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Sebelum</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sesudah</translation>
    </message>
    <message>
        <source>Verification finalized</source>
        <translation>Verifikasi difinalisasi</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Draf disimpan</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>member {0}</source>
        <translation>anggota {0}</translation>
    </message>
    <message>
        <source>photo {0}</source>
        <translation>foto {0}</translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation>Foto ditambahkan</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Anggota ditambahkan</translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation>Anggota dikeluarkan</translation>
    </message>
    <message>
        <source>Member restored</source>
        <translation>Anggota dikembalikan</translation>
    </message>
    <message>
        <source>New household proposed</source>
        <translation>Usulan rumah tangga baru dibuat</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Household {0}</source>
        <translation>Rumah tangga {0}</translation>
    </message>
    <message>
        <source>Verivali form</source>
        <translation>Formulir verivali</translation>
    </message>
    <message>
        <source>Pre-list data and changes</source>
        <translation>Data pra-daftar dan perubahan</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Save draft (Ctrl+S)</source>
        <translation>Simpan draf (Ctrl+S)</translation>
    </message>
    <message>
        <source>Finalize (Ctrl+Enter)</source>
        <translation>Finalisasi (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>proposal, DTKS id given on approval</source>
        <translation>usulan, ID DTKS diberikan saat disetujui</translation>
    </message>
    <message>
        <source>Note from the reviewer: {0}</source>
        <translation>Catatan dari pemeriksa Dinas Sosial: {0}</translation>
    </message>
    <message>
        <source>The server refused the last sync: {0}</source>
        <translation>Server menolak sinkronisasi terakhir: {0}</translation>
    </message>
    <message>
        <source>Task: {0}: {1}</source>
        <translation>Tugas: {0}: {1}</translation>
    </message>
    <message>
        <source>Task: {0} {1}{2}</source>
        <translation>Tugas: {0} {1}{2}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ada perubahan yang belum disimpan</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Tidak tersimpan</translation>
    </message>
    <message>
        <source>Not finalized: {0} problem(s). First: {1}: {2}</source>
        <translation>Belum bisa difinalisasi: {0} masalah. Pertama: {1}: {2}</translation>
    </message>
    <message>
        <source>Finalized; it will be sent at the next sync.</source>
        <translation>Sudah final; akan dikirim pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Draf tersimpan.</translation>
    </message>
    <message>
        <source>Not saved: a newer version exists</source>
        <translation>Tidak disimpan: ada versi yang lebih baru</translation>
    </message>
    <message>
        <source>Household {0} was saved again after this window opened (in another window or by a sync). To keep that newer work, the changes made here were not saved.

The window now shows the saved version; make your changes again if needed.</source>
        <translation>Rumah tangga {0} sudah disimpan lagi setelah jendela ini dibuka (di jendela lain atau oleh sinkronisasi). Agar pekerjaan yang lebih baru itu tetap ada, perubahan di jendela ini tidak disimpan.

Jendela ini sekarang menampilkan versi yang tersimpan; ulangi perubahan Anda bila perlu.</translation>
    </message>
    <message>
        <source>Reloaded: this is the saved version.</source>
        <translation>Dimuat ulang: ini versi yang tersimpan.</translation>
    </message>
    <message>
        <source>This point is outside Indonesia. Check the signs: most of Indonesia is south of the equator (latitude below 0).</source>
        <translation>Titik ini di luar Indonesia. Periksa tandanya: sebagian besar Indonesia di selatan khatulistiwa (lintang di bawah 0).</translation>
    </message>
    <message>
        <source>This point is {0:.1f} km from the other houses of this desa. Check it.</source>
        <translation>Titik ini berjarak {0:.1f} km dari rumah lain di desa ini. Periksa kembali.</translation>
    </message>
    <message>
        <source>Choose the house photo</source>
        <translation>Pilih foto rumah</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Foto (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Processing the photo…</source>
        <translation>Memproses foto…</translation>
    </message>
    <message>
        <source>Photo not added</source>
        <translation>Foto tidak ditambahkan</translation>
    </message>
</context>
<context>
    <name>HouseholdList</name>
    <message>
        <source>Household id</source>
        <translation>ID rumah tangga</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Kepala rumah tangga</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Permintaan</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{0} anomaly(ies) to fix</source>
        <translation>{0} anomali perlu diperbaiki</translation>
    </message>
</context>
<context>
    <name>HouseholdOutcomeModel</name>
    <message>
        <source>Household</source>
        <translation>Rumah tangga</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Kepala rumah tangga</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Keterangan</translation>
    </message>
</context>
<context>
    <name>ImportReplyDialog</name>
    <message>
        <source>Import the reply from the supervisor</source>
        <translation>Impor balasan dari pengawas</translation>
    </message>
    <message>
        <source>Apply downloaded households</source>
        <translation>Terapkan rumah tangga yang diunduh</translation>
    </message>
    <message>
        <source>Photos the server received</source>
        <translation>Foto yang diterima server</translation>
    </message>
    <message>
        <source>Apply the server&apos;s answers</source>
        <translation>Terapkan jawaban server</translation>
    </message>
    <message>
        <source>Reading the reply…</source>
        <translation>Membaca balasan…</translation>
    </message>
</context>
<context>
    <name>Integrity</name>
    <message>
        <source>Interview too short</source>
        <translation>Wawancara terlalu singkat</translation>
    </message>
    <message>
        <source>Photo taken long before or after the visit</source>
        <translation>Foto diambil jauh sebelum atau sesudah kunjungan</translation>
    </message>
    <message>
        <source>Same photo as another household</source>
        <translation>Foto sama dengan rumah tangga lain</translation>
    </message>
    <message>
        <source>GPS point shared by many households</source>
        <translation>Titik GPS sama untuk banyak rumah tangga</translation>
    </message>
    <message>
        <source>Travel faster than possible</source>
        <translation>Perjalanan lebih cepat dari yang mungkin</translation>
    </message>
    <message>
        <source>Far from the desa</source>
        <translation>Jauh dari desa</translation>
    </message>
    <message>
        <source>Many finalized in one sitting</source>
        <translation>Banyak difinalisasi sekaligus</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <source>Answer changed</source>
        <translation>Jawaban diubah</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Bagian</translation>
    </message>
    <message>
        <source>Photo taken</source>
        <translation>Foto diambil</translation>
    </message>
    <message>
        <source>GPS taken</source>
        <translation>GPS diambil</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Difinalisasi</translation>
    </message>
</context>
<context>
    <name>IntegrityDialog</name>
    <message>
        <source>Visit integrity: household {0}</source>
        <translation>Integritas kunjungan: rumah tangga {0}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>IntegrityPanel</name>
    <message>
        <source>Sign</source>
        <translation>Tanda</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Bukti</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Since start</source>
        <translation>Sejak mulai</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <source>Other households named by the signs</source>
        <translation>Rumah tangga lain yang disebut tanda-tanda ini</translation>
    </message>
    <message>
        <source>Interview timeline (paradata)</source>
        <translation>Urutan waktu wawancara (paradata)</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>Hitung ulang</translation>
    </message>
    <message>
        <source>Run the integrity indicators again for this desa</source>
        <translation>Jalankan lagi indikator integritas untuk desa ini</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Open household {0}</source>
        <translation>Buka rumah tangga {0}</translation>
    </message>
    <message>
        <source>No sign of a visit that did not happen in the field.</source>
        <translation>Tidak ada tanda kunjungan yang tidak dilakukan di lapangan.</translation>
    </message>
    <message>
        <source>{0} sign(s) that the visit may not have happened in the field; they inform, they do not block approval.</source>
        <translation>{0} tanda bahwa kunjungan mungkin tidak dilakukan di lapangan; tanda ini sebagai informasi, tidak menghalangi persetujuan.</translation>
    </message>
    <message>
        <source>Enumerator {0}; interview {1} (at least {2} expected for {3} members).</source>
        <translation>Petugas {0}; wawancara {1} (paling sedikit {2} untuk {3} anggota).</translation>
    </message>
    <message>
        <source>{0} s; {1} members and {2} answers need at least {3} s</source>
        <translation>{0} detik; {1} anggota dan {2} jawaban perlu paling sedikit {3} detik</translation>
    </message>
    <message>
        <source>photo taken {0}; visit {1} to {2}</source>
        <translation>foto diambil {0}; kunjungan {1} sampai {2}</translation>
    </message>
    <message>
        <source>the same file</source>
        <translation>berkas yang sama</translation>
    </message>
    <message>
        <source>a resized or re-saved copy (dHash {0}, aHash {1} bits apart)</source>
        <translation>salinan yang diubah ukurannya atau disimpan ulang (dHash berbeda {0} bit, aHash {1} bit)</translation>
    </message>
    <message>
        <source>{0} of the photo of household {1}</source>
        <translation>{0} dari foto rumah tangga {1}</translation>
    </message>
    <message>
        <source>{0} other households within {1} m ({2} identical)</source>
        <translation>{0} rumah tangga lain dalam {1} m ({2} sama persis)</translation>
    </message>
    <message>
        <source>{0} from household {1} in {2} s ({3} km/h)</source>
        <translation>{0} dari rumah tangga {1} dalam {2} detik ({3} km/jam)</translation>
    </message>
    <message>
        <source>{0} from the centre of the desa (limit {1})</source>
        <translation>{0} dari pusat desa (batas {1})</translation>
    </message>
    <message>
        <source>{0} households finalized within {1} s at one place</source>
        <translation>{0} rumah tangga difinalisasi dalam {1} detik di satu tempat</translation>
    </message>
</context>
<context>
    <name>IntegrityWindow</name>
    <message>
        <source>Verivali: visit integrity</source>
        <translation>Verivali: integritas kunjungan</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Enumerators: households with integrity signs</source>
        <translation>Petugas: rumah tangga dengan tanda integritas</translation>
    </message>
    <message>
        <source>Enumerator</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Diverifikasi</translation>
    </message>
    <message>
        <source>With signs</source>
        <translation>Dengan tanda</translation>
    </message>
    <message>
        <source>Signs</source>
        <translation>Tanda</translation>
    </message>
    <message>
        <source>No desa in your scope.</source>
        <translation>Tidak ada desa dalam wilayah Anda.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Click a point to open its household.</source>
        <translation>Klik sebuah titik untuk membuka rumah tangganya.</translation>
    </message>
</context>
<context>
    <name>LanRelayBar</name>
    <message>
        <source>Stop taking bundles from the LAN</source>
        <translation>Berhenti menerima bundel dari LAN</translation>
    </message>
    <message>
        <source>Take bundles from laptops on the LAN</source>
        <translation>Terima bundel dari laptop di LAN kantor</translation>
    </message>
    <message>
        <source>Address and port to listen on</source>
        <translation>Alamat dan port yang didengarkan</translation>
    </message>
    <message>
        <source>Off: laptops cannot send to this computer.</source>
        <translation>Mati: laptop tidak dapat mengirim ke komputer ini.</translation>
    </message>
    <message>
        <source>Laptops send with: capi lan-sync --relay %1</source>
        <translation>Laptop mengirim dengan: capi lan-sync --relay %1</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Tidak dapat mendengarkan di %1: %2</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Kemensos</source>
        <translation>Kemensos</translation>
    </message>
    <message>
        <source>National</source>
        <translation>Nasional</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Verivali: log in</source>
        <translation>Verivali: masuk</translation>
    </message>
    <message>
        <source>Verification and validation of DTKS households</source>
        <translation>Verifikasi dan validasi rumah tangga DTKS</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Previous password</source>
        <translation>Kata sandi lama</translation>
    </message>
    <message>
        <source>Work offline with the data on this laptop</source>
        <translation>Bekerja luring dengan data di laptop ini</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Bekerja luring</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Masukkan kata sandi Anda.</translation>
    </message>
    <message>
        <source>Enter the server address and your user name.</source>
        <translation>Masukkan alamat server dan nama pengguna Anda.</translation>
    </message>
    <message>
        <source>Enter your previous password.</source>
        <translation>Masukkan kata sandi lama Anda.</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>Mohon tunggu…</translation>
    </message>
    <message>
        <source>The previous password is wrong too. Nothing was changed.</source>
        <translation>Kata sandi lama juga salah. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Wrong password. Nothing was changed; try again.</source>
        <translation>Kata sandi salah. Tidak ada yang berubah; coba lagi.</translation>
    </message>
    <message>
        <source>The server accepted this password, but the data on this laptop is still locked with your previous password. Enter the previous password once: the data moves to the new one.</source>
        <translation>Server menerima kata sandi ini, tetapi data di laptop ini masih terkunci dengan kata sandi lama Anda. Masukkan kata sandi lama sekali saja: data dipindahkan ke kata sandi baru.</translation>
    </message>
    <message>
        <source>This laptop has no data for {0} yet: the first login needs the server.</source>
        <translation>Laptop ini belum memiliki data untuk {0}: login pertama memerlukan server.</translation>
    </message>
    <message>
        <source>The server did not accept this user name and password.</source>
        <translation>Server tidak menerima nama pengguna dan kata sandi ini.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait a minute and try again.</source>
        <translation>Terlalu banyak percobaan gagal. Tunggu sebentar lalu coba lagi.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>Server tidak dapat dihubungi.</translation>
    </message>
    <message>
        <source>You can work offline with the data on this laptop.</source>
        <translation>Anda dapat bekerja luring dengan data di laptop ini.</translation>
    </message>
    <message>
        <source>The server answered: {0}</source>
        <translation>Jawaban server: {0}</translation>
    </message>
    <message>
        <source>Login failed: {0}</source>
        <translation>Gagal masuk: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Verivali: households</source>
        <translation>Verivali: daftar rumah tangga</translation>
    </message>
    <message>
        <source>Sync (F5)</source>
        <translation>Sinkronkan (F5)</translation>
    </message>
    <message>
        <source>Sync log (Ctrl+L)</source>
        <translation>Riwayat sinkronisasi (Ctrl+L)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>Ekspor bundel…</translation>
    </message>
    <message>
        <source>Without a network: write the finished work to a file for the supervisor</source>
        <translation>Tanpa jaringan: tulis pekerjaan yang sudah final ke berkas untuk pengawas</translation>
    </message>
    <message>
        <source>Import reply…</source>
        <translation>Impor balasan…</translation>
    </message>
    <message>
        <source>New household (Ctrl+N)</source>
        <translation>Rumah tangga baru (Ctrl+N)</translation>
    </message>
    <message>
        <source>PAPI double entry (Ctrl+Shift+K)</source>
        <translation>Entri ganda PAPI (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Search by name, NIK, No KK or address… (type part of a name)</source>
        <translation>Cari nama, NIK, No KK atau alamat… (ketik sebagian nama)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>online</source>
        <translation>daring</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>luring</translation>
    </message>
    <message>
        <source>enumerator</source>
        <translation>petugas</translation>
    </message>
    <message>
        <source>data-entry clerk</source>
        <translation>operator entri</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>pengawas</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>pemeriksa</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>Round {0}:</source>
        <translation>Putaran {0}:</translation>
    </message>
    <message>
        <source>{0} opens {1}</source>
        <translation>{0} dibuka {1}</translation>
    </message>
    <message>
        <source>{0} closed {1}</source>
        <translation>{0} ditutup {1}</translation>
    </message>
    <message>
        <source>{0}: last day today (until 24:00 {1})</source>
        <translation>{0}: hari terakhir hari ini (sampai pukul 24.00 {1})</translation>
    </message>
    <message>
        <source>{0}: {1} days left (until {2} {3})</source>
        <translation>{0}: sisa {1} hari (sampai {2} {3})</translation>
    </message>
    <message>
        <source>All households</source>
        <translation>Semua rumah tangga</translation>
    </message>
    <message>
        <source>Worklist: anomalies</source>
        <translation>Daftar kerja: anomali</translation>
    </message>
    <message>
        <source>{0} of {1} households shown</source>
        <translation>{0} dari {1} rumah tangga ditampilkan</translation>
    </message>
    <message>
        <source>Export a bundle for the supervisor</source>
        <translation>Ekspor bundel untuk pengawas</translation>
    </message>
    <message>
        <source>Bundles (*.vvb)</source>
        <translation>Bundel (*.vvb)</translation>
    </message>
    <message>
        <source>Import the reply from the supervisor</source>
        <translation>Impor balasan dari pengawas</translation>
    </message>
    <message>
        <source>Replies (*.reply.vvb)</source>
        <translation>Balasan (*.reply.vvb)</translation>
    </message>
</context>
<context>
    <name>Moves</name>
    <message>
        <source>Household id</source>
        <translation>ID rumah tangga</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Kepala rumah tangga</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Ke</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Diusulkan oleh</translation>
    </message>
    <message>
        <source>Proposed at</source>
        <translation>Diusulkan pada</translation>
    </message>
    <message>
        <source>Who decides</source>
        <translation>Yang memutuskan</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Anda</translation>
    </message>
    <message>
        <source>Reviewer of {0}</source>
        <translation>Peninjau {0}</translation>
    </message>
</context>
<context>
    <name>MovesWindow</name>
    <message>
        <source>Verivali: moves between wilayah</source>
        <translation>Verivali: pindah wilayah</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Muat ulang (F5)</translation>
    </message>
    <message>
        <source>Open household (Enter)</source>
        <translation>Buka rumah tangga (Enter)</translation>
    </message>
    <message>
        <source>A household whose wilayah an enumerator changed to one outside their own, or to another kabupaten/kota, moves only when a reviewer of the new wilayah confirms it. Until then it stays where it is.</source>
        <translation>Rumah tangga yang wilayahnya diubah petugas ke wilayah di luar tugasnya, atau ke kabupaten/kota lain, baru pindah setelah peninjau wilayah tujuan mengonfirmasinya. Sampai saat itu rumah tangga tetap di wilayah asalnya.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Waiting for my decision</source>
        <translation>Menunggu keputusan saya</translation>
    </message>
    <message>
        <source>All waiting moves, in and out</source>
        <translation>Semua pindah yang menunggu, masuk dan keluar</translation>
    </message>
    <message>
        <source>Search by household id, name or wilayah…</source>
        <translation>Cari menurut ID rumah tangga, nama atau wilayah…</translation>
    </message>
    <message>
        <source>Note on the decision:</source>
        <translation>Catatan keputusan:</translation>
    </message>
    <message>
        <source>Required to refuse: say why the move is refused</source>
        <translation>Wajib untuk menolak: tulis alasan pindah ditolak</translation>
    </message>
    <message>
        <source>Open household</source>
        <translation>Buka rumah tangga</translation>
    </message>
    <message>
        <source>Refuse move</source>
        <translation>Tolak pindah</translation>
    </message>
    <message>
        <source>Confirm move</source>
        <translation>Konfirmasi pindah</translation>
    </message>
    <message>
        <source>Loading the moves…</source>
        <translation>Memuat daftar pindah…</translation>
    </message>
    <message>
        <source>No move waits for your decision; {0} wait elsewhere.</source>
        <translation>Tidak ada pindah yang menunggu keputusan Anda; {0} menunggu di wilayah lain.</translation>
    </message>
    <message>
        <source>Move household {0} ({1}) from {2} {3} to {4} {5}?

It leaves the enumerators of {2} and comes to your wilayah. Your name is recorded with the decision.</source>
        <translation>Pindahkan rumah tangga {0} ({1}) dari {2} {3} ke {4} {5}?

Rumah tangga ini keluar dari petugas {2} dan masuk ke wilayah Anda. Nama Anda dicatat bersama keputusan ini.</translation>
    </message>
    <message>
        <source>Write a note first: it says why the move is refused.</source>
        <translation>Tulis catatan dulu: alasan pindah ditolak.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Move confirmed: household {0} is now in {1}.</source>
        <translation>Pindah dikonfirmasi: rumah tangga {0} sekarang di {1}.</translation>
    </message>
    <message>
        <source>Move refused: household {0} stays in {1}.</source>
        <translation>Pindah ditolak: rumah tangga {0} tetap di {1}.</translation>
    </message>
</context>
<context>
    <name>NewHouseholdDialog</name>
    <message>
        <source>New household (usulan baru)</source>
        <translation>Rumah tangga baru (usulan baru)</translation>
    </message>
    <message>
        <source>A household found in the field that is not on the pre-list. It is sent as a proposal; the Dinas Sosial gives it a DTKS id when it approves it.</source>
        <translation>Rumah tangga yang ditemukan di lapangan tetapi tidak ada di pra-daftar. Dikirim sebagai usulan; Dinas Sosial memberinya ID DTKS saat menyetujuinya.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Kepala rumah tangga</translation>
    </message>
    <message>
        <source>No KK</source>
        <translation>No KK</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Create and open</source>
        <translation>Buat dan buka</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Wajib diisi.</translation>
    </message>
    <message>
        <source>Type 3 digits, e.g. 002.</source>
        <translation>Ketik 3 angka, mis. 002.</translation>
    </message>
    <message>
        <source>Not valid: {0}</source>
        <translation>Tidak valid: {0}</translation>
    </message>
</context>
<context>
    <name>PapiEntryWindow</name>
    <message>
        <source>PAPI entry</source>
        <translation>Entri PAPI</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Jenis entri</translation>
    </message>
    <message>
        <source>Questionnaire no.</source>
        <translation>No. kuesioner</translation>
    </message>
    <message>
        <source>Household (id or pre-list no.)</source>
        <translation>Ruta (ID atau no. pra-daftar)</translation>
    </message>
    <message>
        <source>First entry</source>
        <translation>Entri pertama</translation>
    </message>
    <message>
        <source>Second entry (independent)</source>
        <translation>Entri kedua (independen)</translation>
    </message>
    <message>
        <source>Dependent verification</source>
        <translation>Verifikasi dependen</translation>
    </message>
    <message>
        <source>Next questionnaire (Enter or F2)</source>
        <translation>Kuesioner berikutnya (Enter atau F2)</translation>
    </message>
    <message>
        <source>Type the batch id, Enter, then the mode (1, 2 or 3) and Enter.</source>
        <translation>Ketik ID batch, Enter, lalu mode (1, 2 atau 3) dan Enter.</translation>
    </message>
    <message>
        <source>Type the batch id first.</source>
        <translation>Ketik ID batch dahulu.</translation>
    </message>
    <message>
        <source>Fetching the first entries from the server…</source>
        <translation>Mengambil entri pertama dari server…</translation>
    </message>
    <message numerus="yes">
        <source>%n questionnaire(s) to verify in this batch.</source>
        <translation>
            <numerusform>%n kuesioner untuk diverifikasi dalam batch ini.</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch %1 open: type the questionnaire number.</source>
        <translation>Batch %1 dibuka: ketik nomor kuesioner.</translation>
    </message>
    <message>
        <source>The first entries could not be fetched: %1</source>
        <translation>Entri pertama tidak dapat diambil: %1</translation>
    </message>
    <message>
        <source>Open a batch first.</source>
        <translation>Buka batch dahulu.</translation>
    </message>
    <message>
        <source>Type the questionnaire number written on the paper.</source>
        <translation>Ketik nomor kuesioner yang tertulis di kertas.</translation>
    </message>
    <message>
        <source>No household with id or pre-list number %1 in this batch.</source>
        <translation>Tidak ada ruta dengan ID atau no. pra-daftar %1 dalam batch ini.</translation>
    </message>
    <message>
        <source>Keying household %1: Enter after each value.</source>
        <translation>Mengentri ruta %1: Enter setelah setiap isian.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Belum tersimpan: %1</translation>
    </message>
    <message>
        <source>Questionnaire %1 saved. Enter: next questionnaire.</source>
        <translation>Kuesioner %1 tersimpan. Enter: kuesioner berikutnya.</translation>
    </message>
    <message>
        <source>Type the questionnaire number.</source>
        <translation>Ketik nomor kuesioner.</translation>
    </message>
    <message>
        <source>Differs from the first entry: key it again from the paper.</source>
        <translation>Berbeda dengan entri pertama: ketik ulang dari kertas.</translation>
    </message>
    <message>
        <source>Which value does the paper hold? 1: %1 (first entry) · 2: %2 (yours)</source>
        <translation>Isian mana yang ada di kertas? 1: %1 (entri pertama) · 2: %2 (ketikan Anda)</translation>
    </message>
    <message>
        <source>No batch open</source>
        <translation>Belum ada batch dibuka</translation>
    </message>
    <message>
        <source>Batch %1: %2 keyed · %3 in the last hour</source>
        <translation>Batch %1: %2 dientri · %3 dalam 1 jam terakhir</translation>
    </message>
</context>
<context>
    <name>PapiSupervisorWindow</name>
    <message>
        <source>PAPI: double entry and keyer errors</source>
        <translation>PAPI: entri ganda dan kesalahan operator</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Perbedaan</translation>
    </message>
    <message>
        <source>Keyer error rates</source>
        <translation>Tingkat kesalahan operator</translation>
    </message>
    <message>
        <source>Look at the paper: press 1 if entry 1 is right, 2 if entry 2 is right, or type the paper&apos;s value in the last column; Ctrl+S saves the choices.</source>
        <translation>Lihat kertasnya: tekan 1 bila entri 1 benar, 2 bila entri 2 benar, atau ketik isian kertas di kolom terakhir; Ctrl+S menyimpan pilihan.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <source>Entry 1</source>
        <translation>Entri 1</translation>
    </message>
    <message>
        <source>Entry 2</source>
        <translation>Entri 2</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Pilihan</translation>
    </message>
    <message>
        <source>Paper&apos;s value</source>
        <translation>Isian kertas</translation>
    </message>
    <message>
        <source>Save choices (Ctrl+S)</source>
        <translation>Simpan pilihan (Ctrl+S)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Muat ulang (F5)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Ekspor XLSX…</translation>
    </message>
    <message>
        <source>Keyer</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Per keyer</source>
        <translation>Menurut operator</translation>
    </message>
    <message>
        <source>Per question</source>
        <translation>Menurut pertanyaan</translation>
    </message>
    <message>
        <source>Per batch</source>
        <translation>Menurut batch</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Kuesioner</translation>
    </message>
    <message>
        <source>Fields keyed</source>
        <translation>Isian dientri</translation>
    </message>
    <message>
        <source>Fields verified</source>
        <translation>Isian diverifikasi</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Tingkat kesalahan</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>%1 difference(s) wait for adjudication.</source>
        <translation>%1 perbedaan menunggu keputusan.</translation>
    </message>
    <message>
        <source>The server could not be asked: %1</source>
        <translation>Server tidak dapat dihubungi: %1</translation>
    </message>
    <message>
        <source>%1 · member %2</source>
        <translation>%1 · anggota %2</translation>
    </message>
    <message>
        <source>Choose 1, 2 or type a value for a difference first.</source>
        <translation>Pilih 1, 2 atau ketik isian untuk sebuah perbedaan dahulu.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Export keyer error rates</source>
        <translation>Ekspor tingkat kesalahan operator</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
</context>
<context>
    <name>PhotosPanel</name>
    <message>
        <source>No photo was sent with the verifications.</source>
        <translation>Tidak ada foto yang dikirim bersama verifikasi.</translation>
    </message>
    <message>
        <source>Pre-list location: {0}</source>
        <translation>Lokasi pra-daftar: {0}</translation>
    </message>
    <message>
        <source>Pre-list location: none in the pre-list</source>
        <translation>Lokasi pra-daftar: tidak ada di pra-daftar</translation>
    </message>
    <message>
        <source>no GPS</source>
        <translation>tanpa GPS</translation>
    </message>
    <message>
        <source>GPS of {0}&apos;s verification: {1}</source>
        <translation>GPS verifikasi {0}: {1}</translation>
    </message>
    <message>
        <source>Loading the photo…</source>
        <translation>Memuat foto…</translation>
    </message>
    <message>
        <source>Taken by {0}</source>
        <translation>Diambil oleh {0}</translation>
    </message>
    <message>
        <source>GPS: {0}</source>
        <translation>GPS: {0}</translation>
    </message>
    <message>
        <source>No GPS with this photo.</source>
        <translation>Foto ini tidak memiliki GPS.</translation>
    </message>
    <message>
        <source>{0} from the pre-list location</source>
        <translation>{0} dari lokasi pra-daftar</translation>
    </message>
    <message>
        <source>{0} from the other verification&apos;s point</source>
        <translation>{0} dari titik verifikasi lainnya</translation>
    </message>
    <message>
        <source>The photo could not be loaded:
{0}</source>
        <translation>Foto tidak dapat dimuat:
{0}</translation>
    </message>
</context>
<context>
    <name>Prelist</name>
    <message>
        <source>Household id</source>
        <translation>ID rumah tangga</translation>
    </message>
    <message>
        <source>No KK (family card number)</source>
        <translation>No KK (nomor Kartu Keluarga)</translation>
    </message>
    <message>
        <source>Kode wilayah</source>
        <translation>Kode wilayah</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Kepala rumah tangga</translation>
    </message>
    <message>
        <source>Number of members</source>
        <translation>Jumlah anggota rumah tangga</translation>
    </message>
    <message>
        <source>Welfare decile (desil)</source>
        <translation>Desil kesejahteraan</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Lintang</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Bujur</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
</context>
<context>
    <name>PrelistTab</name>
    <message>
        <source>Household data (changed values are marked ✎)</source>
        <translation>Data rumah tangga (nilai yang diubah bertanda ✎)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Anggota rumah tangga</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Pre-list value</source>
        <translation>Nilai pra-daftar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>removed: {0}</source>
        <translation>dikeluarkan: {0}</translation>
    </message>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktif</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Households</source>
        <translation>Rumah tangga</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>Dikunjungi</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <source>Open anomalies</source>
        <translation>Anomali terbuka</translation>
    </message>
    <message>
        <source>Requests pending</source>
        <translation>Permintaan tertunda</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Putaran</translation>
    </message>
    <message>
        <source>All rounds</source>
        <translation>Semua putaran</translation>
    </message>
    <message>
        <source>Highlight not synced for (days)</source>
        <translation>Tandai yang belum sinkron selama (hari)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Counts per desa</source>
        <translation>Jumlah menurut desa</translation>
    </message>
    <message>
        <source>Field users: last sync and device</source>
        <translation>Petugas lapangan: sinkron terakhir dan perangkat</translation>
    </message>
    <message>
        <source>Chart per desa (bars against the households)</source>
        <translation>Grafik per desa (batang terhadap jumlah rumah tangga)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>No desa to show yet.</source>
        <translation>Belum ada desa untuk ditampilkan.</translation>
    </message>
    <message>
        <source>No desa in this wilayah.</source>
        <translation>Tidak ada desa di wilayah ini.</translation>
    </message>
    <message>
        <source>%1 desa: %2 households, %3 visited, %4 finalized, %5 synced, %6 approved.</source>
        <translation>%1 desa: %2 rumah tangga, %3 dikunjungi, %4 final, %5 terkirim, %6 disetujui.</translation>
    </message>
    <message>
        <source>Every field user synced within the last %1 days.</source>
        <translation>Semua petugas lapangan sudah sinkron dalam %1 hari terakhir.</translation>
    </message>
    <message>
        <source>Not synced for %1 days or more (highlighted): %2</source>
        <translation>Belum sinkron selama %1 hari atau lebih (ditandai): %2</translation>
    </message>
    <message>
        <source>Export progress as CSV</source>
        <translation>Ekspor progres sebagai CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Tidak dapat menulis %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <source>Verivali: progress of the field work</source>
        <translation>Verivali: progres pekerjaan lapangan</translation>
    </message>
</context>
<context>
    <name>RelayPanel</name>
    <message>
        <source>the file is damaged or a byte of it changed (copy it again from the laptop)</source>
        <translation>berkas rusak atau ada byte yang berubah (salin lagi dari laptop petugas)</translation>
    </message>
    <message>
        <source>it is not signed by the key registered for the enumerator&apos;s device</source>
        <translation>tanda tangannya bukan dari kunci yang terdaftar untuk perangkat petugas</translation>
    </message>
    <message>
        <source>it was made for another server, or the server does not know its user or device (or it is a reply, not a bundle to relay)</source>
        <translation>bundel ini dibuat untuk server lain, atau server tidak mengenal pengguna atau perangkatnya (atau ini balasan, bukan bundel untuk diteruskan)</translation>
    </message>
    <message>
        <source>the enumerator&apos;s device was revoked by an admin, or the user is disabled</source>
        <translation>perangkat petugas ini sudah dicabut oleh admin, atau penggunanya dinonaktifkan</translation>
    </message>
    <message>
        <source>the file is larger than a bundle may be (64 MB)</source>
        <translation>berkas lebih besar dari batas bundel (64 MB)</translation>
    </message>
    <message>
        <source>the server holds another bundle under the same id (the file was changed)</source>
        <translation>server sudah menyimpan bundel lain dengan id yang sama (berkas ini telah diubah)</translation>
    </message>
    <message>
        <source>the server cannot be reached (check the connection)</source>
        <translation>server tidak dapat dihubungi (periksa koneksi)</translation>
    </message>
    <message>
        <source>your login has expired (log in online again)</source>
        <translation>sesi masuk Anda sudah habis (masuk lagi secara daring)</translation>
    </message>
    <message>
        <source>the enumerator is outside your wilayah, or you may not relay for them</source>
        <translation>petugas ini di luar wilayah Anda, atau Anda tidak boleh meneruskan untuknya</translation>
    </message>
    <message>
        <source>the file could not be read or its reply written: %1</source>
        <translation>berkas tidak dapat dibaca atau balasannya tidak dapat ditulis: %1</translation>
    </message>
    <message>
        <source>unexpected error: %1</source>
        <translation>kesalahan tak terduga: %1</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>Tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Reply already in the folder (relaying again is harmless)</source>
        <translation>Balasan sudah ada di folder (meneruskan lagi tidak apa-apa)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Not relayed: %1</source>
        <translation>Belum diteruskan: %1</translation>
    </message>
    <message>
        <source>Refused, nothing applied: %1</source>
        <translation>Ditolak, tidak ada yang diterapkan: %1</translation>
    </message>
    <message>
        <source>Relayed before: nothing applied again; reply written</source>
        <translation>Sudah pernah diteruskan: tidak ada yang diterapkan lagi; balasan ditulis</translation>
    </message>
    <message>
        <source>Relayed: %1 households; reply written</source>
        <translation>Diteruskan: %1 rumah tangga; balasan ditulis</translation>
    </message>
    <message>
        <source>%1 change-set(s) refused by the server (the enumerator sees why after importing)</source>
        <translation>%1 set perubahan ditolak server (petugas melihat alasannya setelah mengimpor balasan)</translation>
    </message>
    <message>
        <source>Plug in the USB stick with the enumerators&apos; bundles (.vvb) and choose its folder. Relay all sends them to the server; each reply is written back to the same folder as NAME.reply.vvb, for the enumerator to import on their laptop.</source>
        <translation>Colokkan flashdisk berisi bundel para petugas (.vvb) dan pilih foldernya. Teruskan semua mengirimnya ke server; setiap balasan ditulis kembali ke folder yang sama sebagai NAMA.reply.vvb, untuk diimpor petugas di laptopnya.</translation>
    </message>
    <message>
        <source>Folder of bundles</source>
        <translation>Folder bundel</translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation>Belum ada folder yang dipilih</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Pilih folder…</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>Baca ulang</translation>
    </message>
    <message>
        <source>Relay all</source>
        <translation>Teruskan semua</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Choose the folder of bundles</source>
        <translation>Pilih folder bundel</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>Membaca folder…</translation>
    </message>
    <message>
        <source>%1 bundle(s), %2 in all.</source>
        <translation>%1 bundel, seluruhnya %2.</translation>
    </message>
    <message>
        <source>No bundles (.vvb) in this folder.</source>
        <translation>Tidak ada bundel (.vvb) di folder ini.</translation>
    </message>
    <message>
        <source>The folder cannot be read: %1</source>
        <translation>Folder tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Relaying…</source>
        <translation>Meneruskan…</translation>
    </message>
    <message>
        <source>Stopping after the bundle under way…</source>
        <translation>Berhenti setelah bundel yang sedang dikirim…</translation>
    </message>
    <message>
        <source>%1 of %2 bundle(s) relayed; the replies are in the folder.</source>
        <translation>%1 dari %2 bundel diteruskan; balasannya ada di folder.</translation>
    </message>
    <message>
        <source>%1 refused or not relayed (see Result).</source>
        <translation>%1 ditolak atau belum diteruskan (lihat Hasil).</translation>
    </message>
    <message>
        <source>Cancelled: %1 not sent yet; relay again to continue.</source>
        <translation>Dibatalkan: %1 belum dikirim; teruskan lagi untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Stopped: %1 not sent yet; relay again when the server answers.</source>
        <translation>Berhenti: %1 belum dikirim; teruskan lagi saat server menjawab.</translation>
    </message>
    <message>
        <source>The relay stopped: %1. What was relayed stays relayed.</source>
        <translation>Penerusan berhenti: %1. Yang sudah diteruskan tetap tersimpan di server.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>BNBA verification and validation of DTKS %1, %2</source>
        <translation>BNBA verifikasi dan validasi DTKS %1, %2</translation>
    </message>
    <message>
        <source>BNBA list of DTKS verification and validation results</source>
        <translation>Daftar BNBA hasil verifikasi dan validasi DTKS</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Halaman %1 dari %2</translation>
    </message>
    <message>
        <source>List of DTKS Verification and Validation Results (By Name By Address)</source>
        <translation>Daftar Hasil Verifikasi dan Validasi DTKS (By Name By Address)</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>Periode %1</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>DTKS ID</source>
        <translation>ID DTKS</translation>
    </message>
    <message>
        <source>No KK</source>
        <translation>No KK</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Nama KRT</translation>
    </message>
    <message>
        <source>NIK of head</source>
        <translation>NIK KRT</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kel.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status RT</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>No verified households.</source>
        <translation>Tidak ada rumah tangga yang diverifikasi.</translation>
    </message>
    <message>
        <source>District %1, village %2 (%3): %4 households</source>
        <translation>Kecamatan %1, Desa/Kelurahan %2 (%3): %4 rumah tangga</translation>
    </message>
    <message>
        <source>No result</source>
        <translation>Belum ada hasil</translation>
    </message>
    <message>
        <source>eligibility changed</source>
        <translation>perubahan kelayakan</translation>
    </message>
    <message>
        <source>not yet approved</source>
        <translation>belum disetujui</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Rekapitulasi</translation>
    </message>
    <message>
        <source>A. Households by status and result</source>
        <translation>A. Jumlah rumah tangga menurut status dan hasil verifikasi</translation>
    </message>
    <message>
        <source>B. Households by village</source>
        <translation>B. Jumlah rumah tangga menurut desa/kelurahan</translation>
    </message>
    <message>
        <source>Household status</source>
        <translation>Status rumah tangga</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Households verified: %1; approved by the Dinas Sosial: %2; eligibility changes: %3.</source>
        <translation>Rumah tangga diverifikasi: %1; disetujui Dinas Sosial: %2; perubahan kelayakan: %3.</translation>
    </message>
    <message>
        <source>Village code</source>
        <translation>Kode wilayah</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Jumlah RT</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Layak</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Tidak layak</translation>
    </message>
    <message>
        <source>Eligibility changed</source>
        <translation>Perubahan kelayakan</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Head of the Social Affairs Office (Dinas Sosial) of %1</source>
        <translation>Kepala Dinas Sosial %1</translation>
    </message>
    <message>
        <source>Field officer (Petugas)</source>
        <translation>Petugas Verifikasi</translation>
    </message>
    <message>
        <source>Supervisor (Pengawas)</source>
        <translation>Pengawas</translation>
    </message>
    <message>
        <source>Province %1</source>
        <translation>Provinsi %1</translation>
    </message>
    <message>
        <source>Ministry of Social Affairs of the Republic of Indonesia</source>
        <translation>Kementerian Sosial Republik Indonesia</translation>
    </message>
    <message>
        <source>Social Affairs Office (Dinas Sosial) of %1</source>
        <translation>Dinas Sosial %1</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Regency/City</source>
        <translation>Kabupaten/Kota</translation>
    </message>
    <message>
        <source>District (kecamatan)</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Village (desa/kelurahan)</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Region code</source>
        <translation>Kode wilayah</translation>
    </message>
    <message>
        <source>District %1</source>
        <translation>Kecamatan %1</translation>
    </message>
    <message>
        <source>Village %1</source>
        <translation>Desa/Kelurahan %1</translation>
    </message>
    <message>
        <source>DRAFT pengesahan %1, %2, made by Verivali</source>
        <translation>DRAF pengesahan %1, %2, dibuat dengan Verivali</translation>
    </message>
    <message>
        <source>Approval of the results of the verification and validation of the Integrated Social Welfare Data (DTKS) in %1, round %2</source>
        <translation>Pengesahan Hasil Verifikasi dan Validasi Data Terpadu Kesejahteraan Sosial (DTKS) di %1 Periode %2</translation>
    </message>
    <message>
        <source>DRAFT for review: not signed, not valid as a decree</source>
        <translation>DRAF: belum ditandatangani, belum berlaku</translation>
    </message>
    <message>
        <source>Decree of the %1</source>
        <translation>Keputusan %1</translation>
    </message>
    <message>
        <source>By the grace of God Almighty</source>
        <translation>Dengan rahmat Tuhan Yang Maha Esa</translation>
    </message>
    <message>
        <source>that the households of the Integrated Social Welfare Data (DTKS) in %1 were verified and validated in round %2, and the results were reviewed by the Social Affairs Office (Dinas Sosial);</source>
        <translation>bahwa rumah tangga dalam Data Terpadu Kesejahteraan Sosial (DTKS) di %1 telah diverifikasi dan divalidasi pada periode %2, dan hasilnya telah diperiksa oleh Dinas Sosial;</translation>
    </message>
    <message>
        <source>that changes in the eligibility of households must be approved by the regional head before the results are sent to the Minister of Social Affairs;</source>
        <translation>bahwa perubahan kelayakan rumah tangga harus disahkan oleh kepala daerah sebelum hasilnya disampaikan kepada Menteri Sosial;</translation>
    </message>
    <message>
        <source>that, on the considerations in letters a and b, a decree on the approval of the verification and validation results must be issued;</source>
        <translation>bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan tentang Pengesahan Hasil Verifikasi dan Validasi;</translation>
    </message>
    <message>
        <source>[legal basis to be completed by the legal office: law, government regulation, regulation of the Minister of Social Affairs, regional regulation]</source>
        <translation>[dasar hukum, dilengkapi oleh Bagian Hukum: undang-undang, peraturan pemerintah, peraturan Menteri Sosial, peraturan daerah]</translation>
    </message>
    <message>
        <source>Considering</source>
        <translation>Menimbang</translation>
    </message>
    <message>
        <source>Having regard to</source>
        <translation>Mengingat</translation>
    </message>
    <message>
        <source>households verified</source>
        <translation>jumlah rumah tangga yang diverifikasi</translation>
    </message>
    <message>
        <source>households eligible</source>
        <translation>jumlah rumah tangga layak</translation>
    </message>
    <message>
        <source>households not eligible</source>
        <translation>jumlah rumah tangga tidak layak</translation>
    </message>
    <message>
        <source>households without a result</source>
        <translation>jumlah rumah tangga belum ada hasil</translation>
    </message>
    <message>
        <source>eligibility changes</source>
        <translation>jumlah perubahan kelayakan</translation>
    </message>
    <message>
        <source>households</source>
        <translation>rumah tangga</translation>
    </message>
    <message>
        <source>To approve the results of the verification and validation of DTKS in %1, round %2, as follows:</source>
        <translation>Mengesahkan hasil verifikasi dan validasi DTKS di %1 periode %2, dengan rincian sebagai berikut:</translation>
    </message>
    <message>
        <source>with the eligibility changes listed in the Attachment, which is an integral part of this Decree.</source>
        <translation>dengan perubahan kelayakan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.</translation>
    </message>
    <message>
        <source>The results in the FIRST part are sent to the Minister of Social Affairs through the Social Affairs Office (Dinas Sosial) to update the DTKS.</source>
        <translation>Hasil sebagaimana dimaksud dalam Diktum KESATU disampaikan kepada Menteri Sosial melalui Dinas Sosial sebagai bahan pemutakhiran DTKS.</translation>
    </message>
    <message>
        <source>This Decree takes effect on the date it is enacted.</source>
        <translation>Keputusan ini mulai berlaku pada tanggal ditetapkan.</translation>
    </message>
    <message>
        <source>FIRST</source>
        <translation>KESATU</translation>
    </message>
    <message>
        <source>SECOND</source>
        <translation>KEDUA</translation>
    </message>
    <message>
        <source>THIRD</source>
        <translation>KETIGA</translation>
    </message>
    <message>
        <source>HAS DECIDED</source>
        <translation>Memutuskan</translation>
    </message>
    <message>
        <source>To enact</source>
        <translation>Menetapkan</translation>
    </message>
    <message>
        <source>on</source>
        <translation>tentang</translation>
    </message>
    <message>
        <source>Enacted in</source>
        <translation>Ditetapkan di</translation>
    </message>
    <message>
        <source>on (date)</source>
        <translation>pada tanggal</translation>
    </message>
    <message>
        <source>(name of the regional head)</source>
        <translation>(nama kepala daerah)</translation>
    </message>
    <message>
        <source>Attachment to the Decree of the %1</source>
        <translation>Lampiran Keputusan %1</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Tentang</translation>
    </message>
    <message>
        <source>List of eligibility changes of households</source>
        <translation>Daftar perubahan kelayakan rumah tangga</translation>
    </message>
    <message>
        <source>Old status</source>
        <translation>Status lama</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Status baru</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>No household changed eligibility.</source>
        <translation>Tidak ada perubahan kelayakan rumah tangga.</translation>
    </message>
    <message>
        <source>Not in DTKS</source>
        <translation>Belum terdaftar di DTKS</translation>
    </message>
    <message>
        <source>Listed in DTKS</source>
        <translation>Terdaftar di DTKS</translation>
    </message>
    <message>
        <source>New household proposal</source>
        <translation>Usulan baru</translation>
    </message>
</context>
<context>
    <name>Result</name>
    <message>
        <source>Eligible</source>
        <translation>Layak</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Tidak layak</translation>
    </message>
    <message>
        <source>No result</source>
        <translation>Tanpa hasil</translation>
    </message>
</context>
<context>
    <name>ReviewError</name>
    <message>
        <source>The server cannot be reached. Check the connection, then press F5.</source>
        <translation>Server tidak dapat dihubungi. Periksa koneksi, lalu tekan F5.</translation>
    </message>
    <message>
        <source>Your login has expired. Close Verivali and log in again.</source>
        <translation>Sesi login Anda telah berakhir. Tutup Verivali dan login kembali.</translation>
    </message>
    <message>
        <source>This household still has open conflicts. Choose a value for each conflict and press Resolve, then approve.</source>
        <translation>Rumah tangga ini masih memiliki konflik terbuka. Pilih nilai untuk setiap konflik dan tekan Selesaikan, lalu setujui.</translation>
    </message>
    <message>
        <source>Write a note for the enumerator: it says what to fix.</source>
        <translation>Tulis catatan untuk petugas: apa yang harus diperbaiki.</translation>
    </message>
    <message>
        <source>You may not do this (your role or wilayah does not allow it).</source>
        <translation>Anda tidak boleh melakukan ini (peran atau wilayah Anda tidak mengizinkannya).</translation>
    </message>
    <message>
        <source>The household changed in the meantime. Press F5 to see it as it is now.</source>
        <translation>Rumah tangga ini sudah berubah sementara itu. Tekan F5 untuk melihat keadaannya sekarang.</translation>
    </message>
    <message>
        <source>The server does not offer this yet (it needs an update).</source>
        <translation>Server belum menyediakan ini (perlu diperbarui).</translation>
    </message>
    <message>
        <source>The server does not accept the value of {0}: check it and try again.</source>
        <translation>Server tidak menerima nilai {0}: periksa, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The server refused it: {0}</source>
        <translation>Server menolak: {0}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>Terjadi kesalahan: {0}</translation>
    </message>
    <message>
        <source>Upload the signed pengesahan scan of this submission first: {0}</source>
        <translation>Unggah dulu pindaian pengesahan bertanda tangan untuk pengajuan ini: {0}</translation>
    </message>
    <message>
        <source>The submission cannot take this step now: {0}</source>
        <translation>Pengajuan ini tidak dapat menjalani langkah ini sekarang: {0}</translation>
    </message>
</context>
<context>
    <name>ReviewHouseholdDialog</name>
    <message>
        <source>Review household {0}</source>
        <translation>Periksa rumah tangga {0}</translation>
    </message>
    <message>
        <source>Note for the enumerator:</source>
        <translation>Catatan untuk petugas:</translation>
    </message>
    <message>
        <source>Required to return: say what to check or fix</source>
        <translation>Wajib untuk mengembalikan: tulis apa yang harus dicek atau diperbaiki</translation>
    </message>
    <message>
        <source>Resolve chosen conflicts (Ctrl+Enter)</source>
        <translation>Selesaikan konflik terpilih (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Approve (Ctrl+Shift+A)</source>
        <translation>Setujui (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Return to enumerator (Ctrl+Shift+R)</source>
        <translation>Kembalikan ke petugas (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Nilai lama</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nilai baru</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Visit integrity ({0})</source>
        <translation>Integritas kunjungan ({0})</translation>
    </message>
    <message>
        <source>Approval waits for: {0}</source>
        <translation>Persetujuan menunggu: {0}</translation>
    </message>
    <message>
        <source>No open flags.</source>
        <translation>Tidak ada tanda terbuka.</translation>
    </message>
    <message>
        <source>Note to the enumerator: {0}</source>
        <translation>Catatan untuk petugas: {0}</translation>
    </message>
    <message>
        <source>Conflicts ({0})</source>
        <translation>Konflik ({0})</translation>
    </message>
    <message>
        <source>Verifications ({0})</source>
        <translation>Verifikasi ({0})</translation>
    </message>
    <message>
        <source>Photos and location ({0})</source>
        <translation>Foto dan lokasi ({0})</translation>
    </message>
    <message>
        <source>History ({0})</source>
        <translation>Riwayat ({0})</translation>
    </message>
    <message>
        <source>{0}: no finding yet.</source>
        <translation>{0}: belum ada temuan.</translation>
    </message>
    <message>
        <source>{0}: finding {1} ({2}).</source>
        <translation>{0}: temuan {1} ({2}).</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Layak</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Tidak layak</translation>
    </message>
    <message>
        <source>Requests ({0})</source>
        <translation>Permintaan ({0})</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Citizen&apos;s NIK</source>
        <translation>NIK warga</translation>
    </message>
    <message>
        <source>Citizen&apos;s name</source>
        <translation>Nama warga</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Permintaan</translation>
    </message>
    <message>
        <source>Finding in the field</source>
        <translation>Temuan petugas di lapangan</translation>
    </message>
    <message>
        <source>Not visited yet.</source>
        <translation>Belum dikunjungi.</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Dikumpulkan oleh</translation>
    </message>
    <message>
        <source>Collected at</source>
        <translation>Waktu pengumpulan</translation>
    </message>
    <message>
        <source>Move waiting: from {0} ({1}) to {2} ({3}), proposed by {4}.</source>
        <translation>Pindah wilayah menunggu: dari {0} ({1}) ke {2} ({3}), diusulkan oleh {4}.</translation>
    </message>
    <message>
        <source>You decide this move: confirm or refuse it in the Moves window.</source>
        <translation>Anda yang memutuskan pindah ini: konfirmasi atau tolak di jendela Pindah wilayah.</translation>
    </message>
    <message>
        <source>A reviewer of {0} decides this move.</source>
        <translation>Pindah ini diputuskan oleh peninjau {0}.</translation>
    </message>
    <message>
        <source>This household is not in your wilayah yet: you can look at it, while approving or returning it stays with the reviewer of {0}.</source>
        <translation>Rumah tangga ini belum masuk wilayah Anda: Anda dapat melihatnya, sedangkan menyetujui atau mengembalikannya tetap tugas peninjau {0}.</translation>
    </message>
    <message>
        <source>{0} of member {1}</source>
        <translation>{0} dari ART {1}</translation>
    </message>
    <message>
        <source>Pre-list (base)</source>
        <translation>Pra-daftar (awal)</translation>
    </message>
    <message>
        <source>Keep server value</source>
        <translation>Pakai nilai server</translation>
    </message>
    <message>
        <source>Take client value</source>
        <translation>Ambil nilai petugas</translation>
    </message>
    <message>
        <source>Or enter a value</source>
        <translation>Atau isi nilai</translation>
    </message>
    <message>
        <source>No open conflicts. Check the verifications and photos, then approve or return.</source>
        <translation>Tidak ada konflik terbuka. Periksa verifikasi dan foto, lalu setujui atau kembalikan.</translation>
    </message>
    <message>
        <source>The value the server holds now</source>
        <translation>Nilai yang tersimpan di server saat ini</translation>
    </message>
    <message>
        <source>{0}  (from {1})</source>
        <translation>{0}  (dari {1})</translation>
    </message>
    <message>
        <source>The value the enumerator sent</source>
        <translation>Nilai yang dikirim petugas</translation>
    </message>
    <message>
        <source>The enumerators sent different values: type the right one</source>
        <translation>Para petugas mengirim nilai berbeda: ketik nilai yang benar</translation>
    </message>
    <message>
        <source>type the right value</source>
        <translation>ketik nilai yang benar</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <source>{0} ({1}, {2})</source>
        <translation>{0} ({1}, {2})</translation>
    </message>
    <message>
        <source>Two verifications of this household: {0} answer(s) differ (highlighted).</source>
        <translation>Dua verifikasi untuk rumah tangga ini: {0} jawaban berbeda (ditandai).</translation>
    </message>
    <message>
        <source>One verification.</source>
        <translation>Satu verifikasi.</translation>
    </message>
    <message>
        <source>No verification received yet.</source>
        <translation>Belum ada verifikasi yang diterima.</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Choose a value for at least one conflict first.</source>
        <translation>Pilih nilai untuk minimal satu konflik terlebih dahulu.</translation>
    </message>
    <message>
        <source>This household cannot be approved now.</source>
        <translation>Rumah tangga ini belum dapat disetujui sekarang.</translation>
    </message>
    <message>
        <source>This household cannot be returned now.</source>
        <translation>Rumah tangga ini tidak dapat dikembalikan sekarang.</translation>
    </message>
    <message>
        <source>Write a note for the enumerator first: it says what to fix.</source>
        <translation>Tulis dulu catatan untuk petugas: apa yang harus diperbaiki.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Resolved. The enumerators get the chosen values at their next sync.</source>
        <translation>Selesai. Petugas menerima nilai terpilih pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Disetujui.</translation>
    </message>
    <message>
        <source>Returned to the enumerator with your note.</source>
        <translation>Dikembalikan ke petugas dengan catatan Anda.</translation>
    </message>
    <message>
        <source>Approved. Its DTKS id is {0}.</source>
        <translation>Disetujui. ID DTKS-nya {0}.</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>Household id</source>
        <translation>ID rumah tangga</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Kepala rumah tangga</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Tanda</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Konflik terbuka</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Listed in {0} {1}, but its household id or No KK points into your wilayah: you can read it; the reviewer of where it is listed decides on it.</source>
        <translation>Terdaftar di {0} {1}, tetapi ID rumah tangga atau No KK-nya menunjuk ke wilayah Anda: Anda dapat membacanya; pemeriksa wilayah tempat ia terdaftar yang memutuskan.</translation>
    </message>
</context>
<context>
    <name>ReviewState</name>
    <message>
        <source>Waiting for approval</source>
        <translation>Menunggu persetujuan</translation>
    </message>
    <message>
        <source>In the field</source>
        <translation>Di lapangan</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Perlu diperiksa</translation>
    </message>
    <message>
        <source>Returned to the enumerator</source>
        <translation>Dikembalikan ke petugas</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Submitted up the chain</source>
        <translation>Diajukan ke tingkat atas</translation>
    </message>
    <message>
        <source>Established (penetapan)</source>
        <translation>Ditetapkan (penetapan)</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Verivali: review queue</source>
        <translation>Verivali: antrean pemeriksaan</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Muat ulang (F5)</translation>
    </message>
    <message>
        <source>Open household (Enter)</source>
        <translation>Buka rumah tangga (Enter)</translation>
    </message>
    <message>
        <source>Approve all without flags…</source>
        <translation>Setujui semua tanpa tanda…</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Submissions (pengajuan)…</source>
        <translation>Pengajuan…</translation>
    </message>
    <message>
        <source>Progress…</source>
        <translation>Progres…</translation>
    </message>
    <message>
        <source>Visit integrity map…</source>
        <translation>Peta integritas kunjungan…</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Putaran</translation>
    </message>
    <message>
        <source>All rounds</source>
        <translation>Semua putaran</translation>
    </message>
    <message>
        <source>Search by household id, name or desa…</source>
        <translation>Cari menurut ID rumah tangga, nama, atau desa…</translation>
    </message>
    <message>
        <source>Show households with</source>
        <translation>Tampilkan rumah tangga dengan</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>pemeriksa</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>online</source>
        <translation>daring</translation>
    </message>
    <message>
        <source>Needing review</source>
        <translation>Perlu diperiksa</translation>
    </message>
    <message>
        <source>{0} of {1} households shown</source>
        <translation>{0} dari {1} rumah tangga ditampilkan</translation>
    </message>
    <message>
        <source>Loading the queue…</source>
        <translation>Memuat antrean…</translation>
    </message>
    <message>
        <source>Moves between wilayah</source>
        <translation>Pindah wilayah</translation>
    </message>
    <message>
        <source>Approve all without flags</source>
        <translation>Setujui semua tanpa tanda</translation>
    </message>
    <message>
        <source>Choose a wilayah and a round first.</source>
        <translation>Pilih wilayah dan putaran terlebih dahulu.</translation>
    </message>
    <message>
        <source>Counting the households without flags…</source>
        <translation>Menghitung rumah tangga tanpa tanda…</translation>
    </message>
    <message>
        <source>No household of {0} in round {1} is waiting without flags.</source>
        <translation>Tidak ada rumah tangga di {0} pada putaran {1} yang menunggu tanpa tanda.</translation>
    </message>
    <message>
        <source>Approve {0} households of {1} in round {2} that have a verification and no flags?

Each approval is recorded under your name. Households with flags stay in the queue.</source>
        <translation>Setujui {0} rumah tangga di {1} pada putaran {2} yang sudah diverifikasi dan tanpa tanda?

Setiap persetujuan dicatat atas nama Anda. Rumah tangga bertanda tetap di antrean.</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Menyetujui…</translation>
    </message>
    <message>
        <source>{0} households approved, {1} skipped.</source>
        <translation>{0} rumah tangga disetujui, {1} dilewati.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>CA bundle (optional)</source>
        <translation>Sertifikat CA (opsional)</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Ganti pengguna</translation>
    </message>
    <message>
        <source>Lock this laptop&apos;s data and show the login again</source>
        <translation>Kunci data di laptop ini dan tampilkan layar login lagi</translation>
    </message>
    <message>
        <source>Another user logs in; each user&apos;s data stays their own</source>
        <translation>Pengguna lain masuk; data setiap pengguna tetap miliknya sendiri</translation>
    </message>
    <message>
        <source>Logged in as</source>
        <translation>Masuk sebagai</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Sertifikat CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Sertifikat (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <source>Not visited</source>
        <translation>Belum dikunjungi</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Menunggu dikirim</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>Dalam pemeriksaan</translation>
    </message>
    <message>
        <source>Returned with a note</source>
        <translation>Dikembalikan dengan catatan</translation>
    </message>
</context>
<context>
    <name>SubmissionState</name>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Diajukan</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>Ditetapkan</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Ditarik</translation>
    </message>
</context>
<context>
    <name>Submissions</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Jumlah RT</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>{0} di {1}</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Kembalikan</translation>
    </message>
    <message>
        <source>Household id</source>
        <translation>ID rumah tangga</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Kepala rumah tangga</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Note: what to fix</source>
        <translation>Catatan perbaikan</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
</context>
<context>
    <name>SubmissionsWindow</name>
    <message>
        <source>Verivali: submissions (pengajuan)</source>
        <translation>Verivali: pengajuan</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Muat ulang (F5)</translation>
    </message>
    <message>
        <source>Make a submission…</source>
        <translation>Buat pengajuan…</translation>
    </message>
    <message>
        <source>Progress…</source>
        <translation>Progres…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Waiting for my decision</source>
        <translation>Menunggu keputusan saya</translation>
    </message>
    <message>
        <source>All submissions</source>
        <translation>Semua pengajuan</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Putaran</translation>
    </message>
    <message>
        <source>All rounds</source>
        <translation>Semua putaran</translation>
    </message>
    <message>
        <source>Search by household id, name, desa or address…</source>
        <translation>Cari menurut ID rumah tangga, nama, desa, atau alamat…</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Rumah tangga</translation>
    </message>
    <message>
        <source>Recap by desa</source>
        <translation>Rekap per desa</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Langkah</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Submit with the signed scan…</source>
        <translation>Ajukan dengan pindaian bertanda tangan…</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Teruskan</translation>
    </message>
    <message>
        <source>Return the ticked households</source>
        <translation>Kembalikan rumah tangga yang dicentang</translation>
    </message>
    <message>
        <source>Return all…</source>
        <translation>Kembalikan semua…</translation>
    </message>
    <message>
        <source>Establish</source>
        <translation>Tetapkan</translation>
    </message>
    <message>
        <source>Withdraw the draft</source>
        <translation>Tarik draf</translation>
    </message>
    <message>
        <source>Pengesahan draft (PDF)…</source>
        <translation>Draf pengesahan (PDF)…</translation>
    </message>
    <message>
        <source>Loading the submissions…</source>
        <translation>Memuat pengajuan…</translation>
    </message>
    <message>
        <source>{0} of {1} submissions shown</source>
        <translation>{0} dari {1} pengajuan ditampilkan</translation>
    </message>
    <message>
        <source>Choose a submission on the left.</source>
        <translation>Pilih pengajuan di sebelah kiri.</translation>
    </message>
    <message>
        <source>Submission {0} · {1} · round {2} · {3}</source>
        <translation>Pengajuan {0} · {1} · putaran {2} · {3}</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>Catatan: {0}</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>{0} di {1}</translation>
    </message>
    <message>
        <source>{0} households</source>
        <translation>{0} rumah tangga</translation>
    </message>
    <message>
        <source>{0} returned</source>
        <translation>{0} dikembalikan</translation>
    </message>
    <message>
        <source>split from submission {0}</source>
        <translation>dipisah dari pengajuan {0}</translation>
    </message>
    <message>
        <source>signed scan {0}… by {1}, {2}</source>
        <translation>pindaian bertanda tangan {0}… oleh {1}, {2}</translation>
    </message>
    <message>
        <source>no signed scan yet</source>
        <translation>belum ada pindaian bertanda tangan</translation>
    </message>
    <message>
        <source>Make a submission</source>
        <translation>Buat pengajuan</translation>
    </message>
    <message>
        <source>Round (YYYY-MM):</source>
        <translation>Putaran (TTTT-BB):</translation>
    </message>
    <message>
        <source>Making the submission…</source>
        <translation>Membuat pengajuan…</translation>
    </message>
    <message>
        <source>Submission {0} made with {1} approved households: upload the signed pengesahan and submit it.</source>
        <translation>Pengajuan {0} dibuat dengan {1} rumah tangga yang disetujui: unggah pengesahan yang sudah ditandatangani lalu ajukan.</translation>
    </message>
    <message>
        <source>Choose the signed pengesahan scan</source>
        <translation>Pilih pindaian pengesahan yang sudah ditandatangani</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Pindaian (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Choose a PDF, JPEG or PNG file.</source>
        <translation>Pilih berkas PDF, JPEG, atau PNG.</translation>
    </message>
    <message>
        <source>Uploading the scan and submitting…</source>
        <translation>Mengunggah pindaian dan mengajukan…</translation>
    </message>
    <message>
        <source>Forwarding…</source>
        <translation>Meneruskan…</translation>
    </message>
    <message>
        <source>Establish the {0} households of submission {1} as the data of record? The next round&apos;s pre-list starts from them.</source>
        <translation>Tetapkan {0} rumah tangga pengajuan {1} sebagai data resmi? Daftar awal putaran berikutnya dimulai dari data ini.</translation>
    </message>
    <message>
        <source>Establishing…</source>
        <translation>Menetapkan…</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>Menarik…</translation>
    </message>
    <message>
        <source>Return all</source>
        <translation>Kembalikan semua</translation>
    </message>
    <message>
        <source>What must be fixed? The whole submission goes one level down with this note.</source>
        <translation>Apa yang harus diperbaiki? Seluruh pengajuan turun satu tingkat dengan catatan ini.</translation>
    </message>
    <message>
        <source>Write a note saying what to fix.</source>
        <translation>Tulis catatan tentang apa yang harus diperbaiki.</translation>
    </message>
    <message>
        <source>Returning…</source>
        <translation>Mengembalikan…</translation>
    </message>
    <message>
        <source>Tick the households to return and write in Note what to fix.</source>
        <translation>Centang rumah tangga yang dikembalikan dan tulis di Catatan apa yang harus diperbaiki.</translation>
    </message>
    <message>
        <source>Household {0}: write in Note what to fix.</source>
        <translation>Rumah tangga {0}: tulis di Catatan apa yang harus diperbaiki.</translation>
    </message>
    <message>
        <source>Returning {0} households…</source>
        <translation>Mengembalikan {0} rumah tangga…</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Simpan PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Membuat PDF…</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>Tersimpan: {0}</translation>
    </message>
    <message>
        <source>Submission {0}: {1} at {2}.</source>
        <translation>Pengajuan {0}: {1} di {2}.</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>Verivali: supervisor</source>
        <translation>Verivali: pengawas</translation>
    </message>
    <message>
        <source>Relay bundles</source>
        <translation>Teruskan bundel</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progres</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Muat ulang (F5)</translation>
    </message>
    <message>
        <source>PAPI double entry (Ctrl+Shift+K)</source>
        <translation>Entri ganda PAPI (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Visit integrity (Ctrl+Shift+I)</source>
        <translation>Integritas kunjungan (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>online</source>
        <translation>daring</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>luring</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>pengawas</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>Download households</source>
        <translation>Unduh rumah tangga</translation>
    </message>
    <message>
        <source>Upload photos</source>
        <translation>Unggah foto</translation>
    </message>
    <message>
        <source>Send finished households</source>
        <translation>Kirim rumah tangga yang selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Menghubungi server…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
    <message>
        <source>Downloaded {0} households.</source>
        <translation>{0} rumah tangga diunduh.</translation>
    </message>
    <message>
        <source>Uploaded {0} photos.</source>
        <translation>{0} foto diunggah.</translation>
    </message>
    <message>
        <source>Sent {0} households: {1} accepted, {2} merged, {3} sent to review, {4} refused.</source>
        <translation>{0} rumah tangga dikirim: {1} diterima, {2} digabung, {3} masuk pemeriksaan, {4} ditolak.</translation>
    </message>
    <message>
        <source>… and {0} more.</source>
        <translation>… dan {0} lagi.</translation>
    </message>
    <message>
        <source>Sync cancelled. What was finished is kept; sync again to continue.</source>
        <translation>Sinkronisasi dibatalkan. Yang sudah selesai tetap tersimpan; sinkronkan lagi untuk melanjutkan.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Your work is safe on this laptop; sync again when you have a connection.</source>
        <translation>Server tidak dapat dihubungi. Pekerjaan Anda aman di laptop ini; sinkronkan lagi saat ada sinyal.</translation>
    </message>
    <message>
        <source>Your login has expired. Log in online again, then sync.</source>
        <translation>Sesi masuk Anda sudah habis. Masuk lagi secara daring, lalu sinkronkan.</translation>
    </message>
    <message>
        <source>Sync failed: {0}</source>
        <translation>Sinkronisasi gagal: {0}</translation>
    </message>
</context>
<context>
    <name>SyncLog</name>
    <message>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>Download only</source>
        <translation>Unduh saja</translation>
    </message>
    <message>
        <source>Send only</source>
        <translation>Kirim saja</translation>
    </message>
    <message>
        <source>Bundle written (no network)</source>
        <translation>Berkas bundel dibuat (tanpa jaringan)</translation>
    </message>
    <message>
        <source>Bundle reply imported</source>
        <translation>Balasan bundel dimasukkan</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Done, something refused</source>
        <translation>Selesai, ada yang ditolak</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Digabungkan</translation>
    </message>
    <message>
        <source>Sent to review</source>
        <translation>Dikirim ke pemeriksaan</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Refused: waits for a fix</source>
        <translation>Ditolak: menunggu perbaikan</translation>
    </message>
    <message>
        <source>Cancelled by the user; what was finished before is kept.</source>
        <translation>Dibatalkan oleh pengguna; yang sudah selesai sebelumnya tetap tersimpan.</translation>
    </message>
    <message>
        <source>The server could not be reached (no network, or it is down).</source>
        <translation>Server tidak dapat dihubungi (tidak ada jaringan, atau server mati).</translation>
    </message>
    <message>
        <source>The login had expired: log in online again, then sync.</source>
        <translation>Masa login sudah habis: login daring lagi, lalu sinkronkan.</translation>
    </message>
    <message>
        <source>Your role or wilayah does not allow this.</source>
        <translation>Peran atau wilayah Anda tidak mengizinkan ini.</translation>
    </message>
    <message>
        <source>The bundle was refused whole; nothing of it was applied.</source>
        <translation>Bundel ditolak seluruhnya; tidak ada isinya yang diterapkan.</translation>
    </message>
    <message>
        <source>Stopped by an error: {0}</source>
        <translation>Terhenti karena galat: {0}</translation>
    </message>
</context>
<context>
    <name>SyncLogModel</name>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Households sent</source>
        <translation>Rumah tangga dikirim</translation>
    </message>
    <message>
        <source>Households received</source>
        <translation>Rumah tangga diterima</translation>
    </message>
    <message>
        <source>Data sent / received</source>
        <translation>Data dikirim / diterima</translation>
    </message>
</context>
<context>
    <name>SyncLogWindow</name>
    <message>
        <source>Sync log</source>
        <translation>Riwayat sinkronisasi</translation>
    </message>
    <message>
        <source>Syncs of this laptop</source>
        <translation>Sinkronisasi di laptop ini</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>{0} syncs kept on this laptop.</source>
        <translation>{0} sinkronisasi tersimpan di laptop ini.</translation>
    </message>
    <message>
        <source>No sync yet on this laptop.</source>
        <translation>Belum ada sinkronisasi di laptop ini.</translation>
    </message>
    <message>
        <source>Choose a household on the right to read its result whole.</source>
        <translation>Pilih rumah tangga di kanan untuk membaca hasilnya selengkapnya.</translation>
    </message>
    <message>
        <source>Started {0}, ended {1}</source>
        <translation>Mulai {0}, selesai {1}</translation>
    </message>
    <message>
        <source>User: {0}</source>
        <translation>Pengguna: {0}</translation>
    </message>
    <message>
        <source>Downloaded {0} households ({1} left the assignment).</source>
        <translation>Diunduh {0} rumah tangga ({1} keluar dari penugasan).</translation>
    </message>
    <message>
        <source>Sent {0} households in {1} change-sets, {2} photos.</source>
        <translation>Dikirim {0} rumah tangga dalam {1} set perubahan, {2} foto.</translation>
    </message>
    <message>
        <source>Still waiting to be sent: {0} change-sets.</source>
        <translation>Masih menunggu dikirim: {0} set perubahan.</translation>
    </message>
    <message>
        <source>Data: {0} sent, {1} received.</source>
        <translation>Data: {0} dikirim, {1} diterima.</translation>
    </message>
    <message>
        <source>Also changed on the server: {0}; a reviewer will decide.</source>
        <translation>Juga diubah di server: {0}; pemeriksa akan memutuskan.</translation>
    </message>
    <message>
        <source>Version {0} on the server.</source>
        <translation>Versi {0} di server.</translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <source>the house photo</source>
        <translation>foto rumah</translation>
    </message>
    <message>
        <source>the GPS location</source>
        <translation>lokasi GPS</translation>
    </message>
    <message>
        <source>The server refused it ({0}).</source>
        <translation>Server menolaknya ({0}).</translation>
    </message>
    <message>
        <source>Household {0}: {1}</source>
        <translation>Rumah tangga {0}: {1}</translation>
    </message>
    <message>
        <source>The server does not accept {0}. Open the household, correct it and finalize again.</source>
        <translation>Server tidak menerima {0}. Buka rumah tangga ini, perbaiki, lalu finalisasi lagi.</translation>
    </message>
    <message>
        <source>The server does not accept what was sent. Open the household, check it and finalize again.</source>
        <translation>Server tidak menerima data yang dikirim. Buka rumah tangga ini, periksa, lalu finalisasi lagi.</translation>
    </message>
    <message>
        <source>The server could not read what was sent. Nothing is lost: sync again; if it happens again, tell your supervisor.</source>
        <translation>Server tidak dapat membaca data yang dikirim. Tidak ada yang hilang: sinkronkan lagi; bila terulang, beri tahu pengawas Anda.</translation>
    </message>
    <message>
        <source>What was sent is larger than the server takes. Nothing is lost; tell your supervisor.</source>
        <translation>Data yang dikirim lebih besar dari batas server. Tidak ada yang hilang; beri tahu pengawas Anda.</translation>
    </message>
    <message>
        <source>The server does not have the house photo yet. Sync again to send it.</source>
        <translation>Server belum memiliki foto rumahnya. Sinkronkan lagi untuk mengirimnya.</translation>
    </message>
    <message>
        <source>The server refused the house photo (damaged or not a photo). Take it again, then finalize.</source>
        <translation>Server menolak foto rumah (rusak atau bukan foto). Ambil foto lagi, lalu finalisasi.</translation>
    </message>
    <message>
        <source>The household lies outside your wilayah. Ask your supervisor to check your assignment.</source>
        <translation>Rumah tangga ini di luar wilayah Anda. Minta pengawas memeriksa penugasan Anda.</translation>
    </message>
    <message>
        <source>Your role may not do this. Ask your supervisor or the admin.</source>
        <translation>Peran Anda tidak boleh melakukan ini. Tanyakan kepada pengawas atau admin.</translation>
    </message>
    <message>
        <source>The server does not have this household (it may have left your assignment). Ask your supervisor.</source>
        <translation>Server tidak memiliki rumah tangga ini (mungkin sudah keluar dari penugasan Anda). Tanyakan kepada pengawas.</translation>
    </message>
    <message>
        <source>Your login has expired. Log in online again, then sync.</source>
        <translation>Login Anda sudah kedaluwarsa. Login secara daring lagi, lalu sinkronkan.</translation>
    </message>
    <message>
        <source>The server already holds other content under the same sending number. Your work stays on this laptop; tell the admin.</source>
        <translation>Server sudah menyimpan isi lain dengan nomor kiriman yang sama. Pekerjaan Anda tetap tersimpan di laptop ini; beri tahu admin.</translation>
    </message>
    <message>
        <source>The household changed on the server in the meantime. Sync again.</source>
        <translation>Rumah tangga ini sudah berubah di server sementara itu. Sinkronkan lagi.</translation>
    </message>
    <message>
        <source>The deadline of this step has passed. Ask your supervisor.</source>
        <translation>Batas waktu langkah ini sudah lewat. Tanyakan kepada pengawas.</translation>
    </message>
    <message>
        <source>Too many failed logins: wait a while, then try again.</source>
        <translation>Terlalu banyak login yang gagal: tunggu sebentar, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The bundle file is damaged or changed: nothing of it was applied. Make a new one.</source>
        <translation>Berkas bundel rusak atau diubah: tidak ada isinya yang diterapkan. Buat yang baru.</translation>
    </message>
    <message>
        <source>The bundle file is not signed by the laptop it names: nothing of it was applied.</source>
        <translation>Berkas bundel tidak ditandatangani oleh laptop yang disebutnya: tidak ada isinya yang diterapkan.</translation>
    </message>
    <message>
        <source>The bundle file is for another laptop or server: nothing of it was applied.</source>
        <translation>Berkas bundel ini untuk laptop atau server lain: tidak ada isinya yang diterapkan.</translation>
    </message>
    <message>
        <source>This laptop&apos;s login was revoked by the admin. Log in online again.</source>
        <translation>Login laptop ini dicabut oleh admin. Login secara daring lagi.</translation>
    </message>
    <message>
        <source>The pengesahan scan is not a whole PDF, JPEG or PNG. Scan it again.</source>
        <translation>Pindaian pengesahan bukan PDF, JPEG atau PNG yang utuh. Pindai lagi.</translation>
    </message>
    <message>
        <source>Upload the signed pengesahan scan first, then try again.</source>
        <translation>Unggah dulu pindaian pengesahan yang sudah ditandatangani, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The server does not offer this (it may need an update). Tell the admin.</source>
        <translation>Server tidak menyediakan ini (mungkin perlu diperbarui). Beri tahu admin.</translation>
    </message>
    <message>
        <source>The server cannot do this as asked. Tell your supervisor.</source>
        <translation>Server tidak dapat melakukan ini seperti yang diminta. Beri tahu pengawas Anda.</translation>
    </message>
    <message>
        <source>The record of this visit&apos;s steps (paradata) is larger than the server takes. Nothing is lost; tell your supervisor.</source>
        <translation>Catatan langkah kunjungan ini (paradata) lebih besar dari batas server. Tidak ada yang hilang; beri tahu pengawas Anda.</translation>
    </message>
    <message>
        <source>The server failed (its log has the details). Nothing is lost: sync again later; if it happens again, tell the admin.</source>
        <translation>Server gagal (lognya memuat rinciannya). Tidak ada yang hilang: sinkronkan lagi nanti; bila terulang, beri tahu admin.</translation>
    </message>
    <message>
        <source>Household {0}: {1} was also changed on the server; a reviewer will decide.</source>
        <translation>Rumah tangga {0}: {1} juga diubah di server; pemeriksa akan memutuskan.</translation>
    </message>
    <message>
        <source>Household {0}: a photo on this laptop cannot be read. Take it again.</source>
        <translation>Rumah tangga {0}: sebuah foto di laptop ini tidak dapat dibaca. Ambil foto lagi.</translation>
    </message>
    <message>
        <source>You may not send households (your role or wilayah does not allow it).</source>
        <translation>Anda tidak boleh mengirim rumah tangga (peran atau wilayah Anda tidak mengizinkannya).</translation>
    </message>
    <message>
        <source>Household {0} changed on the server in the meantime (approved under its permanent number, for example). Your work stays on this laptop and is sent again at the next sync.</source>
        <translation>Rumah tangga {0} berubah di server sementara itu (misalnya disetujui dengan nomor tetapnya). Pekerjaan Anda tetap di laptop ini dan dikirim lagi pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>Server tidak dapat dihubungi. Periksa sambungan, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <source>The server {0} did not prove its identity (TLS certificate): check its address and the CA certificate in Settings.</source>
        <translation>Server {0} tidak dapat membuktikan identitasnya (sertifikat TLS): periksa alamatnya dan sertifikat CA di Pengaturan.</translation>
    </message>
    <message>
        <source>The server {0} answered, but its reply broke off. Nothing is lost: what it did not confirm is sent again at the next sync.</source>
        <translation>Server {0} menjawab, tetapi jawabannya terputus. Tidak ada yang hilang: yang belum dikonfirmasi dikirim lagi pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>No connection to {0} (no network, a wrong address, or the server is off).</source>
        <translation>Tidak ada sambungan ke {0} (tidak ada jaringan, alamat salah, atau server mati).</translation>
    </message>
</context>
<context>
    <name>UserModel</name>
    <message>
        <source>Enumerator</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Sinkron terakhir</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Ditugaskan</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>enumerator</source>
        <translation>petugas</translation>
    </message>
    <message>
        <source>data-entry clerk</source>
        <translation>operator entri</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Unknown kode wilayah</source>
        <translation>Kode wilayah tidak dikenal</translation>
    </message>
    <message>
        <source>Listed in the wrong wilayah</source>
        <translation>Terdaftar di wilayah yang salah</translation>
    </message>
    <message>
        <source>Invalid No KK</source>
        <translation>No KK tidak sah</translation>
    </message>
    <message>
        <source>Invalid NIK</source>
        <translation>NIK tidak sah</translation>
    </message>
    <message>
        <source>NIK disagrees</source>
        <translation>Tidak sesuai dengan NIK</translation>
    </message>
    <message>
        <source>Impossible birth date</source>
        <translation>Tanggal lahir mustahil</translation>
    </message>
    <message>
        <source>NIK used twice</source>
        <translation>NIK dipakai dua kali</translation>
    </message>
    <message>
        <source>Mother&apos;s name missing</source>
        <translation>Nama ibu kandung kosong</translation>
    </message>
    <message>
        <source>Implausible age</source>
        <translation>Umur tidak wajar</translation>
    </message>
    <message>
        <source>Implausible relationship</source>
        <translation>Hubungan keluarga tidak wajar</translation>
    </message>
    <message>
        <source>Implausible occupation</source>
        <translation>Pekerjaan tidak wajar</translation>
    </message>
    <message>
        <source>Not exactly one head of household</source>
        <translation>Kepala rumah tangga tidak tepat satu</translation>
    </message>
    <message>
        <source>Anomaly: listed in this desa, but its household id or No KK points to {0}.</source>
        <translation>Anomali: terdaftar di desa ini, tetapi ID rumah tangga atau No KK-nya menunjuk ke {0}.</translation>
    </message>
    <message>
        <source>Anomaly: this NIK is also used by member {0}. Check it against the KTP/KK.</source>
        <translation>Anomali: NIK ini juga dipakai oleh anggota {0}. Periksa dengan KTP/KK.</translation>
    </message>
    <message>
        <source>Anomaly: the kode wilayah is not a desa/kelurahan of Kemendagri.</source>
        <translation>Anomali: kode wilayah bukan desa/kelurahan menurut Kemendagri.</translation>
    </message>
    <message>
        <source>Anomaly: the No KK is not valid (16 digits with a real region and date).</source>
        <translation>Anomali: No KK tidak sah (16 angka dengan kode wilayah dan tanggal yang benar).</translation>
    </message>
    <message>
        <source>Anomaly: the NIK is not valid (16 digits with a real region and birth date).</source>
        <translation>Anomali: NIK tidak sah (16 angka dengan kode wilayah dan tanggal lahir yang benar).</translation>
    </message>
    <message>
        <source>Anomaly: this value disagrees with the NIK (day + 40 for women).</source>
        <translation>Anomali: isian ini tidak sesuai dengan NIK (tanggal + 40 untuk perempuan).</translation>
    </message>
    <message>
        <source>Anomaly: the birth date is not a real date or lies in the future.</source>
        <translation>Anomali: tanggal lahir bukan tanggal yang ada atau di masa depan.</translation>
    </message>
    <message>
        <source>Anomaly: the mother&apos;s name (nama ibu kandung) is missing.</source>
        <translation>Anomali: nama ibu kandung belum diisi.</translation>
    </message>
    <message>
        <source>Anomaly: the age is over 110 years; check the birth date.</source>
        <translation>Anomali: umur lebih dari 110 tahun; periksa tanggal lahir.</translation>
    </message>
    <message>
        <source>Anomaly: the relationship does not fit the ages (e.g. a head of household aged 4).</source>
        <translation>Anomali: hubungan keluarga tidak sesuai dengan umur (mis. kepala rumah tangga berumur 4 tahun).</translation>
    </message>
    <message>
        <source>Anomaly: the occupation does not fit the age (e.g. a civil servant aged 6).</source>
        <translation>Anomali: pekerjaan tidak sesuai dengan umur (mis. PNS berumur 6 tahun).</translation>
    </message>
    <message>
        <source>Anomaly: the members living here must have exactly one head of household.</source>
        <translation>Anomali: anggota yang tinggal di sini harus mempunyai tepat satu kepala rumah tangga.</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <source>PBI-JK verification</source>
        <translation>Verifikasi PBI-JK</translation>
    </message>
    <message>
        <source>Anomaly fix</source>
        <translation>Perbaikan anomali</translation>
    </message>
    <message>
        <source>Sanggahan (objection)</source>
        <translation>Sanggahan</translation>
    </message>
    <message>
        <source>Usul warga (citizen&apos;s proposal)</source>
        <translation>Usul warga</translation>
    </message>
    <message>
        <source>Usulan Kemensos</source>
        <translation>Usulan Kemensos</translation>
    </message>
    <message>
        <source>BNBA verification</source>
        <translation>Verifikasi BNBA</translation>
    </message>
    <message>
        <source>Proposals (usulan)</source>
        <translation>Usulan</translation>
    </message>
    <message>
        <source>Pengesahan</source>
        <translation>Pengesahan</translation>
    </message>
    <message>
        <source>Move refused</source>
        <translation>Pindah wilayah ditolak</translation>
    </message>
    <message>
        <source>The move to {0} was refused by {1} on {2}. The family stays listed in {3}.</source>
        <translation>Pindah ke {0} ditolak oleh {1} pada {2}. Keluarga tetap terdaftar di {3}.</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <translation>Alasan: {0}</translation>
    </message>
</context>
</TS>
