import { findingsOf, makeRiskBook } from './fixtures/make-risk-book';

describe('weekend and off-hours settings', () => {
  it('treats a risk.holidays date as a rest day', () => {
    const book = makeRiskBook({
      settings: { 'risk.holidays': '2024-10-01,2024-10-02' },
      entries: [['E1', '2024-10-01', 'C1', '转账', '-500.00']],
    });
    expect(findingsOf(book, 'weekend').map((f) => f.entryIds[0])).toEqual(['E1']);
  });

  it('treats a Saturday listed in risk.extraWorkdays (调休) as a working day', () => {
    const book = makeRiskBook({
      settings: { 'risk.extraWorkdays': '2024-10-12' },
      entries: [['E1', '2024-10-12', 'C1', '转账', '-500.00']],
    });
    expect(findingsOf(book, 'weekend')).toEqual([]);
  });

  it('reads a journal date with a wall time and judges it against risk.businessHours', () => {
    const entries: [string, string, string, string, string][] = [
      ['E1', '2024-06-03 18:30:00', 'C1', '转账', '-500.00'],
      ['E2', '2024-06-03 17:59:00', 'C1', '转账', '-501.00'],
    ];
    const book = makeRiskBook({ settings: { 'risk.businessHours': '09:00-18:00' }, entries });
    expect(findingsOf(book, 'off-hours').map((f) => f.entryIds[0])).toEqual(['E1']);
  });

  it('keeps 20:00 exactly inside the default business hours', () => {
    const book = makeRiskBook({
      entries: [
        ['E1', '2024-06-03 20:00:00', 'C1', '转账', '-500.00'],
        ['E2', '2024-06-03 20:01:00', 'C1', '转账', '-501.00'],
      ],
    });
    expect(findingsOf(book, 'off-hours').map((f) => f.entryIds[0])).toEqual(['E2']);
  });
});
