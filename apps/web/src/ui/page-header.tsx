import { Breadcrumb, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Page title (also the document title), optional breadcrumb trail, subtitle and actions on the right. */
export function PageHeader({
  title,
  subtitle,
  extra,
  crumbs,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  crumbs?: { label: ReactNode; to?: string }[];
}) {
  const { t } = useTranslation('common');
  useEffect(() => {
    if (typeof title === 'string') document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="yl-page-header">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.label}</Link> : c.label }))} />
      )}
      <div className="yl-page-header-row">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && <div className="yl-muted">{subtitle}</div>}
        </div>
        {extra && <div className="yl-page-header-extra">{extra}</div>}
      </div>
    </div>
  );
}
