import { sniffDelimiter, splitDelimited } from '../../analytics/import/split-delimited';

const cells = (text: string, d = ',') => splitDelimited(text, d).map((r) => r.cells);

describe('splitDelimited', () => {
  it('trims the space and TAB padding of bank exports', () => {
    expect(cells('2023-05-02     \t,"消费   \t",x\n')).toEqual([['2023-05-02', '消费', 'x']]);
  });

  it('keeps text that trails a closing quote up to the delimiter', () => {
    expect(cells('"-1,099.14"\t,CNY\n"3985734"\t,"/"\n')).toEqual([
      ['-1,099.14', 'CNY'],
      ['3985734', '/'],
    ]);
  });

  it('reads a quote inside an unquoted cell literally', () => {
    expect(cells('打开拼多多，点击底部"多多视频","/"\n')).toEqual([
      ['打开拼多多，点击底部"多多视频"', '/'],
    ]);
  });

  it('undoes Excel re-quoting of """/"""', () => {
    expect(cells('a,"""/""",b\n')).toEqual([['a', '/', 'b']]);
  });

  it('keeps a newline inside quotes and numbers rows by their first line', () => {
    expect(splitDelimited('h1,h2\n"two\nlines",x\nlast,y', ',')).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['two\nlines', 'x'] },
      { line: 4, cells: ['last', 'y'] },
    ]);
  });

  it('keeps the empty cell after a trailing comma and drops blank lines', () => {
    expect(cells('a,b,\n\n \nc,d,\r\n')).toEqual([
      ['a', 'b', ''],
      ['c', 'd', ''],
    ]);
  });
});

describe('sniffDelimiter', () => {
  // prettier-ignore
  it.each([
    ['a,b,c\n1,2,3\n',              ','],
    ['a;b;c\n1;"2,5";3\n',          ';'],
    ['a\tb\tc\n1\t2\t3\n',          '\t'],
    ['a|b|c\n1|2|3\n',              '|'],
  ])('finds the delimiter of %j', (text, d) => {
    expect(sniffDelimiter(text)).toBe(d);
  });
});
