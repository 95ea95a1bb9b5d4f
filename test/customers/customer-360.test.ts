import { customer360 } from '../../analytics/customers/customer-360';
import { isAnalyticsError } from '../../analytics/util/error';
import { AS_OF, makeCustomerBook } from './customer-book';

describe('customer360', () => {
  const view = customer360(makeCustomerBook(), 'C0001', AS_OF);

  it('gives the balance as opening plus inflow less outflow up to the as-of date', () => {
    expect([view.openingBalance, view.inflow, view.outflow, view.balance]).toEqual(['500.00', '1200.00', '300.00', '1400.00']);
  });

  it('lists the running balance entry by entry, a reversal pair netting out', () => {
    expect(view.history.map((h) => [h.entryId, h.inflow, h.outflow, h.balance])).toEqual([
      ['J1', '1200.00', '',       '1700.00'],
      ['J2', '',        '300.00', '1400.00'],
      ['J4', '99.90',   '',       '1499.90'],
      ['J5', '-99.90',  '',       '1400.00'],
    ]);
  });

  it('gives month ends', () => {
    expect(view.months).toEqual([
      { period: '2024-04', inflow: '1200.00', outflow: '300.00', closing: '1400.00' },
      { period: '2024-05', inflow: '0.00',    outflow: '0.00',   closing: '1400.00' },
    ]);
  });

  it('splits cash by counter account into receivable and payable sides', () => {
    expect(view.byCounterAccount).toEqual([
      { counterAccount: '应收账款', side: 'receivable', inflow: '1200.00', outflow: '0.00',   net: '1200.00' },
      { counterAccount: '预收账款', side: 'payable',    inflow: '0.00',    outflow: '300.00', net: '-300.00' },
    ]);
  });

  it('shows recent entries newest first', () => {
    expect(view.recent.map((r) => r.entryId)).toEqual(['J5', 'J4', 'J2', 'J1']);
  });

  it('keeps open exceptions only', () => {
    expect(view.openExceptions.map((x) => x.FindingId)).toEqual(['X1']);
  });

  it('lists communications newest first and the follow-ups that have come', () => {
    expect(view.communications.map((c) => c.Id)).toEqual(['M2', 'M1']);
    expect(view.followUpsDue.map((c) => c.Id)).toEqual(['M1']);
  });

  it('scores satisfaction from the feedback', () => {
    expect(view.satisfaction).toEqual({ count: 2, average: '4.00', latest: 3 });
  });

  it('leaves out entries after the as-of date', () => {
    expect(customer360(makeCustomerBook(), 'C0001', '2024-07-31').balance).toBe('1450.00');
  });

  it('throws for a customer not in the archive', () => {
    let thrown: unknown;
    try {
      customer360(makeCustomerBook(), 'C9999', AS_OF);
    } catch (e) {
      thrown = e;
    }
    expect(isAnalyticsError(thrown, 'unknown-customer')).toBe(true);
  });
});
