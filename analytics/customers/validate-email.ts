/**
 * A practical e-mail check: one @, a local part without spaces, a domain of dot-separated
 * labels ending in a letter TLD. It catches what cashiers mistype (full-width ＠ or 。,
 * a missing domain, a comma for a dot, spaces), not every RFC 5322 corner.
 */
import { t } from '../book/types';
import { accepted, refused, type FieldCheck } from './field-check';

const LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * Check an e-mail address; the domain is lower-cased.
 * @example validateEmail('Ceshi@Example.COM') // { ok: true, value: 'Ceshi@example.com' }
 * @example validateEmail('ceshi＠example.com') // { ok: false, message: … full-width ＠ … }
 */
export function validateEmail(input: string): FieldCheck {
  const s = input.trim();
  if (s === '') return refused(t('邮箱为空', 'the e-mail address is empty'));
  if (/[＠。．，]/.test(s))
    return refused(
      t(
        `邮箱 '${input}' 含全角符号（＠ 。 ，），请改为半角 @ .`,
        `e-mail '${input}' has a full-width sign (＠ 。 ，); use @ and .`,
      ),
    );
  if (/\s/.test(s))
    return refused(t(`邮箱 '${input}' 含空格`, `e-mail '${input}' contains a space`));
  const parts = s.split('@');
  if (parts.length !== 2)
    return refused(
      t(`邮箱 '${input}' 应恰好含一个 @`, `e-mail '${input}' must have exactly one @`),
    );
  const [local, domain] = parts;
  if (
    local === '' ||
    !LOCAL.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..')
  ) {
    return refused(
      t(`邮箱 '${input}' 的 @ 前部分无效`, `e-mail '${input}': the part before @ is not valid`),
    );
  }
  const labels = domain.split('.');
  if (
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    !/^[A-Za-z]{2,}$/.test(labels[labels.length - 1])
  ) {
    return refused(
      t(
        `邮箱 '${input}' 的域名无效（如 example.com）`,
        `e-mail '${input}': the domain is not valid (e.g. example.com)`,
      ),
    );
  }
  return accepted(`${local}@${domain.toLowerCase()}`);
}
