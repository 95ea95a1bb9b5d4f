"""Peer of `xlsx-write`: pandas to_excel (openpyxl) of the journal, statement and customers."""
import os

import pandas as pd

from common import data_dir, load, load_journal, load_statement, report


def job(frames):
    out = os.path.join(data_dir(), 'out-pandas.xlsx')
    with pd.ExcelWriter(out, engine='openpyxl') as writer:
        for name, df in frames.items():
            df.to_excel(writer, sheet_name=name, index=False)
    return f'{os.path.getsize(out) >> 20} MB'


if __name__ == '__main__':
    # Typed as the book is: amounts as numbers, dates as dates, ids as text
    frames = {'日记账': load_journal().drop(columns='amount'), '对账单': load_statement().drop(columns='amount'), '客户档案': load('customers.csv', dtype=str)}
    report(lambda: job(frames))
