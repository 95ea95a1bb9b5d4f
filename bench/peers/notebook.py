"""Peer of `notebook run`: the built-in analyses a pandas user would write: income and
expense by month, top customers, customer concentration and a recency/frequency table."""
from common import load_journal, report


def job(j):
    j = j.copy()
    j['month'] = j['Date'].dt.to_period('M')
    inflow = j['amount'].clip(lower=0)
    outflow = (-j['amount']).clip(lower=0)
    monthly = j.assign(inflow=inflow, outflow=outflow).groupby('month')[['inflow', 'outflow']].sum()
    by_customer = j.assign(inflow=inflow).groupby('CustomerId')['inflow'].sum().sort_values(ascending=False)
    top = by_customer.head(10)
    share = top.sum() / by_customer.sum()
    rfm = j.groupby('CustomerId').agg(last=('Date', 'max'), count=('EntryId', 'size'), value=('amount', 'sum'))
    return f'{len(monthly)} months, top-10 share {share:.3f}, {len(rfm)} customers'


if __name__ == '__main__':
    journal = load_journal()
    report(lambda: job(journal))
