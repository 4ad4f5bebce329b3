import type { DrilldownDto, DrilldownRowDto } from '@yilian/contracts';
import { Modal, Table, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalName } from '../../ui/labels';
import { PageState, type QueryLike } from '../../ui/page-state';
import type { Drill } from './agreements.resource';

/** Label and detail of a row in the reader's language: consult and referral rows carry what they are. */
function useRowText() {
  const { t, i18n } = useTranslation(['agreements', 'consults', 'referrals']);
  const name = useLocalName();
  const en = i18n.language === 'en';
  return (r: DrilldownRowDto): { label: string; detail: string; green: boolean } => {
    const x = r.record;
    if (!x) return en ? { label: r.labelEn, detail: r.detailEn, green: false } : { label: r.label, detail: r.detail, green: false };
    const ns = x.type === 'consult' ? 'consults' : 'referrals';
    const what = x.type === 'consult' ? t(`consults:kind.${x.kind}`) : t(`referrals:direction.${x.kind}`);
    const route = x.to ? `${name(x.from)} → ${name(x.to)}` : name(x.from);
    return {
      label: `${what} · ${t(`${ns}:urgency.${x.urgency}`)}`,
      detail: [route, x.patientName, t(`${ns}:status.${x.status}`)].filter(Boolean).join(' · '),
      green: x.greenChannel,
    };
  };
}

/** The dialog's title: the figure, and the breakdown or side it is narrowed to. */
export function drillTitle(t: TFunction<'agreements'>, drill: Drill, label?: (breakdown: string) => string): string {
  const parts = [t('dashboard.drill', { metric: t(`metric.${drill.metric}`) })];
  if (drill.breakdown) parts.push(label ? label(drill.breakdown) : drill.breakdown);
  if (drill.side) parts.push(t(`scope.${drill.side}`));
  return parts.join(' · ');
}

/** The records behind one figure (an agreement's, or an institution's, region's or network's). */
export function DrillModal({ title, query, onClose }: { title: string | null; query: QueryLike<DrilldownDto>; onClose: () => void }) {
  const { t } = useTranslation('agreements');
  const text = useRowText();
  return (
    <Modal open={title !== null} onCancel={onClose} footer={null} width={900} title={title ?? ''}>
      <PageState query={query}>
        {(r) => (
          <>
            {r.hidden > 0 && <p className="yl-muted">{t('dashboard.hidden', { count: r.hidden })}</p>}
            {r.total > r.items.length && <p className="yl-muted">{t('drill.shown', { shown: r.items.length, total: r.total })}</p>}
            <Table<DrilldownRowDto>
              rowKey="id"
              size="small"
              aria-label={title ?? ''}
              dataSource={r.items}
              pagination={false}
              columns={[
                { title: t('drill.date'), dataIndex: 'date', width: 110 },
                {
                  title: t('drill.label'),
                  render: (_, row) => {
                    const { label, green } = text(row);
                    return (
                      <>
                        {row.href ? <Link to={row.href}>{label}</Link> : label}
                        {green && (
                          <Tag color="green" style={{ marginInlineStart: 8 }}>
                            {t('drill.green')}
                          </Tag>
                        )}
                      </>
                    );
                  },
                },
                { title: t('drill.detail'), render: (_, row) => text(row).detail },
                { title: t('drill.quantity'), dataIndex: 'quantity', width: 80 },
              ]}
            />
          </>
        )}
      </PageState>
    </Modal>
  );
}
