/** Test fixtures for the referral integration tests (not a test file itself). */
import type { Tier } from '@yilian/contracts';
import type { startTestApp, TestUser } from '../../../test/harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;

export interface Network {
  top: { id: string; code: string };
  low: { id: string; code: string };
  topDept: { id: string };
  lowDept: { id: string };
  ward: { id: string; bedIds: string[] };
  /** Referring clinician at the lower tier. */
  doc: TestUser;
  /** Receiving coordinator at the higher tier. */
  coord: TestUser;
  /** Chief (department head) in the receiving department. */
  head: TestUser & { practitionerId: string };
  /** Clinician at the higher tier (refers down). */
  topDoc: TestUser;
  /** Coordinator at the lower tier (receives down-referrals). */
  lowCoord: TestUser;
  /** Someone at an unrelated institution. */
  outsider: TestUser;
  leader: TestUser;
  patientId: string;
}

let counter = 0;

export async function network(t: T, opts: { beds?: number; lowTier?: Tier } = {}): Promise<Network> {
  const top = await t.factory.institution({ tier: 'national' });
  const low = await t.factory.institution({ tier: opts.lowTier ?? 'prefecture' });
  const stranger = await t.factory.institution({ tier: 'county' });
  const topDept = await t.factory.department(top.id, { specialty: 'neurology' });
  const lowDept = await t.factory.department(low.id, { specialty: 'neurology' });
  const ward = await t.factory.ward(top.id, topDept.id, opts.beds ?? 4, true);
  const [doc, coord, head, topDoc, lowCoord, outsider, leader] = await Promise.all([
    t.factory.user(low.id, ['clinician']),
    t.factory.user(top.id, ['coordinator']),
    t.factory.practitioner(top.id, topDept.id, ['expert'], ['neurology']),
    t.factory.user(top.id, ['clinician']),
    t.factory.user(low.id, ['coordinator']),
    t.factory.user(stranger.id, ['clinician', 'coordinator']),
    t.factory.user(low.id, ['leader']),
  ]);
  counter += 1;
  const patient = await t.as(doc).post('/api/patients', { name: `测试患者${counter}`, sex: 'female', birthDate: '1958-04-12' });
  if (patient.status !== 201) throw new Error(`patient: ${patient.text}`);
  return { top, low, topDept, lowDept, ward, doc, coord, head, topDoc, lowCoord, outsider, leader, patientId: patient.body.patient.id };
}

export function upBody(n: Network, extra: Record<string, unknown> = {}) {
  return {
    patientId: n.patientId,
    toInstitutionId: n.top.id,
    toDepartmentId: n.topDept.id,
    reason: '急性缺血性卒中，需上级医院血管内治疗评估',
    diagnoses: [{ code: 'I63.9', display: '脑梗死' }],
    summary: '患者女，67岁，突发右侧肢体无力3小时。',
    urgency: 'urgent',
    consent: { method: 'verbal_witnessed', witnessName: '王护士' },
    ...extra,
  };
}

export async function submittedUp(t: T, n: Network, extra: Record<string, unknown> = {}) {
  const res = await t.as(n.doc).post('/api/referrals', upBody(n, { submit: true, ...extra }));
  if (res.status !== 201) throw new Error(`create: ${res.text}`);
  return res.body as { id: string; version: number; status: string };
}

/** Walks a referral to `bed_reserved` (accepted with the given bed). */
export async function reserved(t: T, n: Network, bedId: string, extra: Record<string, unknown> = {}) {
  const r = await submittedUp(t, n, extra);
  const res = await t.as(n.coord).post(`/api/referrals/${r.id}/accept`, { version: r.version, bedId });
  if (res.status !== 200) throw new Error(`accept: ${res.text}`);
  return res.body as { id: string; version: number; status: string };
}
