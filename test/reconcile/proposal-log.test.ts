/**
 * The proposal log: what goes in comes out (rows, rule, score to three decimals, residual),
 * and the pieces the two-thread matcher sends and joins (slice, append from a point, compare
 * a range) keep every proposal whole.
 */
import { ProposalLog, type ProposalLogData } from '../../analytics/reconcile/proposal-log';

// Each proposal as one line: rule, score, entries/lines, residual.
function lines(log: ProposalLog): string[] {
  return Array.from({ length: log.count }, (_, k) => {
    const entries = Array.from({ length: log.entryCountOf(k) }, (_, x) => log.entryOf(k, x));
    const rows = Array.from({ length: log.lineCountOf(k) }, (_, x) => log.lineOf(k, x));
    return `${log.ruleOf(k)} ${log.scoreOf(k)} ${entries.join(',')}/${rows.join(',')} ${log.residualOf(k)}`;
  });
}

function sample(): ProposalLog {
  const log = new ProposalLog(10, 10);
  log.add(0, 3, 'exact-reference', 0.99, 0);
  log.add([1, 2], 4, 'many-to-one', 0.8123, 0);
  log.add(5, 6, 'fee-netted', 0.7, -1500);
  log.add(7, [8, 9], 'one-to-many', 0.75, 0);
  return log;
}

const SAMPLE = ['exact-reference 0.99 0/3 0', 'many-to-one 0.812 1,2/4 0', 'fee-netted 0.7 5/6 -1500', 'one-to-many 0.75 7/8,9 0'];

describe('proposal log', () => {
  test('keeps each proposal as added, score to three decimals', () => {
    expect(lines(sample())).toEqual(SAMPLE);
  });

  test('a slice holds the proposals from a point on, residuals renumbered with them, and survives export and import', () => {
    const part = sample().slice(1);
    expect(lines(part)).toEqual(SAMPLE.slice(1));
    expect(lines(ProposalLog.import(part.export()))).toEqual(SAMPLE.slice(1));
    expect(lines(sample().slice(4))).toEqual([]);
  });

  test('appending from a point adds only what follows it, after what is there', () => {
    const log = new ProposalLog(20, 20);
    log.add(10, 11, 'exact-date', 0.9, 0);
    log.appendFrom(sample(), 2);
    expect(lines(log)).toEqual(['exact-date 0.9 10/11 0', ...SAMPLE.slice(2)]);
    log.appendFrom(sample());
    expect(lines(log)).toEqual(['exact-date 0.9 10/11 0', ...SAMPLE.slice(2), ...SAMPLE]);
  });

  test('compares a range with another log\'s, proposal by proposal', () => {
    const log = new ProposalLog(20, 20);
    log.add(10, 11, 'exact-date', 0.9, 0);
    log.appendFrom(sample());
    expect(log.sameAs(1, sample(), 0, 4)).toBe(true);
    expect(log.sameAs(2, sample(), 1, 2)).toBe(true);
    expect(log.sameAs(0, sample(), 0, 0)).toBe(true);
    // Off by one, past the end, or one field different: not the same.
    expect(log.sameAs(0, sample(), 0, 1)).toBe(false);
    expect(log.sameAs(2, sample(), 1, 4)).toBe(false);
    const other = new ProposalLog(10, 10);
    other.add(0, 3, 'exact-reference', 0.99, 0);
    other.add([1, 2], 4, 'many-to-one', 0.8123, 0);
    other.add(5, 6, 'fee-netted', 0.7, -1400);
    expect(log.sameAs(1, other, 0, 2)).toBe(true);
    expect(log.sameAs(1, other, 0, 3)).toBe(false);
    const rows = new ProposalLog(10, 10);
    rows.add(0, 4, 'exact-reference', 0.99, 0);
    expect(log.sameAs(1, rows, 0, 1)).toBe(false);
  });

  test('slices and appends only from a proposal the log has; an empty slice still takes new proposals', () => {
    expect(() => sample().slice(5)).toThrow(RangeError);
    expect(() => sample().slice(-1)).toThrow(RangeError);
    expect(() => new ProposalLog(5, 5).appendFrom(sample(), 5)).toThrow(RangeError);
    const empty = sample().slice(4);
    empty.add(3, 3, 'exact-date', 0.9, 0);
    empty.appendFrom(sample());
    expect(lines(empty)).toEqual(['exact-date 0.9 3/3 0', ...SAMPLE]);
    const imported = ProposalLog.import(new ProposalLog(0, 0).slice(0).export());
    imported.appendFrom(sample(), 3);
    expect(lines(imported)).toEqual(SAMPLE.slice(3));
  });

  // Each a log as another thread might send it, spoilt in one way.
  const spoilt: [string, (d: ProposalLogData) => unknown][] = [
    ['a count past its arrays', (d) => (d.count = 9)],
    ['a negative count', (d) => (d.count = -1)],
    ['rows that do not start at 0', (d) => (d.first[0] = 1)],
    ['a proposal whose rows run backwards', (d) => (d.first[2] = 0)],
    ['more entries than rows', (d) => (d.entryCount[0] = 3)],
    ['rows past the end of the row array', (d) => (d.first[4] = 99)],
    ['a rule with no name', (d) => (d.rule[0] = 50)],
    ['a score above 1', (d) => (d.scores[0] = 1001)],
    ['a residual flag with no residual', (d) => (d.rule[0] |= 0x80)],
    ['a residual with no flag', (d) => d.residuals.push([0, 100])],
    ['a residual of zero', (d) => (d.residuals[0][1] = 0)],
    ['a residual of a proposal past the count', (d) => (d.residuals[0][0] = 7)],
    ['a residual that is not whole fen', (d) => (d.residuals[0][1] = 0.5)],
    ['an array of another kind', (d) => ((d as unknown as { scores: Float64Array }).scores = new Float64Array(4))],
  ];
  test.each(spoilt)('import refuses %s', (_what, spoil) => {
    const data = sample().slice(0).export();
    expect(ProposalLog.import(data).count).toBe(4);
    const copy = structuredClone(data);
    spoil(copy);
    expect(() => ProposalLog.import(copy)).toThrow('not a proposal log');
  });

  test('an imported log is its own copy, sized to take new proposals, however the sender shaped or shares its arrays', () => {
    const data = sample().slice(0).export();
    // Shared memory, and a rule array longer than the rest.
    const shared = new Uint8Array(new SharedArrayBuffer(64));
    shared.set(data.rule);
    const rows = new Int32Array(new SharedArrayBuffer(4 * data.rows.length));
    rows.set(data.rows);
    const log = ProposalLog.import({ ...data, rule: shared, rows });
    shared[0] = 8;
    rows[0] = 99;
    expect(lines(log)).toEqual(SAMPLE);
    log.add(20, 21, 'exact-date', 0.9, 0);
    expect(lines(log)).toEqual([...SAMPLE, 'exact-date 0.9 20/21 0']);
  });

  test('a log appended to itself ends with its proposals twice', () => {
    const log = sample();
    log.appendFrom(log);
    expect(lines(log)).toEqual([...SAMPLE, ...SAMPLE]);
  });
});
