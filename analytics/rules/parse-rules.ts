/**
 * Read the Rules table into ordered, compiled bank rules. A rule with broken conditions
 * (bad JSON, unknown field or operator, a regex that does not compile, a bad amount) is
 * reported as a problem naming the rule and left out, so one typo never stops the others.
 */
import { toMinorUnits } from '../money/minor-units';
import { t, type Row, type Text } from '../book/types';
import { problem, type Problem } from '../util/problem';
import { RULE_FIELDS, RULE_OPS, type RuleCondition } from './rule-conditions';

export interface BankRule {
  ruleId: string;
  order: number;
  enabled: boolean;
  conditions: RuleCondition[];
  /** Regexes compiled once, by condition index. */
  compiled: (RegExp | undefined)[];
  /** Fields the rule fills on a proposed entry. */
  actions: { Summary?: string; CounterAccount?: string; CustomerId?: string; Method?: string };
}

/**
 * Parse and order the rules (by Order, then RuleId).
 * @returns the valid rules, enabled or not, and problems for the broken ones
 */
export function parseRules(rows: Row[]): { rules: BankRule[]; problems: Problem[] } {
  const rules: BankRule[] = [];
  const problems: Problem[] = [];
  rows.forEach((row, i) => {
    const ruleId = String(row.RuleId ?? `row ${i + 2}`);
    const parsed = parseConditions(row.Conditions);
    if ('error' in parsed) {
      problems.push(
        problem(
          'bad-rule',
          t(`规则 ${ruleId}：${parsed.error['zh-CN']}`, `rule ${ruleId}: ${parsed.error['en-US']}`),
          {
            sheet: 'Rules',
            row: i + 2,
            column: 'Conditions',
          },
        ),
      );
      return;
    }
    const actions: BankRule['actions'] = {};
    for (const k of ['Summary', 'CounterAccount', 'CustomerId', 'Method'] as const) {
      if (row[k] !== null && row[k] !== undefined && row[k] !== '') actions[k] = String(row[k]);
    }
    rules.push({
      ruleId,
      order: typeof row.Order === 'number' ? row.Order : Number(row.Order ?? i + 1) || i + 1,
      enabled: row.Enabled !== false && row.Enabled !== 'false',
      conditions: parsed.conditions,
      compiled: parsed.conditions.map((c) =>
        c.op === 'regex' ? new RegExp(c.value, 'iu') : undefined,
      ),
      actions,
    });
  });
  rules.sort(
    (a, b) => a.order - b.order || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  return { rules, problems };
}

/** Parse a Conditions cell (JSON array of conditions); an error is said in both languages. */
export function parseConditions(cell: unknown): { conditions: RuleCondition[] } | { error: Text } {
  let value: unknown = cell;
  // The cell holds JSON text; a caller (the CLI's --dry-run) may pass the list itself.
  if (!Array.isArray(cell))
    try {
      value = JSON.parse(String(cell ?? '[]'));
    } catch (e) {
      return {
        error: t(
          `条件不是有效的 JSON（${(e as Error).message}）`,
          `conditions are not valid JSON (${(e as Error).message})`,
        ),
      };
    }
  if (!Array.isArray(value) || value.length === 0)
    return {
      error: t('条件必须是一个非空的 JSON 列表', 'conditions must be a non-empty JSON list'),
    };
  const conditions: RuleCondition[] = [];
  for (const c of value as Record<string, unknown>[]) {
    const error = checkCondition(c);
    if (error) return { error };
    conditions.push({
      field: c.field,
      op: c.op,
      value: String(c.value),
      ...(c.to !== undefined ? { to: String(c.to) } : {}),
    } as RuleCondition);
  }
  return { conditions };
}

// A group holding a quantifier that is itself quantified: the shape behind catastrophic
// backtracking, e.g. (a+)+ or (\w*)*. Alternations like (a|aa)+ are not caught; they are
// far rarer in bank rules.
function hasNestedQuantifier(source: string): boolean {
  const groups: boolean[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(source, i);
    else if (ch === '(') groups.push(false);
    else if (ch === ')') {
      const inner = groups.pop() ?? false;
      if (inner && /^[+*{]/.test(source.slice(i + 1))) return true;
      if (groups.length && inner) groups[groups.length - 1] = true;
    } else if (
      (ch === '+' || ch === '*' || (ch === '{' && /^\{\d+,\d*\}/.test(source.slice(i)))) &&
      groups.length
    ) {
      groups[groups.length - 1] = true;
    }
  }
  return false;
}

// Index of the ] that closes the character class opened at `open`.
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']' && i > open + 1) return i;
  }
  return source.length;
}

function checkCondition(c: Record<string, unknown>): Text | undefined {
  if (!RULE_FIELDS.includes(c.field as never))
    return t(
      `未知的字段“${String(c.field)}”（可用：${RULE_FIELDS.join(', ')}）`,
      `unknown field '${String(c.field)}' (use ${RULE_FIELDS.join(', ')})`,
    );
  if (!RULE_OPS.includes(c.op as never))
    return t(
      `未知的运算符“${String(c.op)}”（可用：${RULE_OPS.join(', ')}）`,
      `unknown operator '${String(c.op)}' (use ${RULE_OPS.join(', ')})`,
    );
  if (c.value === undefined || c.value === null || c.value === '')
    return t(`${String(c.field)} 的条件没有填值`, `condition on ${String(c.field)} has no value`);
  if (c.op === 'regex') {
    try {
      new RegExp(String(c.value), 'iu');
    } catch (e) {
      return t(
        `正则表达式“${String(c.value)}”写法有误，无法使用（${(e as Error).message}）`,
        `regex '${String(c.value)}' does not compile (${(e as Error).message})`,
      );
    }
    if (hasNestedQuantifier(String(c.value))) {
      return t(
        `正则表达式“${String(c.value)}”里有重复的分组本身又在重复（如 (a+)+），遇到某些文字会一直算不完；请去掉嵌套的重复`,
        `regex '${String(c.value)}' repeats a group that itself repeats (like (a+)+), which can take forever on some text; write it without the nested repeat`,
      );
    }
    if (String(c.value).length > 200)
      return t(
        `正则表达式“${String(c.value).slice(0, 40)}…”超过 200 个字符`,
        `regex '${String(c.value).slice(0, 40)}…' is longer than 200 characters`,
      );
  }
  if (
    c.field === 'amount' &&
    (Number.isNaN(toMinorUnits(String(c.value))) ||
      (c.op === 'between' && Number.isNaN(toMinorUnits(String(c.to ?? '')))))
  ) {
    const got = `'${String(c.value)}'${c.to !== undefined ? ` and '${String(c.to)}'` : ''}`;
    const gotZh = `“${String(c.value)}”${c.to !== undefined ? `和“${String(c.to)}”` : ''}`;
    return t(
      `金额条件要填写普通金额，如 100.00，但填的是${gotZh}`,
      `amount condition needs plain amounts like 100.00, got ${got}`,
    );
  }
  if (c.field === 'sign' && c.value !== 'in' && c.value !== 'out')
    return t(
      `收支方向（sign）只能是 'in'（收入）或 'out'（支出），但填的是“${String(c.value)}”`,
      `sign must be 'in' or 'out', got '${String(c.value)}'`,
    );
  return undefined;
}
