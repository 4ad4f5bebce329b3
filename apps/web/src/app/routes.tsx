/**
 * Every signed-in page of the app, in menu order. A feature adds ONE line here (see docs/web.md):
 *   { path: '/consults', element: lazyPage(() => import('../features/consults/consults.page'), 'ConsultsPage'),
 *     nav: { key: 'consults', labelKey: 'consults:nav', icon: <MessageOutlined /> } },
 * `nav` puts it in the side menu (labelKey is `namespace:key`); `nav.roles` (or `roles`) limits the menu entry
 * and the page to users holding one of those roles at their active institution.
 */
import { ApartmentOutlined, AuditOutlined, DashboardOutlined, FileProtectOutlined, MedicineBoxOutlined, SettingOutlined, SwapOutlined, TableOutlined } from '@ant-design/icons';
import { ControlOutlined, ScheduleOutlined } from '@ant-design/icons';
import { BarChartOutlined } from '@ant-design/icons';
import type { Role } from '@yilian/contracts';
import type { ReactNode } from 'react';
import { lazyPage } from './lazy-page';

export interface FeatureRoute {
  path: string;
  element: ReactNode;
  nav?: { key: string; labelKey: string; icon: ReactNode; roles?: readonly Role[] };
  /** Roles allowed to open the page; defaults to nav.roles. */
  roles?: readonly Role[];
}

export const FEATURE_ROUTES: FeatureRoute[] = [
  { path: '/network', element: lazyPage(() => import('../features/network/network.page'), 'NetworkPage'), nav: { key: 'network', labelKey: 'network:nav', icon: <ApartmentOutlined /> } },
  { path: '/network/:id', element: lazyPage(() => import('../features/network/institution.page'), 'InstitutionPage') },
  { path: '/admin', element: lazyPage(() => import('../features/admin/admin.page'), 'AdminPage'), nav: { key: 'admin', labelKey: 'admin:nav', icon: <SettingOutlined />, roles: ['admin'] } },
  { path: '/audit', element: lazyPage(() => import('../features/audit/audit.page'), 'AuditPage'), nav: { key: 'audit', labelKey: 'audit:nav', icon: <AuditOutlined />, roles: ['auditor'] } },
  { path: '/consults', element: lazyPage(() => import('../features/consults/consults.page'), 'ConsultsPage'), nav: { key: 'consults', labelKey: 'consults:nav', icon: <MedicineBoxOutlined />, roles: ['clinician', 'expert', 'coordinator'] } },
  { path: '/consults/new', element: lazyPage(() => import('../features/consults/consult-new.page'), 'ConsultNewPage'), roles: ['clinician'] },
  { path: '/consults/:id', element: lazyPage(() => import('../features/consults/consult.page'), 'ConsultPage'), roles: ['clinician', 'expert', 'coordinator'] },
  { path: '/consults/:id/edit', element: lazyPage(() => import('../features/consults/consult-edit.page'), 'ConsultEditPage'), roles: ['clinician'] },
  { path: '/availability', element: lazyPage(() => import('../features/consults/availability.page'), 'AvailabilityPage'), nav: { key: 'availability', labelKey: 'consults:availabilityNav', icon: <ScheduleOutlined />, roles: ['expert', 'coordinator'] } },
  { path: '/referrals', element: lazyPage(() => import('../features/referrals/referrals.page'), 'ReferralsPage'), nav: { key: 'referrals', labelKey: 'referrals:nav', icon: <SwapOutlined /> } },
  { path: '/referrals/new', element: lazyPage(() => import('../features/referrals/referral-new.page'), 'ReferralNewPage'), roles: ['clinician', 'expert', 'coordinator'] },
  { path: '/referrals/:id', element: lazyPage(() => import('../features/referrals/referral.page'), 'ReferralPage') },
  { path: '/referral-settings', element: lazyPage(() => import('../features/referrals/referral-settings.page'), 'ReferralSettingsPage'), nav: { key: 'referral-settings', labelKey: 'referrals:settingsNav', icon: <ControlOutlined />, roles: ['admin'] } },
  { path: '/wards', element: lazyPage(() => import('../features/referrals/ward-board.page'), 'WardBoardPage'), nav: { key: 'wards', labelKey: 'referrals:wardNav', icon: <TableOutlined />, roles: ['coordinator', 'expert', 'clinician'] } },
  { path: '/agreements', element: lazyPage(() => import('../features/agreements/agreements.page'), 'AgreementsPage'), nav: { key: 'agreements', labelKey: 'agreements:nav', icon: <FileProtectOutlined /> } },
  { path: '/agreements/overview', element: lazyPage(() => import('../features/agreements/overview.page'), 'OverviewPage'), nav: { key: 'agreements-overview', labelKey: 'agreements:overviewNav', icon: <DashboardOutlined />, roles: ['leader'] } },
  { path: '/agreements/kpi', element: lazyPage(() => import('../features/agreements/scope.page'), 'ScopePickerPage'), nav: { key: 'agreements-kpi', labelKey: 'agreements:scope.nav', icon: <BarChartOutlined />, roles: ['leader', 'coordinator'] } },
  { path: '/agreements/kpi/:kind/:key', element: lazyPage(() => import('../features/agreements/scope.page'), 'ScopePage') },
  { path: '/agreements/:id', element: lazyPage(() => import('../features/agreements/agreement.page'), 'AgreementPage') },
];

/** Where `/` and a fresh sign-in land. */
export const HOME_PATH = '/network';
