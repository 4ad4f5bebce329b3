import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestUser } from '../../../test/harness.js';
import { network, upBody } from './referrals.test-support.js';

/** The contract the referral form and detail rely on: attachments uploaded raw, linked by id, readable by both sides only. */
type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);

async function upload(user: TestUser, data: Buffer, name: string): Promise<string> {
  const res = await t.request(user, 'POST', '/api/attachments', data, { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) });
  if (res.status !== 201) throw new Error(`upload: ${res.text}`);
  return res.body.id as string;
}

describe('referral attachments', () => {
  it('links uploaded files to the referral; the receiver reads them once submitted, with audit rows; others get 404', async () => {
    const n = await network(t);
    const pdf = await upload(n.doc, PDF, '头颅CT报告.pdf');
    const png = await upload(n.doc, PNG, 'ecg.png');
    const draft = await t.as(n.doc).post('/api/referrals', upBody(n, { attachmentIds: [pdf, png] }));
    expect(draft.status).toBe(201);
    expect(draft.body.attachmentIds).toEqual([pdf, png]);

    // A draft belongs to the sender only: its files too.
    expect((await t.as(n.coord).get(`/api/attachments/${pdf}`)).status).toBe(404);

    const sent = await t.as(n.doc).post(`/api/referrals/${draft.body.id}/submit`, { version: draft.body.version });
    expect(sent.status).toBe(200);
    const seen = await t.as(n.coord).get(`/api/referrals/${draft.body.id}`);
    expect(seen.body.attachmentIds).toEqual([pdf, png]);

    const before = await t.lastAuditId();
    const meta = await t.as(n.coord).get(`/api/attachments/${png}`);
    expect(meta.status).toBe(200);
    expect(meta.body).toMatchObject({ id: png, mime: 'image/png', fileName: 'ecg.png' });
    const content = await t.as(n.coord).get(`/api/attachments/${pdf}/content`);
    expect(content.status).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    const audit = await t.auditSince(before);
    expect(audit.map((a) => [a.action, a.patient_id])).toEqual([
      ['attachment.read', n.patientId],
      ['attachment.download', n.patientId],
    ]);

    expect((await t.as(n.outsider).get(`/api/attachments/${pdf}`)).status).toBe(404);
    expect((await t.as(n.outsider).get(`/api/attachments/${png}/content`)).status).toBe(404);
    expect((await t.request(undefined, 'GET', `/api/attachments/${pdf}`)).status).toBe(401);
  });

  it('refuses a file uploaded elsewhere or already linked to another record (400), and a bad id (400)', async () => {
    const n = await network(t);
    const foreign = await upload(n.outsider, PDF, 'other.pdf');
    const res = await t.as(n.doc).post('/api/referrals', upBody(n, { attachmentIds: [foreign] }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('attachment.not_linkable');

    const mine = await upload(n.doc, PDF, 'a.pdf');
    expect((await t.as(n.doc).post('/api/referrals', upBody(n, { attachmentIds: [mine] }))).status).toBe(201);
    const again = await t.as(n.doc).post('/api/referrals', upBody(n, { attachmentIds: [mine] }));
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('attachment.not_linkable');

    const bad = await t.as(n.doc).post('/api/referrals', upBody(n, { attachmentIds: ['nope'] }));
    expect(bad.status).toBe(400);
  });

  it('records a signed-form consent whose document is an uploaded PDF', async () => {
    const n = await network(t);
    const form = await upload(n.doc, PDF, '知情同意书.pdf');
    const res = await t.as(n.doc).post('/api/referrals', upBody(n, { consent: { method: 'signed_form', documentId: form } }));
    expect(res.status).toBe(201);
    expect(res.body.consentId).toEqual(expect.any(String));
    const missing = await t.as(n.doc).post('/api/referrals', upBody(n, { consent: { method: 'signed_form' } }));
    expect(missing.status).toBe(400);
  });
});
