import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestUser } from '../../../test/harness.js';
import { network as referralNetwork, upBody } from '../referrals/referrals.test-support.js';

/** The signed text of an agreement: checked and linked on create/amend, readable by whoever sees the agreement. */
type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2025-07-01T02:00:00Z');
});
afterAll(() => t.stop());

const pdf = (n: string) => Buffer.from(`%PDF-1.4\n% ${n}\n1 0 obj<<>>endobj\n%%EOF\n`);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);
const DICOM = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.alloc(32)]);

async function upload(user: TestUser, data: Buffer | string, name: string): Promise<string> {
  const res = await t.request(user, 'POST', '/api/attachments', data, { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) });
  if (res.status !== 201) throw new Error(`upload: ${res.text}`);
  return res.body.id as string;
}

/** An assisting and an assisted hospital under a health commission; staff at each, and an outsider. */
async function network() {
  const authority = await t.factory.institution({ tier: 'prefecture', type: 'authority' });
  const top = await t.factory.institution({ tier: 'national' });
  const local = await t.factory.institution({ tier: 'prefecture', parentId: authority.id });
  const elsewhere = await t.factory.institution();
  return {
    authority,
    top,
    local,
    leader: await t.factory.user(top.id, ['leader']),
    manager: await t.factory.user(authority.id, ['leader']),
    localCoord: await t.factory.user(local.id, ['coordinator']),
    localAuditor: await t.factory.user(local.id, ['auditor']),
    outsider: await t.factory.user(elsewhere.id, ['leader']),
    outsiderDoc: await t.factory.user(elsewhere.id, ['clinician']),
  };
}
type Net = Awaited<ReturnType<typeof network>>;

const body = (n: { top: { id: string }; local: { id: string }; authority?: { id: string } }, extra: Record<string, unknown> = {}) => ({
  code: `AGD-${Math.random().toString(36).slice(2, 8)}`,
  titleZh: '协议文本测试',
  titleEn: 'Signed text test',
  kind: 'paired_assistance',
  signedOn: '2025-01-01',
  startsOn: '2025-01-01',
  endsOn: '2027-12-31',
  parties: [
    { institutionId: n.top.id, role: 'assisting' },
    { institutionId: n.local.id, role: 'assisted' },
    ...(n.authority ? [{ institutionId: n.authority.id, role: 'supervising' }] : []),
  ],
  ...extra,
});

async function createWith(n: Net, documentAttachmentId: string) {
  const res = await t.as(n.leader).post('/api/agreements', body(n, { documentAttachmentId }));
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; version: number; documentAttachmentId: string; document: { id: string; fileName: string; mime: string } | null };
}

