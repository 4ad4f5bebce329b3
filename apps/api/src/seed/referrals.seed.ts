/**
 * Demo referrals: every state of the workflow, told through the partnerships of the source documents —
 * the Cangzhou → PUMCH green channel into the co-built neurology demonstration referral ward
 * (NEURO-DEMO), down-referrals from PUMCH back to Cangzhou with follow-up plans, and the Qinghai chain
 * (village/township → Gonghe county → Qinghai Provincial → PUMCH). All patients are fictional.
 */
import type { FollowUpPlanDto, ReferralStatus, Sex } from '@yilian/contracts';
import type { Tx } from '../db/db.js';
import type { Actor } from '../http/actor.js';
import { grantPatientAccess, recordConsent } from '../domains/patients/index.js';
import type { DomainSeeder } from './seed.js';
import type { SeedIds } from './foundation.seed.js';

const SEED_KEY = 'referrals-demo-v1';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

interface DemoReferral {
  patient: { name: string; sex: Sex; birthDate: string };
  from: string;
  to: string;
  dept: string;
  by: string;
  /** Final state; the path to it is the normal one. */
  status: ReferralStatus;
  /** How long ago it was created. */
  ageMs: number;
  urgency: 'routine' | 'urgent' | 'emergency';
  green?: string;
  reason: string;
  diagnosis: [string, string];
  summary: string;
  bed?: string;
  plan?: FollowUpPlanDto;
  /** Follow-up visits already done (by index). */
  visitsDone?: number[];
  escalated?: boolean;
  flagged?: boolean;
  outpatient?: boolean;
}

const ymd = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);

const PATH: ReferralStatus[] = ['draft', 'submitted', 'accepted', 'bed_reserved', 'in_transit', 'arrived', 'admitted', 'discharged', 'closed'];

function pathTo(r: DemoReferral): ReferralStatus[] {
  if (r.status === 'declined') return ['draft', 'submitted', 'declined'];
  if (r.status === 'cancelled') return ['draft', 'submitted', 'accepted', 'cancelled'];
  const path = PATH.slice(0, PATH.indexOf(r.status) + 1);
  return r.bed ? path : path.filter((s) => s !== 'bed_reserved');
}

const ACTION: Record<string, string> = {
  draft: 'create', submitted: 'submit', accepted: 'accept', declined: 'decline', bed_reserved: 'reserve_bed', in_transit: 'depart',
  arrived: 'arrive', admitted: 'admit', discharged: 'discharge', closed: 'acknowledge', cancelled: 'cancel',
};

