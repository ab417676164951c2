"""Settings: language, platform and its secret, data folder, sync interval, theme.

App settings are ``console.wiring.config`` (``settings.json`` in the data folder, shared with the CLI);
the secret goes to the OS keyring through ``console.wiring.credentials`` and never into a file unless
the merchant explicitly allows it here. The data folder's location is kept outside the data
folder (user-level QSettings) and takes effect on the next start.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.ui.context import UiContext
from console.ui.views.base import BaseView
from console.ui.widgets.page import scrolling_page
from console.wiring.config import AppConfig, load_config, save_config
from console.wiring.paths import save_data_dir

log = logging.getLogger(__name__)

def _card(title: QLabel) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(16, 12, 16, 14)
    lay.setSpacing(8)
    title.setObjectName("cardTitle")
    lay.addWidget(title)
    return frame, lay


def _muted(text_label: QLabel) -> QLabel:
    text_label.setProperty("muted", True)
    text_label.setWordWrap(True)
    return text_label


class SettingsView(BaseView):
    view_name = "settings"
    language_chosen = Signal(str)  # "system", "zh_CN" or "en"
    interval_changed = Signal(int)  # seconds
    work_offline_changed = Signal(bool)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.config: AppConfig = load_config(ctx.data_dir).config
        self._keyring_ok: bool | None = None
        lay = scrolling_page(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        lay.addWidget(self.title)

        # language and look
        self.lang_title = QLabel()
        card, cl = _card(self.lang_title)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.lang_label = QLabel()
        self.language = QComboBox()
        for code in ("system", "zh_CN", "en"):
            self.language.addItem("", code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.config.language)))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.lang_label.setBuddy(self.language)
        form.addRow(self.lang_label, self.language)
        self.theme_label = QLabel()
        self.theme_text = _muted(QLabel())
        # one short line: wrapping it inside a size-hint-wide form field cut it in two (English)
        self.theme_text.setWordWrap(False)
        form.addRow(self.theme_label, self.theme_text)
        cl.addLayout(form)
        lay.addWidget(card)

        # platform
        self.platform_title = QLabel()
        card, cl = _card(self.platform_title)
        self.demo_radio = QRadioButton()
        self.real_radio = QRadioButton()
        self.platform_group = QButtonGroup(self)
        self.platform_group.addButton(self.demo_radio)
        self.platform_group.addButton(self.real_radio)
        self.demo_text = _muted(QLabel())
        cl.addWidget(self.demo_radio)
        cl.addWidget(self.demo_text)
        cl.addWidget(self.real_radio)
        pform = QFormLayout()
        self.url_label, self.key_label, self.secret_label = QLabel(), QLabel(), QLabel()
        self.url = QLineEdit(self.config.platform_url or "")
        self.app_key = QLineEdit(self.config.app_key or "")
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        for label, field in (
            (self.url_label, self.url),
            (self.key_label, self.app_key),
            (self.secret_label, self.secret),
        ):
            label.setBuddy(field)
            pform.addRow(label, field)
        cl.addLayout(pform)
        self.keyring_text = _muted(QLabel())
        cl.addWidget(self.keyring_text)
        self.allow_file = QCheckBox()
        self.allow_file.setChecked(self.config.allow_file_secret)
        cl.addWidget(self.allow_file)
        row = QHBoxLayout()
        self.save_platform = QPushButton()
        self.save_platform.setObjectName("primary")
        self.save_platform.clicked.connect(self.apply_platform)
        self.platform_status = _muted(QLabel())
        self.platform_in_use = _muted(QLabel())  # what is really connected, wherever it came from
        self.platform_in_use.setWordWrap(True)
        self._in_use: Any = None
        cl.addWidget(self.platform_in_use)
        row.addWidget(self.save_platform)
        row.addWidget(self.platform_status, 1)
        cl.addLayout(row)
        (self.real_radio if self.config.platform_url else self.demo_radio).setChecked(True)
        self.real_radio.toggled.connect(self._platform_mode)
        self._platform_mode()
        lay.addWidget(card)

        # sync
        self.sync_title = QLabel()
        card, cl = _card(self.sync_title)
        sform = QFormLayout()
        sform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.interval_label = QLabel()
        self.interval = QSpinBox()
        self.interval.setRange(1, 240)
        self.interval.setValue(max(1, round(self.config.sync_interval_s / 60)))
        self.interval.valueChanged.connect(self._interval_changed)
        self.interval_label.setBuddy(self.interval)
        sform.addRow(self.interval_label, self.interval)
        self.offline = QCheckBox()
        self.offline.setChecked(self.config.work_offline)
        self.offline.toggled.connect(self.work_offline_changed)
        sform.addRow("", self.offline)
        cl.addLayout(sform)
        lay.addWidget(card)

        # data folder
        self.data_title = QLabel()
        card, cl = _card(self.data_title)
        self.data_path = QLabel(str(ctx.data_dir))
        self.data_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_path.setWordWrap(True)
        cl.addWidget(self.data_path)
        row = QHBoxLayout()
        self.open_folder = QPushButton()
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir)))
        )
        self.change_folder = QPushButton()
        self.change_folder.clicked.connect(self._choose_folder)
        row.addWidget(self.open_folder)
        row.addWidget(self.change_folder)
        row.addStretch(1)
        cl.addLayout(row)
        self.data_note = _muted(QLabel())
        cl.addWidget(self.data_note)
        lay.addWidget(card)
        lay.addStretch(1)
        ctx.events.sync_state_changed.connect(self._sync_state)
        self.retranslateUi()

    # -- the platform in use -------------------------------------------------------------
    def show_platform_in_use(self, connection: Any) -> None:
        """Say which platform the sync worker really uses (``--platform``, settings or demo)."""
        from console.words.wiring import platform_in_use_text

        self._in_use = connection
        self.platform_in_use.setText(
            platform_in_use_text(
                getattr(connection, "url", None),
                getattr(connection, "source", None),
                getattr(connection, "secret_source", None),
                self.ctx.lang,
            )
        )

    def showEvent(self, event: QShowEvent) -> None:
        worker = getattr(self.window(), "sync_worker", None)
        self.show_platform_in_use(getattr(worker, "connection", None) or self._in_use)
        super().showEvent(event)

    # -- text -----------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        if hasattr(self, "_in_use"):
            self.show_platform_in_use(self._in_use)
        self.title.setText(QCoreApplication.translate("SettingsView", "Settings"))
        self.lang_title.setText(QCoreApplication.translate("SettingsView", "Language and look"))
        self.lang_label.setText(QCoreApplication.translate("SettingsView", "&Language"))
        self.language.setItemText(0, QCoreApplication.translate("SettingsView", "Follow the system"))
        self.language.setItemText(1, "简体中文")  # each language in its own name, never translated
        self.language.setItemText(2, "English")
        self.language.setAccessibleName(QCoreApplication.translate("SettingsView", "Language"))
        self.theme_label.setText(QCoreApplication.translate("SettingsView", "Theme"))
        self.theme_text.setText(
            QCoreApplication.translate("SettingsView", "Light or dark follows the system setting.")
        )
        self.platform_title.setText(QCoreApplication.translate("SettingsView", "Platform"))
        self.demo_radio.setText(QCoreApplication.translate("SettingsView", "Demo platform on this computer"))
        self.demo_text.setText(
            QCoreApplication.translate(
                "SettingsView", "Sample stores to try everything safely; nothing reaches real shoppers."
            )
        )
        self.real_radio.setText(QCoreApplication.translate("SettingsView", "Real platform"))
        self.url_label.setText(QCoreApplication.translate("SettingsView", "&Address"))
        self.url.setPlaceholderText("https://")
        self.key_label.setText(QCoreApplication.translate("SettingsView", "App &key"))
        self.secret_label.setText(QCoreApplication.translate("SettingsView", "App &secret"))
        self.secret.setPlaceholderText(
            QCoreApplication.translate("SettingsView", "Leave empty to keep the saved secret")
        )
        self.allow_file.setText(
            QCoreApplication.translate(
                "SettingsView", "Allow saving the secret in a file in the data folder (less safe)"
            )
        )
        self.save_platform.setText(QCoreApplication.translate("SettingsView", "Save platform"))
        self.sync_title.setText(QCoreApplication.translate("SettingsView", "Sync"))
        self.interval_label.setText(QCoreApplication.translate("SettingsView", "Sync &every"))
        self.interval.setSuffix(QCoreApplication.translate("SettingsView", " min"))
        self.interval.setAccessibleName(
            QCoreApplication.translate("SettingsView", "Sync interval in minutes")
        )
        self.offline.setText(
            QCoreApplication.translate(
                "SettingsView", "Work offline (keep changes here, do not contact the platform)"
            )
        )
        self.data_title.setText(QCoreApplication.translate("SettingsView", "Data folder"))
        self.open_folder.setText(QCoreApplication.translate("SettingsView", "Open folder"))
        self.change_folder.setText(QCoreApplication.translate("SettingsView", "Change…"))
        self.data_note.setText(
            QCoreApplication.translate(
                "SettingsView",
                "Your stores, changes and settings are kept here. A new folder is used after a restart.",
            )
        )
        self._keyring_text()

    def _keyring_available(self) -> bool:
        """Probed once per page (it asks the keyring over D-Bus on Linux)."""
        if self._keyring_ok is None:
            try:
                from console.wiring.credentials import keyring_status

                self._keyring_ok = keyring_status().available
            except Exception:  # a broken keyring must not break the settings page
                self._keyring_ok = False
        return self._keyring_ok

    def _keyring_text(self) -> None:
        ok = self._keyring_available()
        real = self.real_radio.isChecked()
        self.keyring_text.setVisible(real)
        if ok:
            self.keyring_text.setText(
                QCoreApplication.translate("SettingsView", "The secret is kept in the system keyring.")
            )
            self.allow_file.setVisible(real and self.allow_file.isChecked())
        else:
            self.keyring_text.setText(
                QCoreApplication.translate(
                    "SettingsView",
                    "This computer has no system keyring, so the secret cannot be stored safely. "
                    "You can allow saving it in a file that only your account can read.",
                )
            )
            self.allow_file.setVisible(real)

    # -- changes --------------------------------------------------------------------------
    def _save(self, **changes: object) -> None:
        self.config = load_config(self.ctx.data_dir).config.with_changes(**changes)
        try:
            save_config(self.ctx.data_dir, self.config)
        except OSError:
            log.exception("saving settings")

    def _language_changed(self) -> None:
        choice = str(self.language.currentData())
        self._save(language=choice)
        self.language_chosen.emit(choice)

    def _interval_changed(self, minutes: int) -> None:
        self._save(sync_interval_s=minutes * 60)
        self.interval_changed.emit(minutes * 60)

    def _sync_state(self, status: object) -> None:
        offline = bool(getattr(status, "work_offline", False))
        if self.offline.isChecked() != offline:
            self.offline.blockSignals(True)
            self.offline.setChecked(offline)
            self.offline.blockSignals(False)

    def _platform_mode(self) -> None:
        real = self.real_radio.isChecked()
        for w in (self.url, self.app_key, self.secret, self.url_label, self.key_label, self.secret_label):
            w.setEnabled(real)
        # where the secret is kept matters only for a real platform (the demo has its own)
        self._keyring_text()

    def apply_platform(self) -> bool:
        """Save the platform choice (and the secret, to the keyring); True when saved."""
        if self.demo_radio.isChecked():
            self._save(platform_url=None, app_key=None)
            self.platform_status.setText(
                QCoreApplication.translate(
                    "SettingsView", "Saved. The demo platform is used after a restart."
                )
            )
            return True
        url, key, secret = self.url.text().strip(), self.app_key.text().strip(), self.secret.text()
        if not url.startswith(("http://", "https://")) or not key:
            self.platform_status.setText(
                QCoreApplication.translate(
                    "SettingsView", "Enter the platform address (https://…) and the app key."
                )
            )
            return False
        allow = self.allow_file.isChecked()
        if secret:
            from console.wiring.credentials import CredentialError, SecretStore

            try:
                SecretStore(self.ctx.data_dir, allow_file_secret=allow).set(url, key, secret)
            except CredentialError:
                self.platform_status.setText(
                    QCoreApplication.translate(
                        "SettingsView",
                        "The secret was not saved: no system keyring. Allow the file option to save it.",
                    )
                )
                self.allow_file.setVisible(True)
                return False
        self._save(platform_url=url, app_key=key, allow_file_secret=allow)
        self.secret.clear()
        self.platform_status.setText(
            QCoreApplication.translate(
                "SettingsView", "Saved. The console connects to this platform after a restart."
            )
        )
        return True

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("SettingsView", "Choose the data folder"), str(self.ctx.data_dir)
        )
        if folder:
            save_data_dir(Path(folder))  # read by the window and the terminal alike
            self.data_note.setText(
                QCoreApplication.translate("SettingsView", "The console uses %1 after a restart.").replace(
                    "%1", folder
                )
            )
