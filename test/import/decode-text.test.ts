import { decodeStatementText } from '../../analytics/import/decode-text';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeStatementText', () => {
  // prettier-ignore
  it.each([
    ['UTF-8 with a BOM',  bytes(0xef, 0xbb, 0xbf, 0xe6, 0x97, 0xa5, 0xe6, 0x9c, 0x9f), 'utf-8-bom'],
    ['UTF-8 without BOM', bytes(0xe6, 0x97, 0xa5, 0xe6, 0x9c, 0x9f),                   'utf-8'],
    ['UTF-16 LE',         bytes(0xff, 0xfe, 0xe5, 0x65, 0x1f, 0x67),                   'utf-16le'],
    ['UTF-16 BE',         bytes(0xfe, 0xff, 0x65, 0xe5, 0x67, 0x1f),                   'utf-16be'],
    ['GBK',               bytes(0xc8, 0xd5, 0xc6, 0xda),                               'gb18030'],
  ])('reads 日期 written in %s', (_label, input, encoding) => {
    expect(decodeStatementText(input)).toEqual({ ok: true, text: '日期', encoding });
  });

  it('strips a second BOM left by a tool that added one to a file that had one', () => {
    const r = decodeStatementText(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41));
    expect(r).toEqual({ ok: true, text: 'A', encoding: 'utf-8-bom' });
  });

  it('refuses bytes that are neither UTF-8 nor GBK rather than import replacement characters', () => {
    const r = decodeStatementText(bytes(0x41, 0x81, 0x20, 0x42));
    expect(r).toEqual({
      ok: false,
      reason: {
        'zh-CN': '文件既不是有效的 UTF-8，也不是有效的 GBK/GB18030',
        'en-US': 'the file is neither valid UTF-8 nor valid GBK/GB18030',
      },
    });
  });

  it('refuses a file whose BOM says UTF-8 but whose bytes are not', () => {
    expect(decodeStatementText(bytes(0xef, 0xbb, 0xbf, 0xc8, 0xd5)).ok).toBe(false);
  });
});
