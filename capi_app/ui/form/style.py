"""The style sheet of the form screen (cards, questions, repeat panels, navigator)."""

STYLE = """
FormView { background: #eef1f5; }
QWidget#navPanel { background: #ffffff; border-right: 1px solid #d5dae1; }
QLabel#formTitle { font-size: 13pt; font-weight: bold; color: #ffffff; background: #0f3d6e;
    padding: 12px 12px; }
QLabel#keys { font-size: 8.5pt; color: #6b7280; padding: 10px 12px; border-top: 1px solid #e5e7eb; }
QScrollArea#page, QWidget#pageContent { background: #eef1f5; border: none; }
QListWidget#sections { background: #ffffff; border: none; font-size: 10.5pt; padding: 6px 0; }
QListWidget#sections::item { padding: 7px 10px; color: #1f2937; }
QListWidget#sections::item:selected { background: #dbeafe; color: #1e3a8a; font-weight: bold; }
QFrame#section { background: #ffffff; border: 1px solid #d5dae1; border-radius: 6px; }
QLabel#sectionTitle {
    font-size: 14pt; font-weight: bold; color: #0f3d6e;
    padding: 10px 10px 6px 10px; border-bottom: 2px solid #dbe3ee;
}
QLabel#groupTitle { font-size: 11.5pt; font-weight: bold; color: #0f3d6e; padding: 8px 10px 2px 10px; }
QWidget#question { background: transparent; border-radius: 4px; }
QWidget#question[current="true"] { background: #f0f6ff; }
QWidget#question[problem="true"] { background: #fff5f5; }
QLabel#questionLabel { font-size: 10.5pt; font-weight: 600; color: #111827; }
QLabel#note { font-size: 10.5pt; color: #1f2937; background: #f3f7e9;
    border-left: 4px solid #65a30d; padding: 6px 8px; }
QLabel#hint, QLabel#caption { font-size: 9pt; color: #6b7280; }
QLabel#message { font-size: 9.5pt; color: #b91c1c; font-weight: 600; }
QLabel#warning { font-size: 9.5pt; color: #b45309; font-weight: 600; }
QWidget#question[anomaly="true"] { background: #fffbeb; }
QLabel#anomaly { font-size: 9.5pt; color: #92400e; background: #fef3c7;
    border-left: 4px solid #d97706; padding: 4px 6px; }
QLabel#calculated { font-size: 10.5pt; color: #374151; padding: 2px 0; }
QLabel#thumbnail { background: #f3f4f6; border: 1px dashed #9ca3af; color: #6b7280; }
QLineEdit, QPlainTextEdit, QComboBox {
    font-size: 10.5pt; padding: 4px 6px; min-height: 22px;
    border: 1px solid #b8c0cc; border-radius: 4px; background: #ffffff;
}
QComboBox::drop-down { subcontrol-origin: padding; subcontrol-position: center right;
    width: 26px; border: none; border-left: 1px solid #d5dae1; }
QComboBox::down-arrow { image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png);
    width: 12px; height: 12px; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus { border: 2px solid #2563eb; }
QLineEdit:disabled, QComboBox:disabled { background: #f3f4f6; color: #4b5563; }
QRadioButton, QCheckBox { font-size: 10.5pt; padding: 2px 0; spacing: 6px; }
QRadioButton:focus, QCheckBox:focus { color: #1d4ed8; }
QFrame#instance { background: #fafbfc; border: 1px solid #d5dae1; border-radius: 6px; }
QToolButton#instanceTitle { font-size: 11pt; font-weight: bold; color: #0f3d6e;
    border: none; padding: 6px 4px; text-align: left; }
QToolButton#instanceTitle:focus { color: #1d4ed8; text-decoration: underline; }
QLabel#instanceProblems { color: #b91c1c; font-weight: 600; }
QPushButton { font-size: 10pt; padding: 5px 12px; }
QPushButton#addInstance { font-weight: bold; color: #0f3d6e; }
"""
