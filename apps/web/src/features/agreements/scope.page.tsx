import type { MetricKey, ScopeFiguresDto, ScopeKind } from '@yilian/contracts';
import { Button, Card, Col, Form, Input, Row, Space, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCurrentSession } from '../../app/session';
import { InstitutionSelect } from '../network/institution-select';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { AgreementFiguresTable } from './agreement-figures.table';
import { type Drill, useScopeDrilldown, useScopeFigures } from './agreements.resource';
import { ConsultBreakdown, useBreakdownLabel } from './consult-breakdown';
import { formatValue } from './dashboard.tab';
import { DrillModal, drillTitle } from './drill.modal';

const PARTNERSHIP: MetricKey[] = ['dispatch.batches', 'dispatch.person_times', 'techniques.introduced', 'training.trainees', 'training.completed', 'education.sessions', 'education.attendance'];
const WORKFLOW: MetricKey[] = [
  'consult.total',
  'consult.answered',
  'consult.response_median_minutes',
  'consult.within_target_share',
  'referral.total',
  'referral.up',
  'referral.down',
  'referral.green_channel',
  'referral.accept_median_minutes',
];

function Figures({ title, keys, figures, testId, onPick }: { title: string; keys: MetricKey[]; figures: ScopeFiguresDto['sent']; testId: string; onPick: (k: MetricKey) => void }) {
  const { t } = useTranslation('agreements');
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Row gutter={[12, 12]}>
        {keys.map((k) => (
          <Col key={k} xs={12} md={8} lg={6}>
            <button type="button" className="yl-figure" data-testid={`${testId}-${k}`} onClick={() => onPick(k)} style={{ all: 'unset', cursor: 'pointer', display: 'block' }}>
              <Statistic title={t(`metric.${k}`)} value={formatValue(k, figures[k])} />
            </button>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** KPIs of an institution, a region or a supervising authority's network; every figure opens the records behind it. */
export function ScopePage() {
  const { kind = 'institution', key = '' } = useParams();
  const scopeKind = (['institution', 'region', 'network'].includes(kind) ? kind : 'institution') as ScopeKind;
  const { t, i18n } = useTranslation('agreements');
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const query = useScopeFigures(scopeKind, key, period);
  const d = query.data;
  const [drill, setDrill] = useState<Drill | null>(null);
  const drillQuery = useScopeDrilldown(scopeKind, key, drill, { from: d?.from, to: d?.to });
  const breakdownLabel = useBreakdownLabel();
  const title = drill && (drill.side ? drillTitle(t, drill, breakdownLabel) : `${drillTitle(t, drill, breakdownLabel)} · ${t('scope.agreementTotals')}`);
  return (
    <>
      <PageHeader
        title={d ? (i18n.language === 'en' ? d.nameEn : d.nameZh) : t(`scope.${scopeKind}`)}
        subtitle={d ? `${t(`scope.${scopeKind}`)} · ${t('scope.institutions', { count: d.institutionCount })} · ${d.from} — ${d.to}` : undefined}
        crumbs={[{ label: t('scope.nav'), to: '/agreements/kpi' }, { label: t(`scope.${scopeKind}`) }]}
      />
      <PageState query={query}>
        {(data) => (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Space className="yl-toolbar" wrap>
              <span>{t('dashboard.period')}</span>
              <Input type="date" aria-label={`${t('dashboard.period')} from`} value={period.from ?? data.from} onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value || undefined }))} />
              <Input type="date" aria-label={`${t('dashboard.period')} to`} value={period.to ?? data.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value || undefined }))} />
            </Space>
            <Figures title={t('scope.partnership')} keys={PARTNERSHIP} figures={data.totals} testId="scope-totals" onPick={(metric) => setDrill({ metric })} />
            <Row gutter={16}>
              <Col xs={24} lg={12}>
                <Space direction="vertical" size={16} style={{ width: '100%' }}>
                  <Figures title={t('scope.sent')} keys={WORKFLOW} figures={data.sent} testId="scope-sent" onPick={(metric) => setDrill({ metric, side: 'sent' })} />
                  <ConsultBreakdown figures={data.sent} testId="scope-sent-breakdown" onPick={(breakdown) => setDrill({ metric: 'consult.total', breakdown, side: 'sent' })} />
                </Space>
              </Col>
              <Col xs={24} lg={12}>
                <Space direction="vertical" size={16} style={{ width: '100%' }}>
                  <Figures title={t('scope.received')} keys={WORKFLOW} figures={data.received} testId="scope-received" onPick={(metric) => setDrill({ metric, side: 'received' })} />
                  <ConsultBreakdown figures={data.received} testId="scope-received-breakdown" onPick={(breakdown) => setDrill({ metric: 'consult.total', breakdown, side: 'received' })} />
                </Space>
              </Col>
            </Row>
            <Card size="small" title={t('scope.agreements')}>
              {data.agreements.length === 0 ? (
                <p className="yl-muted">{t('scope.noAgreements')}</p>
              ) : (
                <AgreementFiguresTable rows={data.agreements} totals={data.totals} label={t('scope.agreements')} period={data} onTotal={(metric) => setDrill({ metric })} />
              )}
            </Card>
            <p className="yl-muted">{t('scope.drillHint')}</p>
            <DrillModal title={title} query={drillQuery} onClose={() => setDrill(null)} />
          </Space>
        )}
      </PageState>
    </>
  );
}

/** Picks what to look at: one's own institution, another institution, a region by division code, or an authority's network. */
export function ScopePickerPage() {
  const { t } = useTranslation('agreements');
  const session = useCurrentSession();
  const navigate = useNavigate();
  const [institutionId, setInstitutionId] = useState<string>();
  const [authorityId, setAuthorityId] = useState<string>();
  const [region, setRegion] = useState('');
  const regionOk = /^([0-9]{2}|[0-9]{4}|[0-9]{6})$/.test(region);
  return (
    <>
      <PageHeader title={t('scope.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('scope.institution')}>
            <Form layout="vertical">
              <Form.Item label={t('scope.pickInstitution')} htmlFor="scope-institution">
                <InstitutionSelect id="scope-institution" value={institutionId} onChange={(v) => setInstitutionId(v)} />
              </Form.Item>
              <Space>
                <Button type="primary" disabled={!institutionId} onClick={() => navigate(`/agreements/kpi/institution/${institutionId}`)}>
                  {t('scope.show')}
                </Button>
                <Button onClick={() => navigate(`/agreements/kpi/institution/${session.activeInstitutionId}`)}>{t('scope.own')}</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('scope.region')}>
            <Form layout="vertical">
              <Form.Item label={t('scope.regionCode')} htmlFor="scope-region" help={t('scope.regionHelp')} validateStatus={region && !regionOk ? 'error' : undefined}>
                <Input id="scope-region" value={region} onChange={(e) => setRegion(e.target.value.trim())} maxLength={6} />
              </Form.Item>
              <Button type="primary" disabled={!regionOk} onClick={() => navigate(`/agreements/kpi/region/${region}`)}>
                {t('scope.showRegion')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('scope.network')}>
            <Form layout="vertical">
              <Form.Item label={t('scope.pickAuthority')} htmlFor="scope-authority">
                <InstitutionSelect id="scope-authority" value={authorityId} onChange={(v) => setAuthorityId(v)} filter={(i) => i.type === 'authority'} />
              </Form.Item>
              <Button type="primary" disabled={!authorityId} onClick={() => navigate(`/agreements/kpi/network/${authorityId}`)}>
                {t('scope.showNetwork')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
