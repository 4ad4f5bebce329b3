import { METRICS, type MetricKey, MetricKeySchema, type TargetProgressDto } from '@yilian/contracts';
import { Card, Col, Input, Row, Space, Statistic, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageState } from '../../ui/page-state';
import { type Drill, useDashboard, useDrilldown } from './agreements.resource';
import { ConsultBreakdown, useBreakdownLabel } from './consult-breakdown';
import { DrillModal, drillTitle } from './drill.modal';
import { EChart } from './echart';

const SHOWN: MetricKey[] = [
  'dispatch.batches',
  'dispatch.person_times',
  'dispatch.patients_seen',
  'dispatch.operations',
  'techniques.introduced',
  'training.trainees',
  'training.completed',
  'education.sessions',
  'education.attendance',
  'consult.total',
  'consult.within_target_share',
  'consult.response_median_minutes',
  'consult.response_p90_minutes',
  'consult.useful_share',
  'consult.referral_avoided_share',
  'referral.total',
  'referral.up',
  'referral.down',
  'referral.green_channel',
  'referral.green_accept_within_30m_share',
  'referral.loop_closure_share',
  'referral.followup_completion_share',
];

export function formatValue(metric: MetricKey, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return METRICS[metric] === 'ratio' ? `${(v * 100).toFixed(1)}%` : String(Math.round(v * 100) / 100);
}

const STATUS_COLOR = { met: 'green', on_track: 'blue', behind: 'red', not_started: 'default', no_data: 'default' } as const;

export function DashboardTab({ agreementId }: { agreementId: string }) {
  const { t, i18n } = useTranslation('agreements');
  const [search] = useSearchParams();
  const [period, setPeriod] = useState<{ from?: string; to?: string }>(() => ({ from: search.get('from') ?? undefined, to: search.get('to') ?? undefined }));
  const [drill, setDrill] = useState<Drill | null>(() => {
    const metric = MetricKeySchema.safeParse(search.get('drill')).data;
    return metric ? { metric } : null;
  });
  const query = useDashboard(agreementId, period);
  const breakdownLabel = useBreakdownLabel();
  const drillQuery = useDrilldown(agreementId, drill, { from: query.data?.from, to: query.data?.to });
  const option = useMemo(() => {
    const months = query.data?.monthly ?? [];
    const series: MetricKey[] = ['dispatch.person_times', 'training.trainees', 'education.sessions', 'consult.total', 'referral.total'];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 24 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value' },
      series: series.map((k) => ({ name: t(`metric.${k}`), type: 'bar', data: months.map((m) => m.values[k] ?? 0) })),
    };
  }, [query.data, t]);
  return (
    <PageState query={query}>
      {(d) => (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space className="yl-toolbar" wrap>
            <span>{t('dashboard.period')}</span>
            <Input type="date" aria-label={`${t('dashboard.period')} from`} value={period.from ?? d.from} onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value || undefined }))} />
            <Input type="date" aria-label={`${t('dashboard.period')} to`} value={period.to ?? d.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value || undefined }))} />
          </Space>
          <Card title={t('dashboard.figures')} size="small">
            <Row gutter={[12, 12]}>
              {SHOWN.map((k) => (
                <Col key={k} xs={12} md={6} lg={4}>
                  <button type="button" className="yl-figure" data-testid={`figure-${k}`} onClick={() => setDrill({ metric: k })} style={{ all: 'unset', cursor: 'pointer', display: 'block' }}>
                    <Statistic title={t(`metric.${k}`)} value={formatValue(k, d.figures[k])} />
                    {d.adjustments[k] !== undefined && <span className="yl-muted">{t('dashboard.adjusted', { value: d.adjustments[k] })}</span>}
                  </button>
                </Col>
              ))}
            </Row>
          </Card>
          <Card title={t('dashboard.targets')} size="small">
            <Table<TargetProgressDto>
              rowKey="targetId"
              size="small"
              aria-label={t('dashboard.targets')}
              pagination={false}
              dataSource={d.targets}
              columns={[
                { title: t('create.metric'), render: (_, x) => t(`metric.${x.metric}`) },
                { title: t('summary.period'), render: (_, x) => (i18n.language === 'en' ? x.periodLabel.en : x.periodLabel.zh) },
                { title: t('dashboard.target'), render: (_, x) => `${x.comparison === 'gte' ? '≥' : '≤'} ${formatValue(x.metric, x.value)}` },
                { title: t('dashboard.actual'), render: (_, x) => formatValue(x.metric, x.actual) },
                { title: t('dashboard.expected'), render: (_, x) => formatValue(x.metric, x.expected) },
                { title: t('dashboard.status'), render: (_, x) => <Tag color={STATUS_COLOR[x.status]}>{t(`targetStatus.${x.status}`)}</Tag> },
              ]}
            />
          </Card>
          <Card title={t('dashboard.monthly')} size="small">
            <EChart option={option} label={t('dashboard.monthly')} />
          </Card>
          <ConsultBreakdown figures={d.figures} testId="consult-breakdown" onPick={(breakdown) => setDrill({ metric: 'consult.total', breakdown })} />
          <DrillModal title={drill ? drillTitle(t, drill, breakdownLabel) : null} query={drillQuery} onClose={() => setDrill(null)} />
        </Space>
      )}
    </PageState>
  );
}
