<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AccountButton</name>
    <message>
        <source>Account: {0}</source>
        <translation>Account: {0}</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>Logged in as {0}</source>
        <translation>Logged in as {0}</translation>
    </message>
</context>
<context>
    <name>BundleModel</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Enumerator</source>
        <translation>Enumerator</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>Established</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>DesaMap</name>
    <message>
        <source>No GPS points</source>
        <translation>No GPS points</translation>
    </message>
    <message>
        <source>{0} households · {1} with integrity signs</source>
        <translation>{0} households · {1} with integrity signs</translation>
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
        <translation>Export a bundle for the supervisor</translation>
    </message>
    <message>
        <source>Note what this laptop holds</source>
        <translation>Note what this laptop holds</translation>
    </message>
    <message>
        <source>Pack photos</source>
        <translation>Pack photos</translation>
    </message>
    <message>
        <source>Pack finished households</source>
        <translation>Pack finished households</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Writing the bundle…</translation>
    </message>
    <message>
        <source>Bundle written to {0}: {1} households, {2} photos. Take it to the supervisor; the households stay waiting until you import the reply.</source>
        <translation>Bundle written to {0}: {1} households, {2} photos. Take it to the supervisor; the households stay waiting until you import the reply.</translation>
    </message>
    <message>
        <source>Cancelled: no bundle was written.</source>
        <translation>Cancelled: no bundle was written.</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Results as CSV…</source>
        <translation>Results as CSV…</translation>
    </message>
    <message>
        <source>Results as Excel (XLSX)…</source>
        <translation>Results as Excel (XLSX)…</translation>
    </message>
    <message>
        <source>BNBA list (PDF)…</source>
        <translation>BNBA list (PDF)…</translation>
    </message>
    <message>
        <source>Pengesahan letter draft (PDF)…</source>
        <translation>Pengesahan letter draft (PDF)…</translation>
    </message>
    <message>
        <source>Upload the signed pengesahan scan…</source>
        <translation>Upload the signed pengesahan scan…</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Round (YYYY-MM):</source>
        <translation>Round (YYYY-MM):</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the results</source>
        <translation>Save the results</translation>
    </message>
    <message>
        <source>Downloading the results…</source>
        <translation>Downloading the results…</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Save the PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>Choose the signed pengesahan scan</source>
        <translation>Choose the signed pengesahan scan</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Choose a PDF, JPEG or PNG file.</source>
        <translation>Choose a PDF, JPEG or PNG file.</translation>
    </message>
    <message>
        <source>Uploading the scan…</source>
        <translation>Uploading the scan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Downloaded {0} kB</source>
        <translation>Downloaded {0} kB</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>This version of Verivali cannot make PDF documents yet ({0}).</source>
        <translation>This version of Verivali cannot make PDF documents yet ({0}).</translation>
    </message>
    <message>
        <source>The signed scan is kept with the round ({0} document(s) for this wilayah).</source>
        <translation>The signed scan is kept with the round ({0} document(s) for this wilayah).</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Saved to:
{0}</source>
        <translation>Saved to:
{0}</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>Flag</name>
    <message>
        <source>Hard conflict</source>
        <translation>Hard conflict</translation>
    </message>
    <message>
        <source>Soft conflict</source>
        <translation>Soft conflict</translation>
    </message>
    <message>
        <source>Duplicate verification</source>
        <translation>Duplicate verification</translation>
    </message>
    <message>
        <source>Validation warning</source>
        <translation>Validation warning</translation>
    </message>
    <message>
        <source>Eligibility changed</source>
        <translation>Eligibility changed</translation>
    </message>
    <message>
        <source>New household proposal</source>
        <translation>New household proposal</translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation>Member removed</translation>
    </message>
    <message>
        <source>Fixed and sent again</source>
        <translation>Fixed and sent again</translation>
    </message>
    <message>
        <source>Returned by a level above</source>
        <translation>Returned by a level above</translation>
    </message>
    <message>
        <source>Move to another wilayah waiting</source>
        <translation>Move to another wilayah waiting</translation>
    </message>
    <message>
        <source>Arrived late</source>
        <translation>Arrived late</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomaly</translation>
    </message>
    <message>
        <source>PAPI entries differ</source>
        <translation>PAPI entries differ</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>Visit integrity</source>
        <translation>Visit integrity</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove %1 and its answers?</source>
        <translation>Remove %1 and its answers?</translation>
    </message>
    <message>
        <source>Not a real date: type day-month-year, e.g. 17-08-1980.</source>
        <translation>Not a real date: type day-month-year, e.g. 17-08-1980.</translation>
    </message>
    <message>
        <source>Enter: next question
Ctrl+PgDn / Ctrl+PgUp: next / previous section
F8: next problem
Ctrl+Shift+A: add member
Ctrl+Shift+P: import photo
Type a choice's code to pick it; Delete clears it</source>
        <translation>Enter: next question
