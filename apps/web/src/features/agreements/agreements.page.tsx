import type { AgreementSummaryDto } from '@yilian/contracts';
import { Button, Card, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasAnyRole, useCurrentSession } from '../../app/session';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { AgreementForm } from './agreement.form';
import { useAgreements } from './agreements.resource';

export function AgreementsPage() {
  const { t, i18n } = useTranslation('agreements');
  const session = useCurrentSession();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const query = useAgreements({ q, pageSize: 200 });
  const en = i18n.language === 'en';
  return (
    <>
      <PageHeader title={t('title')} extra={hasAnyRole(session, ['leader']) && <Button type="primary" onClick={() => setCreating(true)}>{t('create.button')}</Button>} />
      <Card>
        <div className="yl-toolbar" style={{ marginBottom: 12 }}>
          <Input.Search aria-label={t('list.search')} placeholder={t('list.search')} allowClear onSearch={setQ} style={{ maxWidth: 320 }} />
        </div>
        <PageState query={query} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <Table<AgreementSummaryDto>
              rowKey="id"
              size="small"
              aria-label={t('title')}
              dataSource={d.items}
              pagination={false}
              columns={[
                { title: t('list.code'), dataIndex: 'code', width: 180 },
                { title: t('list.title'), render: (_, a) => <Link to={`/agreements/${a.id}`}>{en ? a.titleEn : a.titleZh}</Link> },
                { title: t('list.kind'), render: (_, a) => <Tag>{t(`kind.${a.kind}`)}</Tag>, width: 120 },
                { title: t('list.term'), render: (_, a) => `${a.startsOn} — ${a.endsOn}`, width: 200 },
                { title: t('list.parties'), render: (_, a) => a.parties.filter((p) => p.role !== 'supervising').map((p) => (en ? p.nameEn : p.nameZh)).join(' · ') },
                { title: t('list.status'), render: (_, a) => <Tag color={a.status === 'active' ? 'green' : 'default'}>{t(`status.${a.status}`)}</Tag>, width: 90 },
              ]}
            />
          )}
        </PageState>
      </Card>
      <AgreementForm open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/agreements/${id}`)} />
    </>
  );
}
