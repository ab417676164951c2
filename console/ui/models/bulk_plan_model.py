"""The bulk change's dry run as a table model: a row per store, filterable by outcome.

Why a model and not a QTreeWidget: a plan over thousands of stores is one tuple the view already
holds; the model reads it in place (no item per cell) and a proxy hides the outcomes the merchant
filtered out. Words come from ``console.words`` in the language the view passes in.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from console.service import BulkOutcome, BulkPlan, plan_row_why
from console.words.bulk import column_titles, outcome_name

#: The columns shown (indexes into ``console.words.bulk.COLUMNS``): id, name, outcome, why.
SHOWN = (0, 1, 4, 5)
OUTCOME_COLUMN = 2
#: Role carrying a row's BulkOutcome (for the outcome filter).
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class BulkPlanModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan: BulkPlan | None = None
        self.lang = "en"
        self._why: list[str] = []

    def set_plan(self, plan: BulkPlan | None, lang: str) -> None:
        self.beginResetModel()
        self.plan, self.lang = plan, lang
        self._why = [plan_row_why(r, plan.enabled, lang) for r in plan.rows] if plan else []
        self.endResetModel()

    def set_lang(self, lang: str) -> None:
        self.set_plan(self.plan, lang)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.plan is None else len(self.plan.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SHOWN)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles(self.lang)[SHOWN[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.plan is None or not index.isValid():
            return None
        row = self.plan.rows[index.row()]
        if role == OUTCOME_ROLE:
            return row.outcome.value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return row.store_id
            if column == 1:
                return row.store_name or ""
            if column == OUTCOME_COLUMN:
                return outcome_name(row.outcome, self.lang)
            return self._why[index.row()]
        return None


class OutcomeFilter(QSortFilterProxyModel):
    """Shows the rows of one outcome (None: all)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.outcome: BulkOutcome | None = None

    def set_outcome(self, outcome: BulkOutcome | str | None) -> None:
        """``outcome`` may come back from a combo box's item data as its plain string."""
        self.beginFilterChange()
        self.outcome = BulkOutcome(outcome) if outcome else None
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self.outcome is None:
            return True
        model = self.sourceModel()
        return bool(model.index(source_row, 0, source_parent).data(OUTCOME_ROLE) == self.outcome.value)
