<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
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
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n masalah</numerusform>
        </translation>
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
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nilai baru</translation>
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
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>removed: {0}</source>
        <translation>dikeluarkan: {0}</translation>
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
        <source>Please wait…</source>
        <translation>Mohon tunggu…</translation>
    </message>
    <message>
        <source>Wrong password. Nothing was changed; try again.</source>
        <translation>Kata sandi salah. Tidak ada yang berubah; coba lagi.</translation>
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
        <source>Settings</source>
        <translation>Pengaturan</translation>
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
        <source>All households</source>
        <translation>Semua rumah tangga</translation>
    </message>
    <message>
        <source>{0} of {1} households shown</source>
        <translation>{0} dari {1} rumah tangga ditampilkan</translation>
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
</TS>
