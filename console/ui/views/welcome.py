"""First run: what the console does, and demo platform versus the real one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from console.ui.context import UiContext


class WelcomeDialog(QDialog):
    """Shown once (``welcome/seen`` in ui.ini). Explains the demo and how to connect for real."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("welcome")
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 16)
        lay.setSpacing(12)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("primary")  # the one way on: the app's green button, Enter presses it
        ok.setDefault(True)
        lay.addWidget(self.title)
        lay.addWidget(self.body)
        lay.addWidget(self.buttons)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Welcome", "Welcome to Merchant Console"))
        self.title.setText(QCoreApplication.translate("Welcome", "Welcome to Merchant Console"))
        self.body.setText(
            QCoreApplication.translate(
                "Welcome",
                "<p>See every store's payment methods in one place: which stores are invited to offer "
                "WeChat Pay beside Alipay, their deadlines, and what your shoppers see at checkout.</p>"
                "<p><b>You are looking at the demo platform.</b> It runs on this computer with sample "
                "stores, so you can try everything safely: nothing you do here reaches real shoppers.</p>"
                "<p>To manage your real stores, open <b>Settings</b>, choose <b>Real platform</b> and "
                "enter the address, app key and secret from the merchant portal.</p>"
                "<p>Changes you make are saved at once and sent to the platform in the background. "
                "Without a connection they wait, and are sent when it is back.</p>",
            )
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(QCoreApplication.translate("Welcome", "Get started"))

    def changeEvent(self, event: object) -> None:
        from PySide6.QtCore import QEvent

        if getattr(event, "type", lambda: None)() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)  # type: ignore[arg-type]
