import { normaliseResidentId, residentIdCheckChar } from '@yilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

let serial = 100;
/** A fictional resident ID with a valid check character. */
function residentId(): string {
  serial += 1;
  const first17 = `63252119900101${String(serial).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

const person = (extra: Record<string, unknown> = {}) => ({ name: '测试患者', sex: 'female', birthDate: '1990-01-01', ...extra });

async function setup() {
  const inst = await t.factory.institution({ tier: 'village' });
  const clinician = await t.factory.user(inst.id, ['clinician']);
  return { inst, clinician };
}

describe('patients', () => {
  it('needs a signed-in user', async () => {
    expect((await t.request(undefined, 'POST', '/api/patients', person())).status).toBe(401);
    expect((await t.request(undefined, 'GET', '/api/patients')).status).toBe(401);
  });

  it('registers a patient, stores the resident ID only encrypted and audits it', async () => {
    const { clinician } = await setup();
    const id = residentId();
    const before = await t.lastAuditId();
    const res = await t.as(clinician).post('/api/patients', person({ residentId: id.toLowerCase(), phone: '13800000000' }));
    expect(res.status).toBe(201);
    expect(res.body.matched).toBe(false);
    expect(res.body.patient.residentIdLast4).toBe(id.slice(-4));
    expect(JSON.stringify(res.body)).not.toContain(id.slice(0, 10));
    const [row] = await t.db.query<{ resident_id_enc: string; resident_id_hash: string }>('select resident_id_enc, resident_id_hash from patients where id = $1', [res.body.patient.id]);
    expect(row?.resident_id_enc).not.toContain(id);
    expect(row?.resident_id_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await t.auditSince(before);
    expect(audit.map((a) => [a.action, a.patient_id])).toEqual([['patient.register', res.body.patient.id]]);
  });

  it('matches one person across institutions by resident ID and grants the second institution access', async () => {
    const a = await setup();
    const b = await setup();
    const id = residentId();
    const first = await t.as(a.clinician).post('/api/patients', person({ residentId: id }));
    expect((await t.as(b.clinician).get(`/api/patients/${first.body.patient.id}`)).status).toBe(404);
    const before = await t.lastAuditId();
    const second = await t.as(b.clinician).post('/api/patients', person({ residentId: id, name: '别名' }));
    expect(second.status).toBe(201);
    expect(second.body.matched).toBe(true);
    expect(second.body.patient.id).toBe(first.body.patient.id);
    expect(second.body.patient.name).toBe('测试患者');
    expect((await t.auditSince(before)).map((x) => x.action)).toEqual(['patient.match']);
    expect((await t.as(b.clinician).get(`/api/patients/${first.body.patient.id}`)).status).toBe(200);
  });

  it('refuses bad fields one by one', async () => {
    const { clinician } = await setup();
    const bad = [
      { name: '' },
      { sex: 'x' },
      { birthDate: '1990/01/01' },
      { residentId: '632521199001010000' },
      { phone: 'abc' },
      { extra: 1 },
    ];
    for (const b of bad) {
      const res = await t.as(clinician).post('/api/patients', person(b));
      expect(res.status, JSON.stringify(b)).toBe(400);
    }
    expect(normaliseResidentId('11010519491231002x')).toBe('11010519491231002X');
  });

  it('forbids roles that do not treat patients', async () => {
    const inst = await t.factory.institution();
    const leader = await t.factory.user(inst.id, ['leader']);
    expect((await t.as(leader).post('/api/patients', person())).status).toBe(403);
    expect((await t.as(leader).get('/api/patients')).status).toBe(403);
  });

  it('lists only patients the institution may see and audits the search', async () => {
    const a = await setup();
    const b = await setup();
    const mine = await t.as(a.clinician).post('/api/patients', person({ name: '王小明' }));
    await t.as(b.clinician).post('/api/patients', person({ name: '王小明' }));
    const before = await t.lastAuditId();
    const list = await t.as(a.clinician).get('/api/patients?q=%E7%8E%8B');
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([mine.body.patient.id]);
    const audit = await t.auditSince(before);
    expect(audit[0]?.action).toBe('patient.search');
    expect(audit[0]?.details.ids).toEqual([mine.body.patient.id]);
  });

  it('finds a patient by resident ID only where visible', async () => {
    const a = await setup();
    const b = await setup();
    const id = residentId();
    await t.as(a.clinician).post('/api/patients', person({ residentId: id }));
    expect((await t.as(a.clinician).get(`/api/patients?residentId=${id}`)).body.total).toBe(1);
    expect((await t.as(b.clinician).get(`/api/patients?residentId=${id}`)).body.total).toBe(0);
  });

  it('reads a patient with an audit row, and 404s for other institutions and unknown ids', async () => {
    const a = await setup();
    const b = await setup();
    const p = await t.as(a.clinician).post('/api/patients', person());
    const before = await t.lastAuditId();
    const read = await t.as(a.clinician).get(`/api/patients/${p.body.patient.id}`);
    expect(read.status).toBe(200);
    expect(read.body.consents).toEqual([]);
    expect((await t.auditSince(before)).map((x) => [x.action, x.patient_id])).toEqual([['patient.read', p.body.patient.id]]);
    expect((await t.as(b.clinician).get(`/api/patients/${p.body.patient.id}`)).status).toBe(404);
    expect((await t.as(a.clinician).get(`/api/patients/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await t.as(a.clinician).get('/api/patients/not-a-uuid')).status).toBe(400);
  });
});

