import type { Role } from '@yilian/contracts';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../ui/error-alert';
import { CurrentSessionContext, hasAnyRole, useCurrentSession, useSession } from './session';
import { HOME_PATH } from './routes';

/** Signed-in pages only: redirects to /login (keeping where the user was going) when /api/auth/me is 401. */
export function RequireAuth() {
  const { session, isLoading, error, refetch } = useSession();
  const location = useLocation();
  if (isLoading) return <Spin size="large" className="yl-page-spin" />;
  if (error) return <div style={{ padding: 48 }}><ErrorAlert error={error} onRetry={() => void refetch()} /></div>;
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <CurrentSessionContext value={session}>
      <Outlet />
    </CurrentSessionContext>
  );
}

/** A page limited to some roles at the active institution; others see a 403 result. */
export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const session = useCurrentSession();
  const { t } = useTranslation('common');
  if (hasAnyRole(session, roles)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('state.forbiddenTitle')}
      subTitle={t('state.forbidden', { roles: (roles ?? []).map((r) => t(`role.${r}`)).join(' / ') })}
      extra={<Link to={HOME_PATH}><Button type="primary">{t('action.home')}</Button></Link>}
    />
  );
}

export function NotFound() {
  const { t } = useTranslation('common');
  return <Result status="404" title="404" subTitle={t('state.notFound')} extra={<Link to={HOME_PATH}><Button type="primary">{t('action.home')}</Button></Link>} />;
}
