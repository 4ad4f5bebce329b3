import type { MetricKey, OverviewRowDto } from '@yilian/contracts';
import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatValue } from './dashboard.tab';

const COLUMNS = ['dispatch.batches', 'dispatch.person_times', 'training.trainees', 'techniques.introduced', 'education.sessions', 'consult.total', 'referral.total'] as const;

/** The agreement's dashboard with the records behind one figure open, for the same period. */
const drillTo = (agreementId: string, metric: MetricKey, period: { from: string; to: string }) =>
  `/agreements/${agreementId}?${new URLSearchParams({ tab: 'dashboard', drill: metric, from: period.from, to: period.to })}`;

/**
 * One row per agreement with its key figures (each a link to the records behind it) and targets behind;
 * totals of the count figures below — buttons opening the records behind a total when `onTotal` is given.
 */
export function AgreementFiguresTable({
  rows,
  totals,
  label,
  period,
  onTotal,
}: {
  rows: OverviewRowDto[];
  totals: Partial<Record<MetricKey, number | null>>;
  label: string;
  period: { from: string; to: string };
  onTotal?: (metric: MetricKey) => void;
}) {
  const { t, i18n } = useTranslation('agreements');
  return (
    <Table<OverviewRowDto>
      rowKey="agreementId"
      size="small"
      aria-label={label}
      dataSource={rows}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        { title: t('overview.agreement'), render: (_, r) => <Link to={`/agreements/${r.agreementId}`}>{i18n.language === 'en' ? r.titleEn : r.titleZh}</Link> },
        ...COLUMNS.map((k) => ({
          title: t(`metric.${k}`),
          render: (_: unknown, r: OverviewRowDto) => (
            <Link to={drillTo(r.agreementId, k, period)} aria-label={`${r.code} ${t(`metric.${k}`)}`}>
              {formatValue(k, r.figures[k])}
            </Link>
          ),
        })),
        { title: t('overview.behind'), render: (_, r) => <Tag color={r.targetsBehind > 0 ? 'red' : 'green'}>{`${r.targetsBehind} / ${r.targetsTotal}`}</Tag> },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('overview.totals')}</Table.Summary.Cell>
          {COLUMNS.map((k, i) => (
            <Table.Summary.Cell key={k} index={i + 1}>
              {onTotal ? (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onTotal(k)} aria-label={`${t('overview.totals')} ${t(`metric.${k}`)}`}>
                  {formatValue(k, totals[k])}
                </Button>
              ) : (
                formatValue(k, totals[k])
              )}
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={COLUMNS.length + 1} />
        </Table.Summary.Row>
      )}
    />
  );
}
