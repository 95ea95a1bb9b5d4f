/** OFX, camt and MT940 details not covered by the corpus. */
import { readCamt } from '../../analytics/import/read-camt';
import { mt940Amount, readMt940 } from '../../analytics/import/read-mt940';
import { ofxDate, readOfx } from '../../analytics/import/read-ofx';

const NS = 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.02';

describe('readCamt', () => {
  it('refuses a document with a DOCTYPE before parsing it', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document xmlns="${NS}"><BkToCstmrDbtCdtNtfctn/></Document>`;
    const r = readCamt(xml, 'evil.xml');
    expect(r.problems.map((p) => p.code)).toEqual(['xml-dtd-refused']);
    expect(r.lines).toEqual([]);
  });

  it('reads a camt.054 notification entry with a date-time booking and skips a pending one', () => {
    const ntry = (amt: string, ind: string, sts: string) =>
      `<Ntry><Amt Ccy="CNY">${amt}</Amt><CdtDbtInd>${ind}</CdtDbtInd><Sts>${sts}</Sts><BookgDt><DtTm>2024-06-03T14:05:00+08:00</DtTm></BookgDt><AcctSvcrRef>R-${amt}</AcctSvcrRef></Ntry>`;
    const xml = `<Document xmlns="${NS}"><BkToCstmrDbtCdtNtfctn><Ntfctn><Acct><Ccy>CNY</Ccy></Acct>${ntry('12.30', 'DBIT', 'BOOK')}${ntry('5.00', 'CRDT', 'PDNG')}</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    const r = readCamt(xml, 'n.xml');
    expect(r.lines.map((l) => [l.date, l.time, l.amount, l.reference, l.currency])).toEqual([
      ['2024-06-03', '14:05:00', '-12.30', 'R-12.30', 'CNY'],
    ]);
    expect(r.skipped.map((p) => p.code)).toEqual(['not-booked']);
  });
});

describe('readOfx', () => {
  it('refuses a DOCTYPE', () => {
    expect(readOfx('<!DOCTYPE x><OFX></OFX>', 'a.ofx').problems.map((p) => p.code)).toEqual([
      'xml-dtd-refused',
    ]);
  });

  // prettier-ignore
  it.each([
    ['20240301',                    { date: '2024-03-01' }],
    ['20240301120000.000[-5:EST]',  { date: '2024-03-01', time: '12:00:00' }],
    ['20240230',                    undefined],
  ])('reads the OFX date %s', (text, expected) => {
    expect(ofxDate(text)).toEqual(expected);
  });
});

describe('readMt940', () => {
  // prettier-ignore
  it.each([
    ['380115,12', '380115.12'],
    ['380115,1',  '380115.10'],
    ['380115,',   '380115.00'],
    ['00,12',     '0.12'],
    ['001,12',    '1.12'],
  ])('reads the amount %s as %s', (text, expected) => {
    expect(mt940Amount(text)).toBe(expected);
  });

  it('signs RC and RD reversal marks against their letter', () => {
    const text =
      ':20:X\n:25:A/1\n:60F:C240101EUR10,00\n:61:240102RC5,00NTRFNONREF\n:61:240102RD2,00NTRFNONREF\n:62F:C240102EUR7,00\n-';
    const r = readMt940(text, 'r.sta');
    expect(r.lines.map((l) => l.amount)).toEqual(['-5.00', '2.00']);
    expect(r.problems).toEqual([]);
  });

  it('books an entry date in January after a December value date in the next year', () => {
    const r = readMt940(':20:X\n:60F:C231231EUR0,\n:61:2312310102C1,NTRFNONREF\n-', 'y.sta');
    expect(r.lines[0]).toMatchObject({ date: '2024-01-02', valueDate: '2023-12-31' });
  });

  it('rejects a :61: line it cannot read, naming its line', () => {
    const r = readMt940(':20:X\n:60F:C240101EUR0,\n:61:garbage\n-', 'g.sta');
    expect(r.problems.map((p) => [p.code, p.row])).toEqual([['bad-line', 3]]);
  });
});

describe('readMt940 in SWIFT blocks', () => {
  it('reads a statement wrapped in {1:}{2:}{4: … -} blocks', () => {
    const text =
      '{1:F01TESTBANKAXXX0000000000}{2:O9401200240101TESTBANKAXXX00000000002401011200N}{4:\r\n:20:STMT1\r\n:25:DE00123/456\r\n:28C:1/1\r\n:60F:C240101EUR100,00\r\n:61:2401020102D25,50NTRFREF1//B1\r\n:86:Miete Januar\r\n:62F:C240102EUR74,50\r\n-}';
    const r = readMt940(text, 'swift.sta');
    expect(r.lines.map((l) => [l.date, l.amount, l.reference, l.description])).toEqual([
      ['2024-01-02', '-25.50', 'B1', 'Miete Januar'],
    ]);
    expect(r.problems).toEqual([]);
  });
});
