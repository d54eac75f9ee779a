import type { ReactNode } from 'react';

export function EmptyState(props: { title: string; children?: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div className="empty-state">
      <Heading>{props.title}</Heading>
      {props.children}
    </div>
  );
}
