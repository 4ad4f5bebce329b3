import { Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  refetch?: () => unknown;
}

/**
 * The four states of every view: loading (skeleton), error (server message + retry), empty, data.
 * `isEmpty` decides what counts as empty; the children render the data.
 */
export function PageState<T>({
  query,
  isEmpty,
  empty,
  rows = 6,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  /** What to show when empty (default: a "no data" message). */
  empty?: ReactNode;
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation('common');
  if (query.isLoading) return <Skeleton active paragraph={{ rows }} data-testid="page-loading" />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={query.refetch ? () => void query.refetch?.() : undefined} />;
  if (query.data === undefined) return null;
  if (isEmpty?.(query.data)) return <>{empty ?? <Empty description={t('state.empty')} data-testid="page-empty" />}</>;
  return <>{children(query.data)}</>;
}
