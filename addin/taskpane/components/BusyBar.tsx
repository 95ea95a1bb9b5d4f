/** Progress for long work: what is happening, how far a write has got, and Cancel while it still can. */
import * as React from 'react';
import { Button, Field, ProgressBar } from '@fluentui/react-components';
import { useSession } from '../session';

export function BusyBar(): JSX.Element | null {
  const { busy, cancel, tr } = useSession();
  if (!busy) return null;
  const value = busy.progress ? busy.progress.done / Math.max(1, busy.progress.total) : undefined;
  return (
    <div style={{ display: 'flex', alignItems: 'flex-end', gap: 8 }}>
      <Field label={busy.label} validationState="none" style={{ flex: 1 }}>
        <ProgressBar value={value} aria-label={busy.label} />
      </Field>
      {busy.cancellable ? (
        <Button size="small" onClick={cancel}>
          {tr('cancel')}
        </Button>
      ) : null}
    </div>
  );
}
