import { PlusOutlined } from '@ant-design/icons';
import { CONSULT_STATUSES, CONSULT_URGENCIES, type ConsultSummaryDto, type ConsultView } from '@yilian/contracts';
import { Button, Card, Select, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { hasAnyRole, useCurrentSession } from '../../app/session';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { useLocalName } from '../../ui/labels';
import { DueCell, StatusTag, UrgencyTag } from './consult-tags';
import { useConsults } from './consults.resource';

/** Requester "my consults", coordinator queue, expert "my work" and department pool, as tabs. */
export function ConsultsPage() {
  const { t } = useTranslation('consults');
  const session = useCurrentSession();
  const navigate = useNavigate();
  const name = useLocalName();
  const [params, setParams] = useSearchParams();
  const views: ConsultView[] = [
    ...(hasAnyRole(session, ['clinician', 'coordinator']) ? (['requested'] as const) : []),
    ...(hasAnyRole(session, ['coordinator']) ? (['incoming'] as const) : []),
    ...(hasAnyRole(session, ['expert']) ? (['mine', 'pool'] as const) : []),
  ];
  const defaultView: ConsultView = hasAnyRole(session, ['coordinator']) ? 'incoming' : hasAnyRole(session, ['expert']) ? 'mine' : 'requested';
  const view = (params.get('view') as ConsultView | null) ?? defaultView;
  const [status, setStatus] = useState<string[]>([]);
  const [urgency, setUrgency] = useState<string[]>([]);
  const [page, setPage] = useState(1);
  const query = useConsults({ view, status: status.join(','), urgency: urgency.join(','), sort: 'due', page, pageSize: 20 });

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          hasAnyRole(session, ['clinician']) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/consults/new')}>
              {t('new')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs activeKey={view} onChange={(v) => { setParams({ view: v }); setPage(1); }} items={views.map((v) => ({ key: v, label: t(`view.${v}`) }))} />
        <div className="yl-toolbar">
          <Select mode="multiple" allowClear aria-label={t('field.status')} placeholder={t('field.status')} style={{ minWidth: 200 }} value={status} onChange={setStatus} options={CONSULT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          <Select mode="multiple" allowClear aria-label={t('field.urgency')} placeholder={t('field.urgency')} style={{ minWidth: 160 }} value={urgency} onChange={setUrgency} options={CONSULT_URGENCIES.map((s) => ({ value: s, label: t(`urgency.${s}`) }))} />
        </div>
        <PageState query={query} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <Table<ConsultSummaryDto>
              rowKey="id"
              size="small"
              aria-label={t(`view.${view}`)}
              dataSource={d.items}
              pagination={{ current: page, pageSize: 20, total: d.total, onChange: setPage }}
              columns={[
                { title: t('field.patient'), key: 'patient', render: (_, c) => <Link to={c.status === 'draft' ? `/consults/${c.id}/edit` : `/consults/${c.id}`}>{c.patientName}</Link> },
                { title: t('field.chiefComplaint'), dataIndex: 'chiefComplaint', ellipsis: true },
                { title: t('field.kind'), key: 'kind', render: (_, c) => t(`kind.${c.kind}`) },
                { title: t('field.urgency'), key: 'urgency', render: (_, c) => <UrgencyTag urgency={c.urgency} /> },
                { title: t('field.requester'), key: 'requester', render: (_, c) => name({ nameZh: c.requester.institutionNameZh, nameEn: c.requester.institutionNameEn }) },
                { title: t('field.target'), key: 'target', render: (_, c) => (c.target ? name({ nameZh: c.target.institutionNameZh, nameEn: c.target.institutionNameEn }) : '—') },
                { title: t('field.expert'), dataIndex: 'assignedExpertName', render: (v: string | null) => v ?? '—' },
                { title: t('field.status'), key: 'status', render: (_, c) => <StatusTag status={c.status} /> },
                { title: t('field.due'), key: 'due', render: (_, c) => <DueCell c={c} /> },
                { title: t('field.created'), key: 'created', render: (_, c) => dayjs(c.createdAt).format('YYYY-MM-DD HH:mm') },
              ]}
            />
          )}
        </PageState>
      </Card>
    </>
  );
}