function demoReferrals(now: Date): DemoReferral[] {
  const plan = (visits: [number, string][]): FollowUpPlanDto => ({
    visits: visits.map(([days, purpose]) => ({ dueOn: ymd(new Date(now.getTime() + days * DAY)), purpose })),
    checks: ['血压、血糖', '肝肾功能', '神经功能评分（NIHSS/mRS）'],
    medications: [{ name: '阿司匹林肠溶片', dose: '100mg', frequency: '每日一次' }, { name: '阿托伐他汀钙片', dose: '20mg', frequency: '每晚一次' }],
    notes: '如出现新发肢体无力、言语不清，立即经绿色通道上转。',
  });
  const cz = { from: 'CZCH', to: 'PUMCH', dept: 'NEURO', by: 'cangzhou.doc' };
  const stroke: [string, string] = ['I63.9', '急性脑梗死'];
  return [
    { ...cz, patient: { name: '刘桂芝', sex: 'female', birthDate: '1957-03-14' }, status: 'submitted', ageMs: 12 * MIN, urgency: 'emergency', green: 'stroke', reason: '急性缺血性卒中，大血管闭塞可疑，申请血管内治疗', diagnosis: stroke, summary: '右侧肢体无力伴言语不清2小时，NIHSS 14分，CTA提示左侧大脑中动脉M1段闭塞。' },
    { ...cz, patient: { name: '孙建华', sex: 'male', birthDate: '1969-11-02' }, status: 'submitted', ageMs: 55 * MIN, urgency: 'urgent', green: 'rare_disease', escalated: true, reason: '疑似抗NMDA受体脑炎，需上级医院确诊及免疫治疗', diagnosis: ['G04.8', '自身免疫性脑炎'], summary: '精神行为异常伴癫痫发作1周，脑脊液细胞数轻度升高。' },
    { ...cz, patient: { name: '赵淑芬', sex: 'female', birthDate: '1961-06-20' }, status: 'accepted', ageMs: 5 * HOUR, urgency: 'urgent', outpatient: true, reason: '反复短暂性脑缺血发作，申请专家门诊评估', diagnosis: ['G45.9', '短暂性脑缺血发作'], summary: '近1月发作3次，每次持续10分钟左右。' },
    { ...cz, patient: { name: '王德顺', sex: 'male', birthDate: '1955-01-08' }, status: 'bed_reserved', ageMs: 3 * HOUR, urgency: 'emergency', green: 'stroke', bed: 'NEURO-DEMO-01', reason: '后循环卒中进展，申请转入示范病房', diagnosis: ['I63.2', '基底动脉血栓形成'], summary: '眩晕、构音障碍进行性加重，MRI示脑桥梗死。' },
    { ...cz, patient: { name: '张玉兰', sex: 'female', birthDate: '1963-09-30' }, status: 'in_transit', ageMs: 6 * HOUR, urgency: 'urgent', green: 'critical', bed: 'NEURO-DEMO-02', reason: '重症肌无力危象，需重症及专科联合治疗', diagnosis: ['G70.0', '重症肌无力'], summary: '呼吸困难加重，已予无创通气。' },
    { ...cz, patient: { name: '李国强', sex: 'male', birthDate: '1972-04-16' }, status: 'arrived', ageMs: 9 * HOUR, urgency: 'urgent', bed: 'NEURO-DEMO-03', reason: '难治性癫痫术前评估', diagnosis: ['G40.9', '癫痫'], summary: '三种抗癫痫药联合治疗仍每周发作。' },
    { ...cz, patient: { name: '陈秀英', sex: 'female', birthDate: '1950-12-05' }, status: 'admitted', ageMs: 4 * DAY, urgency: 'emergency', green: 'stroke', bed: 'NEURO-DEMO-04', reason: '急性卒中取栓术后转入示范病房', diagnosis: stroke, summary: '发病4小时行取栓，术后需神经重症监护。' },
    { ...cz, patient: { name: '周明华', sex: 'male', birthDate: '1958-08-22' }, status: 'discharged', ageMs: 12 * DAY, urgency: 'urgent', bed: 'NEURO-DEMO-05', reason: '视神经脊髓炎谱系疾病复发', diagnosis: ['G36.0', '视神经脊髓炎'], summary: '双下肢麻木无力加重5天。' },
    { ...cz, patient: { name: '吴桂英', sex: 'female', birthDate: '1966-02-11' }, status: 'closed', ageMs: 25 * DAY, urgency: 'routine', bed: 'NEURO-DEMO-06', reason: '运动神经元病诊断评估', diagnosis: ['G12.2', '运动神经元病'], summary: '四肢无力、肌肉萎缩进行性加重半年。' },
    { ...cz, patient: { name: '郑海涛', sex: 'male', birthDate: '1975-07-19' }, status: 'declined', ageMs: 2 * DAY, urgency: 'routine', reason: '偏头痛规范化治疗', diagnosis: ['G43.9', '偏头痛'], summary: '反复头痛10年。' },
    { ...cz, patient: { name: '马丽娟', sex: 'female', birthDate: '1980-10-03' }, status: 'cancelled', ageMs: 3 * DAY, urgency: 'routine', reason: '周围神经病病因评估', diagnosis: ['G62.9', '多发性周围神经病'], summary: '四肢末端麻木3月。' },
    { ...cz, patient: { name: '黄志刚', sex: 'male', birthDate: '1964-05-27' }, status: 'draft', ageMs: 30 * MIN, urgency: 'urgent', reason: '帕金森病运动并发症，拟申请脑深部电刺激评估', diagnosis: ['G20', '帕金森病'], summary: '左旋多巴治疗8年，剂末现象明显。' },
    { ...cz, patient: { name: '何凤英', sex: 'female', birthDate: '1953-03-03' }, status: 'admitted', ageMs: 40 * DAY, urgency: 'urgent', bed: 'NEURO-DEMO-07', flagged: true, reason: '脑静脉窦血栓形成', diagnosis: ['I67.6', '颅内静脉系统血栓形成'], summary: '头痛伴视物模糊，住院时间较长。' },
    // Down-referrals PUMCH → Cangzhou with follow-up plans.
    { from: 'PUMCH', to: 'CZCH', dept: 'NEURO', by: 'pumch.neuro', patient: { name: '杨春生', sex: 'male', birthDate: '1956-12-12' }, status: 'accepted', ageMs: 10 * DAY, urgency: 'routine', outpatient: true, reason: '取栓术后病情稳定，下转回沧州康复及随访', diagnosis: ['I69.3', '脑梗死后遗症'], summary: '取栓术后10天，mRS 1分，可步行。', plan: plan([[-3, '出院后1周复诊'], [20, '出院后1月复诊'], [80, '出院后3月复查头颅MRI']]), visitsDone: [0] },
    { from: 'PUMCH', to: 'CZCH', dept: 'NEURO', by: 'pumch.neuro', patient: { name: '林秀珍', sex: 'female', birthDate: '1960-01-25' }, status: 'submitted', ageMs: 4 * HOUR, urgency: 'routine', reason: '免疫治疗后缓解，下转当地继续口服药物及随访', diagnosis: ['G04.8', '自身免疫性脑炎（恢复期）'], summary: '住院3周，症状基本缓解。', plan: plan([[7, '下转后1周复诊'], [30, '下转后1月复诊']]) },
    // The Qinghai chain.
    { from: 'QBQTHC', to: 'GHCH', dept: 'MED', by: 'township.doc', patient: { name: '才让加', sex: 'male', birthDate: '1967-05-09' }, status: 'submitted', ageMs: 2 * HOUR, urgency: 'urgent', reason: '高原地区高血压急症，需县医院处理', diagnosis: ['I16.1', '高血压急症'], summary: '血压220/130mmHg，头痛呕吐。' },
    { from: 'GHCH', to: 'QHPPH', dept: 'NEURO', by: 'gonghe.doc', patient: { name: '卓玛措', sex: 'female', birthDate: '1971-08-14' }, status: 'admitted', ageMs: 3 * DAY, urgency: 'emergency', green: 'stroke', bed: 'NEURO-1-01', reason: '急性卒中，县医院无取栓条件', diagnosis: stroke, summary: '左侧肢体偏瘫3小时。' },
    { from: 'QHPPH', to: 'PUMCH', dept: 'NEURO', by: 'qinghai.expert', patient: { name: '马永福', sex: 'male', birthDate: '1959-02-18' }, status: 'accepted', ageMs: 1 * DAY, urgency: 'urgent', green: 'rare_disease', reason: '疑难罕见病（线粒体脑肌病）进京会诊后收治', diagnosis: ['G71.3', '线粒体肌病'], summary: '卒中样发作反复，乳酸升高。' },
    { from: 'QHPPH', to: 'GHCH', dept: 'MED', by: 'qinghai.expert', patient: { name: '韩桂兰', sex: 'female', birthDate: '1949-11-30' }, status: 'accepted', ageMs: 20 * DAY, urgency: 'routine', outpatient: true, reason: '卒中恢复期下转共和县医院随访', diagnosis: ['I69.3', '脑梗死后遗症'], summary: '言语稍含糊，可自理。', plan: plan([[-10, '下转后2周复诊'], [15, '下转后6周复诊']]) },
  ];
}

