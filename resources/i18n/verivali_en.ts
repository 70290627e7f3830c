<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
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
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation><numerusform>%n problem(s)</numerusform><numerusform>%n problem(s)</numerusform></translation>
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
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>New value</translation>
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
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>removed: {0}</source>
        <translation>removed: {0}</translation>
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
        <source>Please wait…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <source>Wrong password. Nothing was changed; try again.</source>
        <translation>Wrong password. Nothing was changed; try again.</translation>
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
        <source>Settings</source>
        <translation>Settings</translation>
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
        <source>All households</source>
        <translation>All households</translation>
    </message>
    <message>
        <source>{0} of {1} households shown</source>
        <translation>{0} of {1} households shown</translation>
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
</TS>