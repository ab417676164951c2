"""Benchmarks for issue #7: ``make bench`` (``python -m bench.run``).

Every figure is measured beside its baseline in the same run (the machine is noisy: compare
ratios), as the median of 5 runs after a warm-up. Nothing here is imported by the app or by
``make test``; there are no timed asserts anywhere.
"""
