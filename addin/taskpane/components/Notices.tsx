/** Messages for the user as Fluent MessageBars: errors, warnings, results. Each can be dismissed. */
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useSession } from '../session';

export function Notices(): JSX.Element | null {
  const { notices, dismiss, tr } = useSession();
  if (!notices.length) return null;
  return (
    <div role="log" aria-live="polite" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline">
          <MessageBarBody>
            {n.title ? <MessageBarTitle>{n.title}</MessageBarTitle> : null}
            {n.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={tr('dismiss')}
                icon={<DismissRegular />}
                onClick={() => dismiss(n.id)}
              />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
