/** A labelled select of the book's accounts. */
import * as React from 'react';
import { Field, Select } from '@fluentui/react-components';
import { rowsOf, text } from '../../../analytics/book/book';
import { useSession } from '../session';

export interface AccountSelectProps {
  value: string;
  onChange(accountId: string): void;
  /** Only these account kinds. @default all */
  kinds?: string[];
  validationMessage?: string;
}

export function AccountSelect(props: AccountSelectProps): JSX.Element {
  const { book, tr } = useSession();
  const accounts = rowsOf(
    book ?? { lang: 'zh-CN', timeZone: '', date1904: false, tables: {} },
    'Accounts',
  ).filter((a) => !props.kinds || props.kinds.includes(text(a.Kind)));
  return (
    <Field
      label={tr('account')}
      validationMessage={props.validationMessage}
      validationState={props.validationMessage ? 'error' : 'none'}
    >
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">—</option>
        {accounts.map((a) => (
          <option key={text(a.AccountId)} value={text(a.AccountId)}>
            {text(a.AccountId)} {text(a.Name)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
