"""Visit integrity for reviewers and supervisors: a household's evidence panel, a map of a
desa's households drawn with QPainter on the desa's own extent (no network, no tiles), and a
window with the map and the per-enumerator summary (docs/integrity.md)."""

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from capi_app.integrity import (
    EnumeratorRow,
    Evidence,
    MapExtent,
    MapPoint,
    clock,
    map_points,
    nearest,
    scale_bar,
)
from capi_app.review import wilayah_choices
from capi_app.ui import review_jobs, window_size
from capi_app.ui.review_errors import plain_error
from capi_app.ui.review_photos import metres
from dtks import integrity, wilayah

FLAGGED = QColor("#b91c1c")
PLAIN = QColor("#0f766e")
CHOSEN = QColor("#f59e0b")


def indicator_label(name: str) -> str:
    """An indicator's name in the user's language."""
    labels = {
        integrity.SHORT_INTERVIEW: QCoreApplication.translate("Integrity", "Interview too short"),
        integrity.PHOTO_TIME: QCoreApplication.translate(
            "Integrity", "Photo taken long before or after the visit"
        ),
        integrity.SHARED_PHOTO: QCoreApplication.translate(
            "Integrity", "Same photo as another household"
        ),
        integrity.CLUSTERED_GPS: QCoreApplication.translate(
            "Integrity", "GPS point shared by many households"
        ),
        integrity.FAST_TRAVEL: QCoreApplication.translate(
            "Integrity", "Travel faster than possible"
        ),
        integrity.FAR_FROM_DESA: QCoreApplication.translate("Integrity", "Far from the desa"),
        integrity.ONE_SITTING: QCoreApplication.translate(
            "Integrity", "Many finalized in one sitting"
        ),
    }
    return labels.get(name, name)


def event_label(kind: str) -> str:
    """A paradata event kind in the user's language."""
    labels = {
        integrity.OPENED: QCoreApplication.translate("Integrity", "Opened"),
        integrity.ANSWER: QCoreApplication.translate("Integrity", "Answer changed"),
        integrity.SECTION: QCoreApplication.translate("Integrity", "Section"),
        integrity.PHOTO: QCoreApplication.translate("Integrity", "Photo taken"),
        integrity.GPS: QCoreApplication.translate("Integrity", "GPS taken"),
        integrity.FINALIZED: QCoreApplication.translate("Integrity", "Finalized"),
    }
    return labels.get(kind, kind)


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text) -> QTableWidgetItem:
    return QTableWidgetItem("" if text is None else str(text))


