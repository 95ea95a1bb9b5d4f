"""Peer of `risk`: three of the engine's rules in pandas: large cash (>= 50,000), duplicates
(same customer and amount within 3 days) and a robust z-score (median/MAD) per customer."""
import numpy as np

from common import load_journal, report


def job(j):
    j = j.copy()
    j['abs'] = j['amount'].abs().astype('int64')
    large = j[(j['Method'] == '现金') & (j['abs'] >= 5_000_000)]

    d = j.sort_values(['CustomerId', 'abs', 'Date'])
    same = (d['CustomerId'] == d['CustomerId'].shift()) & (d['abs'] == d['abs'].shift())
    close = (d['Date'] - d['Date'].shift()).dt.days <= 3
    duplicates = d[same & close]

    g = j.groupby('CustomerId')['abs']
    median = g.transform('median')
    mad = (j['abs'] - median).abs().groupby(j['CustomerId']).transform('median')
    z = 0.6745 * (j['abs'] - median) / mad.replace(0, np.nan)
    outliers = j[(z.abs() > 3.5) & (g.transform('size') >= 10)]
    return f'{len(large) + len(duplicates) + len(outliers)} findings'


if __name__ == '__main__':
    journal = load_journal()
    report(lambda: job(journal))
