"""Benchmarks: `python tests/bench/run.py` (not collected by pytest: see norecursedirs)."""
