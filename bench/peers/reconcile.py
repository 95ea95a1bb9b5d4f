"""Peer of `reconcile`: merge-based matching of journal and statement for one account up
to the period end. Pass 1 pairs equal amount and reference (the k-th with the k-th);
pass 2 pairs what is left by amount with the nearest date within 3 days (merge_asof).
No fee, split or fuzzy passes: the engine does more than this peer."""
import pandas as pd

from common import load_journal, load_statement, report

END = pd.Timestamp('2025-12-31')


def job(j, s):
    j = j[(j['AccountId'] == 'BANK1') & (j['Date'] <= END)][['EntryId', 'Date', 'amount', 'Reference']].copy()
    s = s[(s['AccountId'] == 'BANK1') & (s['Date'] <= END)][['LineId', 'Date', 'amount', 'Reference']].copy()

    # Pass 1: exact amount and reference, one to one
    jr, sr = j[j['Reference'].notna()].copy(), s[s['Reference'].notna()].copy()
    jr['k'] = jr.groupby(['amount', 'Reference']).cumcount()
    sr['k'] = sr.groupby(['amount', 'Reference']).cumcount()
    exact = jr.merge(sr, on=['amount', 'Reference', 'k'], suffixes=('_j', '_s'))

    # Pass 2: the rest by amount, nearest date within the window
    jl = j[~j['EntryId'].isin(exact['EntryId'])].sort_values('Date')
    sl = s[~s['LineId'].isin(exact['LineId'])].sort_values('Date')
    near = pd.merge_asof(sl, jl, on='Date', by='amount', tolerance=pd.Timedelta(days=3), direction='nearest', suffixes=('_s', '_j'))
    near = near[near['EntryId'].notna()].drop_duplicates('EntryId')

    matched = len(exact) + len(near)
    open_j = len(j) - matched
    open_s = len(s) - matched
    return f'{matched} matches, {open_j + open_s} outstanding'


if __name__ == '__main__':
    journal, statement = load_journal(), load_statement()
    report(lambda: job(journal, statement))
