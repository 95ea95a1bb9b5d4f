"""Peer of `xlsx-read`: pandas read_excel (openpyxl) of the same book's journal, statement
and customers sheets."""
import os

import pandas as pd

from common import data_dir, report


def job():
    sheets = pd.read_excel(os.path.join(data_dir(), 'book.xlsx'), sheet_name=['日记账', '对账单', '客户档案'], engine='openpyxl')
    return f"{len(sheets['日记账']) + len(sheets['对账单'])} rows"


if __name__ == '__main__':
    report(job)