Ctrl+PgDn / Ctrl+PgUp: next / previous section
F8: next problem
Ctrl+Shift+A: add member
Ctrl+Shift+P: import photo
Type a choice's code to pick it; Delete clears it</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Add an entry</source>
        <translation>Add an entry</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>%n problem(s)</source>
        <translation>%n problem(s)</translation>
    </message>
    <message>
        <source>Not complete yet</source>
        <translation>Not complete yet</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <source>Not a whole number: “%1”. Type digits only, e.g. 45.</source>
        <translation>Not a whole number: “%1”. Type digits only, e.g. 45.</translation>
    </message>
    <message>
        <source>Not a number: “%1”. Type digits, with a comma or a point before the decimals, e.g. 45,5.</source>
        <translation>Not a number: “%1”. Type digits, with a comma or a point before the decimals, e.g. 45,5.</translation>
    </message>
    <message>
        <source>day-month-year</source>
        <translation>day-month-year</translation>
    </message>
    <message>
        <source>Choose, or type the code</source>
        <translation>Choose, or type the code</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Accuracy (m)</source>
        <translation>Accuracy (m)</translation>
    </message>
    <message>
        <source>Use the photo's GPS</source>
        <translation>Use the photo's GPS</translation>
    </message>
    <message>
        <source>Taken from the photo's GPS (EXIF).</source>
        <translation>Taken from the photo's GPS (EXIF).</translation>
    </message>
    <message>
        <source>Typed in by hand.</source>
        <translation>Typed in by hand.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 is empty.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number.</source>
        <translation>%1: “%2” is not a number.</translation>
    </message>
    <message>
        <source>%1 must lie between -%2 and %2.</source>
        <translation>%1 must lie between -%2 and %2.</translation>
    </message>
    <message>
        <source>Type one number in each box: latitude e.g. -6,98765, longitude e.g. 107,62912; the accuracy in metres may stay empty.</source>
        <translation>Type one number in each box: latitude e.g. -6,98765, longitude e.g. 107,62912; the accuracy in metres may stay empty.</translation>
    </message>
    <message>
        <source>Import photo…</source>
        <translation>Import photo…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>No photo yet</source>
        <translation>No photo yet</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Photo %1</translation>
    </message>
    <message>
        <source>GPS: %1</source>
        <translation>GPS: %1</translation>
    </message>
    <message>
        <source>The photo has no GPS: type the point in by hand.</source>
        <translation>The photo has no GPS: type the point in by hand.</translation>
    </message>
    <message>
        <source>Photo attached</source>
        <translation>Photo attached</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Verification finalized</source>
        <translation>Verification finalized</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <source>member {0}</source>
        <translation>member {0}</translation>
    </message>
    <message>
        <source>photo {0}</source>
        <translation>photo {0}</translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation>Photo added</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Member added</translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation>Member removed</translation>
    </message>
    <message>
        <source>Member restored</source>
        <translation>Member restored</translation>
    </message>
    <message>
        <source>New household proposed</source>
        <translation>New household proposed</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Household {0}</source>
        <translation>Household {0}</translation>
    </message>
    <message>
        <source>Verivali form</source>
        <translation>Verivali form</translation>
    </message>
    <message>
        <source>Pre-list data and changes</source>
        <translation>Pre-list data and changes</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Save draft (Ctrl+S)</source>
        <translation>Save draft (Ctrl+S)</translation>
    </message>
    <message>
        <source>Finalize (Ctrl+Enter)</source>
        <translation>Finalize (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>proposal, DTKS id given on approval</source>
        <translation>proposal, DTKS id given on approval</translation>
    </message>
    <message>
        <source>Note from the reviewer: {0}</source>
        <translation>Note from the reviewer: {0}</translation>
    </message>
    <message>
        <source>The server refused the last sync: {0}</source>
        <translation>The server refused the last sync: {0}</translation>
    </message>
    <message>
        <source>Task: {0}: {1}</source>
        <translation>Task: {0}: {1}</translation>
    </message>
    <message>
        <source>Task: {0} {1}{2}</source>
        <translation>Task: {0} {1}{2}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Not finalized: {0} problem(s). First: {1}: {2}</source>
        <translation>Not finalized: {0} problem(s). First: {1}: {2}</translation>
    </message>
    <message>
        <source>Finalized; it will be sent at the next sync.</source>
        <translation>Finalized; it will be sent at the next sync.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <source>Not saved: a newer version exists</source>
        <translation>Not saved: a newer version exists</translation>
    </message>
    <message>
        <source>Household {0} was saved again after this window opened (in another window or by a sync). To keep that newer work, the changes made here were not saved.

The window now shows the saved version; make your changes again if needed.</source>
        <translation>Household {0} was saved again after this window opened (in another window or by a sync). To keep that newer work, the changes made here were not saved.

The window now shows the saved version; make your changes again if needed.</translation>
    </message>
    <message>
        <source>Reloaded: this is the saved version.</source>
        <translation>Reloaded: this is the saved version.</translation>
    </message>
    <message>
        <source>This point is outside Indonesia. Check the signs: most of Indonesia is south of the equator (latitude below 0).</source>
        <translation>This point is outside Indonesia. Check the signs: most of Indonesia is south of the equator (latitude below 0).</translation>
    </message>
    <message>
        <source>This point is {0:.1f} km from the other houses of this desa. Check it.</source>
        <translation>This point is {0:.1f} km from the other houses of this desa. Check it.</translation>
    </message>
    <message>
        <source>Choose the house photo</source>
        <translation>Choose the house photo</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Processing the photo…</source>
        <translation>Processing the photo…</translation>
    </message>
    <message>
        <source>Photo not added</source>
        <translation>Photo not added</translation>
    </message>
</context>
<context>
    <name>HouseholdList</name>
    <message>
        <source>Household id</source>
        <translation>Household id</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
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
        <translation>State</translation>
    </message>
    <message>
        <source>{0} anomaly(ies) to fix</source>
        <translation>{0} anomaly(ies) to fix</translation>
    </message>
</context>
<context>
    <name>HouseholdOutcomeModel</name>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>ImportReplyDialog</name>
    <message>
        <source>Import the reply from the supervisor</source>
        <translation>Import the reply from the supervisor</translation>
    </message>
    <message>
        <source>Apply downloaded households</source>
        <translation>Apply downloaded households</translation>
    </message>
    <message>
        <source>Photos the server received</source>
        <translation>Photos the server received</translation>
    </message>
    <message>
        <source>Apply the server's answers</source>
        <translation>Apply the server's answers</translation>
    </message>
    <message>
        <source>Reading the reply…</source>
        <translation>Reading the reply…</translation>
    </message>
</context>
<context>
    <name>Integrity</name>
    <message>
        <source>Interview too short</source>
        <translation>Interview too short</translation>
    </message>
    <message>
        <source>Photo taken long before or after the visit</source>
        <translation>Photo taken long before or after the visit</translation>
    </message>
    <message>
        <source>Same photo as another household</source>
        <translation>Same photo as another household</translation>
    </message>
    <message>
        <source>GPS point shared by many households</source>
        <translation>GPS point shared by many households</translation>
    </message>
    <message>
        <source>Travel faster than possible</source>
        <translation>Travel faster than possible</translation>
    </message>
    <message>
        <source>Far from the desa</source>
        <translation>Far from the desa</translation>
    </message>
    <message>
        <source>Many finalized in one sitting</source>
        <translation>Many finalized in one sitting</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Answer changed</source>
        <translation>Answer changed</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Photo taken</source>
        <translation>Photo taken</translation>
    </message>
    <message>
        <source>GPS taken</source>
        <translation>GPS taken</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Finalized</translation>
    </message>
</context>
<context>
    <name>IntegrityDialog</name>
    <message>
        <source>Visit integrity: household {0}</source>
        <translation>Visit integrity: household {0}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IntegrityPanel</name>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Since start</source>
        <translation>Since start</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Other households named by the signs</source>
        <translation>Other households named by the signs</translation>
    </message>
    <message>
        <source>Interview timeline (paradata)</source>
        <translation>Interview timeline (paradata)</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>Recompute</translation>
    </message>
    <message>
        <source>Run the integrity indicators again for this desa</source>
        <translation>Run the integrity indicators again for this desa</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Open household {0}</source>
        <translation>Open household {0}</translation>
    </message>
    <message>
        <source>No sign of a visit that did not happen in the field.</source>
        <translation>No sign of a visit that did not happen in the field.</translation>
    </message>
    <message>
        <source>{0} sign(s) that the visit may not have happened in the field; they inform, they do not block approval.</source>
        <translation>{0} sign(s) that the visit may not have happened in the field; they inform, they do not block approval.</translation>
    </message>
    <message>
        <source>Enumerator {0}; interview {1} (at least {2} expected for {3} members).</source>
        <translation>Enumerator {0}; interview {1} (at least {2} expected for {3} members).</translation>
    </message>
    <message>
        <source>{0} s; {1} members and {2} answers need at least {3} s</source>
        <translation>{0} s; {1} members and {2} answers need at least {3} s</translation>
    </message>
    <message>
        <source>photo taken {0}; visit {1} to {2}</source>
        <translation>photo taken {0}; visit {1} to {2}</translation>
    </message>
    <message>
        <source>the same file</source>
        <translation>the same file</translation>
    </message>
    <message>
        <source>a resized or re-saved copy (dHash {0}, aHash {1} bits apart)</source>
        <translation>a resized or re-saved copy (dHash {0}, aHash {1} bits apart)</translation>
    </message>
    <message>
        <source>{0} of the photo of household {1}</source>
        <translation>{0} of the photo of household {1}</translation>
    </message>
    <message>
        <source>{0} other households within {1} m ({2} identical)</source>
        <translation>{0} other households within {1} m ({2} identical)</translation>
    </message>
    <message>
        <source>{0} from household {1} in {2} s ({3} km/h)</source>
        <translation>{0} from household {1} in {2} s ({3} km/h)</translation>
    </message>
    <message>
        <source>{0} from the centre of the desa (limit {1})</source>
        <translation>{0} from the centre of the desa (limit {1})</translation>
    </message>
    <message>
        <source>{0} households finalized within {1} s at one place</source>
        <translation>{0} households finalized within {1} s at one place</translation>
    </message>
</context>
<context>
    <name>IntegrityWindow</name>
    <message>
        <source>Verivali: visit integrity</source>
        <translation>Verivali: visit integrity</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Enumerators: households with integrity signs</source>
        <translation>Enumerators: households with integrity signs</translation>
    </message>
    <message>
        <source>Enumerator</source>
        <translation>Enumerator</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>With signs</source>
        <translation>With signs</translation>
    </message>
    <message>
        <source>Signs</source>
        <translation>Signs</translation>
    </message>
    <message>
        <source>No desa in your scope.</source>
        <translation>No desa in your scope.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Click a point to open its household.</source>
        <translation>Click a point to open its household.</translation>
    </message>
</context>
<context>
    <name>LanRelayBar</name>
    <message>
        <source>Stop taking bundles from the LAN</source>
        <translation>Stop taking bundles from the LAN</translation>
    </message>
    <message>
        <source>Take bundles from laptops on the LAN</source>
        <translation>Take bundles from laptops on the LAN</translation>
    </message>
    <message>
        <source>Address and port to listen on</source>
        <translation>Address and port to listen on</translation>
    </message>
    <message>
        <source>Off: laptops cannot send to this computer.</source>
        <translation>Off: laptops cannot send to this computer.</translation>
    </message>
    <message>
        <source>Laptops send with: capi lan-sync --relay %1</source>
        <translation>Laptops send with: capi lan-sync --relay %1</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Cannot listen on %1: %2</translation>
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
        <translation>National</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Verivali: log in</source>
        <translation>Verivali: log in</translation>
    </message>
    <message>
        <source>Verification and validation of DTKS households</source>
        <translation>Verification and validation of DTKS households</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Previous password</source>
        <translation>Previous password</translation>
    </message>
    <message>
        <source>Work offline with the data on this laptop</source>
        <translation>Work offline with the data on this laptop</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Enter the server address and your user name.</source>
        <translation>Enter the server address and your user name.</translation>
    </message>
    <message>
        <source>Enter your previous password.</source>
        <translation>Enter your previous password.</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <source>The previous password is wrong too. Nothing was changed.</source>
        <translation>The previous password is wrong too. Nothing was changed.</translation>
    </message>
    <message>
        <source>Wrong password. Nothing was changed; try again.</source>
        <translation>Wrong password. Nothing was changed; try again.</translation>
    </message>
    <message>
        <source>The server accepted this password, but the data on this laptop is still locked with your previous password. Enter the previous password once: the data moves to the new one.</source>
        <translation>The server accepted this password, but the data on this laptop is still locked with your previous password. Enter the previous password once: the data moves to the new one.</translation>
    </message>
    <message>
        <source>This laptop has no data for {0} yet: the first login needs the server.</source>
        <translation>This laptop has no data for {0} yet: the first login needs the server.</translation>
    </message>
    <message>
        <source>The server did not accept this user name and password.</source>
        <translation>The server did not accept this user name and password.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait a minute and try again.</source>
        <translation>Too many failed attempts. Wait a minute and try again.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>The server cannot be reached.</translation>
    </message>
    <message>
        <source>You can work offline with the data on this laptop.</source>
        <translation>You can work offline with the data on this laptop.</translation>
    </message>
    <message>
        <source>The server answered: {0}</source>
        <translation>The server answered: {0}</translation>
    </message>
    <message>
        <source>Login failed: {0}</source>
        <translation>Login failed: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Verivali: households</source>
        <translation>Verivali: households</translation>
    </message>
    <message>
        <source>Sync (F5)</source>
        <translation>Sync (F5)</translation>
    </message>
    <message>
        <source>Sync log (Ctrl+L)</source>
        <translation>Sync log (Ctrl+L)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>Export bundle…</translation>
    </message>
    <message>
        <source>Without a network: write the finished work to a file for the supervisor</source>
        <translation>Without a network: write the finished work to a file for the supervisor</translation>
    </message>
    <message>
        <source>Import reply…</source>
        <translation>Import reply…</translation>
    </message>
    <message>
        <source>New household (Ctrl+N)</source>
        <translation>New household (Ctrl+N)</translation>
    </message>
    <message>
        <source>PAPI double entry (Ctrl+Shift+K)</source>
        <translation>PAPI double entry (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Search by name, NIK, No KK or address… (type part of a name)</source>
        <translation>Search by name, NIK, No KK or address… (type part of a name)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>enumerator</source>
        <translation>enumerator</translation>
    </message>
    <message>
        <source>data-entry clerk</source>
        <translation>data-entry clerk</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>reviewer</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>Round {0}:</source>
        <translation>Round {0}:</translation>
    </message>
    <message>
        <source>{0} opens {1}</source>
        <translation>{0} opens {1}</translation>
    </message>
    <message>
        <source>{0} closed {1}</source>
        <translation>{0} closed {1}</translation>
    </message>
    <message>
        <source>{0}: last day today (until 24:00 {1})</source>
        <translation>{0}: last day today (until 24:00 {1})</translation>
    </message>
    <message>
        <source>{0}: {1} days left (until {2} {3})</source>
        <translation>{0}: {1} days left (until {2} {3})</translation>
    </message>
    <message>
        <source>All households</source>
        <translation>All households</translation>
    </message>
    <message>
        <source>Worklist: anomalies</source>
        <translation>Worklist: anomalies</translation>
    </message>
    <message>
        <source>{0} of {1} households shown</source>
        <translation>{0} of {1} households shown</translation>
    </message>
    <message>
        <source>Export a bundle for the supervisor</source>
        <translation>Export a bundle for the supervisor</translation>
    </message>
    <message>
        <source>Bundles (*.vvb)</source>
        <translation>Bundles (*.vvb)</translation>
    </message>
    <message>
        <source>Import the reply from the supervisor</source>
        <translation>Import the reply from the supervisor</translation>
    </message>
    <message>
        <source>Replies (*.reply.vvb)</source>
        <translation>Replies (*.reply.vvb)</translation>
    </message>
</context>
<context>
    <name>Moves</name>
    <message>
        <source>Household id</source>
        <translation>Household id</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>Proposed at</source>
        <translation>Proposed at</translation>
    </message>
    <message>
        <source>Who decides</source>
        <translation>Who decides</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Reviewer of {0}</source>
        <translation>Reviewer of {0}</translation>
    </message>
</context>
<context>
    <name>MovesWindow</name>
    <message>
        <source>Verivali: moves between wilayah</source>
        <translation>Verivali: moves between wilayah</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Open household (Enter)</source>
        <translation>Open household (Enter)</translation>
    </message>
    <message>
        <source>A household whose wilayah an enumerator changed to one outside their own, or to another kabupaten/kota, moves only when a reviewer of the new wilayah confirms it. Until then it stays where it is.</source>
        <translation>A household whose wilayah an enumerator changed to one outside their own, or to another kabupaten/kota, moves only when a reviewer of the new wilayah confirms it. Until then it stays where it is.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Waiting for my decision</source>
        <translation>Waiting for my decision</translation>
    </message>
    <message>
        <source>All waiting moves, in and out</source>
        <translation>All waiting moves, in and out</translation>
    </message>
    <message>
        <source>Search by household id, name or wilayah…</source>
        <translation>Search by household id, name or wilayah…</translation>
    </message>
    <message>
        <source>Note on the decision:</source>
        <translation>Note on the decision:</translation>
    </message>
    <message>
        <source>Required to refuse: say why the move is refused</source>
        <translation>Required to refuse: say why the move is refused</translation>
    </message>
    <message>
        <source>Open household</source>
        <translation>Open household</translation>
    </message>
    <message>
        <source>Refuse move</source>
        <translation>Refuse move</translation>
    </message>
    <message>
        <source>Confirm move</source>
        <translation>Confirm move</translation>
    </message>
    <message>
        <source>Loading the moves…</source>
        <translation>Loading the moves…</translation>
    </message>
    <message>
        <source>No move waits for your decision; {0} wait elsewhere.</source>
        <translation>No move waits for your decision; {0} wait elsewhere.</translation>
    </message>
    <message>
        <source>Move household {0} ({1}) from {2} {3} to {4} {5}?

It leaves the enumerators of {2} and comes to your wilayah. Your name is recorded with the decision.</source>
        <translation>Move household {0} ({1}) from {2} {3} to {4} {5}?

It leaves the enumerators of {2} and comes to your wilayah. Your name is recorded with the decision.</translation>
    </message>
    <message>
        <source>Write a note first: it says why the move is refused.</source>
        <translation>Write a note first: it says why the move is refused.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Move confirmed: household {0} is now in {1}.</source>
        <translation>Move confirmed: household {0} is now in {1}.</translation>
    </message>
    <message>
        <source>Move refused: household {0} stays in {1}.</source>
        <translation>Move refused: household {0} stays in {1}.</translation>
    </message>
</context>
<context>
    <name>NewHouseholdDialog</name>
    <message>
        <source>New household (usulan baru)</source>
        <translation>New household (usulan baru)</translation>
    </message>
    <message>
        <source>A household found in the field that is not on the pre-list. It is sent as a proposal; the Dinas Sosial gives it a DTKS id when it approves it.</source>
        <translation>A household found in the field that is not on the pre-list. It is sent as a proposal; the Dinas Sosial gives it a DTKS id when it approves it.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
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
        <translation>Head of household</translation>
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
        <translation>Create and open</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Type 3 digits, e.g. 002.</source>
        <translation>Type 3 digits, e.g. 002.</translation>
    </message>
    <message>
        <source>Not valid: {0}</source>
        <translation>Not valid: {0}</translation>
    </message>
</context>
<context>
    <name>PapiEntryWindow</name>
    <message>
        <source>PAPI entry</source>
        <translation>PAPI entry</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Questionnaire no.</source>
        <translation>Questionnaire no.</translation>
    </message>
    <message>
        <source>Household (id or pre-list no.)</source>
        <translation>Household (id or pre-list no.)</translation>
    </message>
    <message>
        <source>First entry</source>
        <translation>First entry</translation>
    </message>
    <message>
        <source>Second entry (independent)</source>
        <translation>Second entry (independent)</translation>
    </message>
    <message>
        <source>Dependent verification</source>
        <translation>Dependent verification</translation>
    </message>
    <message>
        <source>Next questionnaire (Enter or F2)</source>
        <translation>Next questionnaire (Enter or F2)</translation>
    </message>
    <message>
        <source>Type the batch id, Enter, then the mode (1, 2 or 3) and Enter.</source>
        <translation>Type the batch id, Enter, then the mode (1, 2 or 3) and Enter.</translation>
    </message>
    <message>
        <source>Type the batch id first.</source>
        <translation>Type the batch id first.</translation>
    </message>
    <message>
        <source>Fetching the first entries from the server…</source>
        <translation>Fetching the first entries from the server…</translation>
    </message>
    <message numerus="yes">
        <source>%n questionnaire(s) to verify in this batch.</source>
        <translation><numerusform>%n questionnaire(s) to verify in this batch.</numerusform><numerusform>%n questionnaire(s) to verify in this batch.</numerusform></translation>
    </message>
    <message>
        <source>Batch %1 open: type the questionnaire number.</source>
        <translation>Batch %1 open: type the questionnaire number.</translation>
    </message>
    <message>
        <source>The first entries could not be fetched: %1</source>
        <translation>The first entries could not be fetched: %1</translation>
    </message>
    <message>
        <source>Open a batch first.</source>
        <translation>Open a batch first.</translation>
    </message>
    <message>
        <source>Type the questionnaire number written on the paper.</source>
        <translation>Type the questionnaire number written on the paper.</translation>
    </message>
    <message>
        <source>No household with id or pre-list number %1 in this batch.</source>
        <translation>No household with id or pre-list number %1 in this batch.</translation>
    </message>
    <message>
        <source>Keying household %1: Enter after each value.</source>
        <translation>Keying household %1: Enter after each value.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Questionnaire %1 saved. Enter: next questionnaire.</source>
        <translation>Questionnaire %1 saved. Enter: next questionnaire.</translation>
    </message>
    <message>
        <source>Type the questionnaire number.</source>
        <translation>Type the questionnaire number.</translation>
    </message>
    <message>
        <source>Differs from the first entry: key it again from the paper.</source>
        <translation>Differs from the first entry: key it again from the paper.</translation>
    </message>
    <message>
        <source>Which value does the paper hold? 1: %1 (first entry) · 2: %2 (yours)</source>
        <translation>Which value does the paper hold? 1: %1 (first entry) · 2: %2 (yours)</translation>
    </message>
    <message>
        <source>No batch open</source>
        <translation>No batch open</translation>
    </message>
    <message>
        <source>Batch %1: %2 keyed · %3 in the last hour</source>
        <translation>Batch %1: %2 keyed · %3 in the last hour</translation>
    </message>
</context>
<context>
    <name>PapiSupervisorWindow</name>
    <message>
        <source>PAPI: double entry and keyer errors</source>
        <translation>PAPI: double entry and keyer errors</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>Keyer error rates</source>
        <translation>Keyer error rates</translation>
    </message>
    <message>
        <source>Look at the paper: press 1 if entry 1 is right, 2 if entry 2 is right, or type the paper's value in the last column; Ctrl+S saves the choices.</source>
        <translation>Look at the paper: press 1 if entry 1 is right, 2 if entry 2 is right, or type the paper's value in the last column; Ctrl+S saves the choices.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Entry 1</source>
        <translation>Entry 1</translation>
    </message>
    <message>
        <source>Entry 2</source>
        <translation>Entry 2</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Paper's value</source>
        <translation>Paper's value</translation>
    </message>
    <message>
        <source>Save choices (Ctrl+S)</source>
        <translation>Save choices (Ctrl+S)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Keyer</source>
        <translation>Keyer</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Per keyer</source>
        <translation>Per keyer</translation>
    </message>
    <message>
        <source>Per question</source>
        <translation>Per question</translation>
    </message>
    <message>
        <source>Per batch</source>
        <translation>Per batch</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Questionnaires</translation>
    </message>
    <message>
        <source>Fields keyed</source>
        <translation>Fields keyed</translation>
    </message>
    <message>
        <source>Fields verified</source>
        <translation>Fields verified</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Error rate</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>%1 difference(s) wait for adjudication.</source>
        <translation>%1 difference(s) wait for adjudication.</translation>
    </message>
    <message>
        <source>The server could not be asked: %1</source>
        <translation>The server could not be asked: %1</translation>
    </message>
    <message>
        <source>%1 · member %2</source>
        <translation>%1 · member %2</translation>
    </message>
    <message>
        <source>Choose 1, 2 or type a value for a difference first.</source>
        <translation>Choose 1, 2 or type a value for a difference first.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Export keyer error rates</source>
        <translation>Export keyer error rates</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>PhotosPanel</name>
    <message>
        <source>No photo was sent with the verifications.</source>
        <translation>No photo was sent with the verifications.</translation>
    </message>
    <message>
        <source>Pre-list location: {0}</source>
        <translation>Pre-list location: {0}</translation>
    </message>
    <message>
        <source>Pre-list location: none in the pre-list</source>
        <translation>Pre-list location: none in the pre-list</translation>
    </message>
    <message>
        <source>no GPS</source>
        <translation>no GPS</translation>
    </message>
    <message>
        <source>GPS of {0}'s verification: {1}</source>
        <translation>GPS of {0}'s verification: {1}</translation>
    </message>
    <message>
        <source>Loading the photo…</source>
        <translation>Loading the photo…</translation>
    </message>
    <message>
        <source>Taken by {0}</source>
        <translation>Taken by {0}</translation>
    </message>
    <message>
        <source>GPS: {0}</source>
        <translation>GPS: {0}</translation>
    </message>
    <message>
        <source>No GPS with this photo.</source>
        <translation>No GPS with this photo.</translation>
    </message>
    <message>
        <source>{0} from the pre-list location</source>
        <translation>{0} from the pre-list location</translation>
    </message>
    <message>
        <source>{0} from the other verification's point</source>
        <translation>{0} from the other verification's point</translation>
    </message>
    <message>
        <source>The photo could not be loaded:
{0}</source>
        <translation>The photo could not be loaded:
{0}</translation>
    </message>
</context>
<context>
    <name>Prelist</name>
    <message>
        <source>Household id</source>
        <translation>Household id</translation>
    </message>
    <message>
        <source>No KK (family card number)</source>
        <translation>No KK (family card number)</translation>
    </message>
    <message>
        <source>Kode wilayah</source>
        <translation>Kode wilayah</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>Number of members</source>
        <translation>Number of members</translation>
    </message>
    <message>
        <source>Welfare decile (desil)</source>
        <translation>Welfare decile (desil)</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Place of birth</translation>
    </message>
</context>
<context>
    <name>PrelistTab</name>
    <message>
        <source>Household data (changed values are marked ✎)</source>
        <translation>Household data (changed values are marked ✎)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Pre-list value</source>
        <translation>Pre-list value</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>removed: {0}</source>
        <translation>removed: {0}</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Open anomalies</source>
        <translation>Open anomalies</translation>
    </message>
    <message>
        <source>Requests pending</source>
        <translation>Requests pending</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>All rounds</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <source>Highlight not synced for (days)</source>
        <translation>Highlight not synced for (days)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Counts per desa</source>
        <translation>Counts per desa</translation>
    </message>
    <message>
        <source>Field users: last sync and device</source>
        <translation>Field users: last sync and device</translation>
    </message>
    <message>
        <source>Chart per desa (bars against the households)</source>
        <translation>Chart per desa (bars against the households)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>No desa to show yet.</source>
        <translation>No desa to show yet.</translation>
    </message>
    <message>
        <source>No desa in this wilayah.</source>
        <translation>No desa in this wilayah.</translation>
    </message>
    <message>
        <source>%1 desa: %2 households, %3 visited, %4 finalized, %5 synced, %6 approved.</source>
        <translation>%1 desa: %2 households, %3 visited, %4 finalized, %5 synced, %6 approved.</translation>
    </message>
    <message>
        <source>Every field user synced within the last %1 days.</source>
        <translation>Every field user synced within the last %1 days.</translation>
    </message>
    <message>
        <source>Not synced for %1 days or more (highlighted): %2</source>
        <translation>Not synced for %1 days or more (highlighted): %2</translation>
    </message>
    <message>
        <source>Export progress as CSV</source>
        <translation>Export progress as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <source>Verivali: progress of the field work</source>
        <translation>Verivali: progress of the field work</translation>
    </message>
</context>
<context>
    <name>RelayPanel</name>
    <message>
        <source>the file is damaged or a byte of it changed (copy it again from the laptop)</source>
        <translation>the file is damaged or a byte of it changed (copy it again from the laptop)</translation>
    </message>
    <message>
        <source>it is not signed by the key registered for the enumerator's device</source>
        <translation>it is not signed by the key registered for the enumerator's device</translation>
    </message>
    <message>
        <source>it was made for another server, or the server does not know its user or device (or it is a reply, not a bundle to relay)</source>
        <translation>it was made for another server, or the server does not know its user or device (or it is a reply, not a bundle to relay)</translation>
    </message>
    <message>
        <source>the enumerator's device was revoked by an admin, or the user is disabled</source>
        <translation>the enumerator's device was revoked by an admin, or the user is disabled</translation>
    </message>
    <message>
        <source>the file is larger than a bundle may be (64 MB)</source>
        <translation>the file is larger than a bundle may be (64 MB)</translation>
    </message>
    <message>
        <source>the server holds another bundle under the same id (the file was changed)</source>
        <translation>the server holds another bundle under the same id (the file was changed)</translation>
    </message>
    <message>
        <source>the server cannot be reached (check the connection)</source>
        <translation>the server cannot be reached (check the connection)</translation>
    </message>
    <message>
        <source>your login has expired (log in online again)</source>
        <translation>your login has expired (log in online again)</translation>
    </message>
    <message>
        <source>the enumerator is outside your wilayah, or you may not relay for them</source>
        <translation>the enumerator is outside your wilayah, or you may not relay for them</translation>
    </message>
    <message>
        <source>the file could not be read or its reply written: %1</source>
        <translation>the file could not be read or its reply written: %1</translation>
    </message>
    <message>
        <source>unexpected error: %1</source>
        <translation>unexpected error: %1</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>Cannot be read: %1</translation>
    </message>
    <message>
        <source>Reply already in the folder (relaying again is harmless)</source>
        <translation>Reply already in the folder (relaying again is harmless)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Not relayed: %1</source>
        <translation>Not relayed: %1</translation>
    </message>
    <message>
        <source>Refused, nothing applied: %1</source>
        <translation>Refused, nothing applied: %1</translation>
    </message>
    <message>
        <source>Relayed before: nothing applied again; reply written</source>
        <translation>Relayed before: nothing applied again; reply written</translation>
    </message>
    <message>
        <source>Relayed: %1 households; reply written</source>
        <translation>Relayed: %1 households; reply written</translation>
    </message>
    <message>
        <source>%1 change-set(s) refused by the server (the enumerator sees why after importing)</source>
        <translation>%1 change-set(s) refused by the server (the enumerator sees why after importing)</translation>
    </message>
    <message>
        <source>Plug in the USB stick with the enumerators' bundles (.vvb) and choose its folder. Relay all sends them to the server; each reply is written back to the same folder as NAME.reply.vvb, for the enumerator to import on their laptop.</source>
        <translation>Plug in the USB stick with the enumerators' bundles (.vvb) and choose its folder. Relay all sends them to the server; each reply is written back to the same folder as NAME.reply.vvb, for the enumerator to import on their laptop.</translation>
    </message>
    <message>
        <source>Folder of bundles</source>
        <translation>Folder of bundles</translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation>No folder chosen</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>Read again</translation>
    </message>
    <message>
        <source>Relay all</source>
        <translation>Relay all</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose the folder of bundles</source>
        <translation>Choose the folder of bundles</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>Reading the folder…</translation>
    </message>
    <message>
        <source>%1 bundle(s), %2 in all.</source>
        <translation>%1 bundle(s), %2 in all.</translation>
    </message>
    <message>
        <source>No bundles (.vvb) in this folder.</source>
        <translation>No bundles (.vvb) in this folder.</translation>
    </message>
    <message>
        <source>The folder cannot be read: %1</source>
        <translation>The folder cannot be read: %1</translation>
    </message>
    <message>
        <source>Relaying…</source>
        <translation>Relaying…</translation>
    </message>
    <message>
        <source>Stopping after the bundle under way…</source>
        <translation>Stopping after the bundle under way…</translation>
    </message>
    <message>
        <source>%1 of %2 bundle(s) relayed; the replies are in the folder.</source>
        <translation>%1 of %2 bundle(s) relayed; the replies are in the folder.</translation>
    </message>
    <message>
        <source>%1 refused or not relayed (see Result).</source>
        <translation>%1 refused or not relayed (see Result).</translation>
    </message>
    <message>
        <source>Cancelled: %1 not sent yet; relay again to continue.</source>
        <translation>Cancelled: %1 not sent yet; relay again to continue.</translation>
    </message>
    <message>
        <source>Stopped: %1 not sent yet; relay again when the server answers.</source>
        <translation>Stopped: %1 not sent yet; relay again when the server answers.</translation>
    </message>
    <message>
        <source>The relay stopped: %1. What was relayed stays relayed.</source>
        <translation>The relay stopped: %1. What was relayed stays relayed.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>BNBA verification and validation of DTKS %1, %2</source>
        <translation>BNBA verification and validation of DTKS %1, %2</translation>
    </message>
    <message>
        <source>BNBA list of DTKS verification and validation results</source>
        <translation>BNBA list of DTKS verification and validation results</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>List of DTKS Verification and Validation Results (By Name By Address)</source>
        <translation>List of DTKS Verification and Validation Results (By Name By Address)</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>Round %1</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>DTKS ID</source>
        <translation>DTKS ID</translation>
    </message>
    <message>
        <source>No KK</source>
        <translation>No KK</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>NIK of head</source>
        <translation>NIK of head</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>No verified households.</source>
        <translation>No verified households.</translation>
    </message>
    <message>
        <source>District %1, village %2 (%3): %4 households</source>
        <translation>District %1, village %2 (%3): %4 households</translation>
    </message>
    <message>
        <source>No result</source>
        <translation>No result</translation>
    </message>
    <message>
        <source>eligibility changed</source>
        <translation>eligibility changed</translation>
    </message>
    <message>
        <source>not yet approved</source>
        <translation>not yet approved</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>A. Households by status and result</source>
        <translation>A. Households by status and result</translation>
    </message>
    <message>
        <source>B. Households by village</source>
        <translation>B. Households by village</translation>
    </message>
    <message>
        <source>Household status</source>
        <translation>Household status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Households verified: %1; approved by the Dinas Sosial: %2; eligibility changes: %3.</source>
        <translation>Households verified: %1; approved by the Dinas Sosial: %2; eligibility changes: %3.</translation>
    </message>
    <message>
        <source>Village code</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>Eligibility changed</source>
        <translation>Eligibility changed</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Head of the Social Affairs Office (Dinas Sosial) of %1</source>
        <translation>Head of the Social Affairs Office (Dinas Sosial) of %1</translation>
    </message>
    <message>
        <source>Field officer (Petugas)</source>
        <translation>Field officer (Petugas)</translation>
    </message>
    <message>
        <source>Supervisor (Pengawas)</source>
        <translation>Supervisor (Pengawas)</translation>
    </message>
    <message>
        <source>Province %1</source>
        <translation>Province %1</translation>
    </message>
    <message>
        <source>Ministry of Social Affairs of the Republic of Indonesia</source>
        <translation>Ministry of Social Affairs of the Republic of Indonesia</translation>
    </message>
    <message>
        <source>Social Affairs Office (Dinas Sosial) of %1</source>
        <translation>Social Affairs Office (Dinas Sosial) of %1</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Regency/City</source>
        <translation>Regency/City</translation>
    </message>
    <message>
        <source>District (kecamatan)</source>
        <translation>District (kecamatan)</translation>
    </message>
    <message>
        <source>Village (desa/kelurahan)</source>
        <translation>Village (desa/kelurahan)</translation>
    </message>
    <message>
        <source>Region code</source>
        <translation>Region code</translation>
    </message>
    <message>
        <source>District %1</source>
        <translation>District %1</translation>
    </message>
    <message>
        <source>Village %1</source>
        <translation>Village %1</translation>
    </message>
    <message>
        <source>DRAFT pengesahan %1, %2, made by Verivali</source>
        <translation>DRAFT pengesahan %1, %2, made by Verivali</translation>
    </message>
    <message>
        <source>Approval of the results of the verification and validation of the Integrated Social Welfare Data (DTKS) in %1, round %2</source>
        <translation>Approval of the results of the verification and validation of the Integrated Social Welfare Data (DTKS) in %1, round %2</translation>
    </message>
    <message>
        <source>DRAFT for review: not signed, not valid as a decree</source>
        <translation>DRAFT for review: not signed, not valid as a decree</translation>
    </message>
    <message>
        <source>Decree of the %1</source>
        <translation>Decree of the %1</translation>
    </message>
    <message>
        <source>By the grace of God Almighty</source>
        <translation>By the grace of God Almighty</translation>
    </message>
    <message>
        <source>that the households of the Integrated Social Welfare Data (DTKS) in %1 were verified and validated in round %2, and the results were reviewed by the Social Affairs Office (Dinas Sosial);</source>
        <translation>that the households of the Integrated Social Welfare Data (DTKS) in %1 were verified and validated in round %2, and the results were reviewed by the Social Affairs Office (Dinas Sosial);</translation>
    </message>
    <message>
        <source>that changes in the eligibility of households must be approved by the regional head before the results are sent to the Minister of Social Affairs;</source>
        <translation>that changes in the eligibility of households must be approved by the regional head before the results are sent to the Minister of Social Affairs;</translation>
    </message>
    <message>
        <source>that, on the considerations in letters a and b, a decree on the approval of the verification and validation results must be issued;</source>
        <translation>that, on the considerations in letters a and b, a decree on the approval of the verification and validation results must be issued;</translation>
    </message>
    <message>
        <source>[legal basis to be completed by the legal office: law, government regulation, regulation of the Minister of Social Affairs, regional regulation]</source>
        <translation>[legal basis to be completed by the legal office: law, government regulation, regulation of the Minister of Social Affairs, regional regulation]</translation>
    </message>
    <message>
        <source>Considering</source>
        <translation>Considering</translation>
    </message>
    <message>
        <source>Having regard to</source>
        <translation>Having regard to</translation>
    </message>
    <message>
        <source>households verified</source>
        <translation>households verified</translation>
    </message>
    <message>
        <source>households eligible</source>
        <translation>households eligible</translation>
    </message>
    <message>
        <source>households not eligible</source>
        <translation>households not eligible</translation>
    </message>
    <message>
        <source>households without a result</source>
        <translation>households without a result</translation>
    </message>
    <message>
        <source>eligibility changes</source>
        <translation>eligibility changes</translation>
    </message>
    <message>
        <source>households</source>
        <translation>households</translation>
    </message>
    <message>
        <source>To approve the results of the verification and validation of DTKS in %1, round %2, as follows:</source>
        <translation>To approve the results of the verification and validation of DTKS in %1, round %2, as follows:</translation>
    </message>
    <message>
        <source>with the eligibility changes listed in the Attachment, which is an integral part of this Decree.</source>
        <translation>with the eligibility changes listed in the Attachment, which is an integral part of this Decree.</translation>
    </message>
    <message>
        <source>The results in the FIRST part are sent to the Minister of Social Affairs through the Social Affairs Office (Dinas Sosial) to update the DTKS.</source>
        <translation>The results in the FIRST part are sent to the Minister of Social Affairs through the Social Affairs Office (Dinas Sosial) to update the DTKS.</translation>
    </message>
    <message>
        <source>This Decree takes effect on the date it is enacted.</source>
        <translation>This Decree takes effect on the date it is enacted.</translation>
    </message>
    <message>
        <source>FIRST</source>
        <translation>FIRST</translation>
    </message>
    <message>
        <source>SECOND</source>
        <translation>SECOND</translation>
    </message>
    <message>
        <source>THIRD</source>
        <translation>THIRD</translation>
    </message>
    <message>
        <source>HAS DECIDED</source>
        <translation>HAS DECIDED</translation>
    </message>
    <message>
        <source>To enact</source>
        <translation>To enact</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>Enacted in</source>
        <translation>Enacted in</translation>
    </message>
    <message>
        <source>on (date)</source>
        <translation>on (date)</translation>
    </message>
    <message>
        <source>(name of the regional head)</source>
        <translation>(name of the regional head)</translation>
    </message>
    <message>
        <source>Attachment to the Decree of the %1</source>
        <translation>Attachment to the Decree of the %1</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>List of eligibility changes of households</source>
        <translation>List of eligibility changes of households</translation>
    </message>
    <message>
        <source>Old status</source>
        <translation>Old status</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>No household changed eligibility.</source>
        <translation>No household changed eligibility.</translation>
    </message>
    <message>
        <source>Not in DTKS</source>
        <translation>Not in DTKS</translation>
    </message>
    <message>
        <source>Listed in DTKS</source>
        <translation>Listed in DTKS</translation>
    </message>
    <message>
        <source>New household proposal</source>
        <translation>New household proposal</translation>
    </message>
</context>
<context>
    <name>Result</name>
    <message>
        <source>Eligible</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>No result</source>
        <translation>No result</translation>
    </message>
</context>
<context>
    <name>ReviewError</name>
    <message>
        <source>The server cannot be reached. Check the connection, then press F5.</source>
        <translation>The server cannot be reached. Check the connection, then press F5.</translation>
    </message>
    <message>
        <source>Your login has expired. Close Verivali and log in again.</source>
        <translation>Your login has expired. Close Verivali and log in again.</translation>
    </message>
    <message>
        <source>This household still has open conflicts. Choose a value for each conflict and press Resolve, then approve.</source>
        <translation>This household still has open conflicts. Choose a value for each conflict and press Resolve, then approve.</translation>
    </message>
    <message>
        <source>Write a note for the enumerator: it says what to fix.</source>
        <translation>Write a note for the enumerator: it says what to fix.</translation>
    </message>
    <message>
        <source>You may not do this (your role or wilayah does not allow it).</source>
        <translation>You may not do this (your role or wilayah does not allow it).</translation>
    </message>
    <message>
        <source>The household changed in the meantime. Press F5 to see it as it is now.</source>
        <translation>The household changed in the meantime. Press F5 to see it as it is now.</translation>
    </message>
    <message>
        <source>The server does not offer this yet (it needs an update).</source>
        <translation>The server does not offer this yet (it needs an update).</translation>
    </message>
    <message>
        <source>The server does not accept the value of {0}: check it and try again.</source>
        <translation>The server does not accept the value of {0}: check it and try again.</translation>
    </message>
    <message>
        <source>The server refused it: {0}</source>
        <translation>The server refused it: {0}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>Something went wrong: {0}</translation>
    </message>
    <message>
        <source>Upload the signed pengesahan scan of this submission first: {0}</source>
        <translation>Upload the signed pengesahan scan of this submission first: {0}</translation>
    </message>
    <message>
        <source>The submission cannot take this step now: {0}</source>
        <translation>The submission cannot take this step now: {0}</translation>
    </message>
</context>
<context>
    <name>ReviewHouseholdDialog</name>
    <message>
        <source>Review household {0}</source>
        <translation>Review household {0}</translation>
    </message>
    <message>
        <source>Note for the enumerator:</source>
        <translation>Note for the enumerator:</translation>
    </message>
    <message>
        <source>Required to return: say what to check or fix</source>
        <translation>Required to return: say what to check or fix</translation>
    </message>
    <message>
        <source>Resolve chosen conflicts (Ctrl+Enter)</source>
        <translation>Resolve chosen conflicts (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Approve (Ctrl+Shift+A)</source>
        <translation>Approve (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Return to enumerator (Ctrl+Shift+R)</source>
        <translation>Return to enumerator (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Visit integrity ({0})</source>
        <translation>Visit integrity ({0})</translation>
    </message>
    <message>
        <source>Approval waits for: {0}</source>
        <translation>Approval waits for: {0}</translation>
    </message>
    <message>
        <source>No open flags.</source>
        <translation>No open flags.</translation>
    </message>
    <message>
        <source>Note to the enumerator: {0}</source>
        <translation>Note to the enumerator: {0}</translation>
    </message>
    <message>
        <source>Conflicts ({0})</source>
        <translation>Conflicts ({0})</translation>
    </message>
    <message>
        <source>Verifications ({0})</source>
        <translation>Verifications ({0})</translation>
    </message>
    <message>
        <source>Photos and location ({0})</source>
        <translation>Photos and location ({0})</translation>
    </message>
    <message>
        <source>History ({0})</source>
        <translation>History ({0})</translation>
    </message>
    <message>
        <source>{0}: no finding yet.</source>
        <translation>{0}: no finding yet.</translation>
    </message>
    <message>
        <source>{0}: finding {1} ({2}).</source>
        <translation>{0}: finding {1} ({2}).</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>Requests ({0})</source>
        <translation>Requests ({0})</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Citizen's NIK</source>
        <translation>Citizen's NIK</translation>
    </message>
    <message>
        <source>Citizen's name</source>
        <translation>Citizen's name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Finding in the field</source>
        <translation>Finding in the field</translation>
    </message>
    <message>
        <source>Not visited yet.</source>
        <translation>Not visited yet.</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <source>Collected at</source>
        <translation>Collected at</translation>
    </message>
    <message>
        <source>Move waiting: from {0} ({1}) to {2} ({3}), proposed by {4}.</source>
        <translation>Move waiting: from {0} ({1}) to {2} ({3}), proposed by {4}.</translation>
    </message>
    <message>
        <source>You decide this move: confirm or refuse it in the Moves window.</source>
        <translation>You decide this move: confirm or refuse it in the Moves window.</translation>
    </message>
    <message>
        <source>A reviewer of {0} decides this move.</source>
        <translation>A reviewer of {0} decides this move.</translation>
    </message>
    <message>
        <source>This household is not in your wilayah yet: you can look at it, while approving or returning it stays with the reviewer of {0}.</source>
        <translation>This household is not in your wilayah yet: you can look at it, while approving or returning it stays with the reviewer of {0}.</translation>
    </message>
    <message>
        <source>{0} of member {1}</source>
        <translation>{0} of member {1}</translation>
    </message>
    <message>
        <source>Pre-list (base)</source>
        <translation>Pre-list (base)</translation>
    </message>
    <message>
        <source>Keep server value</source>
        <translation>Keep server value</translation>
    </message>
    <message>
        <source>Take client value</source>
        <translation>Take client value</translation>
    </message>
    <message>
        <source>Or enter a value</source>
        <translation>Or enter a value</translation>
    </message>
    <message>
        <source>No open conflicts. Check the verifications and photos, then approve or return.</source>
        <translation>No open conflicts. Check the verifications and photos, then approve or return.</translation>
    </message>
    <message>
        <source>The value the server holds now</source>
        <translation>The value the server holds now</translation>
    </message>
    <message>
        <source>{0}  (from {1})</source>
        <translation>{0}  (from {1})</translation>
    </message>
    <message>
        <source>The value the enumerator sent</source>
        <translation>The value the enumerator sent</translation>
    </message>
    <message>
        <source>The enumerators sent different values: type the right one</source>
        <translation>The enumerators sent different values: type the right one</translation>
    </message>
    <message>
        <source>type the right value</source>
        <translation>type the right value</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>{0} ({1}, {2})</source>
        <translation>{0} ({1}, {2})</translation>
    </message>
    <message>
        <source>Two verifications of this household: {0} answer(s) differ (highlighted).</source>
        <translation>Two verifications of this household: {0} answer(s) differ (highlighted).</translation>
    </message>
    <message>
        <source>One verification.</source>
        <translation>One verification.</translation>
    </message>
    <message>
        <source>No verification received yet.</source>
        <translation>No verification received yet.</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Choose a value for at least one conflict first.</source>
        <translation>Choose a value for at least one conflict first.</translation>
    </message>
    <message>
        <source>This household cannot be approved now.</source>
        <translation>This household cannot be approved now.</translation>
    </message>
    <message>
        <source>This household cannot be returned now.</source>
        <translation>This household cannot be returned now.</translation>
    </message>
    <message>
        <source>Write a note for the enumerator first: it says what to fix.</source>
        <translation>Write a note for the enumerator first: it says what to fix.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Resolved. The enumerators get the chosen values at their next sync.</source>
        <translation>Resolved. The enumerators get the chosen values at their next sync.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Approved.</translation>
    </message>
    <message>
        <source>Returned to the enumerator with your note.</source>
        <translation>Returned to the enumerator with your note.</translation>
    </message>
    <message>
        <source>Approved. Its DTKS id is {0}.</source>
        <translation>Approved. Its DTKS id is {0}.</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>Household id</source>
        <translation>Household id</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Listed in {0} {1}, but its household id or No KK points into your wilayah: you can read it; the reviewer of where it is listed decides on it.</source>
        <translation>Listed in {0} {1}, but its household id or No KK points into your wilayah: you can read it; the reviewer of where it is listed decides on it.</translation>
    </message>
</context>
<context>
    <name>ReviewState</name>
    <message>
        <source>Waiting for approval</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <source>In the field</source>
        <translation>In the field</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>Returned to the enumerator</source>
        <translation>Returned to the enumerator</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Submitted up the chain</source>
        <translation>Submitted up the chain</translation>
    </message>
    <message>
        <source>Established (penetapan)</source>
        <translation>Established (penetapan)</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Verivali: review queue</source>
        <translation>Verivali: review queue</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Open household (Enter)</source>
        <translation>Open household (Enter)</translation>
    </message>
    <message>
        <source>Approve all without flags…</source>
        <translation>Approve all without flags…</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Submissions (pengajuan)…</source>
        <translation>Submissions (pengajuan)…</translation>
    </message>
    <message>
        <source>Progress…</source>
        <translation>Progress…</translation>
    </message>
    <message>
        <source>Visit integrity map…</source>
        <translation>Visit integrity map…</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>All rounds</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <source>Search by household id, name or desa…</source>
        <translation>Search by household id, name or desa…</translation>
    </message>
    <message>
        <source>Show households with</source>
        <translation>Show households with</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>reviewer</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>Needing review</source>
        <translation>Needing review</translation>
    </message>
    <message>
        <source>{0} of {1} households shown</source>
        <translation>{0} of {1} households shown</translation>
    </message>
    <message>
        <source>Loading the queue…</source>
        <translation>Loading the queue…</translation>
    </message>
    <message>
        <source>Moves between wilayah</source>
        <translation>Moves between wilayah</translation>
    </message>
    <message>
        <source>Approve all without flags</source>
        <translation>Approve all without flags</translation>
    </message>
    <message>
        <source>Choose a wilayah and a round first.</source>
        <translation>Choose a wilayah and a round first.</translation>
    </message>
    <message>
        <source>Counting the households without flags…</source>
        <translation>Counting the households without flags…</translation>
    </message>
    <message>
        <source>No household of {0} in round {1} is waiting without flags.</source>
        <translation>No household of {0} in round {1} is waiting without flags.</translation>
    </message>
    <message>
        <source>Approve {0} households of {1} in round {2} that have a verification and no flags?

Each approval is recorded under your name. Households with flags stay in the queue.</source>
        <translation>Approve {0} households of {1} in round {2} that have a verification and no flags?

Each approval is recorded under your name. Households with flags stay in the queue.</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Approving…</translation>
    </message>
    <message>
        <source>{0} households approved, {1} skipped.</source>
        <translation>{0} households approved, {1} skipped.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>CA bundle (optional)</source>
        <translation>CA bundle (optional)</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>Lock this laptop's data and show the login again</source>
        <translation>Lock this laptop's data and show the login again</translation>
    </message>
    <message>
        <source>Another user logs in; each user's data stays their own</source>
        <translation>Another user logs in; each user's data stays their own</translation>
    </message>
    <message>
        <source>Logged in as</source>
        <translation>Logged in as</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA bundle</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <source>Not visited</source>
        <translation>Not visited</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>Returned with a note</source>
        <translation>Returned with a note</translation>
    </message>
</context>
<context>
    <name>SubmissionState</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>Established</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
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
        <translation>State</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>{0} at {1}</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Household id</source>
        <translation>Household id</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Note: what to fix</source>
        <translation>Note: what to fix</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>SubmissionsWindow</name>
    <message>
        <source>Verivali: submissions (pengajuan)</source>
        <translation>Verivali: submissions (pengajuan)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Make a submission…</source>
        <translation>Make a submission…</translation>
    </message>
    <message>
        <source>Progress…</source>
        <translation>Progress…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Waiting for my decision</source>
        <translation>Waiting for my decision</translation>
    </message>
    <message>
        <source>All submissions</source>
        <translation>All submissions</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>All rounds</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <source>Search by household id, name, desa or address…</source>
        <translation>Search by household id, name, desa or address…</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Recap by desa</source>
        <translation>Recap by desa</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Submit with the signed scan…</source>
        <translation>Submit with the signed scan…</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Return the ticked households</source>
        <translation>Return the ticked households</translation>
    </message>
    <message>
        <source>Return all…</source>
        <translation>Return all…</translation>
    </message>
    <message>
        <source>Establish</source>
        <translation>Establish</translation>
    </message>
    <message>
        <source>Withdraw the draft</source>
        <translation>Withdraw the draft</translation>
    </message>
    <message>
        <source>Pengesahan draft (PDF)…</source>
        <translation>Pengesahan draft (PDF)…</translation>
    </message>
    <message>
        <source>Loading the submissions…</source>
        <translation>Loading the submissions…</translation>
    </message>
    <message>
        <source>{0} of {1} submissions shown</source>
        <translation>{0} of {1} submissions shown</translation>
    </message>
    <message>
        <source>Choose a submission on the left.</source>
        <translation>Choose a submission on the left.</translation>
    </message>
    <message>
        <source>Submission {0} · {1} · round {2} · {3}</source>
        <translation>Submission {0} · {1} · round {2} · {3}</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>{0} at {1}</translation>
    </message>
    <message>
        <source>{0} households</source>
        <translation>{0} households</translation>
    </message>
    <message>
        <source>{0} returned</source>
        <translation>{0} returned</translation>
    </message>
    <message>
        <source>split from submission {0}</source>
        <translation>split from submission {0}</translation>
    </message>
    <message>
        <source>signed scan {0}… by {1}, {2}</source>
        <translation>signed scan {0}… by {1}, {2}</translation>
    </message>
    <message>
        <source>no signed scan yet</source>
        <translation>no signed scan yet</translation>
    </message>
    <message>
        <source>Make a submission</source>
        <translation>Make a submission</translation>
    </message>
    <message>
        <source>Round (YYYY-MM):</source>
        <translation>Round (YYYY-MM):</translation>
    </message>
    <message>
        <source>Making the submission…</source>
        <translation>Making the submission…</translation>
    </message>
    <message>
        <source>Submission {0} made with {1} approved households: upload the signed pengesahan and submit it.</source>
        <translation>Submission {0} made with {1} approved households: upload the signed pengesahan and submit it.</translation>
    </message>
    <message>
        <source>Choose the signed pengesahan scan</source>
        <translation>Choose the signed pengesahan scan</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Choose a PDF, JPEG or PNG file.</source>
        <translation>Choose a PDF, JPEG or PNG file.</translation>
    </message>
    <message>
        <source>Uploading the scan and submitting…</source>
        <translation>Uploading the scan and submitting…</translation>
    </message>
    <message>
        <source>Forwarding…</source>
        <translation>Forwarding…</translation>
    </message>
    <message>
        <source>Establish the {0} households of submission {1} as the data of record? The next round's pre-list starts from them.</source>
        <translation>Establish the {0} households of submission {1} as the data of record? The next round's pre-list starts from them.</translation>
    </message>
    <message>
        <source>Establishing…</source>
        <translation>Establishing…</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>Withdrawing…</translation>
    </message>
    <message>
        <source>Return all</source>
        <translation>Return all</translation>
    </message>
    <message>
        <source>What must be fixed? The whole submission goes one level down with this note.</source>
        <translation>What must be fixed? The whole submission goes one level down with this note.</translation>
    </message>
    <message>
        <source>Write a note saying what to fix.</source>
        <translation>Write a note saying what to fix.</translation>
    </message>
    <message>
        <source>Returning…</source>
        <translation>Returning…</translation>
    </message>
    <message>
        <source>Tick the households to return and write in Note what to fix.</source>
        <translation>Tick the households to return and write in Note what to fix.</translation>
    </message>
    <message>
        <source>Household {0}: write in Note what to fix.</source>
        <translation>Household {0}: write in Note what to fix.</translation>
    </message>
    <message>
        <source>Returning {0} households…</source>
        <translation>Returning {0} households…</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Save the PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Submission {0}: {1} at {2}.</source>
        <translation>Submission {0}: {1} at {2}.</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>Verivali: supervisor</source>
        <translation>Verivali: supervisor</translation>
    </message>
    <message>
        <source>Relay bundles</source>
        <translation>Relay bundles</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>PAPI double entry (Ctrl+Shift+K)</source>
        <translation>PAPI double entry (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Visit integrity (Ctrl+Shift+I)</source>
        <translation>Visit integrity (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Download households</source>
        <translation>Download households</translation>
    </message>
    <message>
        <source>Upload photos</source>
        <translation>Upload photos</translation>
    </message>
    <message>
        <source>Send finished households</source>
        <translation>Send finished households</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Downloaded {0} households.</source>
        <translation>Downloaded {0} households.</translation>
    </message>
    <message>
        <source>Uploaded {0} photos.</source>
        <translation>Uploaded {0} photos.</translation>
    </message>
    <message>
        <source>Sent {0} households: {1} accepted, {2} merged, {3} sent to review, {4} refused.</source>
        <translation>Sent {0} households: {1} accepted, {2} merged, {3} sent to review, {4} refused.</translation>
    </message>
    <message>
        <source>… and {0} more.</source>
        <translation>… and {0} more.</translation>
    </message>
    <message>
        <source>Sync cancelled. What was finished is kept; sync again to continue.</source>
        <translation>Sync cancelled. What was finished is kept; sync again to continue.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Your work is safe on this laptop; sync again when you have a connection.</source>
        <translation>The server cannot be reached. Your work is safe on this laptop; sync again when you have a connection.</translation>
    </message>
    <message>
        <source>Your login has expired. Log in online again, then sync.</source>
        <translation>Your login has expired. Log in online again, then sync.</translation>
    </message>
    <message>
        <source>Sync failed: {0}</source>
        <translation>Sync failed: {0}</translation>
    </message>
</context>
<context>
    <name>SyncLog</name>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Download only</source>
        <translation>Download only</translation>
    </message>
    <message>
        <source>Send only</source>
        <translation>Send only</translation>
    </message>
    <message>
        <source>Bundle written (no network)</source>
        <translation>Bundle written (no network)</translation>
    </message>
    <message>
        <source>Bundle reply imported</source>
        <translation>Bundle reply imported</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Done, something refused</source>
        <translation>Done, something refused</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Sent to review</source>
        <translation>Sent to review</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Refused: waits for a fix</source>
        <translation>Refused: waits for a fix</translation>
    </message>
    <message>
        <source>Cancelled by the user; what was finished before is kept.</source>
        <translation>Cancelled by the user; what was finished before is kept.</translation>
    </message>
    <message>
        <source>The server could not be reached (no network, or it is down).</source>
        <translation>The server could not be reached (no network, or it is down).</translation>
    </message>
    <message>
        <source>The login had expired: log in online again, then sync.</source>
        <translation>The login had expired: log in online again, then sync.</translation>
    </message>
    <message>
        <source>Your role or wilayah does not allow this.</source>
        <translation>Your role or wilayah does not allow this.</translation>
    </message>
    <message>
        <source>The bundle was refused whole; nothing of it was applied.</source>
        <translation>The bundle was refused whole; nothing of it was applied.</translation>
    </message>
    <message>
        <source>Stopped by an error: {0}</source>
        <translation>Stopped by an error: {0}</translation>
    </message>
</context>
<context>
    <name>SyncLogModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Households sent</source>
        <translation>Households sent</translation>
    </message>
    <message>
        <source>Households received</source>
        <translation>Households received</translation>
    </message>
    <message>
        <source>Data sent / received</source>
        <translation>Data sent / received</translation>
    </message>
</context>
<context>
    <name>SyncLogWindow</name>
    <message>
        <source>Sync log</source>
        <translation>Sync log</translation>
    </message>
    <message>
        <source>Syncs of this laptop</source>
        <translation>Syncs of this laptop</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0} syncs kept on this laptop.</source>
        <translation>{0} syncs kept on this laptop.</translation>
    </message>
    <message>
        <source>No sync yet on this laptop.</source>
        <translation>No sync yet on this laptop.</translation>
    </message>
    <message>
        <source>Choose a household on the right to read its result whole.</source>
        <translation>Choose a household on the right to read its result whole.</translation>
    </message>
    <message>
        <source>Started {0}, ended {1}</source>
        <translation>Started {0}, ended {1}</translation>
    </message>
    <message>
        <source>User: {0}</source>
        <translation>User: {0}</translation>
    </message>
    <message>
        <source>Downloaded {0} households ({1} left the assignment).</source>
        <translation>Downloaded {0} households ({1} left the assignment).</translation>
    </message>
    <message>
        <source>Sent {0} households in {1} change-sets, {2} photos.</source>
        <translation>Sent {0} households in {1} change-sets, {2} photos.</translation>
    </message>
    <message>
        <source>Still waiting to be sent: {0} change-sets.</source>
        <translation>Still waiting to be sent: {0} change-sets.</translation>
    </message>
    <message>
        <source>Data: {0} sent, {1} received.</source>
        <translation>Data: {0} sent, {1} received.</translation>
    </message>
    <message>
        <source>Also changed on the server: {0}; a reviewer will decide.</source>
        <translation>Also changed on the server: {0}; a reviewer will decide.</translation>
    </message>
    <message>
        <source>Version {0} on the server.</source>
        <translation>Version {0} on the server.</translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <source>the house photo</source>
        <translation>the house photo</translation>
    </message>
    <message>
        <source>the GPS location</source>
        <translation>the GPS location</translation>
    </message>
    <message>
        <source>The server refused it ({0}).</source>
        <translation>The server refused it ({0}).</translation>
    </message>
    <message>
        <source>Household {0}: {1}</source>
        <translation>Household {0}: {1}</translation>
    </message>
    <message>
        <source>The server does not accept {0}. Open the household, correct it and finalize again.</source>
        <translation>The server does not accept {0}. Open the household, correct it and finalize again.</translation>
    </message>
    <message>
        <source>The server does not accept what was sent. Open the household, check it and finalize again.</source>
        <translation>The server does not accept what was sent. Open the household, check it and finalize again.</translation>
    </message>
    <message>
        <source>The server could not read what was sent. Nothing is lost: sync again; if it happens again, tell your supervisor.</source>
        <translation>The server could not read what was sent. Nothing is lost: sync again; if it happens again, tell your supervisor.</translation>
    </message>
    <message>
        <source>What was sent is larger than the server takes. Nothing is lost; tell your supervisor.</source>
        <translation>What was sent is larger than the server takes. Nothing is lost; tell your supervisor.</translation>
    </message>
    <message>
        <source>The server does not have the house photo yet. Sync again to send it.</source>
        <translation>The server does not have the house photo yet. Sync again to send it.</translation>
    </message>
    <message>
        <source>The server refused the house photo (damaged or not a photo). Take it again, then finalize.</source>
        <translation>The server refused the house photo (damaged or not a photo). Take it again, then finalize.</translation>
    </message>
    <message>
        <source>The household lies outside your wilayah. Ask your supervisor to check your assignment.</source>
        <translation>The household lies outside your wilayah. Ask your supervisor to check your assignment.</translation>
    </message>
    <message>
        <source>Your role may not do this. Ask your supervisor or the admin.</source>
        <translation>Your role may not do this. Ask your supervisor or the admin.</translation>
    </message>
    <message>
        <source>The server does not have this household (it may have left your assignment). Ask your supervisor.</source>
        <translation>The server does not have this household (it may have left your assignment). Ask your supervisor.</translation>
    </message>
    <message>
        <source>Your login has expired. Log in online again, then sync.</source>
        <translation>Your login has expired. Log in online again, then sync.</translation>
    </message>
    <message>
        <source>The server already holds other content under the same sending number. Your work stays on this laptop; tell the admin.</source>
        <translation>The server already holds other content under the same sending number. Your work stays on this laptop; tell the admin.</translation>
    </message>
    <message>
        <source>The household changed on the server in the meantime. Sync again.</source>
        <translation>The household changed on the server in the meantime. Sync again.</translation>
    </message>
    <message>
        <source>The deadline of this step has passed. Ask your supervisor.</source>
        <translation>The deadline of this step has passed. Ask your supervisor.</translation>
    </message>
    <message>
        <source>Too many failed logins: wait a while, then try again.</source>
        <translation>Too many failed logins: wait a while, then try again.</translation>
    </message>
    <message>
        <source>The bundle file is damaged or changed: nothing of it was applied. Make a new one.</source>
        <translation>The bundle file is damaged or changed: nothing of it was applied. Make a new one.</translation>
    </message>
    <message>
        <source>The bundle file is not signed by the laptop it names: nothing of it was applied.</source>
        <translation>The bundle file is not signed by the laptop it names: nothing of it was applied.</translation>
    </message>
    <message>
        <source>The bundle file is for another laptop or server: nothing of it was applied.</source>
        <translation>The bundle file is for another laptop or server: nothing of it was applied.</translation>
    </message>
    <message>
        <source>This laptop's login was revoked by the admin. Log in online again.</source>
        <translation>This laptop's login was revoked by the admin. Log in online again.</translation>
    </message>
    <message>
        <source>The pengesahan scan is not a whole PDF, JPEG or PNG. Scan it again.</source>
        <translation>The pengesahan scan is not a whole PDF, JPEG or PNG. Scan it again.</translation>
    </message>
    <message>
        <source>Upload the signed pengesahan scan first, then try again.</source>
        <translation>Upload the signed pengesahan scan first, then try again.</translation>
    </message>
    <message>
        <source>The server does not offer this (it may need an update). Tell the admin.</source>
        <translation>The server does not offer this (it may need an update). Tell the admin.</translation>
    </message>
    <message>
        <source>The server cannot do this as asked. Tell your supervisor.</source>
        <translation>The server cannot do this as asked. Tell your supervisor.</translation>
    </message>
    <message>
        <source>The record of this visit's steps (paradata) is larger than the server takes. Nothing is lost; tell your supervisor.</source>
        <translation>The record of this visit's steps (paradata) is larger than the server takes. Nothing is lost; tell your supervisor.</translation>
    </message>
    <message>
        <source>The server failed (its log has the details). Nothing is lost: sync again later; if it happens again, tell the admin.</source>
        <translation>The server failed (its log has the details). Nothing is lost: sync again later; if it happens again, tell the admin.</translation>
    </message>
    <message>
        <source>Household {0}: {1} was also changed on the server; a reviewer will decide.</source>
        <translation>Household {0}: {1} was also changed on the server; a reviewer will decide.</translation>
    </message>
    <message>
        <source>Household {0}: a photo on this laptop cannot be read. Take it again.</source>
        <translation>Household {0}: a photo on this laptop cannot be read. Take it again.</translation>
    </message>
    <message>
        <source>You may not send households (your role or wilayah does not allow it).</source>
        <translation>You may not send households (your role or wilayah does not allow it).</translation>
    </message>
    <message>
        <source>Household {0} changed on the server in the meantime (approved under its permanent number, for example). Your work stays on this laptop and is sent again at the next sync.</source>
        <translation>Household {0} changed on the server in the meantime (approved under its permanent number, for example). Your work stays on this laptop and is sent again at the next sync.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>The server cannot be reached. Check the connection and try again.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The server {0} did not prove its identity (TLS certificate): check its address and the CA certificate in Settings.</source>
        <translation>The server {0} did not prove its identity (TLS certificate): check its address and the CA certificate in Settings.</translation>
    </message>
    <message>
        <source>The server {0} answered, but its reply broke off. Nothing is lost: what it did not confirm is sent again at the next sync.</source>
        <translation>The server {0} answered, but its reply broke off. Nothing is lost: what it did not confirm is sent again at the next sync.</translation>
    </message>
    <message>
        <source>No connection to {0} (no network, a wrong address, or the server is off).</source>
        <translation>No connection to {0} (no network, a wrong address, or the server is off).</translation>
    </message>
</context>
<context>
    <name>UserModel</name>
    <message>
        <source>Enumerator</source>
        <translation>Enumerator</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <source>enumerator</source>
        <translation>enumerator</translation>
    </message>
    <message>
        <source>data-entry clerk</source>
        <translation>data-entry clerk</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Unknown kode wilayah</source>
        <translation>Unknown kode wilayah</translation>
    </message>
    <message>
        <source>Listed in the wrong wilayah</source>
        <translation>Listed in the wrong wilayah</translation>
    </message>
    <message>
        <source>Invalid No KK</source>
        <translation>Invalid No KK</translation>
    </message>
    <message>
        <source>Invalid NIK</source>
        <translation>Invalid NIK</translation>
    </message>
    <message>
        <source>NIK disagrees</source>
        <translation>NIK disagrees</translation>
    </message>
    <message>
        <source>Impossible birth date</source>
        <translation>Impossible birth date</translation>
    </message>
    <message>
        <source>NIK used twice</source>
        <translation>NIK used twice</translation>
    </message>
    <message>
        <source>Mother's name missing</source>
        <translation>Mother's name missing</translation>
    </message>
    <message>
        <source>Implausible age</source>
        <translation>Implausible age</translation>
    </message>
    <message>
        <source>Implausible relationship</source>
        <translation>Implausible relationship</translation>
    </message>
    <message>
        <source>Implausible occupation</source>
        <translation>Implausible occupation</translation>
    </message>
    <message>
        <source>Not exactly one head of household</source>
        <translation>Not exactly one head of household</translation>
    </message>
    <message>
        <source>Anomaly: listed in this desa, but its household id or No KK points to {0}.</source>
        <translation>Anomaly: listed in this desa, but its household id or No KK points to {0}.</translation>
    </message>
    <message>
        <source>Anomaly: this NIK is also used by member {0}. Check it against the KTP/KK.</source>
        <translation>Anomaly: this NIK is also used by member {0}. Check it against the KTP/KK.</translation>
    </message>
    <message>
        <source>Anomaly: the kode wilayah is not a desa/kelurahan of Kemendagri.</source>
        <translation>Anomaly: the kode wilayah is not a desa/kelurahan of Kemendagri.</translation>
    </message>
    <message>
        <source>Anomaly: the No KK is not valid (16 digits with a real region and date).</source>
        <translation>Anomaly: the No KK is not valid (16 digits with a real region and date).</translation>
    </message>
    <message>
        <source>Anomaly: the NIK is not valid (16 digits with a real region and birth date).</source>
        <translation>Anomaly: the NIK is not valid (16 digits with a real region and birth date).</translation>
    </message>
    <message>
        <source>Anomaly: this value disagrees with the NIK (day + 40 for women).</source>
        <translation>Anomaly: this value disagrees with the NIK (day + 40 for women).</translation>
    </message>
    <message>
        <source>Anomaly: the birth date is not a real date or lies in the future.</source>
        <translation>Anomaly: the birth date is not a real date or lies in the future.</translation>
    </message>
    <message>
        <source>Anomaly: the mother's name (nama ibu kandung) is missing.</source>
        <translation>Anomaly: the mother's name (nama ibu kandung) is missing.</translation>
    </message>
    <message>
        <source>Anomaly: the age is over 110 years; check the birth date.</source>
        <translation>Anomaly: the age is over 110 years; check the birth date.</translation>
    </message>
    <message>
        <source>Anomaly: the relationship does not fit the ages (e.g. a head of household aged 4).</source>
        <translation>Anomaly: the relationship does not fit the ages (e.g. a head of household aged 4).</translation>
    </message>
    <message>
        <source>Anomaly: the occupation does not fit the age (e.g. a civil servant aged 6).</source>
        <translation>Anomaly: the occupation does not fit the age (e.g. a civil servant aged 6).</translation>
    </message>
    <message>
        <source>Anomaly: the members living here must have exactly one head of household.</source>
        <translation>Anomaly: the members living here must have exactly one head of household.</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>PBI-JK verification</source>
        <translation>PBI-JK verification</translation>
    </message>
    <message>
        <source>Anomaly fix</source>
        <translation>Anomaly fix</translation>
    </message>
    <message>
        <source>Sanggahan (objection)</source>
        <translation>Sanggahan (objection)</translation>
    </message>
    <message>
        <source>Usul warga (citizen's proposal)</source>
        <translation>Usul warga (citizen's proposal)</translation>
    </message>
    <message>
        <source>Usulan Kemensos</source>
        <translation>Usulan Kemensos</translation>
    </message>
    <message>
        <source>BNBA verification</source>
        <translation>BNBA verification</translation>
    </message>
    <message>
        <source>Proposals (usulan)</source>
        <translation>Proposals (usulan)</translation>
    </message>
    <message>
        <source>Pengesahan</source>
        <translation>Pengesahan</translation>
    </message>
    <message>
        <source>Move refused</source>
        <translation>Move refused</translation>
    </message>
    <message>
        <source>The move to {0} was refused by {1} on {2}. The family stays listed in {3}.</source>
        <translation>The move to {0} was refused by {1} on {2}. The family stays listed in {3}.</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
</context>
</TS>