import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.tsx';
import { errorMessage } from './errors.ts';

/** A polite "loading" line for screen readers and sighted people alike. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

/** Renders a query's data, or its loading state, or its error in the person's language. */
export function Loadable<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) return <Alert tone="error">{errorMessage(query.error, t)}</Alert>;
  return <>{children(query.data)}</>;
}
