import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

// The first page shown after loading keeps focus at the top of the document (where the skip link is);
// every later route change moves focus to the new page's heading so screen readers start there.
let firstPageShown = false;

/** A page: its one h1, its document title in the current language, and focus management on navigation. */
export function Page({
  title,
  heading,
  children,
}: {
  title: string;
  heading?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('shell.documentTitle', { page: title });
  }, [title, t]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves when the route changes.
  useEffect(() => {
    if (!firstPageShown) {
      firstPageShown = true;
      return;
    }
    ref.current?.focus();
  }, [pathname]);

  return (
    <>
      <h1 ref={ref} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}