/** A minimal actor for recording consent in the seed (the referrer at the sending institution). */
function seedActor(userId: string, username: string, institutionId: string): Actor {
  return { userId, username, displayName: username, sessionId: 'seed', institutionId, roles: ['clinician'], memberships: [], ip: '127.0.0.1', locale: 'zh-CN' };
}

export const seedReferrals: DomainSeeder = async (tx: Tx, ids: SeedIds, now: Date) => {
  const done = await tx.query("select 1 from referral_events where details->>'seed' = $1 limit 1", [SEED_KEY]);
  if (done.length) return { referrals: 0 };
  let count = 0;
  for (const r of demoReferrals(now)) {
    await seedOne(tx, ids, now, r);
    count += 1;
  }
  return { referrals: count };
};

async function seedOne(tx: Tx, ids: SeedIds, now: Date, r: DemoReferral): Promise<void> {
  const from = ids.institution(r.from);
  const to = ids.institution(r.to);
  const by = ids.user(r.by);
  const created = new Date(now.getTime() - r.ageMs);
  const [patient] = await tx.query<{ id: string }>(
    'insert into patients (name, sex, birth_date, registered_by_institution_id, created_at, updated_at) values ($1,$2,$3,$4,$5,$5) returning id',
    [r.patient.name, r.patient.sex, r.patient.birthDate, from, created],
  );
  const patientId = patient?.id ?? '';
  await grantPatientAccess(tx, patientId, from, 'registration', null);
  const consent = await recordConsent(tx, seedActor(by, r.by, from), patientId, { scope: 'referral', method: 'verbal_witnessed', witnessName: '当班护士' }, created);
  const [tiers] = await tx.query<{ direction: string }>(
    `select case when array_position($3::text[], t.tier) < array_position($3::text[], f.tier) then 'up'
                 when array_position($3::text[], t.tier) > array_position($3::text[], f.tier) then 'down' else 'lateral' end as direction
       from institutions f, institutions t where f.id = $1 and t.id = $2`,
    [from, to, ['national', 'provincial', 'prefecture', 'county', 'township', 'village']],
  );
  const [agreement] = await tx.query<{ id: string }>(
    `select ag.id from agreements ag join agreement_parties a on a.agreement_id = ag.id and a.institution_id = $1
       join agreement_parties b on b.agreement_id = ag.id and b.institution_id = $2 where ag.status = 'active' limit 1`,
    [from, to],
  );
  const path = pathTo(r);
  const step = Math.max(Math.floor(r.ageMs / (path.length + 1)), MIN);
  const at = (i: number) => new Date(created.getTime() + i * step);
  const reached = (s: ReferralStatus) => path.indexOf(s) >= 0;
  const timeOf = (s: ReferralStatus) => (reached(s) ? at(path.indexOf(s)) : null);
  const greenMinutes = 30;
  const submittedAt = timeOf('submitted');
  const discharged = reached('discharged');
  const [row] = await tx.query<{ id: string }>(
    `insert into referrals (patient_id, from_institution_id, to_institution_id, to_department_id, created_by, direction, green_channel,
        green_category, urgency, status, agreement_id, reason, diagnoses, summary, consent_id, follow_up_plan, response_due_at, escalated_at,
        submitted_at, decided_at, accepted, acceptance_plan, appointment_at, decline_reason, alternative, transport, departure_at, in_transit_at,
        arrived_at, admitted_at, discharged_at, discharge_summary, loop_closed_at, loop_flagged_at, cancelled_at, cancel_reason, version,
        created_at, updated_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$27,$28,$29,$30,$31,$32,$33,$34,$35,$36,$37,$38)
     returning id`,
    [
      patientId, from, to, ids.department(r.to, r.dept), by, tiers?.direction ?? 'up', !!r.green, r.green ?? null, r.urgency, r.status,
      submittedAt ? (agreement?.id ?? null) : null, r.reason, JSON.stringify([{ code: r.diagnosis[0], display: r.diagnosis[1] }]), r.summary,
      consent.id, r.plan ? JSON.stringify(r.plan) : null,
      r.green && submittedAt ? new Date(submittedAt.getTime() + greenMinutes * MIN) : null,
      r.escalated && submittedAt ? new Date(submittedAt.getTime() + greenMinutes * MIN) : null,
      submittedAt, timeOf('accepted') ?? timeOf('declined'), reached('accepted') ? true : reached('declined') ? false : null,
      reached('accepted') ? (r.outpatient ? 'outpatient' : 'admission') : null,
      r.outpatient ? new Date(now.getTime() + 2 * DAY) : null,
      reached('declined') ? '本院神经内科门诊可满足需求，无需转诊' : null, reached('declined') ? '建议在沧州市中心医院头痛门诊规范治疗，远程会诊随访' : null,
      reached('in_transit') ? (r.green ? 'ambulance' : 'self') : null, timeOf('in_transit'), timeOf('arrived'), timeOf('admitted'), timeOf('discharged'),
      discharged ? JSON.stringify({ diagnoses: [{ code: r.diagnosis[0], display: r.diagnosis[1] }], course: '入院后完善检查，予规范治疗，病情好转。', recommendations: '继续口服药物，1月后当地医院复诊；如有加重经绿色通道转回。', dischargedOn: ymd(timeOf('discharged') ?? now) }) : null,
      timeOf('closed'), r.flagged ? new Date(now.getTime() - 10 * DAY) : null, timeOf('cancelled'), reached('cancelled') ? '患者家属决定在当地继续治疗' : null,
      path.length, created, at(path.length - 1),
    ],
  );
  const id = row?.id ?? '';
  for (const [i, status] of path.entries()) {
    const actorInst = ['draft', 'submitted', 'closed', 'in_transit', 'cancelled'].includes(status) ? from : to;
    await tx.query(
      `insert into referral_events (referral_id, at, actor_user_id, actor_institution_id, action, from_status, to_status, details)
       values ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [id, at(i), actorInst === from ? by : null, actorInst, ACTION[status], i === 0 ? null : path[i - 1], status, JSON.stringify({ seed: SEED_KEY })],
    );
  }
  if (r.escalated) {
    await tx.query(
      `insert into referral_events (referral_id, at, actor_institution_id, action, from_status, to_status, details) values ($1,$2,$3,'escalate',$4,$4,$5)`,
      [id, new Date((submittedAt ?? now).getTime() + greenMinutes * MIN), to, r.status, JSON.stringify({ seed: SEED_KEY })],
    );
  }
  if (submittedAt) await grantPatientAccess(tx, patientId, to, 'referral', id);
  if (r.bed) {
    const bedStatus = reached('discharged') ? 'released' : reached('admitted') ? 'occupied' : 'held';
    const expiresAt = r.status === 'bed_reserved' || r.status === 'in_transit' ? new Date(now.getTime() + 9 * HOUR) : null;
    const rows = await tx.query<{ id: string }>(
      `insert into bed_reservations (referral_id, bed_id, ward_id, status, held_at, expires_at, ended_at)
       select $1, b.id, b.ward_id, $3, $4, $5, $6 from beds b join wards w on w.id = b.ward_id where w.institution_id = $2 and b.code = $7 returning id`,
      [id, to, bedStatus, timeOf('bed_reserved') ?? timeOf('admitted') ?? now, expiresAt, bedStatus === 'released' ? timeOf('discharged') : null, r.bed],
    );
    if (expiresAt && rows[0]) await tx.query("insert into jobs (name, payload, run_at) values ('referrals.reservation_expire', $1, $2)", [JSON.stringify({ reservationId: rows[0].id }), expiresAt]);
  }
  if (r.green && r.status === 'submitted' && !r.escalated && submittedAt) {
    await tx.query("insert into jobs (name, payload, run_at) values ('referrals.green_check', $1, $2)", [JSON.stringify({ referralId: id }), new Date(submittedAt.getTime() + greenMinutes * MIN)]);
  }
  if (r.plan && reached('accepted')) {
    for (const [i, v] of r.plan.visits.entries()) {
      const isDone = r.visitsDone?.includes(i);
      const overdue = !isDone && v.dueOn < ymd(new Date(now.getTime() - 3 * DAY));
      await tx.query(
        `insert into referral_follow_up_visits (referral_id, seq, due_on, purpose, done_at, done_on, done_by, notes, missed_at)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [id, i + 1, v.dueOn, v.purpose, isDone ? now : null, isDone ? v.dueOn : null, isDone ? ids.user(r.to === 'CZCH' ? 'cangzhou.neuro' : 'gonghe.expert') : null,
          isDone ? '血压132/84mmHg，肢体肌力5级，继续二级预防用药。' : null, overdue ? now : null],
      );
    }
  }
}
