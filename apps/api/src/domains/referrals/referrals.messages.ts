import type { NotificationMessage } from '../notifications/index.js';
import type { ReferralRow } from './referrals.repo.js';

/** Notification texts, zh-CN and en. `kind` is `referral.<event>`; the link opens the referral. */
const TEXTS: Record<string, { zh: string; en: string }> = {
  submitted: { zh: '收到新的转诊申请', en: 'New referral received' },
  green_submitted: { zh: '绿色通道转诊：请尽快处理', en: 'Green-channel referral: please respond promptly' },
  accepted: { zh: '转诊已被接收', en: 'Referral accepted' },
  declined: { zh: '转诊被拒绝', en: 'Referral declined' },
  bed_reserved: { zh: '已为转诊患者预留床位', en: 'A bed is reserved for the referred patient' },
  bed_released: { zh: '转诊患者的预留床位已释放', en: 'The bed held for the referred patient was released' },
  reservation_expired: { zh: '预留床位已过期，转诊回到“已接收”', en: 'The bed hold expired; the referral is back to accepted' },
  in_transit: { zh: '转诊患者已出发', en: 'The referred patient is on the way' },
  arrived: { zh: '转诊患者已到达', en: 'The referred patient has arrived' },
  admitted: { zh: '转诊患者已入院', en: 'The referred patient was admitted' },
  discharged: { zh: '转诊患者已出院，请查阅出院小结并确认', en: 'The referred patient was discharged; read and acknowledge the summary' },
  closed: { zh: '转诊闭环已完成', en: 'Referral loop closed' },
  cancelled: { zh: '转诊已取消', en: 'Referral cancelled' },
  escalated: { zh: '绿色通道转诊超时未响应，已升级', en: 'Green-channel referral not answered in time: escalated' },
  loop_flagged: { zh: '转诊长期未闭环', en: 'Referral loop still open past its target' },
  follow_up_recorded: { zh: '下转患者随访已记录', en: 'A follow-up visit of the down-referred patient was recorded' },
  follow_up_missed: { zh: '下转患者随访逾期未完成', en: 'A follow-up visit of the down-referred patient was missed' },
};

export function referralMessage(event: string, r: Pick<ReferralRow, 'id' | 'number'>): NotificationMessage {
  const t = TEXTS[event] ?? { zh: '转诊状态更新', en: 'Referral updated' };
  return {
    kind: `referral.${event}`,
    titleZh: `${t.zh}（转诊单 ${r.number}）`,
    titleEn: `${t.en} (referral ${r.number})`,
    link: `/referrals/${r.id}`,
  };
}
