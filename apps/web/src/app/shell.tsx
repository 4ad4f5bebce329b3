import { MedicineBoxFilled } from '@ant-design/icons';
import { Layout, Menu, Spin } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { HEADER_ITEMS } from './header-slots';
import { InstitutionSwitch } from './institution-switch';
import { LanguageSwitch } from './language-switch';
import { FEATURE_ROUTES } from './routes';
import { hasAnyRole, useCurrentSession } from './session';
import { UserMenu } from './user-menu';

/** The signed-in frame: side menu from FEATURE_ROUTES, header with switches and user menu, the page. */
export function AppShell() {
  const session = useCurrentSession();
  const { t } = useTranslation();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const navItems = useMemo(
    () =>
      FEATURE_ROUTES.filter((r) => r.nav && hasAnyRole(session, r.nav.roles ?? r.roles)).map((r) => ({
        key: r.nav!.key,
        path: r.path,
        icon: r.nav!.icon,
        label: <Link to={r.path}>{t(r.nav!.labelKey)}</Link>,
      })),
    [session, t],
  );
  const selected = navItems
    .filter((n) => location.pathname === n.path || location.pathname.startsWith(`${n.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.key;

  return (
    <Layout className="yl-shell">
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark" className="yl-sider">
        <Link to="/" className="yl-brand" aria-label={t('common:app.name')}>
          <MedicineBoxFilled className="yl-brand-icon" />
          {!collapsed && (
            <span className="yl-brand-text">
              {t('common:app.name')}
              <small>{t('common:app.tagline')}</small>
            </span>
          )}
        </Link>
        <nav aria-label={t('common:shell.mainMenu')}>
          <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={navItems.map(({ path: _p, ...item }) => item)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="yl-header">
          <InstitutionSwitch />
          <div className="yl-header-right">
            {HEADER_ITEMS.map((item) => (
              <Suspense key={item.key} fallback={null}>
                {item.element}
              </Suspense>
            ))}
            <LanguageSwitch />
            <UserMenu />
          </div>
        </Layout.Header>
        <Layout.Content className="yl-content">
          <Suspense fallback={<Spin className="yl-page-spin" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
