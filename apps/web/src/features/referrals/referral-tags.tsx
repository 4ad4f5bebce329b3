import { ThunderboltFilled } from '@ant-design/icons';
import type { ReferralStatus, ReferralSummaryDto, ReferralUrgency } from '@yilian/contracts';
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<ReferralStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  accepted: 'cyan',
  declined: 'red',
  bed_reserved: 'geekblue',
  in_transit: 'purple',
  arrived: 'blue',
  admitted: 'gold',
  discharged: 'lime',
  closed: 'green',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation('referrals');
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="referral-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: ReferralUrgency }) {
  const { t } = useTranslation('referrals');
  return <Tag color={urgency === 'emergency' ? 'red' : urgency === 'urgent' ? 'orange' : 'default'}>{t(`urgency.${urgency}`)}</Tag>;
}

export function GreenBadge({ category }: { category: string | null }) {
  const { t } = useTranslation('referrals');
  return (
    <Tag color="green" icon={<ThunderboltFilled />} aria-label={t('green')}>
      {t('green')}
      {category ? ` · ${category}` : ''}
    </Tag>
  );
}

/** Minutes left (or overdue) until a green-channel referral must be answered; ticks every 30 s. */
export function ResponseTimer({ referral }: { referral: Pick<ReferralSummaryDto, 'status' | 'responseDueAt' | 'escalatedAt'> }) {
  const { t } = useTranslation('referrals');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (referral.status !== 'submitted' || !referral.responseDueAt) return null;
  const minutes = Math.round((new Date(referral.responseDueAt).getTime() - now) / 60_000);
  return (
    <span data-testid="response-timer">
      <Tag color={minutes < 0 ? 'red' : minutes <= 10 ? 'orange' : 'blue'}>
        {minutes >= 0 ? t('timer.left', { minutes }) : t('timer.overdue', { minutes: -minutes })}
      </Tag>
      {referral.escalatedAt && <Tag color="red">{t('escalated')}</Tag>}
    </span>
  );
}
