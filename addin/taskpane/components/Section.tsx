/** A titled block of a view; the title is a heading so screen-reader users can jump between sections. */
import * as React from 'react';
import { Subtitle2 } from '@fluentui/react-components';

export function Section(props: {
  title: string;
  children: React.ReactNode;
  level?: 2 | 3;
}): JSX.Element {
  const id = React.useId();
  return (
    <section
      aria-labelledby={id}
      style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBlock: 8 }}
    >
      <Subtitle2 as={props.level === 3 ? 'h3' : 'h2'} id={id} style={{ margin: 0 }}>
        {props.title}
      </Subtitle2>
      {props.children}
    </section>
  );
}