describe('the signed text of an agreement', () => {
  it('is linked on create and opened by every party and the supervising manager; others get 404', async () => {
    const n = await network();
    const doc = await upload(n.leader, pdf('create'), '对口帮扶协议（签署版）.pdf');
    const before = await t.lastAuditId();
    const created = await createWith(n, doc);
    expect(created.documentAttachmentId).toBe(doc);
    expect(created.document).toMatchObject({ id: doc, fileName: '对口帮扶协议（签署版）.pdf', mime: 'application/pdf' });
    const [row] = await t.db.query<{ owner_type: string; owner_id: string; patient_id: string | null }>('select owner_type, owner_id, patient_id from attachments where id = $1', [doc]);
    expect(row).toEqual({ owner_type: 'agreement', owner_id: created.id, patient_id: null });
    const audit = await t.auditSince(before);
    expect(audit.map((a) => a.action)).toEqual(['agreement.create']);
    expect(audit[0]?.details.document).toMatchObject({ id: doc, fileName: '对口帮扶协议（签署版）.pdf', mime: 'application/pdf' });

    for (const reader of [n.localCoord, n.manager, n.localAuditor, n.leader]) {
      const content = await t.as(reader).get(`/api/attachments/${doc}/content`);
      expect(content.status, reader.username).toBe(200);
      expect(content.headers['content-type']).toBe('application/pdf');
      expect(content.text).toBe(pdf('create').toString());
    }
    const read = await t.lastAuditId();
    expect((await t.as(n.manager).get(`/api/attachments/${doc}`)).body).toMatchObject({ id: doc, ownerType: 'agreement', patientId: null });
    expect((await t.auditSince(read)).map((a) => [a.action, a.entity_id, a.patient_id])).toEqual([['attachment.read', doc, null]]);
    expect((await t.as(n.manager).get(`/api/agreements/${created.id}`)).body.document).toMatchObject({ id: doc });

    expect((await t.as(n.outsider).get(`/api/attachments/${doc}/content`)).status).toBe(404);
    expect((await t.as(n.outsiderDoc).get(`/api/attachments/${doc}/content`)).status).toBe(404);
    expect((await t.as(n.outsider).get(`/api/attachments/${doc}`)).status).toBe(404);

    // Owned by the agreement, it cannot be linked to another one.
    const reuse = await t.as(n.leader).post('/api/agreements', body(n, { documentAttachmentId: doc }));
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe('agreement.document_invalid');
  });

  it('refuses an attachment uploaded at another institution, unknown, or not a PDF or image (400), creating nothing', async () => {
    const n = await network();
    const foreign = await upload(n.outsiderDoc, pdf('foreign'), 'foreign.pdf');
    const text = await upload(n.leader, '协议正文\n', 'agreement.txt');
    const dicom = await upload(n.leader, DICOM, 'scan.dcm');
    for (const id of [foreign, text, dicom, crypto.randomUUID()]) {
      const payload = body(n, { documentAttachmentId: id });
      const res = await t.as(n.leader).post('/api/agreements', payload);
      expect(res.status, id).toBe(400);
      expect(res.body.error.code).toBe('agreement.document_invalid');
      expect(res.body.error.details).toEqual({ attachmentId: id });
      expect(await t.db.query('select id from agreements where code = $1', [payload.code])).toHaveLength(0);
    }
    const en = await t.request(n.leader, 'POST', '/api/agreements?lang=en', body(n, { documentAttachmentId: foreign }));
    expect(en.body.error.message).toContain('PDF or an image');
    const zh = await t.as(n.leader).post('/api/agreements', body(n, { documentAttachmentId: foreign }));
    expect(zh.body.error.message).toContain('协议文本');
    const [row] = await t.db.query<{ owner_id: string | null }>('select owner_id from attachments where id = $1', [foreign]);
    expect(row?.owner_id).toBeNull();
    expect((await t.as(n.leader).post('/api/agreements', body(n, { documentAttachmentId: 'not-a-uuid' }))).status).toBe(400);
    // An image (a scan of the signed text) is accepted.
    expect((await createWith(n, await upload(n.leader, PNG, 'scan.png'))).document?.mime).toBe('image/png');
  });

  it('refuses an attachment already linked to a referral (400)', async () => {
    const r = await referralNetwork(t);
    const file = await upload(r.doc, pdf('referral'), 'ct.pdf');
    expect((await t.as(r.doc).post('/api/referrals', upBody(r, { attachmentIds: [file] }))).status).toBe(201);
    const res = await t.as(r.leader).post('/api/agreements', body({ top: r.top, local: r.low }, { documentAttachmentId: file }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('agreement.document_invalid');
    const [row] = await t.db.query<{ owner_type: string }>('select owner_type from attachments where id = $1', [file]);
    expect(row?.owner_type).toBe('referral');
    // A referral's file stays a patient record: a leader never opens it.
    expect((await t.as(r.leader).get(`/api/attachments/${file}/content`)).status).toBe(404);
  });

  it('is replaced by an amendment (the history keeps the old id, still readable) and detached by null', async () => {
    const n = await network();
    const first = await upload(n.leader, pdf('v1'), 'v1.pdf');
    const created = await createWith(n, first);
    // The supervising manager replaces it with a text uploaded at the commission.
    const second = await upload(n.manager, pdf('v2'), 'v2.pdf');
    const before = await t.lastAuditId();
    const amended = await t.as(n.manager).post(`/api/agreements/${created.id}/amend`, { version: 1, reason: '补充协议签署', documentAttachmentId: second });
    expect(amended.status, amended.text).toBe(200);
    expect(amended.body.documentAttachmentId).toBe(second);
    expect(amended.body.document).toMatchObject({ id: second, fileName: 'v2.pdf' });
    const audit = await t.auditSince(before);
    expect(audit.map((a) => a.action)).toEqual(['agreement.amend']);
    expect(audit[0]?.details).toMatchObject({ fields: ['documentAttachmentId'], document: { from: first, to: { id: second, fileName: 'v2.pdf' } } });

    const versions = await t.as(n.localCoord).get(`/api/agreements/${created.id}/versions`);
    expect(versions.body.map((v: { snapshot: { documentAttachmentId: string } }) => v.snapshot.documentAttachmentId)).toEqual([first]);
    for (const id of [first, second]) expect((await t.as(n.localCoord).get(`/api/attachments/${id}/content`)).status).toBe(200);
    expect((await t.as(n.outsider).get(`/api/attachments/${second}/content`)).status).toBe(404);

    // A text uploaded at another institution is refused, and the amendment with it (version unchanged).
    const foreign = await upload(n.outsiderDoc, pdf('foreign-amend'), 'x.pdf');
    const refused = await t.as(n.leader).post(`/api/agreements/${created.id}/amend`, { version: 2, reason: 'x', titleZh: '改名', documentAttachmentId: foreign });
    expect(refused.body.error.code).toBe('agreement.document_invalid');
    expect((await t.as(n.leader).get(`/api/agreements/${created.id}`)).body).toMatchObject({ version: 2, titleZh: '协议文本测试' });

    // Null detaches it; the file stays the agreement's (readable, not reusable).
    const detached = await t.as(n.leader).post(`/api/agreements/${created.id}/amend`, { version: 2, reason: '文本作废', documentAttachmentId: null });
    expect(detached.status).toBe(200);
    expect(detached.body).toMatchObject({ documentAttachmentId: null, document: null });
    expect((await t.as(n.localCoord).get(`/api/attachments/${second}/content`)).status).toBe(200);
    const [row] = await t.db.query<{ owner_id: string }>('select owner_id from attachments where id = $1', [second]);
    expect(row?.owner_id).toBe(created.id);

    // An earlier text of the same agreement can be brought back, whoever uploaded it.
    const back = await t.as(n.leader).post(`/api/agreements/${created.id}/amend`, { version: 3, reason: '恢复', documentAttachmentId: second });
    expect(back.status, back.text).toBe(200);
    expect(back.body.document).toMatchObject({ id: second });
    // Re-sending the current text with another change leaves it as is.
    const same = await t.as(n.manager).post(`/api/agreements/${created.id}/amend`, { version: 4, reason: '改名', titleZh: '新名称', documentAttachmentId: second });
    expect(same.status, same.text).toBe(200);
  });

  it('lets program managers upload (the signed text) but not admins or auditors', async () => {
    const n = await network();
    const admin = await t.factory.user(n.top.id, ['admin']);
    expect((await t.request(n.leader, 'POST', '/api/attachments', pdf('l'), { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' })).status).toBe(201);
    expect((await t.request(admin, 'POST', '/api/attachments', pdf('a'), { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' })).status).toBe(403);
    expect((await t.request(n.localAuditor, 'POST', '/api/attachments', pdf('b'), { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' })).status).toBe(403);
  });
});