class IntegrityPanel(QWidget):
    """A household's integrity evidence: the signs, the interview, the timeline, and the other
    households the signs name (each a button that opens that household)."""

    open_household = Signal(str)
    loaded = Signal()

    def __init__(self, api, household_id: str, parent=None):
        super().__init__(parent)
        self.api, self.household_id = api, household_id
        self.jobs = []
        self.evidence: Evidence | None = None
        self.error = ""
        self.summary = QLabel(wordWrap=True, objectName="subtitle")
        self.findings = _table(2)
        self.findings.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.findings.setColumnWidth(0, 260)
        self.related_title = QLabel(objectName="sectiontitle")
        # A wrapping list, not a row of buttons: a sitting of 30 households stays in the window.
        self.related = QListWidget(flow=QListView.Flow.LeftToRight, wrapping=True)
        self.related.setResizeMode(QListView.ResizeMode.Adjust)
        self.related.setSpacing(3)
        self.related.setMaximumHeight(96)
        self.related.itemActivated.connect(self._related_chosen)
        self.related.itemClicked.connect(self._related_chosen)
        self.timeline_title = QLabel(objectName="sectiontitle")
        self.timeline = _table(4)
        for column, width in enumerate((120, 95, 130)):
            self.timeline.setColumnWidth(column, width)
        self.refresh_button = QPushButton(enabled=False)  # until the desa is known
        self.refresh_button.clicked.connect(self.recompute)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.findings, 3)
        left.addWidget(self.related_title)
        left.addWidget(self.related)
        right = QVBoxLayout()
        right.addWidget(self.timeline_title)
        right.addWidget(self.timeline, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.findings.setHorizontalHeaderLabels([self.tr("Sign"), self.tr("Evidence")])
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Since start"), self.tr("Event"), self.tr("What")]
        )
        self.related_title.setText(self.tr("Other households named by the signs"))
        self.timeline_title.setText(self.tr("Interview timeline (paradata)"))
        self.refresh_button.setText(self.tr("Recompute"))
        self.refresh_button.setToolTip(self.tr("Run the integrity indicators again for this desa"))
        if self.evidence is not None:
            self.show_evidence(self.evidence)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        """Fetch the evidence off the GUI thread."""
        api, hid = self.api, self.household_id
        self.summary.setText(self.tr("Loading…"))
        review_jobs.start(
            self,
            lambda progress, cancel: Evidence.from_json(api.integrity_household(hid)),
            self._loaded,
            self._failed,
        )

    def recompute(self) -> None:
        """Ask the server to run the indicators again for the household's desa, then reload."""
        api, desa = self.api, self._desa()
        if desa is None:  # not loaded yet: never a refresh of every desa of the scope
            return
        self.refresh_button.setEnabled(False)
        review_jobs.start(
            self,
            lambda progress, cancel: api.integrity_refresh(desa),
            lambda _: (self.refresh_button.setEnabled(True), self.reload()),
            self._failed,
        )

    def _desa(self) -> str | None:
        kode = self.evidence.kode_wilayah if self.evidence else ""
        return wilayah.dotted(kode) if kode else None

    def _loaded(self, evidence: Evidence) -> None:
        self.error = ""
        self.show_evidence(evidence)
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        self.refresh_button.setEnabled(True)
        self.error = plain_error(error)
        self.summary.setText(self.error)
        self.loaded.emit()

    def show_evidence(self, e: Evidence) -> None:
        """Fill the tables from the evidence."""
        self.evidence = e
        self.refresh_button.setEnabled(bool(e.kode_wilayah))
        self.summary.setText(self._summary(e))
        self.findings.setRowCount(len(e.findings))
        for row, f in enumerate(e.findings):
            self.findings.setItem(row, 0, _item(indicator_label(f.indicator)))
            self.findings.setItem(row, 1, _item(self._evidence_text(f)))
        self.findings.resizeRowsToContents()
        self.timeline.setRowCount(len(e.timeline))
        for row, t in enumerate(e.timeline):
            when = f"{t.at[8:10]}/{t.at[5:7]} {t.at[11:19]}" if len(t.at) >= 19 else t.at
            values = (when, clock(t.offset_s), event_label(t.kind), t.what)
            for column, value in enumerate(values):
                item = _item(value)
                item.setToolTip(t.at if column == 0 else str(value))
                self.timeline.setItem(row, column, item)
        self.related.clear()
        distances = dict(e.distances())
        for hid in e.related:
            far = f" · {metres(distances[hid])}" if hid in distances else ""
            item = QListWidgetItem(f"{hid}{far}")
            item.setData(Qt.ItemDataRole.UserRole, hid)
            item.setForeground(QColor("#1d4ed8"))
            item.setToolTip(self.tr("Open household {0}").format(hid))
            self.related.addItem(item)

    def _related_chosen(self, item: QListWidgetItem) -> None:
        self.open_household.emit(item.data(Qt.ItemDataRole.UserRole))

    def _summary(self, e: Evidence) -> str:
        v = e.visit or {}
        if not e.findings:
            head = self.tr("No sign of a visit that did not happen in the field.")
        else:
            head = self.tr("{0} sign(s) that the visit may not have happened in the field; "
                           "they inform, they do not block approval.").format(len(e.findings))  # fmt: skip
        if v:
            took, need = v.get("interview_seconds"), v.get("minimum_seconds")
            if took is not None:
                head += "  " + self.tr(
                    "Enumerator {0}; interview {1} (at least {2} expected for {3} members)."
                ).format(
                    v.get("enumerator"), clock(took)[1:], clock(need or 0)[1:], v.get("members")
                )
        return head

    def _evidence_text(self, f) -> str:
        e = f.evidence
        if f.indicator == integrity.SHORT_INTERVIEW:
            return self.tr("{0} s; {1} members and {2} answers need at least {3} s").format(
                e.get("seconds"), e.get("members"), e.get("answers"), e.get("minimum_seconds")
            )
        if f.indicator == integrity.PHOTO_TIME:
            return self.tr("photo taken {0}; visit {1} to {2}").format(
                _when(e.get("taken_at")), _when(e.get("started_at")), _when(e.get("finished_at"))
            )
        if f.indicator == integrity.SHARED_PHOTO:
            how = (
                self.tr("the same file")
                if e.get("match") == "sha256"
                else self.tr("a resized or re-saved copy (dHash {0}, aHash {1} bits apart)").format(
                    (e.get("distance") or {}).get("dhash"), (e.get("distance") or {}).get("ahash")
                )
            )
            return self.tr("{0} of the photo of household {1}").format(
                how, e.get("other_household_id")
            )
        if f.indicator == integrity.CLUSTERED_GPS:
            return self.tr("{0} other households within {1} m ({2} identical)").format(
                e.get("count"), e.get("radius_m"), e.get("identical")
            )
        if f.indicator == integrity.FAST_TRAVEL:
            return self.tr("{0} from household {1} in {2} s ({3} km/h)").format(
                metres(e.get("distance_m") or 0), e.get("other_household_id"),
                e.get("gap_seconds"), e.get("speed_kmh"),
            )  # fmt: skip
        if f.indicator == integrity.FAR_FROM_DESA:
            return self.tr("{0} from the centre of the desa (limit {1})").format(
                metres(e.get("distance_m") or 0), metres(e.get("limit_m") or 0)
            )
        if f.indicator == integrity.ONE_SITTING:
            return self.tr("{0} households finalized within {1} s at one place").format(
                len(e.get("households") or []), e.get("span_seconds")
            )
        return f.message


