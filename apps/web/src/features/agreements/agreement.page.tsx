import { Card, Descriptions, Space, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useLocalName } from '../../ui/labels';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { AttachmentPreview } from '../patients/attachment-preview';
import { AgreementActions } from './amend';
import { useAgreement } from './agreements.resource';
import { DashboardTab, formatValue } from './dashboard.tab';
import { DispatchTab } from './dispatch.tab';
import { EducationTab } from './education.tab';
import { ReportTab } from './report.tab';
import { TrainingTab } from './training.tab';
import { VersionsCard } from './versions.card';

export function AgreementPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('agreements');
  const name = useLocalName();
  const query = useAgreement(id);
  const en = i18n.language === 'en';
  // `?tab=dashboard&drill=<metric>&from=&to=` opens a figure's records directly (links from the KPI views).
  const [search, setSearch] = useSearchParams();
  return (
    <PageState query={query}>
      {(a) => (
        <>
          <PageHeader title={en ? a.titleEn : a.titleZh} subtitle={`${a.code} · ${t(`kind.${a.kind}`)} · ${t(`status.${a.status}`)}`} crumbs={[{ label: t('nav'), to: '/agreements' }, { label: a.code }]} extra={<AgreementActions agreement={a} />} />
          <Tabs
            activeKey={search.get('tab') ?? 'summary'}
            onChange={(tab) => setSearch({ tab }, { replace: true })}
            items={[
              {
                key: 'summary',
                label: t('tab.summary'),
                children: (
                  <Space direction="vertical" size={16} style={{ width: '100%' }}>
                    <Card size="small">
                      <Descriptions size="small" column={2}>
                        <Descriptions.Item label={t('list.term')}>{`${a.startsOn} — ${a.endsOn}`}</Descriptions.Item>
                        <Descriptions.Item label={t('create.signedOn')}>{a.signedOn ?? '—'}</Descriptions.Item>
                        {a.parties.map((p) => (
                          <Descriptions.Item key={p.institutionId} label={t(`role.${p.role}`)}>
                            {name(p)}
                          </Descriptions.Item>
                        ))}
                        <Descriptions.Item label={t('create.areas')} span={2}>
                          {a.areas.map((x) => (
                            <Tag key={x}>{t(`area.${x}`)}</Tag>
                          ))}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('summary.description')} span={2}>
                          {(en ? a.descriptionEn : a.descriptionZh) ?? '—'}
                        </Descriptions.Item>
                      </Descriptions>
                    </Card>
                    <Card size="small" title={t('summary.document')}>
                      {a.document ? <AttachmentPreview items={[a.document]} /> : <span className="yl-muted">{t('summary.noDocument')}</span>}
                    </Card>
                    <Card size="small" title={t('summary.phases')}>
                      <Table rowKey="id" size="small" pagination={false} dataSource={a.phases} columns={[{ title: t('summary.phases'), render: (_, p) => name(p) }, { title: t('list.kind'), render: (_, p) => t(`kind.${p.kind}`) }, { title: t('list.term'), render: (_, p) => `${p.startsOn} — ${p.endsOn}` }]} />
                    </Card>
                    <Card size="small" title={t('summary.targets')}>
                      <Table
                        rowKey="id"
                        size="small"
                        aria-label={t('summary.targets')}
                        pagination={false}
                        dataSource={a.targets}
                        columns={[
                          { title: t('create.metric'), render: (_, x) => t(`metric.${x.metric}`) },
                          { title: t('summary.period'), render: (_, x) => (x.year ? t('summary.yearN', { year: x.year }) : x.phaseId ? name(a.phases.find((p) => p.id === x.phaseId)) : t('summary.wholeTerm')) },
                          { title: t('dashboard.target'), render: (_, x) => `${x.comparison === 'gte' ? '≥' : '≤'} ${formatValue(x.metric, x.value)}` },
                        ]}
                      />
                    </Card>
                    <VersionsCard agreement={a} />
                  </Space>
                ),
              },
              { key: 'dashboard', label: t('tab.dashboard'), children: <DashboardTab agreementId={a.id} /> },
              { key: 'dispatch', label: t('tab.dispatch'), children: <DispatchTab agreement={a} /> },
              { key: 'training', label: t('tab.training'), children: <TrainingTab agreement={a} /> },
              { key: 'education', label: t('tab.education'), children: <EducationTab agreement={a} /> },
              { key: 'report', label: t('tab.report'), children: <ReportTab agreement={a} /> },
            ]}
            destroyOnHidden
          />
        </>
      )}
    </PageState>
  );
}
