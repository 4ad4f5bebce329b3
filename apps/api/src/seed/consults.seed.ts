import { createHash } from 'node:crypto';
import type { ConsultKind, ConsultMode, ConsultStatus, ConsultUrgency } from '@yilian/contracts';
import type { Tx } from '../db/db.js';
import type { SeedIds } from './foundation.seed.js';

/**
 * Demo consults in every state across the demo network (village → county → prefecture/provincial →
 * PUMCH; Cangzhou → PUMCH), with fictional patients. Deterministic ids make it idempotent.
 */
const HOUR = 3_600_000;
const DEFAULT_DUE: Record<ConsultUrgency, { measure: 'first_response' | 'report'; minutes: number }> = {
  emergency: { measure: 'first_response', minutes: 30 },
  urgent: { measure: 'report', minutes: 1440 },
  routine: { measure: 'report', minutes: 4320 },
};

const uuidOf = (key: string) => {
  const h = createHash('sha1').update(`yilian-demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

interface Link {
  target: string;
  dept?: string;
  expert?: string;
  coord: string;
  /** Final status of this link (escalated when a next link follows). */
  status: ConsultStatus;
  report?: [string, string];
  closeout?: { useful: boolean; referral: 'avoided' | 'still_needed' | 'newly_prompted' | 'not_considered' };
  reason?: string;
}

interface Spec {
  key: string;
  requester: string;
  requesterUser: string;
  patient: { name: string; sex: 'male' | 'female'; birth: string };
  kind: ConsultKind;
  mode: ConsultMode;
  urgency: ConsultUrgency;
  ageHours: number;
  complaint: string;
  question: string;
  dx: [string, string];
  /** The first link is the original request; each further link is an escalation one tier up. */
  links: Link[];
}

const R = (impression: string, rec: string): [string, string] => [impression, rec];

const SPECS: Spec[] = [
  { key: 'draft-1', requester: 'XXKVC', requesterUser: 'village.doc', patient: { name: '才让东智', sex: 'male', birth: '1958-04-12' }, kind: 'general', mode: 'async', urgency: 'routine', ageHours: 2, complaint: '反复咳嗽咳痰两月', question: '是否需要胸部CT？', dx: ['J44.9', '慢性阻塞性肺疾病'], links: [{ target: 'GHCH', coord: 'gonghe.coord', status: 'draft' }] },
  { key: 'submitted-1', requester: 'XXKVC', requesterUser: 'village.doc', patient: { name: '拉毛吉', sex: 'female', birth: '1966-09-30' }, kind: 'general', mode: 'async', urgency: 'urgent', ageHours: 5, complaint: '头晕伴血压控制不佳一周', question: '降压方案如何调整？', dx: ['I10', '原发性高血压'], links: [{ target: 'GHCH', dept: 'MED', coord: 'gonghe.coord', status: 'submitted' }] },
  { key: 'submitted-overdue', requester: 'QBQTHC', requesterUser: 'township.doc', patient: { name: '索南措', sex: 'female', birth: '1990-01-15' }, kind: 'general', mode: 'async', urgency: 'emergency', ageHours: 3, complaint: '孕 32 周，头痛、视物模糊', question: '是否立即转诊？', dx: ['O14.1', '重度子痫前期'], links: [{ target: 'GHCH', coord: 'gonghe.coord', status: 'submitted' }] },
  { key: 'assigned-1', requester: 'XXKVC', requesterUser: 'village.doc', patient: { name: '多杰才旦', sex: 'male', birth: '1949-12-02' }, kind: 'ecg', mode: 'async', urgency: 'urgent', ageHours: 10, complaint: '心悸、胸闷', question: '心电图是否提示房颤？', dx: ['I48.9', '心房颤动'], links: [{ target: 'GHCH', dept: 'MED', expert: 'gonghe.expert', coord: 'gonghe.coord', status: 'assigned' }] },
  { key: 'scheduled-1', requester: 'GHCH', requesterUser: 'gonghe.doc', patient: { name: '马德福', sex: 'male', birth: '1961-07-21' }, kind: 'mdt', mode: 'live', urgency: 'routine', ageHours: 20, complaint: '胃癌术后化疗方案讨论', question: '术后辅助化疗方案？', dx: ['C16.9', '胃恶性肿瘤'], links: [{ target: 'QHPPH', dept: 'NEURO', expert: 'qinghai.expert', coord: 'qinghai.coord', status: 'scheduled' }] },
  { key: 'in-progress-info', requester: 'XXKVC', requesterUser: 'village.doc', patient: { name: '卓玛草', sex: 'female', birth: '1972-03-08' }, kind: 'imaging', mode: 'async', urgency: 'routine', ageHours: 30, complaint: '右上腹痛伴黄疸', question: '超声所见是否为胆总管结石？', dx: ['K80.5', '胆总管结石'], links: [{ target: 'GHCH', dept: 'MED', expert: 'gonghe.expert', coord: 'gonghe.coord', status: 'in_progress' }] },
  { key: 'in-progress-cz', requester: 'CZCH', requesterUser: 'cangzhou.doc', patient: { name: '刘建军', sex: 'male', birth: '1955-10-10' }, kind: 'general', mode: 'async', urgency: 'urgent', ageHours: 12, complaint: '进行性肢体无力三月', question: '运动神经元病可能性？', dx: ['G12.2', '运动神经元病'], links: [{ target: 'PUMCH', dept: 'NEURO', expert: 'pumch.neuro', coord: 'pumch.coord', status: 'in_progress' }] },
  { key: 'answered-1', requester: 'LFMCH', requesterUser: 'langfang.doc', patient: { name: '王小雨', sex: 'female', birth: '2021-06-18' }, kind: 'general', mode: 'async', urgency: 'urgent', ageHours: 40, complaint: '反复发热伴皮疹', question: '川崎病可能？', dx: ['M30.3', '川崎病'], links: [{ target: 'CIP', dept: 'PEDS', expert: 'cip.expert', coord: 'cip.coord', status: 'answered', report: R('符合不完全川崎病', '静脉丙种球蛋白，复查心脏超声') }] },
  { key: 'declined-1', requester: 'LXPH', requesterUser: 'luxian.doc', patient: { name: '陈桂兰', sex: 'female', birth: '1950-02-14' }, kind: 'pathology', mode: 'async', urgency: 'routine', ageHours: 60, complaint: '乳腺肿物穿刺病理会诊', question: '良恶性？', dx: ['D48.6', '乳腺肿物'], links: [{ target: 'SWMUAH', coord: 'luzhou.expert', status: 'declined', reason: '病理切片未随附，请补充后重新申请' }] },
  { key: 'cancelled-1', requester: 'XXKVC', requesterUser: 'village.doc', patient: { name: '贡保', sex: 'male', birth: '1980-08-08' }, kind: 'general', mode: 'async', urgency: 'routine', ageHours: 70, complaint: '腰痛', question: '是否需要影像检查？', dx: ['M54.5', '腰痛'], links: [{ target: 'GHCH', coord: 'gonghe.coord', status: 'cancelled', reason: '患者已自行就诊' }] },
  {
    key: 'chain-village-pumch',
    requester: 'XXKVC',
    requesterUser: 'village.doc',
    patient: { name: '华旦加', sex: 'male', birth: '1994-05-20' },
    kind: 'general',
    mode: 'async',
    urgency: 'urgent',
    ageHours: 80,
    complaint: '反复抽搐伴意识障碍两周',
    question: '病因及下一步诊疗？',
    dx: ['G40.9', '癫痫'],
    links: [
      { target: 'GHCH', dept: 'MED', expert: 'gonghe.expert', coord: 'gonghe.coord', status: 'escalated', reason: '县级无法完成影像与脑电评估' },
      { target: 'QHPPH', dept: 'NEURO', expert: 'qinghai.expert', coord: 'qinghai.coord', status: 'escalated', reason: '疑难罕见病，请协和会诊' },
      { target: 'PUMCH', dept: 'NEURO', expert: 'pumch.neuro', coord: 'pumch.coord', status: 'closed', report: R('考虑自身免疫性脑炎', '完善腰穿及自身免疫性脑炎抗体检测，免疫治疗'), closeout: { useful: true, referral: 'newly_prompted' } },
    ],
  },
  {
    key: 'chain-county-hainan',
    requester: 'GHCH',
    requesterUser: 'gonghe.doc',
    patient: { name: '韩桂英', sex: 'female', birth: '1963-11-11' },
    kind: 'general',
    mode: 'async',
    urgency: 'routine',
    ageHours: 50,
    complaint: '血糖控制差伴足部溃疡',
    question: '是否需要截趾？',
    dx: ['E11.5', '2型糖尿病伴周围循环并发症'],
    links: [
      { target: 'HNZPH', dept: 'MED', expert: 'hainan.expert', coord: 'hainan.coord', status: 'escalated', reason: '需血管外科评估' },
      { target: 'QHPPH', coord: 'qinghai.coord', status: 'submitted' },
    ],
  },
];

const CZ_CASES: [string, 'male' | 'female', string, string, string][] = [
  ['张玉兰', 'female', '脑梗死后吞咽困难', 'I63.9', '脑梗死'],
  ['赵国庆', 'male', '帕金森病症状波动', 'G20', '帕金森病'],
  ['孙丽华', 'female', '重症肌无力复发', 'G70.0', '重症肌无力'],
  ['李志刚', 'male', '不明原因周围神经病', 'G62.9', '多发性神经病'],
  ['周淑芬', 'female', '视神经脊髓炎谱系疾病随访', 'G36.0', '视神经脊髓炎'],
  ['吴海峰', 'male', '难治性癫痫用药调整', 'G40.9', '癫痫'],
  ['郑雅琴', 'female', '偏头痛慢性化', 'G43.9', '偏头痛'],
  ['王德顺', 'male', '认知下降一年', 'G30.9', '阿尔茨海默病'],
];
for (const [i, [name, sex, complaint, code, label]] of CZ_CASES.entries()) {
  const closed = i < 6;
  SPECS.push({
    key: `cz-pumch-${i}`,
    requester: 'CZCH',
    requesterUser: i % 2 ? 'cangzhou.neuro' : 'cangzhou.doc',
    patient: { name, sex, birth: `${1950 + i * 3}-0${(i % 9) + 1}-1${i % 9}` },
    kind: i === 3 ? 'mdt' : 'general',
    mode: i === 3 ? 'live' : 'async',
    urgency: i % 3 === 0 ? 'urgent' : 'routine',
    ageHours: 24 * (10 + i * 6),
    complaint,
    question: '请协和专家给出诊疗建议',
    dx: [code, label],
    links: [
      {
        target: 'PUMCH',
        dept: 'NEURO',
        expert: 'pumch.neuro',
        coord: 'pumch.coord',
        status: closed ? 'closed' : 'answered',
        report: R(`${label}，诊断基本明确`, '调整治疗方案，三个月后远程复诊'),
        ...(closed ? { closeout: { useful: i !== 4, referral: (['avoided', 'avoided', 'still_needed', 'not_considered', 'avoided', 'newly_prompted'] as const)[i] ?? 'avoided' } } : {}),
      },
    ],
  });
}

const PATH: ConsultStatus[] = ['submitted', 'assigned', 'scheduled', 'in_progress', 'answered', 'closed'];

export async function seedConsults(tx: Tx, ids: SeedIds, now: Date): Promise<Record<string, number>> {
  let created = 0;
  const dept = (inst: string, code?: string) => (code ? ids.department(inst, code) : null);
  for (const spec of SPECS) {
    const rootId = uuidOf(`consult:${spec.key}:0`);
    if ((await tx.query('select 1 from consults where id = $1', [rootId])).length > 0) continue;
    const patientId = uuidOf(`patient:${spec.key}`);
    const requesterInst = ids.institution(spec.requester);
    const requesterUser = ids.user(spec.requesterUser);
    const t0 = new Date(now.getTime() - spec.ageHours * HOUR);
    await tx.query(
      `insert into patients (id, name, sex, birth_date, registered_by_institution_id, created_at, updated_at) values ($1,$2,$3,$4,$5,$6,$6) on conflict do nothing`,
      [patientId, spec.patient.name, spec.patient.sex, spec.patient.birth, requesterInst, t0],
    );
    await tx.query(`insert into patient_access (patient_id, institution_id, reason) values ($1,$2,'registration') on conflict do nothing`, [patientId, requesterInst]);
    const consentId = uuidOf(`consent:${spec.key}`);
    await tx.query(
      `insert into consents (id, patient_id, scope, method, witness_name, recorded_by, institution_id, recorded_at) values ($1,$2,'consultation','verbal_witnessed','家属',$3,$4,$5) on conflict do nothing`,
      [consentId, patientId, requesterUser, requesterInst, t0],
    );

    let fromId: string | null = null;
    let reqInst = requesterInst;
    let reqUser = requesterUser;
    let clock = t0.getTime();
    const step = (hours: number) => {
      clock = Math.min(clock + hours * HOUR, now.getTime() - 60_000);
      return new Date(clock);
    };
    for (const [depth, link] of spec.links.entries()) {
      const id = uuidOf(`consult:${spec.key}:${depth}`);
      const target = ids.institution(link.target);
      const created_at = new Date(clock);
      const events: [string, ConsultStatus | null, ConsultStatus, Date, string | null, Record<string, unknown>][] = [];
      const coordUser = ids.user(link.coord);
      const expertUser = link.expert ? ids.user(link.expert) : null;
      const agreement = await tx.query<{ id: string }>(
        `select a.id from agreements a join agreement_parties p1 on p1.agreement_id = a.id and p1.institution_id = $1
           join agreement_parties p2 on p2.agreement_id = a.id and p2.institution_id = $2 where a.status = 'active' limit 1`,
        [reqInst, target],
      );
      const row: Record<string, unknown> = {
        id,
        requester_institution_id: reqInst,
        requester_user_id: reqUser,
        patient_id: patientId,
        consent_id: consentId,
        kind: spec.kind,
        mode: spec.mode,
        urgency: spec.urgency,
        target_institution_id: target,
        target_department_id: dept(link.target, link.dept),
        chief_complaint: spec.complaint,
        history: '既往史详见附件（演示数据）',
        findings: '',
        diagnoses: JSON.stringify([{ code: spec.dx[0], label: spec.dx[1] }]),
        question: spec.question,
        escalated_from_id: fromId,
        chain_root_id: rootId,
        agreement_id: agreement[0]?.id ?? null,
        created_at,
      };
      let status: ConsultStatus = 'draft';
      if (fromId === null) events.push(['create', null, 'draft', created_at, reqUser, {}]);
      const go = (to: ConsultStatus, action: string, hours: number, actor: string | null, details: Record<string, unknown> = {}) => {
        const at = step(hours);
        events.push([action, status, to, at, actor, details]);
        status = to;
        return at;
      };
      if (link.status !== 'draft') {
        const submittedAt = fromId === null ? go('submitted', 'submit', 0.2, reqUser) : created_at;
        if (fromId !== null) {
          events.push(['escalated_in', null, 'submitted', created_at, reqUser, { escalatedFromId: fromId }]);
          status = 'submitted';
        }
        const due = DEFAULT_DUE[spec.urgency];
        Object.assign(row, { submitted_at: submittedAt, due_at: new Date(submittedAt.getTime() + due.minutes * 60_000), due_measure: due.measure });
        await tx.query(`insert into patient_access (patient_id, institution_id, reason, source_id) values ($1,$2,'consult',$3) on conflict do nothing`, [patientId, target, id]);
      }
      const finalIndex = PATH.indexOf(link.status === 'escalated' ? 'in_progress' : link.status);
      if (link.status === 'declined') {
        row.first_response_at = go('declined', 'decline', 3, coordUser, { reason: link.reason });
        row.decline_reason = link.reason;
      } else if (link.status === 'cancelled') {
        go('cancelled', 'cancel', 5, reqUser, { reason: link.reason });
        row.cancel_reason = link.reason;
      } else {
        if (finalIndex >= 1 && expertUser) {
          row.assigned_expert_user_id = expertUser;
          go('assigned', 'assign', 1, coordUser, { expertUserId: expertUser });
        }
        if (finalIndex >= 2 && spec.mode === 'live') go('scheduled', 'schedule', 1, coordUser);
        if (finalIndex >= 3 && expertUser) {
          row.first_response_at = go('in_progress', 'start', 2, expertUser);
          if (spec.key === 'in-progress-info') {
            row.info_requested_at = step(1);
            events.push(['request_info', 'in_progress', 'in_progress', row.info_requested_at as Date, expertUser, {}]);
          }
        }
        if (finalIndex >= 4 && expertUser && link.report) {
          row.answered_at = go('answered', 'sign', 12, expertUser);
        }
        if (finalIndex >= 5 && link.closeout) {
          row.closed_at = go('closed', 'closeout', 8, reqUser, { ...link.closeout });
          row.closeout_useful = link.closeout.useful;
          row.closeout_referral = link.closeout.referral;
        }
        if (link.status === 'escalated') {
          go('escalated', 'escalate', 2, expertUser ?? coordUser, { reason: link.reason });
          row.escalation_reason = link.reason;
        }
      }
      // A demo emergency left unanswered: flagged overdue as the SLA job would.
      if (spec.key === 'submitted-overdue') row.overdue_at = new Date(now.getTime() - HOUR);
      row.status = status;
      row.updated_at = new Date(clock);
      row.version = events.length;
      const cols = Object.keys(row);
      await tx.query(`insert into consults (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, cols.map((c) => row[c]));
      for (const [action, from, to, at, actor, details] of events) {
        await tx.query(
          `insert into consult_events (consult_id, at, actor_user_id, actor_institution_id, action, from_status, to_status, details) values ($1,$2,$3,$4,$5,$6,$7,$8)`,
          [id, at, actor, actor === reqUser ? reqInst : target, action, from, to, JSON.stringify(details)],
        );
      }
      if (spec.key === 'in-progress-info' && expertUser) {
        await tx.query(`insert into consult_messages (consult_id, author_user_id, author_institution_id, kind, body, created_at) values ($1,$2,$3,'info_request',$4,$5)`, [id, expertUser, target, '请补充肝功能及腹部超声图像', row.info_requested_at]);
      }
      if (link.report && expertUser && row.answered_at) {
        await tx.query(
          `insert into consult_reports (consult_id, impression, recommendations, referral_advised, author_user_id, updated_at, signed_at, signed_by) values ($1,$2,$3,$4,$5,$6,$6,$5)`,
          [id, link.report[0], link.report[1], link.closeout?.referral === 'still_needed' || link.closeout?.referral === 'newly_prompted', expertUser, row.answered_at],
        );
      }
      if (['submitted', 'assigned', 'scheduled', 'in_progress'].includes(status) && row.due_at && !row.overdue_at) {
        // The same outbox job the service enqueues, so the demo's open consults are flagged when they pass due.
        await tx.query(`insert into jobs (name, payload, run_at) values ('consults.check_due', $1, $2)`, [JSON.stringify({ consultId: id }), row.due_at]);
      }
      created += 1;
      fromId = id;
      reqInst = target;
      reqUser = expertUser ?? coordUser;
    }
  }
  // A free and a booked live slot for the scheduled demo consult.
  const scheduled = uuidOf('consult:scheduled-1:0');
  const expert = ids.user('qinghai.expert');
  const day = new Date(Math.ceil(now.getTime() / (24 * HOUR)) * 24 * HOUR + 2 * 24 * HOUR + 2 * HOUR);
  const slotRows = await tx.query<{ id: string }>('select id from expert_slots where expert_user_id = $1 and starts_at = $2', [expert, day]);
  if (slotRows.length === 0) {
    const [slot] = await tx.query<{ id: string }>(
      `insert into expert_slots (expert_user_id, institution_id, starts_at, ends_at, created_by, created_at) values ($1,$2,$3,$4,$1,$5) returning id`,
      [expert, ids.institution('QHPPH'), day, new Date(day.getTime() + HOUR), now],
    );
    await tx.query(
      `insert into expert_slots (expert_user_id, institution_id, starts_at, ends_at, created_by, created_at) values ($1,$2,$3,$4,$1,$5)`,
      [expert, ids.institution('QHPPH'), new Date(day.getTime() + 2 * HOUR), new Date(day.getTime() + 3 * HOUR), now],
    );
    await tx.query(
      `insert into consult_appointments (consult_id, slot_id, expert_user_id, starts_at, ends_at, join_url, created_at, requester_confirmed_at) values ($1,$2,$3,$4,$5,$6,$7,$7)`,
      [scheduled, slot?.id, expert, day, new Date(day.getTime() + HOUR), `/live/consults/${scheduled}`, now],
    );
  }
  const total = await tx.query<{ n: number }>(`select count(*) as n from consults where chain_root_id = any($1::uuid[])`, [SPECS.map((s) => uuidOf(`consult:${s.key}:0`))]);
  return { consults: total[0]?.n ?? created };
}
