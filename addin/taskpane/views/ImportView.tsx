/** Import: drop or choose a statement file, preview what would be read, pick a preset, confirm. */
import * as React from 'react';
import { Button, Field, Select, Text, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import type { StatementReadResult } from '../../../analytics/import/types';
import type { StatementPreset } from '../../../analytics/import/presets';
import { problemText } from '../../../analytics/util/problem';
import { AccountSelect } from '../components/AccountSelect';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { loadImport } from '../engine';
import { useSession } from '../session';

interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

export function ImportView(): JSX.Element {
  const session = useSession();
  const { tr, lang } = session;
  const [accountId, setAccountId] = React.useState('');
  const [file, setFile] = React.useState<ChosenFile>();
  const [preset, setPreset] = React.useState('');
  const [presets, setPresets] = React.useState<readonly StatementPreset[]>([]);
  const [preview, setPreview] = React.useState<StatementReadResult>();
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    let live = true;
    void loadImport().then((m) => live && setPresets(m.PRESETS));
    return () => {
      live = false;
    };
  }, []);

  // Every change of file or preset re-reads the preview (read only; nothing is written).
  React.useEffect(() => {
    if (!file) return;
    void session
      .runQuery(tr('import.preview'), async () =>
        (await loadImport()).readStatementFile(file.bytes, file.name, {
          preset: preset || undefined,
        }),
      )
      .then((r) => setPreview(r));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, preset]);

  const take = async (f: File | undefined) => {
    if (!f) return;
    setPreview(undefined);
    setFile({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  };

  const confirm = async () => {
    if (!file || !accountId) return;
    const result = await session.runCommand(
      tr('import.confirm', { n: preview?.lines.length ?? 0 }),
      async (b, ctx) =>
        (await loadImport()).importStatement(
          b,
          [file],
          { accountId, preset: preset || undefined },
          ctx,
        ),
    );
    if (result && result.exitCode !== 2) {
      const s = result.summary;
      session.notify(
        'success',
        `+${s.added} / ${s.duplicates} dup / ${s.rejected} rejected · ${s.total}`,
        tr('doneTitle'),
      );
      setFile(undefined);
      setPreview(undefined);
    }
  };

  const errors = preview?.problems.filter((p) => p.severity === 'error') ?? [];
  return (
    <div>
      <Section title={tr('import.title')}>
        <AccountSelect value={accountId} onChange={setAccountId} />
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void take(e.dataTransfer.files[0]);
          }}
          style={{
            border: `2px dashed ${dragging ? tokens.colorBrandStroke1 : tokens.colorNeutralStroke1}`,
            borderRadius: tokens.borderRadiusMedium,
            padding: 12,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            gap: 8,
          }}
        >
          <Text>{file ? file.name : tr('import.drop')}</Text>
          <Button icon={<ArrowUploadRegular />} onClick={() => input.current?.click()}>
            {tr('import.choose')}
          </Button>
          <input
            ref={input}
            type="file"
            aria-label={tr('import.choose')}
            hidden
            accept=".csv,.txt,.xlsx,.xls,.ofx,.qfx,.xml,.sta,.mt940"
            onChange={(e) => void take(e.target.files?.[0] ?? undefined)}
          />
        </div>
        <Field label={tr('import.preset')}>
          <Select value={preset} onChange={(_, d) => setPreset(d.value)}>
            <option value="">{tr('import.presetAuto')}</option>
            {presets.map((p) => (
              <option key={p.name} value={p.name}>
                {p.label[lang]}
              </option>
            ))}
          </Select>
        </Field>
      </Section>
      {preview ? (
        <Section title={tr('import.preview')}>
          <Text>
            {tr('import.format', {
              format: preview.format,
              preset: preview.preset ?? '—',
              lines: preview.lines.length,
              problems: preview.problems.length,
            })}
          </Text>
          {errors.slice(0, 5).map((p, i) => (
            <Text key={i} style={{ color: tokens.colorPaletteRedForeground1 }}>
              {problemText(p)[lang]}
            </Text>
          ))}
          <DataTable
            label={tr('import.preview')}
            rows={preview.lines}
            limit={8}
            rowKey={(l, i) => `${l.row}-${i}`}
            columns={[
              { key: 'date', header: tr('date'), render: (l) => l.date },
              { key: 'amount', header: tr('amount'), numeric: true, render: (l) => l.amount },
              {
                key: 'desc',
                header: tr('record.summary'),
                wrap: true,
                render: (l) => l.counterparty ?? l.description ?? '',
              },
            ]}
          />
          <Button
            appearance="primary"
            disabled={!accountId || !preview.lines.length || !!session.busy}
            onClick={() => void confirm()}
          >
            {tr('import.confirm', { n: preview.lines.length })}
          </Button>
          {!accountId ? <Text size={200}>{tr('record.needAccount')}</Text> : null}
        </Section>
      ) : null}
    </div>
  );
}
