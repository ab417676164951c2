"""Wiring: what both faces (the window and the command line) decide the same way.

* ``paths`` — which data folder (``--data-dir`` > environment > the folder chosen in Settings >
  the OS default) and the files inside it;
* ``config`` — the settings file in that folder;
* ``credentials`` — where the app secret lives (OS keyring, opt-in file), and the one-time prompt;
* ``connection`` — which platform to talk to (arguments > settings > the embedded demo).

Why one package: before, the window kept its data-folder choice where the terminal never looked,
so ``main.py stores`` read another database than the one on screen. Nothing here imports Qt.
"""
