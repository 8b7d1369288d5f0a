import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroller. It takes the keyboard focus so that it can be scrolled without a mouse
 * (WCAG 2.1.1; axe rule "scrollable-region-focusable"), and is named by the table's caption.
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a focusable scroller is the WCAG technique here
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
