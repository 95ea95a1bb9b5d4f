/**
 * A compact, labelled table for the narrow pane: it scrolls sideways in its own focusable
 * region (so keyboard users can scroll it too) and shows at most `limit` rows.
 */
import * as React from 'react';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Caption1,
} from '@fluentui/react-components';

export interface DataColumn<R> {
  key: string;
  header: string;
  render(row: R): React.ReactNode;
  /** Right-align (amounts). @default false */
  numeric?: boolean;
  /** Let long text wrap (summaries, explanations); other cells stay on one line. @default false */
  wrap?: boolean;
}

export interface DataTableProps<R> {
  /** Accessible name of the table. */
  label: string;
  columns: DataColumn<R>[];
  rows: R[];
  rowKey(row: R, index: number): string;
  /** Most rows shown. @default 50 */
  limit?: number;
  empty?: string;
}

export function DataTable<R>(props: DataTableProps<R>): JSX.Element {
  const limit = props.limit ?? 50;
  const shown = props.rows.slice(0, limit);
  if (!props.rows.length) return <Caption1>{props.empty ?? '—'}</Caption1>;
  return (
    <div
      role="region"
      aria-label={props.label}
      tabIndex={0}
      style={{ overflowX: 'auto', maxWidth: '100%' }}
    >
      <Table
        size="extra-small"
        aria-label={props.label}
        style={{ minWidth: 'max-content', width: 'auto', tableLayout: 'auto' }}
      >
        <TableHeader>
          <TableRow>
            {props.columns.map((c) => (
              <TableHeaderCell
                key={c.key}
                style={c.numeric ? { justifyContent: 'flex-end' } : undefined}
              >
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((r, i) => (
            <TableRow key={props.rowKey(r, i)}>
              {props.columns.map((c) => (
                <TableCell key={c.key} style={cellStyle(c)}>
                  {c.render(r)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {props.rows.length > limit ? <Caption1>{`${limit} / ${props.rows.length}`}</Caption1> : null}
    </div>
  );
}

function cellStyle(c: { numeric?: boolean; wrap?: boolean }): React.CSSProperties {
  if (c.wrap) return { whiteSpace: 'normal', minWidth: '10em', maxWidth: '16em' };
  return c.numeric
    ? { whiteSpace: 'nowrap', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }
    : { whiteSpace: 'nowrap' };
}
