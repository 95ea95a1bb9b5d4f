/**
 * The result of checking one customer field: the normalised value (and any warnings), or
 * why it is refused, in both languages. Invalid input is a value, never thrown.
 */
import type { Text } from '../book/types';

export type FieldCheck<K extends string = string> =
  { ok: true; value: string; kind?: K; warnings: Text[] } | { ok: false; message: Text };

export function accepted<K extends string>(
  value: string,
  kind?: K,
  warnings: Text[] = [],
): FieldCheck<K> {
  return { ok: true, value, kind, warnings };
}

export function refused<K extends string = string>(message: Text): FieldCheck<K> {
  return { ok: false, message };
}

/** Full-width letters, digits and signs to half-width; ideographic space to a space. */
export function halfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
