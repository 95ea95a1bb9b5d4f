/**
 * The AuditLog is a hash chain: each row's Hash is SHA-256 over a canonical text of its
 * own fields and the previous row's Hash. Editing, deleting, inserting or reordering any
 * row breaks every Hash after it, which `verify` reports.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Row } from '../book/types';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  at: string;
  user: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
  /** Seq of the new row when not the previous row's + 1 (the log's end was cut). */
  seq?: number;
}

/** SHA-256 hex of a text. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Canonical JSON: object keys sorted, no spaces, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash an AuditLog row should carry, from its fields and PrevHash. */
export function auditRowHash(row: Row): string {
  const body = [row.Seq, row.At, row.User, row.Action, row.Target, row.Detail ?? '', row.PrevHash];
  return sha256Hex(canonicalJson(body.map((v) => (v === null || v === undefined ? '' : String(v)))));
}

/**
 * The next AuditLog row after `previous` (or the first one).
 * @example nextAuditRow(undefined, { at: '2026-12-04 10:00:00', user: 'cashier', action: 'init', target: 'book', detail: {} }).Seq // 1
 */
export function nextAuditRow(previous: Row | undefined, event: AuditEvent): Row {
  const row: Row = {
    Seq: event.seq ?? (previous ? Number(previous.Seq) + 1 : 1),
    At: event.at,
    User: event.user,
    Action: event.action,
    Target: event.target,
    Detail: fitDetail(event.detail),
    PrevHash: previous ? String(previous.Hash) : GENESIS_HASH,
  };
  row.Hash = auditRowHash(row);
  return row;
}

/** Excel keeps at most 32,767 characters in a cell; an AuditLog Detail must fit in one. */
export const MAX_DETAIL_CHARS = 32_000;

/**
 * The Detail text of an event: its canonical JSON, or, when that would not fit in a cell,
 * the scalar fields and the seal kept as they are, the rest named in `omitted`, and the
 * SHA-256 of the full JSON so the full detail can still be matched against a copy.
 */
export function fitDetail(detail: Record<string, unknown>): string {
  const full = canonicalJson(detail);
  if (full.length <= MAX_DETAIL_CHARS) return full;
  const kept: Record<string, unknown> = {};
  const omitted: string[] = [];
  for (const [k, v] of Object.entries(detail)) {
    const small = v === null || typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= 200);
    if (small || (k === 'seal' && canonicalJson(v).length <= 16_000)) kept[k] = v;
    else omitted.push(k);
  }
  return canonicalJson({ ...kept, omitted, fullLength: full.length, fullSha256: sha256Hex(full) }).slice(0, MAX_DETAIL_CHARS);
}
