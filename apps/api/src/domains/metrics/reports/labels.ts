import type { MetricKey } from '@yilian/contracts';

/** Metric names for reports (the web app has the same in its translation files). */
export const METRIC_LABELS: Record<MetricKey, { zh: string; en: string }> = {
  'dispatch.batches': { zh: '派驻专家批次', en: 'Dispatch batches' },
  'dispatch.person_times': { zh: '派驻专家人次', en: 'Expert person-times' },
  'dispatch.clinic_sessions': { zh: '专家门诊次数', en: 'Clinic sessions' },
  'dispatch.patients_seen': { zh: '门诊诊治患者人次', en: 'Patients seen in clinics' },
  'dispatch.operations': { zh: '手术台次', en: 'Operations' },
  'dispatch.teaching_rounds': { zh: '教学查房', en: 'Teaching ward rounds' },
  'dispatch.lectures': { zh: '专题讲座', en: 'Lectures' },
  'dispatch.case_discussions': { zh: '病例讨论', en: 'Case discussions' },
  'techniques.introduced': { zh: '引进新技术新项目', en: 'Techniques introduced' },
  'techniques.independent': { zh: '新技术独立开展', en: 'Techniques performed independently' },
  'training.trainees': { zh: '进修人员', en: 'Trainees' },
  'training.completed': { zh: '进修结业', en: 'Trainees completed' },
  'education.sessions': { zh: '远程教育场次', en: 'Tele-education sessions' },
  'education.attendance': { zh: '远程教育参加人次', en: 'Tele-education attendance' },
  'consult.total': { zh: '远程会诊例数', en: 'Teleconsultations' },
  'consult.answered': { zh: '已出具会诊意见', en: 'Consults answered' },
  'consult.within_target_share': { zh: '会诊按时响应率', en: 'Consults answered within target' },
  'consult.response_median_minutes': { zh: '会诊响应时间中位数（分钟）', en: 'Median response time (min)' },
  'consult.response_p90_minutes': { zh: '会诊响应时间第90百分位（分钟）', en: '90th percentile response time (min)' },
  'consult.useful_share': { zh: '会诊意见有帮助比例', en: 'Advice judged useful' },
  'consult.referral_avoided_share': { zh: '避免转诊比例', en: 'Referrals avoided' },
  'referral.total': { zh: '转诊例数', en: 'Referrals' },
  'referral.up': { zh: '上转例数', en: 'Up-referrals' },
  'referral.down': { zh: '下转例数', en: 'Down-referrals' },
  'referral.green_channel': { zh: '绿色通道转诊', en: 'Green-channel referrals' },
  'referral.green_accept_within_30m_share': { zh: '绿色通道30分钟内响应率', en: 'Green channel answered within 30 min' },
  'referral.accept_median_minutes': { zh: '转诊接收时间中位数（分钟）', en: 'Median time to accept (min)' },
  'referral.loop_closure_share': { zh: '转诊闭环率', en: 'Loop-closure rate' },
  'referral.followup_completion_share': { zh: '下转随访完成率', en: 'Down-referral follow-up completion' },
};

export const STATUS_LABELS = {
  met: { zh: '已完成', en: 'Met' },
  on_track: { zh: '按进度', en: 'On track' },
  behind: { zh: '滞后', en: 'Behind' },
  not_started: { zh: '未开始', en: 'Not started' },
  no_data: { zh: '无数据', en: 'No data' },
} as const;

export const ACTIVITY_LABELS = {
  clinic: { zh: '门诊', en: 'Clinic' },
  operation: { zh: '手术', en: 'Operation' },
  teaching_round: { zh: '教学查房', en: 'Teaching round' },
  lecture: { zh: '讲座', en: 'Lecture' },
  case_discussion: { zh: '病例讨论', en: 'Case discussion' },
} as const;

/** Shares as percentages, durations and counts as numbers; null as a dash. */
export function formatFigure(_metric: MetricKey, value: number | null | undefined, kind: string): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'ratio') return `${(value * 100).toFixed(1)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
