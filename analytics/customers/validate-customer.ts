/**
 * Check a customer row field by field as the archive keeps it: name required, kind
 * person/company, phone, e-mail, tax id (统一社会信用代码 for companies, ID card for
 * persons), bank account, and amounts with at most two decimals. Returns the row with its
 * values normalised plus every error and warning, each naming the field.
 */
import { amountText, parseAmount } from '../money';
import { text } from '../book/book';
import { SCHEMA } from '../book/schema';
import { t, type Message, type Row, type Text } from '../book/types';
import { validateCreditCode } from './credit-code';
import type { FieldCheck } from './field-check';
import { validateBankAccount } from './validate-bank-account';
import { validateEmail } from './validate-email';
import { validateIdCard } from './validate-id-card';
import { validatePhone } from './validate-phone';

export interface CustomerCheck {
  /** The row with normalised values (only the fields given). */
  row: Row;
  errors: Message[];
  warnings: Message[];
}

const CUSTOMER_STATUSES = ['active', 'inactive', 'stub', 'merged'];

/**
 * Validate the fields present in `row`; absent fields are not checked, blank ones are cleared.
 * @param row a full customer (add) or just the fields being edited
 * @param kind the customer's kind when `row` has none (edits), for the tax id rule
 */
export function validateCustomer(row: Row, kind?: string): CustomerCheck {
  const out: Row = { ...row };
  const errors: Message[] = [];
  const warnings: Message[] = [];
  const field = (key: string) => SCHEMA.Customers.columns.find((c) => c.key === key)!.header;
  const report = (key: string, check: FieldCheck) => {
    const label = field(key);
    if (!check.ok) {
      errors.push(msg('error', key, label, check.message));
      return;
    }
    out[key] = check.value;
    for (const w of check.warnings) warnings.push(msg('warn', key, label, w));
  };

  // Step 1: required and enumerated fields
  if ('Name' in row && text(row.Name).trim() === '')
    errors.push(msg('error', 'Name', field('Name'), t('客户名称不能为空', 'the name is required')));
  if ('Name' in row) out.Name = text(row.Name).trim();
  const kind_ = 'Kind' in row ? text(row.Kind) : (kind ?? '');
  if ('Kind' in row && kind_ !== '' && kind_ !== 'person' && kind_ !== 'company') {
    errors.push(
      msg(
        'error',
        'Kind',
        field('Kind'),
        t(
          `类型 '${kind_}' 应为 person（个人）或 company（单位）`,
          `kind '${kind_}' must be person or company`,
        ),
      ),
    );
  }
  if ('Status' in row && !CUSTOMER_STATUSES.includes(text(row.Status))) {
    errors.push(
      msg(
        'error',
        'Status',
        field('Status'),
        t(
          `状态 '${text(row.Status)}' 无效`,
          `status '${text(row.Status)}' is not one of ${CUSTOMER_STATUSES.join(', ')}`,
        ),
      ),
    );
  }

  // Step 2: formatted fields, each only when given and not blank
  const lost = new Set<string>();
  const given = (key: string) => key in row && text(row[key]).trim() !== '' && !lost.has(key);
  for (const key of ['Phone', 'Email', 'TaxId', 'BankAccount'])
    if (key in row && !given(key)) out[key] = null;
  // A long number that reached us as a number cell has already lost its digits past the 15th (Excel's precision)
  for (const key of ['TaxId', 'BankAccount']) {
    const v = row[key];
    if (typeof v === 'number' && Math.abs(v) >= 1e15) {
      errors.push(
        msg(
          'error',
          key,
          field(key),
          t(
            `${v} 以数字形式保存，超过 15 位的数字已丢失；请以文本重新输入`,
            `${v} was stored as a number and lost its digits past the 15th; enter it again as text`,
          ),
        ),
      );
      lost.add(key);
    }
  }
  if (given('Phone')) report('Phone', validatePhone(text(row.Phone)));
  if (given('Email')) report('Email', validateEmail(text(row.Email)));
  if (given('TaxId'))
    report(
      'TaxId',
      kind_ === 'person' ? validateIdCard(text(row.TaxId)) : validateCreditCode(text(row.TaxId)),
    );
  if (given('BankAccount')) report('BankAccount', validateBankAccount(text(row.BankAccount)));

  // Step 3: amounts
  for (const key of ['CreditLimit', 'OpeningBalance']) {
    if (!given(key)) continue;
    const r = parseAmount(row[key]);
    if (!r.ok || r.value.decimalPlaces() > 2) {
      errors.push(
        msg(
          'error',
          key,
          field(key),
          t(
            `'${text(row[key])}' 不是金额（最多两位小数）`,
            `'${text(row[key])}' is not an amount with at most two decimals`,
          ),
        ),
      );
    } else if (key === 'CreditLimit' && r.value.isNegative()) {
      errors.push(
        msg(
          'error',
          key,
          field(key),
          t('信用额度不能为负数', 'the credit limit cannot be negative'),
        ),
      );
    } else {
      out[key] = amountText(r.value);
    }
  }
  return { row: out, errors, warnings };
}

function msg(level: 'error' | 'warn', key: string, label: Text, body: Text): Message {
  return {
    level,
    event: `customer-${key.toLowerCase()}`,
    text: t(`${label['zh-CN']}：${body['zh-CN']}`, `${label['en-US']}: ${body['en-US']}`),
  };
}
