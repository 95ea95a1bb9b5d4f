/** Reading a cell's JSON parameters with checks; a bad parameter is misuse and throws. */
import { isIsoDate } from '../book/dates';
import { fail } from '../util/error';
import { t } from '../book/types';

export type Params = Record<string, unknown>;

/** A text parameter restricted to `allowed`, or the default. */
export function choiceParam<T extends string>(
  params: Params,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = params[name];
  if (v === undefined || v === null || v === '') return fallback;
  if (!allowed.includes(v as T))
    fail(
      'bad-param',
      t(
        `参数 ${name} 的值为 '${String(v)}'，请使用以下之一：${allowed.join('、')}`,
        `Parameter ${name} is '${String(v)}'; use one of ${allowed.join(', ')}`,
      ),
    );
  return v as T;
}

/** An optional 'YYYY-MM-DD' parameter. */
export function dateParam(params: Params, name: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || !isIsoDate(v))
    fail(
      'bad-param',
      t(
        `参数 ${name} 的值为 '${String(v)}'，请使用 2026-01-31 这样的日期`,
        `Parameter ${name} is '${String(v)}'; use a date like 2026-01-31`,
      ),
    );
  return v;
}

/** A positive whole-number parameter, or the default. */
export function countParam(params: Params, name: string, fallback: number): number {
  const v = params[name];
  if (v === undefined || v === null || v === '') return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    fail(
      'bad-param',
      t(
        `参数 ${name} 的值为 '${String(v)}'，请使用不小于 1 的整数`,
        `Parameter ${name} is '${String(v)}'; use a whole number of at least 1`,
      ),
    );
  return v;
}

/** A list of text values (ids), or undefined for all. */
export function listParam(params: Params, name: string): string[] | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    fail(
      'bad-param',
      t(`参数 ${name} 必须是文本列表`, `Parameter ${name} must be a list of texts`),
    );
  return v as string[];
}
