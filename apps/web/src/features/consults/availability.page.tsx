import { PlusOutlined } from '@ant-design/icons';
import type { ExpertSlotDto } from '@yilian/contracts';
import { App, Button, Card, DatePicker, Empty, Form, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useCurrentSession } from '../../app/session';
import { ErrorAlert } from '../../ui/error-alert';
import { useLocalName } from '../../ui/labels';
import { PageHeader } from '../../ui/page-header';
import { PageState } from '../../ui/page-state';
import { useInstitution } from '../network/network.resource';
import { useAddSlot, useExpertSlots } from './consults.resource';

/**
 * Live-consult availability: an expert offers time slots (a coordinator does it for an expert of the
 * institution) and sees which are booked. Overlaps are refused by the API (409).
 */
export function AvailabilityPage() {
  const { t } = useTranslation('consults');
  const session = useCurrentSession();
  const name = useLocalName();
  const isCoordinator = hasAnyRole(session, ['coordinator']);
  const isExpert = hasAnyRole(session, ['expert']);
  const institution = useInstitution(isCoordinator ? session.activeInstitutionId : '');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const expertUserId = chosen ?? (isExpert ? session.user.id : undefined);
  const people = (institution.data?.practitioners ?? []).filter((p) => p.userId && p.active);

  return (
    <>
      <PageHeader title={t('availability.title')} />
      <Card size="small">
        {isCoordinator && (
          <div className="yl-toolbar">
            <Select
              showSearch
              aria-label={t('field.expert')}
              placeholder={t('availability.chooseExpert')}
              style={{ minWidth: 280 }}
              optionFilterProp="search"
              loading={institution.isLoading}
              value={expertUserId}
              onChange={setChosen}
              options={people.map((p) => ({ value: p.userId ?? '', label: name(p), search: `${p.nameZh} ${p.nameEn}` }))}
            />
          </div>
        )}
        {expertUserId ? (
          <Slots expertUserId={expertUserId} />
        ) : institution.error ? (
          <ErrorAlert error={institution.error} onRetry={() => void institution.refetch()} />
        ) : (
          <Empty description={t('availability.chooseExpert')} />
        )}
      </Card>
    </>
  );
}

function Slots({ expertUserId }: { expertUserId: string }) {
  const { t } = useTranslation('consults');
  const { message } = App.useApp();
  const slots = useExpertSlots(expertUserId);
  const add = useAddSlot(expertUserId);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);

  async function handleAdd() {
    if (!range?.[0] || !range[1]) return;
    await add.mutateAsync({ expertUserId, startsAt: range[0].toISOString(), endsAt: range[1].toISOString() }).then(
      () => {
        message.success(t('msg.saved'));
        setRange(null);
      },
      () => undefined,
    );
  }

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label={t('availability.newSlot')}>
          <DatePicker.RangePicker
            aria-label={t('availability.newSlot')}
            showTime={{ format: 'HH:mm', minuteStep: 15 }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
            value={range}
            onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
          />
        </Form.Item>
        <Button type="primary" icon={<PlusOutlined />} loading={add.isPending} disabled={!range?.[0] || !range?.[1]} onClick={() => void handleAdd()}>
          {t('action.addSlot')}
        </Button>
      </Form>
      <ErrorAlert error={add.error} />
      <PageState query={slots} isEmpty={(d) => d.length === 0} empty={<div className="yl-muted" data-testid="page-empty">{t('availability.empty')}</div>}>
        {(d) => (
          <Table<ExpertSlotDto>
            rowKey="id"
            size="small"
            aria-label={t('availability.title')}
            dataSource={d}
            pagination={false}
            columns={[
              { title: t('field.startsAt'), key: 'starts', render: (_, s) => dayjs(s.startsAt).format('YYYY-MM-DD HH:mm') },
              { title: t('field.endsAt'), key: 'ends', render: (_, s) => dayjs(s.endsAt).format('YYYY-MM-DD HH:mm') },
              { title: t('availability.duration'), key: 'duration', render: (_, s) => t('availability.minutes', { count: dayjs(s.endsAt).diff(s.startsAt, 'minute') }) },
              {
                title: t('field.status'),
                key: 'booked',
                render: (_, s) => (s.booked ? <Tag color="blue">{t('availability.booked')}</Tag> : <Tag color="green">{t('availability.free')}</Tag>),
              },
            ]}
          />
        )}
      </PageState>
      <Space className="yl-muted" style={{ marginTop: 8 }}>
        {t('availability.note')}
      </Space>
    </>
  );
}
