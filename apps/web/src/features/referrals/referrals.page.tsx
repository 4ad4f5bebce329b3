import { PlusOutlined } from '@ant-design/icons';
import type { ReferralSummaryDto } from '@yilian/contracts';
import { Button, Card, Segmented, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLocalName } from '../../ui/labels';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { GreenBadge, ResponseTimer, StatusTag, UrgencyTag } from './referral-tags';
import { useReferrals } from './referrals.resource';

type Box = 'inbox' | 'outbox' | 'all';

/** Inbox and outbox: open first, then green channel, urgency and age (the server orders). */
export function ReferralsPage() {
  const { t } = useTranslation('referrals');
  const name = useLocalName();
  const navigate = useNavigate();
  const [box, setBox] = useState<Box>('inbox');
  const [page, setPage] = useState(1);
  const query = useReferrals({ box, page, pageSize: 20 });
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/referrals/new')}>
            {t('new')}
          </Button>
        }
      />
      <Card>
        <div className="yl-toolbar">
          <Segmented<Box>
            value={box}
            onChange={(v) => {
              setBox(v);
              setPage(1);
            }}
            options={(['inbox', 'outbox', 'all'] as const).map((b) => ({ value: b, label: t(`box.${b}`) }))}
          />
        </div>
        <PageState query={query} isEmpty={(d) => d.items.length === 0} empty={<div className="yl-muted">{t('table.empty')}</div>}>
          {(d) => (
            <Table<ReferralSummaryDto>
              aria-label={t('table.label')}
              rowKey="id"
              size="small"
              dataSource={d.items}
              pagination={{ current: page, pageSize: 20, total: d.total, onChange: setPage, showSizeChanger: false }}
              columns={[
                { title: t('table.number'), dataIndex: 'number', width: 70, render: (n: number, r) => <Link to={`/referrals/${r.id}`}>{n}</Link> },
                {
                  title: t('table.patient'),
                  render: (_, r) => (
                    <Space size={4} wrap>
                      <Link to={`/referrals/${r.id}`}>{r.patient.name}</Link>
                      {r.greenChannel && <GreenBadge category={null} />}
                      {r.loopFlaggedAt && <Tag color="red">{t('loopFlagged')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('table.route'), render: (_, r) => `${name(r.from)} → ${name(r.to)}` },
                { title: t('table.department'), render: (_, r) => name(r.toDepartment) },
                { title: t('table.urgency'), dataIndex: 'urgency', render: (_, r) => <><Tag>{t(`direction.${r.direction}`)}</Tag><UrgencyTag urgency={r.urgency} /></> },
                { title: t('table.status'), dataIndex: 'status', render: (_, r) => <StatusTag status={r.status} /> },
                { title: t('table.timer'), render: (_, r) => <ResponseTimer referral={r} /> },
                { title: t('table.submitted'), dataIndex: 'submittedAt', render: (v: string | null) => (v ? dayjs(v).format('MM-DD HH:mm') : '—') },
              ]}
            />
          )}
        </PageState>
      </Card>
    </>
  );
}
