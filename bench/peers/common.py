"""Shared helpers for the pandas peers: load the bench CSVs, time one job, report JSON.

Each peer is run as its own process by bench/run.ts and prints one JSON line with the
job's wall time, the process's peak RSS (inputs included, as for Node) and a detail.
"""
import json
import os
import resource
import sys
import time

import pandas as pd


def data_dir():
    return sys.argv[1]


def load(name, **kw):
    return pd.read_csv(os.path.join(data_dir(), name), **kw)


def cents(series):
    """Decimal text to integer fen (money as integers, as the engine does)."""
    return (series.astype('float64') * 100).round().astype('Int64')


def load_journal():
    j = load('journal.csv', dtype={'EntryId': str, 'CustomerId': str, 'Reference': str, 'Voucher': str},
             parse_dates=['Date'])
    j['amount'] = cents(j['Inflow'].fillna(0)) - cents(j['Outflow'].fillna(0))
    return j


def load_statement():
    s = load('statement.csv', dtype={'LineId': str, 'Reference': str}, parse_dates=['Date'])
    s['amount'] = cents(s['Amount'])
    return s


def report(job):
    """Time `job()` (which returns a short detail) and print the JSON line."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    detail = job()
    ms = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu_ms = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    print(json.dumps({'ms': ms, 'cpuMs': cpu_ms, 'peakRssMB': after.ru_maxrss / 1024,
                      'inputRssMB': before.ru_maxrss / 1024, 'detail': detail}))
