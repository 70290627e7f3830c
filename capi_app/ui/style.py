"""The application's look: one style sheet, calm colours, large enough text for old screens."""

ACCENT = "#0f766e"

STYLE_SHEET = f"""
QWidget {{ font-size: 10.5pt; }}
QMainWindow, QDialog {{ background: #f6f7f9; }}
QLineEdit, QPlainTextEdit, QComboBox {{
    padding: 5px 7px; border: 1px solid #c9ced6; border-radius: 4px; background: white;
}}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 2px solid {ACCENT}; }}
QPushButton {{
    padding: 6px 14px; border: 1px solid #c9ced6; border-radius: 4px; background: white;
}}
QPushButton:hover {{ background: #eef2f5; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT}; font-weight: 600; }}
QPushButton#primary:hover {{ background: #115e59; }}
QPushButton:disabled {{ color: #9aa3ad; background: #f0f1f3; }}
QPushButton#primary:disabled {{
    color: #9aa3ad; background: #f0f1f3; border: 1px solid #d5d9df; font-weight: 600;
}}
QTableView {{
    background: white; alternate-background-color: #f8fafb; border: 1px solid #d9dde3;
    gridline-color: #eceff2; selection-background-color: #ccfbf1; selection-color: #111;
}}
QHeaderView::section {{
    background: #eef1f4; padding: 6px; border: none; border-bottom: 1px solid #d9dde3;
    font-weight: 600;
}}
QListWidget#filters {{ background: white; border: 1px solid #d9dde3; }}
QListWidget#filters::item {{ padding: 7px 8px; }}
QListWidget#filters::item:selected {{ background: #ccfbf1; color: #111; }}
QLabel#title {{ font-size: 16pt; font-weight: 700; color: #0f172a; }}
QLabel#subtitle {{ color: #475569; }}
QLabel#error {{ color: #b91c1c; }}
QLabel#banner {{
    background: #fff7ed; border: 1px solid #fdba74; border-radius: 4px; padding: 8px;
}}
QTabWidget::pane {{ border: 1px solid #d9dde3; background: white; }}
QTabBar::tab {{ padding: 7px 16px; }}
QTabBar::tab:selected {{ background: white; font-weight: 600; }}
QToolBar {{ background: #0f172a; spacing: 6px; padding: 4px; }}
QToolBar QToolButton {{ color: white; padding: 6px 10px; border-radius: 4px; }}
QToolBar QToolButton:hover {{ background: #1e293b; }}
QToolBar QLabel {{ color: #cbd5e1; padding: 0 8px; }}
QStatusBar {{ background: #eef1f4; }}
"""
