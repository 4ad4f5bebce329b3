/** Test fixture for the consult domain: a small network (village → county → provincial → national) with staff. */
import { residentIdCheckChar } from '@yilian/contracts';
import type { startTestApp, TestUser } from './harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let serial = 0;

export function fictionalResidentId(): string {
  serial += 1;
  const first17 = `63252119800101${String(serial % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export async function consultNetwork(t: T) {
  const f = t.factory;
  const national = await f.institution({ tier: 'national' });
  const provincial = await f.institution({ tier: 'provincial' });
  const county = await f.institution({ tier: 'county' });
  const village = await f.institution({ tier: 'village' });
  const stranger = await f.institution({ tier: 'county' });
  const countyMed = await f.department(county.id, { specialty: 'internal_medicine' });
  const countySurg = await f.department(county.id, { specialty: 'surgery' });
  const provNeuro = await f.department(provincial.id, { specialty: 'neurology' });
  const natNeuro = await f.department(national.id, { specialty: 'neurology' });
  const agreement = await f.agreement([
    { institutionId: county.id, role: 'assisting' },
    { institutionId: village.id, role: 'assisted' },
  ]);
  const people = {
    villageDoc: await f.user(village.id, ['clinician']),
    villageDoc2: await f.user(village.id, ['clinician']),
    countyCoord: await f.user(county.id, ['coordinator']),
    countyExpert: await f.practitioner(county.id, countyMed.id, ['expert', 'clinician'], ['internal_medicine']),
    countyExpert2: await f.practitioner(county.id, countySurg.id, ['expert'], ['surgery']),
    provCoord: await f.user(provincial.id, ['coordinator']),
    provExpert: await f.practitioner(provincial.id, provNeuro.id, ['expert'], ['neurology']),
    natCoord: await f.user(national.id, ['coordinator']),
    natExpert: await f.practitioner(national.id, natNeuro.id, ['expert'], ['neurology']),
    strangerCoord: await f.user(stranger.id, ['coordinator']),
    strangerDoc: await f.user(stranger.id, ['clinician']),
  };
  return { national, provincial, county, village, stranger, countyMed, countySurg, provNeuro, natNeuro, agreement, ...people };
}

export type Net = Awaited<ReturnType<typeof consultNetwork>>;

/** Registers a patient with verbal consent at the requester's institution. */
export async function patientWithConsent(t: T, doc: TestUser) {
  const p = await t.as(doc).post('/api/patients', { name: '卓玛', sex: 'female', birthDate: '1968-05-04', residentId: fictionalResidentId() });
  if (p.status !== 201) throw new Error(`patient: ${p.text}`);
  const consent = await t.as(doc).post(`/api/patients/${p.body.patient.id}/consents`, { scope: 'consultation', method: 'verbal_witnessed', witnessName: '村医助理' });
  if (consent.status !== 201) throw new Error(`consent: ${consent.text}`);
  return { patientId: p.body.patient.id as string, consentId: consent.body.id as string };
}

export const summary = {
  chiefComplaint: '头晕、右侧肢体无力 6 小时',
  history: '高血压 10 年，服药不规律',
  findings: 'BP 182/104 mmHg，右侧肌力 4 级',
  diagnoses: [{ code: 'I63.9', label: '脑梗死' }],
  question: '是否需要溶栓或转诊？',
};

export async function submittedConsult(t: T, n: Net, extra: Record<string, unknown> = {}) {
  const { patientId, consentId } = await patientWithConsent(t, n.villageDoc);
  const res = await t.as(n.villageDoc).post('/api/consults', {
    patientId,
    consentId,
    kind: 'general',
    mode: 'async',
    urgency: 'urgent',
    targetInstitutionId: n.county.id,
    summary,
    submit: true,
    ...extra,
  });
  if (res.status !== 201) throw new Error(`consult: ${res.text}`);
  return { id: res.body.id as string, patientId, consentId, version: res.body.version as number };
}

/** Moves a consult to in_progress with the county expert. Returns the current version. */
export async function inProgress(t: T, n: Net, id: string) {
  let v = (await t.as(n.countyCoord).get(`/api/consults/${id}`)).body.version;
  v = (await t.as(n.countyCoord).post(`/api/consults/${id}/assign`, { version: v, expertUserId: n.countyExpert.id })).body.version;
  const started = await t.as(n.countyExpert).post(`/api/consults/${id}/start`, { version: v });
  if (started.status !== 200) throw new Error(`start: ${started.text}`);
  return started.body.version as number;
}
