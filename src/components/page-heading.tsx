import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Whether a page heading has already been shown in this document. The first screen after a full load keeps the focus
 * where the browser puts it (the top of the document, before the skip link): focusing its heading from script made
 * Chromium draw the keyboard focus ring around it on every load (issue 16).
 */
let firstHeadingShown = false;

/**
 * The page's h1. After a navigation inside the app it takes the focus, so that a screen-reader or keyboard user
 * starts at the top of the new content; its ring shows only when the keyboard brought it there (:focus-visible,
 * src/app/styles.css). It also sets the document title.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('common.appName')}`;
  }, [title, t]);
  useEffect(() => {
    const afterNavigation = firstHeadingShown;
    firstHeadingShown = true;
    if (!afterNavigation) return;
    if (document.activeElement === document.body || document.activeElement === null) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
