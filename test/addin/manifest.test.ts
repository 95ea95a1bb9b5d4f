import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const xml = fs.readFileSync(MANIFEST, 'utf8');

/** Every element of the manifest with its attributes, depth first, as [tag, attributes]. */
function elements(): [string, Record<string, string>][] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
  });
  const out: [string, Record<string, string>][] = [];
  const walk = (nodes: Record<string, unknown>[]) => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((k) => k !== ':@');
      if (!tag || tag === '#text' || tag === '?xml') continue;
      out.push([tag, (node[':@'] as Record<string, string>) ?? {}]);
      walk(node[tag] as Record<string, unknown>[]);
    }
  };
  walk(parser.parse(xml));
  return out;
}

describe('manifest.xml', () => {
  const all = elements();
  const resources = all.filter(
    ([tag, a]) => ['bt:Image', 'bt:Url', 'bt:String'].includes(tag) && a.id,
  );

  it('is well-formed XML (xmllint)', () => {
    expect(() => execFileSync('xmllint', ['--noout', MANIFEST], { stdio: 'pipe' })).not.toThrow();
  });

  it('is read by office-addin-manifest info', () => {
    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/office-addin-manifest/cli.js'), 'info', MANIFEST],
      { encoding: 'utf8' },
    );
    expect(out).toContain('Id: 6f1d3c2a-8b4e-4f7a-9c51-2e0d7a9b4c13');
    expect(out).toContain('Hosts: Workbook');
  });

  it('defines every resid it uses, once', () => {
    const ids = resources.map(([, a]) => a.id);
    const used = all.map(([, a]) => a.resid).filter(Boolean);

    expect(new Set(ids).size).toBe(ids.length);
    expect(used.filter((r) => !ids.includes(r))).toEqual([]);
  });

  it('loads the pane, the function page and the long-lived runtime from the same Taskpane.Url', () => {
    const runtime = all.find(([tag]) => tag === 'Runtime')![1];
    const functionFile = all.find(([tag]) => tag === 'FunctionFile')![1];

    expect(runtime).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    expect(functionFile.resid).toBe('Taskpane.Url');
    expect(xml).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(xml).toMatch(
      /<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Taskpane.Url"\/>/,
    );
    expect(xml).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
  });

  it('names the CASHBOOK namespace and points zh-CN at its own functions metadata', () => {
    const namespace = resources.find(([, a]) => a.id === 'Functions.Namespace')![1];

    expect(namespace.DefaultValue).toBe('CASHBOOK');
    expect(xml).toMatch(
      /id="Functions.Metadata.Url" DefaultValue="[^"]*\/functions.json">\s*<bt:Override Locale="zh-CN" Value="[^"]*\/functions-zh-CN.json"\/>/,
    );
  });

  it('overrides only in zh-CN, with en-US as the default locale', () => {
    const locales = new Set(
      all.filter(([tag]) => tag === 'Override' || tag === 'bt:Override').map(([, a]) => a.Locale),
    );

    expect(xml).toContain('<DefaultLocale>en-US</DefaultLocale>');
    expect([...locales]).toEqual(['zh-CN']);
  });

  it('refers only to icons that exist in assets/ at their stated size', () => {
    const images = resources.filter(([tag]) => tag === 'bt:Image').map(([, a]) => a);
    for (const image of images) {
      const file = path.join(ROOT, 'assets', path.basename(new URL(image.DefaultValue).pathname));
      const png = fs.readFileSync(file);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
        Number(image.id.split('.')[1]),
        Number(image.id.split('.')[1]),
      ]);
    }
  });
});
