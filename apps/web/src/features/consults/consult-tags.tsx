import type { ConsultStatus, ConsultSummaryDto, ConsultUrgency } from '@yilian/contracts';
import { Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

const STATUS_COLOURS: Record<ConsultStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  assigned: 'geekblue',
  scheduled: 'purple',
  in_progress: 'processing',
  answered: 'green',
  closed: 'success',
  declined: 'red',
  cancelled: 'default',
  escalated: 'orange',
};
const URGENCY_COLOURS: Record<ConsultUrgency, string> = { routine: 'default', urgent: 'orange', emergency: 'red' };

export function StatusTag({ status }: { status: ConsultStatus }) {
  const { t } = useTranslation('consults');
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="consult-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: ConsultUrgency }) {
  const { t } = useTranslation('consults');
  return <Tag color={URGENCY_COLOURS[urgency]}>{t(`urgency.${urgency}`)}</Tag>;
}

export function DueCell({ c }: { c: Pick<ConsultSummaryDto, 'dueAt' | 'overdue' | 'paused' | 'status'> }) {
  const { t } = useTranslation('consults');
  if (!c.dueAt) return <span className="yl-muted">—</span>;
  return (
    <Space size={4} wrap>
      <span>{dayjs(c.dueAt).format('MM-DD HH:mm')}</span>
      {c.overdue && <Tag color="red">{t('label.overdue')}</Tag>}
      {c.paused && <Tag color="gold">{t('label.paused')}</Tag>}
    </Space>
  );
}
