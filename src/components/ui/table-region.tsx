import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways (a phone is narrower than its columns). A scrolling region must be
 * reachable by keyboard (WCAG 2.1.1): the labelled region takes focus so the arrow keys scroll it (the
 * inclusive-components pattern for data tables).
 */
export function TableRegion(props: { label: string; className?: string; children: ReactNode }) {
  return (
    <div
      className={props.className ? `table-wrap ${props.className}` : 'table-wrap'}
      role="region"
      aria-label={props.label}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
    >
      {props.children}
    </div>
  );
}
