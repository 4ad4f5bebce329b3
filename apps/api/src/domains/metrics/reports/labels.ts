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

export const CONSULT_KIND_LABELS: Record<string, { zh: string; en: string }> = {
  general: { zh: '普通会诊', en: 'General' },
  mdt: { zh: '多学科会诊（MDT）', en: 'Multidisciplinary (MDT)' },
  imaging: { zh: '影像诊断', en: 'Imaging read' },
  ecg: { zh: '心电诊断', en: 'ECG read' },
  pathology: { zh: '病理诊断', en: 'Pathology read' },
};
export const URGENCY_LABELS: Record<string, { zh: string; en: string }> = {
  routine: { zh: '普通', en: 'Routine' },
  urgent: { zh: '加急', en: 'Urgent' },
  emergency: { zh: '急诊', en: 'Emergency' },
};
export const TIER_LABELS: Record<string, { zh: string; en: string }> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  prefecture: { zh: '地市级', en: 'Prefecture' },
  county: { zh: '县级', en: 'County' },
  township: { zh: '乡镇级', en: 'Township' },
  village: { zh: '村级', en: 'Village' },
  none: { zh: '未指定机构', en: 'no institution' },
};
export const TRAINEE_STATUS_LABELS: Record<string, { zh: string; en: string }> = {
  in_training: { zh: '进修中', en: 'In training' },
  completed: { zh: '已结业', en: 'Completed' },
  withdrawn: { zh: '已退出', en: 'Withdrawn' },
};

/**
 * The consult breakdown figures (`consult.by_kind.mdt`, `consult.by_urgency.urgent`, `consult.by_tier.county>national`)
 * as report rows: group, item, count — kinds, then urgencies, then tier pairs, largest first within each.
 */
export function breakdownRows(figures: Record<string, number | null | undefined>, lang: 'zh' | 'en'): (string | number)[][] {
  const groups = {
    by_kind: { name: { zh: '会诊类型', en: 'Kind' }, label: (v: string) => CONSULT_KIND_LABELS[v] },
    by_urgency: { name: { zh: '紧急程度', en: 'Urgency' }, label: (v: string) => URGENCY_LABELS[v] },
    by_tier: {
      name: { zh: '层级（发起 → 受邀）', en: 'Tiers (requesting → target)' },
      label: (v: string) => {
        const [a = '', b = ''] = v.split('>');
        return { zh: `${TIER_LABELS[a]?.zh ?? a} → ${TIER_LABELS[b]?.zh ?? b}`, en: `${TIER_LABELS[a]?.en ?? a} → ${TIER_LABELS[b]?.en ?? b}` };
      },
    },
  } as const;
  const rows: (string | number)[][] = [];
  for (const [group, g] of Object.entries(groups)) {
    const lines = Object.entries(figures)
      .filter((e): e is [string, number] => e[0].startsWith(`consult.${group}.`) && typeof e[1] === 'number' && e[1] > 0)
      .map(([key, n]) => {
        const value = key.slice(`consult.${group}.`.length);
        return [g.name[lang], g.label(value)?.[lang] ?? value, n] as (string | number)[];
      })
      .sort((x, y) => Number(y[2]) - Number(x[2]));
    rows.push(...lines);
  }
  return rows;
}

/** Shares as percentages, durations and counts as numbers; null as a dash. */
export function formatFigure(_metric: MetricKey, value: number | null | undefined, kind: string): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'ratio') return `${(value * 100).toFixed(1)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
