/**
 * The annual report's content, gathered once from live data and rendered twice (PDF and Excel) so
 * both carry the same figures and tables.
 */
import { METRICS, type MetricKey, type TargetProgressDto } from '@yilian/contracts';
import type { Queryable } from '../../../db/db.js';
import type { MetricsService } from '../metrics.service.js';
import { ACTIVITY_LABELS, breakdownRows, formatFigure, METRIC_LABELS, STATUS_LABELS, TRAINEE_STATUS_LABELS } from './labels.js';

export type Lang = 'zh' | 'en';

export interface ReportTable {
  name: { zh: string; en: string };
  columns: { zh: string; en: string }[];
  rows: (string | number)[][];
}

export interface ReportData {
  title: string;
  subtitle: string;
  year: number;
  from: string;
  to: string;
  generatedAt: string;
  facts: [string, string][];
  tables: ReportTable[];
}

const L = (zh: string, en: string) => ({ zh, en });

export async function gatherReport(q: Queryable, metrics: MetricsService, agreementId: string, year: number, lang: Lang, now: Date, asOf: string): Promise<ReportData> {
  const [a] = await q.query<{ code: string; title_zh: string; title_en: string; kind: string; starts_on: string; ends_on: string; signed_on: string | null; areas: string[] }>(
    'select code, title_zh, title_en, kind, starts_on, ends_on, signed_on, areas from agreements where id = $1',
    [agreementId],
  );
  if (!a) throw new Error('agreement vanished');
  const from = a.starts_on > `${year}-01-01` ? a.starts_on : `${year}-01-01`;
  const to = a.ends_on < `${year}-12-31` ? a.ends_on : `${year}-12-31`;
  const parties = await q.query<{ role: string; name_zh: string; name_en: string }>(
    `select p.role, i.name_zh, i.name_en from agreement_parties p join institutions i on i.id = p.institution_id where p.agreement_id = $1
      order by array_position(array['assisting','assisted','supervising'], p.role), i.code`,
    [agreementId],
  );
  const figures = (await metrics.figuresFor(q, [agreementId], from, to)).get(agreementId)?.figures ?? {};
  const targets: TargetProgressDto[] = (await metrics.targetsProgress(q, agreementId, asOf)).filter((t) => t.periodFrom <= to && t.periodTo >= from);
  const t = (l: { zh: string; en: string }) => l[lang];
  const roleName = { assisting: L('帮扶方', 'Assisting'), assisted: L('受援方', 'Assisted'), supervising: L('监管部门', 'Supervising') } as Record<string, { zh: string; en: string }>;

  const batches = await q.query<{ batch_no: number; starts_on: string; ends_on: string; host: string; dept: string | null; experts: string; n: number; acts: string | null }>(
    `select b.batch_no, b.starts_on, b.ends_on, i.name_zh as host, d.name_zh as dept,
            (select string_agg(p.name_zh, '、' order by p.name_zh) from dispatch_members m join practitioners p on p.id = m.practitioner_id where m.batch_id = b.id) as experts,
            (select count(*) from dispatch_members m where m.batch_id = b.id) as n,
            (select string_agg(x.kind || ':' || x.c, ',') from (select kind, count(*) as c from dispatch_activities where batch_id = b.id group by kind) x) as acts
       from dispatch_batches b join institutions i on i.id = b.host_institution_id left join departments d on d.id = b.host_department_id
      where b.agreement_id = $1 and b.starts_on between $2 and $3 order by b.batch_no`,
    [agreementId, from, to],
  );
  const techniques = await q.query<{ name_zh: string; name_en: string; host: string; introduced_on: string; first_independent_on: string | null }>(
    `select t.name_zh, t.name_en, i.name_zh as host, t.introduced_on, t.first_independent_on from dispatch_techniques t join institutions i on i.id = t.host_institution_id
      where t.agreement_id = $1 and t.introduced_on between $2 and $3 order by t.introduced_on`,
    [agreementId, from, to],
  );
  const trainees = await q.query<{ name_zh: string; home: string; host: string; dept: string | null; starts_on: string; ends_on: string; status: string; certificate_no: string | null }>(
    `select t.name_zh, hi.name_zh as home, ho.name_zh as host, d.name_zh as dept, t.starts_on, t.ends_on, t.status, t.certificate_no
       from trainees t join institutions hi on hi.id = t.home_institution_id join institutions ho on ho.id = t.host_institution_id left join departments d on d.id = t.host_department_id
      where t.agreement_id = $1 and t.status <> 'withdrawn' and t.starts_on between $2 and $3 order by t.starts_on, t.name_zh`,
    [agreementId, from, to],
  );
  const sessions = await q.query<{ day: string; kind: string; topic_zh: string; presenters: { name: string }[]; n: number }>(
    `select ((s.held_at at time zone 'Asia/Shanghai')::date)::text as day, s.kind, s.topic_zh, s.presenters,
            (select count(*) from education_attendance x where x.session_id = s.id) as n
       from education_sessions s where s.agreement_id = $1 and (s.held_at at time zone 'Asia/Shanghai')::date between $2 and $3 order by s.held_at`,
    [agreementId, from, to],
  );

  const status = (s: string) => (s in STATUS_LABELS ? t(STATUS_LABELS[s as keyof typeof STATUS_LABELS]) : s);
  const figureRows = (Object.keys(METRICS) as MetricKey[]).map((k) => [t(METRIC_LABELS[k]), formatFigure(k, figures[k], METRICS[k])]);
  return {
    title: lang === 'zh' ? `${a.title_zh}` : a.title_en,
    subtitle: lang === 'zh' ? `${year} 年度工作报告` : `Annual report ${year}`,
    year,
    from,
    to,
    generatedAt: now.toISOString(),
    facts: [
      [t(L('协议编号', 'Code')), a.code],
      [t(L('协议期限', 'Term')), `${a.starts_on} — ${a.ends_on}`],
      [t(L('签署日期', 'Signed')), a.signed_on ?? '—'],
      [t(L('统计期间', 'Period')), `${from} — ${to}`],
      ...parties.map((p): [string, string] => [t(roleName[p.role] ?? L(p.role, p.role)), lang === 'zh' ? p.name_zh : p.name_en]),
    ],
    tables: [
      { name: L('主要指标', 'Key figures'), columns: [L('指标', 'Metric'), L('数值', 'Value')], rows: figureRows },
      { name: L('会诊构成', 'Consults by kind, urgency and tiers'), columns: [L('分类', 'Breakdown'), L('项目', 'Item'), L('例数', 'Consults')], rows: breakdownRows(figures, lang) },
      {
        name: L('目标完成情况', 'Targets'),
        columns: [L('指标', 'Metric'), L('期间', 'Period'), L('目标', 'Target'), L('实际', 'Actual'), L('按进度应达', 'Expected to date'), L('状态', 'Status')],
        rows: targets.map((x) => [
          t(METRIC_LABELS[x.metric]),
          t(x.periodLabel),
          `${x.comparison === 'gte' ? '≥' : '≤'} ${formatFigure(x.metric, x.value, METRICS[x.metric])}`,
          formatFigure(x.metric, x.actual, METRICS[x.metric]),
          formatFigure(x.metric, x.expected, METRICS[x.metric]),
          status(x.status),
        ]),
      },
      {
        name: L('专家派驻', 'Expert dispatch'),
        columns: [L('批次', 'Batch'), L('开始', 'From'), L('结束', 'To'), L('接收机构/科室', 'Host'), L('专家', 'Experts'), L('人次', 'Person-times'), L('活动', 'Activities')],
        rows: batches.map((b) => [
          b.batch_no,
          b.starts_on,
          b.ends_on,
          `${b.host}${b.dept ? ` ${b.dept}` : ''}`,
          b.experts,
          Number(b.n),
          (b.acts ?? '')
            .split(',')
            .filter(Boolean)
            .map((x) => {
              const [k, c] = x.split(':');
              return `${t(ACTIVITY_LABELS[k as keyof typeof ACTIVITY_LABELS] ?? L(k ?? '', k ?? ''))} ${c}`;
            })
            .join('，'),
        ]),
      },
      {
        name: L('新技术新项目', 'Techniques introduced'),
        columns: [L('项目', 'Technique'), L('开展机构', 'Host'), L('引进日期', 'Introduced'), L('首次独立开展', 'First independent')],
        rows: techniques.map((x) => [lang === 'zh' ? x.name_zh : x.name_en, x.host, x.introduced_on, x.first_independent_on ?? '—']),
      },
      {
        name: L('进修人员', 'Trainees'),
        columns: [L('姓名', 'Name'), L('派出机构', 'Home'), L('进修科室', 'Host department'), L('开始', 'From'), L('结束', 'To'), L('状态', 'Status'), L('证书编号', 'Certificate')],
        rows: trainees.map((x) => [x.name_zh, x.home, `${x.host}${x.dept ? ` ${x.dept}` : ''}`, x.starts_on, x.ends_on, TRAINEE_STATUS_LABELS[x.status]?.[lang] ?? x.status, x.certificate_no ?? '—']),
      },
      {
        name: L('远程教育', 'Tele-education'),
        columns: [L('日期', 'Date'), L('形式', 'Kind'), L('主题', 'Topic'), L('主讲', 'Presenters'), L('参加人次', 'Attendance')],
        rows: sessions.map((s) => [s.day, s.kind === 'lecture' ? t(L('讲座', 'Lecture')) : t(L('病例讨论', 'Case conference')), s.topic_zh, s.presenters.map((p) => p.name).join('、'), Number(s.n)]),
      },
    ],
  };
}