describe('consents', () => {
  it('records verbal consent with a witness, and a signed form linked as an attachment', async () => {
    const { clinician } = await setup();
    const p = await t.as(clinician).post('/api/patients', person());
    const pid = p.body.patient.id;
    const before = await t.lastAuditId();
    const verbal = await t.as(clinician).post(`/api/patients/${pid}/consents`, { scope: 'consultation', method: 'verbal_witnessed', witnessName: '护士甲' });
    expect(verbal.status).toBe(201);
    expect((await t.auditSince(before)).map((x) => [x.action, x.patient_id])).toEqual([['consent.record', pid]]);

    const upload = await t.request(clinician, 'POST', '/api/attachments', Buffer.from('%PDF-1.4\n%%EOF\n'), { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('知情同意书.pdf') });
    expect(upload.status).toBe(201);
    const signed = await t.as(clinician).post(`/api/patients/${pid}/consents`, { scope: 'referral', method: 'signed_form', documentId: upload.body.id });
    expect(signed.status).toBe(201);
    const meta = await t.as(clinician).get(`/api/attachments/${upload.body.id}`);
    expect(meta.body.ownerType).toBe('consent');
    expect(meta.body.patientId).toBe(pid);
    const detail = await t.as(clinician).get(`/api/patients/${pid}`);
    expect(detail.body.consents).toHaveLength(2);
  });

  it('refuses a verbal consent without witness, a signed form without document, and other institutions', async () => {
    const a = await setup();
    const b = await setup();
    const p = await t.as(a.clinician).post('/api/patients', person());
    const pid = p.body.patient.id;
    expect((await t.as(a.clinician).post(`/api/patients/${pid}/consents`, { scope: 'consultation', method: 'verbal_witnessed' })).status).toBe(400);
    expect((await t.as(a.clinician).post(`/api/patients/${pid}/consents`, { scope: 'consultation', method: 'signed_form' })).status).toBe(400);
    expect((await t.as(a.clinician).post(`/api/patients/${pid}/consents`, { scope: 'other', method: 'verbal_witnessed', witnessName: 'x' })).status).toBe(400);
    expect((await t.as(b.clinician).post(`/api/patients/${pid}/consents`, { scope: 'consultation', method: 'verbal_witnessed', witnessName: 'x' })).status).toBe(404);
    const expert = await t.factory.user(a.inst.id, ['expert']);
    expect((await t.as(expert).post(`/api/patients/${pid}/consents`, { scope: 'consultation', method: 'verbal_witnessed', witnessName: 'x' })).status).toBe(403);
    // A signed form uploaded at another institution cannot be linked.
    const foreign = await t.request(b.clinician, 'POST', '/api/attachments', Buffer.from('%PDF-1.4\n'), { 'content-type': 'application/pdf', 'x-file-name': 'f.pdf' });
    const res = await t.as(a.clinician).post(`/api/patients/${pid}/consents`, { scope: 'consultation', method: 'signed_form', documentId: foreign.body.id });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('attachment.not_linkable');
  });
});
