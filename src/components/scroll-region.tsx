import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroller: on a phone the table scrolls inside it, never the page (design §8, issue 16).
 * It takes the keyboard focus so that it can be scrolled without a mouse (WCAG 2.1.1; axe rule
 * "scrollable-region-focusable"), and is named by the table's caption (or any element whose id is `labelledBy`).
 */
export function ScrollRegion({
  labelledBy,
  className,
  children,
}: {
  labelledBy: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      role="region"
      aria-labelledby={labelledBy}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a focusable scroller is the WCAG technique here
      tabIndex={0}
    >
      {children}
    </div>
  );
}
