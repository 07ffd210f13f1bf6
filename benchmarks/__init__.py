"""Timings outside the test suite: `make bench` runs them all through benchmarks.run.

Each benchmark is a module with run(bench_database_url, quick=False) -> dict, the section of
benchmarks/results/latest.json it fills; quick=True shrinks it to seconds (the smoke test).
"""