def _when(text) -> str:
    return str(text or "—").replace("T", " ")[:19]


class DesaMap(QWidget):
    """A desa's households as points on the desa's own extent, north up, with a scale bar;
    flagged ones red. A click on a point emits ``household_chosen``."""

    household_chosen = Signal(str)
    MARGIN = 18

    def __init__(self, parent=None):
        super().__init__(parent)
        self.points: list[MapPoint] = []
        self.extent: MapExtent | None = None
        self.chosen: str | None = None
        self.setMinimumSize(360, 300)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_points(self, points: list[MapPoint]) -> None:
        """Show these points on their own extent."""
        self.points = points
        self.extent = MapExtent.around(points)
        self.update()

    def positions(self) -> list[tuple[float, float]]:
        """Each point's pixel position in the widget as it is now."""
        if self.extent is None:
            return []
        w, h = self.width(), self.height()
        return [self.extent.project(p.lat, p.lon, w, h, self.MARGIN) for p in self.points]

    def point_at(self, x: float, y: float) -> MapPoint | None:
        """The point under (x, y), if any."""
        return nearest(self.points, self.positions(), x, y)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        p = self.point_at(event.position().x(), event.position().y())
        if p is not None:
            self.chosen = p.household_id
            self.update()
            self.household_chosen.emit(p.household_id)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        p = self.point_at(event.position().x(), event.position().y())
        signs = "\n".join(indicator_label(i) for i in p.indicators) if p else ""
        self.setToolTip("" if p is None else f"{p.household_id}  {p.nama_krt}\n{signs}".strip())
        self.setCursor(Qt.CursorShape.PointingHandCursor if p else Qt.CursorShape.ArrowCursor)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#f8fafc"))
        painter.setPen(QPen(QColor("#cbd5e1"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.extent is None:
            painter.setPen(QColor("#475569"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No GPS points"))
            return
        positions = self.positions()
        self._stack_counts(painter, positions)
        order = sorted(range(len(self.points)), key=lambda i: self.points[i].flagged)
        for i in order:  # flagged points drawn last, on top
            p, (x, y) = self.points[i], positions[i]
            colour = CHOSEN if p.household_id == self.chosen else FLAGGED if p.flagged else PLAIN
            radius = 6 if p.flagged or p.household_id == self.chosen else 4
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(QBrush(colour))
            painter.drawEllipse(QPointF(x, y), radius, radius)
        self._scale_bar(painter)
        self._legend(painter)

    def _stack_counts(self, painter: QPainter, positions) -> None:
        """Points drawn on one spot (identical GPS) are one dot: say how many, beside it."""
        stacks: dict[tuple[int, int], int] = {}
        for x, y in positions:
            key = (round(x / 3), round(y / 3))
            stacks[key] = stacks.get(key, 0) + 1
        painter.setPen(QColor("#7f1d1d"))
        painter.setFont(QFont(painter.font().family(), 9, QFont.Weight.Bold))
        for (kx, ky), n in stacks.items():
            if n > 1:
                painter.drawText(QPointF(kx * 3 + 9, ky * 3 + 4), f"×{n}")

    def _scale_bar(self, painter: QPainter) -> None:
        mpp = self.extent.metres_per_pixel(self.width(), self.height(), self.MARGIN)
        length_m, pixels = scale_bar(mpp)
        x, y = 12, self.height() - 14
        painter.setPen(QPen(QColor("#0f172a"), 2))
        painter.drawLine(QPointF(x, y), QPointF(x + pixels, y))
        for end in (x, x + pixels):
            painter.drawLine(QPointF(end, y - 4), QPointF(end, y + 2))
        painter.setFont(QFont(painter.font().family(), 8))
        painter.drawText(QPointF(x, y - 6), metres(length_m))
        painter.drawText(QPointF(self.width() - 22, 18), "U")  # utara: north

    def _legend(self, painter: QPainter) -> None:
        flagged = sum(1 for p in self.points if p.flagged)
        text = self.tr("{0} households · {1} with integrity signs").format(
            len(self.points), flagged
        )
        painter.setPen(QColor("#334155"))
        painter.drawText(QRectF(10, 4, self.width() - 40, 18), Qt.AlignmentFlag.AlignLeft, text)


class IntegrityWindow(QMainWindow):
    """The desa map beside the per-enumerator summary; a point opens its household."""

    loaded = Signal()

    def __init__(self, session, open_household=None, desa: str | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.jobs = []
        self.error = ""
        self._open = open_household or self._open_evidence
        self._dialogs: dict[str, QDialog] = {}
        self.desa_label = QLabel()
        self.desa = QComboBox(minimumWidth=360)
        for code, name, _depth in wilayah_choices(session.scopes or []):
            if len(code) == 10:
                self.desa.addItem(f"{wilayah.dotted(code)}  {name}", code)
        if desa and self.desa.findData(desa) >= 0:
            self.desa.setCurrentIndex(self.desa.findData(desa))
        self.desa.currentIndexChanged.connect(lambda i: self.reload())
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.reload)
        self.status = QLabel(objectName="subtitle", wordWrap=True)
        self.map = DesaMap()
        self.map.household_chosen.connect(lambda hid: self._open(hid))
        self.table_title = QLabel(objectName="sectiontitle")
        self.table = _table(4)
        for column, width in enumerate((110, 110, 130)):
            self.table.setColumnWidth(column, width)
        top = QHBoxLayout()
        for w in (self.desa_label, self.desa, self.reload_button):
            top.addWidget(w)
        top.addWidget(self.status, 1)
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table_title)
        box.addWidget(self.table, 1)
        split = QSplitter()
        split.addWidget(self.map)
        split.addWidget(right)
        split.setSizes([720, 520])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)
        self.retranslate()
        window_size.fit(self, 1280, 720)
        self.reload()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Verivali: visit integrity"))
        self.desa_label.setText(self.tr("Desa"))
        self.reload_button.setText(self.tr("Refresh"))
        self.table_title.setText(self.tr("Enumerators: households with integrity signs"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Enumerator"), self.tr("Verified"), self.tr("With signs"), self.tr("Signs")]
        )

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        """Fetch the desa's points and its enumerators' summary off the GUI thread."""
        desa = self.desa.currentData()
        if not desa:
            self.status.setText(self.tr("No desa in your scope."))
            return
        api, dotted = self.session.api, wilayah.dotted(desa)
        self.status.setText(self.tr("Loading…"))

        def fetch(progress, cancel):
            return api.integrity_points(dotted), api.integrity_enumerators(scope=dotted)

        review_jobs.start(self, fetch, self._loaded, self._failed)

    def _loaded(self, result) -> None:
        points, summary = result
        self.error = ""
        self.map.set_points(map_points(points))
        rows = [EnumeratorRow.from_json(e) for e in summary.get("enumerators") or []]
        self.table.setRowCount(len(rows))
        for row, e in enumerate(rows):
            signs = "\n".join(f"{indicator_label(k)}: {n}" for k, n in e.by_indicator.items())
            values = (e.username, e.verifications, f"{e.flagged} ({e.share:.0%})", signs or "—")
            for column, value in enumerate(values):
                item = _item(value)
                if e.flagged:
                    item.setForeground(FLAGGED)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.status.setText(self.tr("Click a point to open its household."))
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        self.error = plain_error(error)
        self.status.setText(self.error)
        self.loaded.emit()

    def _open_evidence(self, household_id: str) -> QDialog:
        """A supervisor (who does not review) sees the household's evidence in a dialog."""
        dialog = self._dialogs.get(household_id)
        if dialog is None:
            dialog = IntegrityDialog(self.session, household_id, self)
            self._dialogs[household_id] = dialog
            dialog.finished.connect(lambda _: self._dialogs.pop(household_id, None))
            dialog.panel.open_household.connect(self._open_evidence)
        dialog.open()
        dialog.raise_()
        return dialog


class IntegrityDialog(QDialog):
    """One household's integrity evidence on its own (the supervisor's view)."""

    def __init__(self, session, household_id: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Visit integrity: household {0}").format(household_id))
        self.panel = IntegrityPanel(session.api, household_id, self)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        window_size.fit(self, 1200, 640)
        self.panel.reload()
