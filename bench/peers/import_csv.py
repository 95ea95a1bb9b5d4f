"""Peer of `import`: read the bank's CSV with read_csv, parse dates and amounts, number
repeated lines and fingerprint each one (what the engine's import does, minus presets)."""
import os

import pandas as pd

from common import data_dir, report


def job():
    df = pd.read_csv(os.path.join(data_dir(), 'bank-statement.csv'), dtype={'流水号': str, '对方户名': str, '摘要': str})
    df['date'] = pd.to_datetime(df['交易日期'], format='%Y-%m-%d')
    df['fen'] = (df['金额'] * 100).round().astype('int64')
    key = ['date', 'fen', '流水号']
    df['occurrence'] = df.fillna({'流水号': ''}).groupby(key).cumcount()
    df['fingerprint'] = pd.util.hash_pandas_object(df[key + ['occurrence']], index=False)
    return f"{len(df)} lines, {df['fingerprint'].nunique()} distinct"


if __name__ == '__main__':
    report(job)
