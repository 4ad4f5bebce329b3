import { MAX_ATTACHMENT_BYTES } from '@yilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestUser } from '../../../test/harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(16)]);
const DICOM = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.alloc(32)]);

const upload = (user: TestUser | undefined, data: Buffer | string, name: string | null = 'file.bin', type = 'application/octet-stream') =>
  t.request(user, 'POST', '/api/attachments', data, { 'content-type': type, ...(name === null ? {} : { 'x-file-name': encodeURIComponent(name) }) });

async function clinicianAt() {
  const inst = await t.factory.institution();
  return t.factory.user(inst.id, ['clinician']);
}

describe('attachments', () => {
  it('needs a signed-in user', async () => {
    expect((await upload(undefined, PDF)).status).toBe(401);
    expect((await t.request(undefined, 'GET', `/api/attachments/${crypto.randomUUID()}`)).status).toBe(401);
  });

  it('stores PDF, PNG, JPEG, DICOM and text by their bytes, content-addressed, and audits the upload', async () => {
    const user = await clinicianAt();
    const before = await t.lastAuditId();
    const cases: [Buffer | string, string][] = [
      [PDF, 'application/pdf'],
      [PNG, 'image/png'],
      [JPEG, 'image/jpeg'],
      [DICOM, 'application/dicom'],
      ['主诉：头痛三天\n', 'text/plain'],
    ];
    for (const [data, mime] of cases) {
      const res = await upload(user, data, '检查报告.dat');
      expect(res.status, mime).toBe(201);
      expect(res.body.mime).toBe(mime);
      expect(res.body.fileName).toBe('检查报告.dat');
    }
    const again = await upload(user, PDF, 'copy.pdf');
    const first = await upload(user, PDF, 'copy2.pdf');
    expect(again.body.sha256).toBe(first.body.sha256);
    expect(again.body.id).not.toBe(first.body.id);
    const audit = await t.auditSince(before);
    expect(audit.filter((a) => a.action === 'attachment.upload')).toHaveLength(7);
  });

  it('accepts a text file sent as text/plain', async () => {
    const user = await clinicianAt();
    const res = await upload(user, 'hello', 'note.txt', 'text/plain');
    expect(res.status).toBe(201);
    expect(res.body.mime).toBe('text/plain');
  });

  it('refuses empty, unnamed, disguised and binary files', async () => {
    const user = await clinicianAt();
    const empty = await upload(user, Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect((await upload(user, PDF, null)).body.error.code).toBe('attachment.bad_file_name');
    const exe = await upload(user, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), 'scan.pdf', 'application/pdf');
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('attachment.type_not_allowed');
    const html = await upload(user, Buffer.from([0x3c, 0x00, 0x73]), 'x.png', 'image/png');
    expect(html.status).toBe(415);
    const xml = await t.request(user, 'POST', '/api/attachments', '<a/>', { 'content-type': 'text/html', 'x-file-name': 'a.html' });
    expect(xml.status).toBe(415);
  });

  it('refuses files over the size limit', async () => {
    const user = await clinicianAt();
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x41);
    big.write('%PDF-', 0, 'latin1');
    const res = await upload(user, big, 'big.pdf');
    expect(res.status).toBe(413);
  });

  it('forbids uploads by roles that handle no files; program managers upload (agreement texts) but never open patient files', async () => {
    const inst = await t.factory.institution();
    for (const role of ['admin', 'auditor'] as const) expect((await upload(await t.factory.user(inst.id, [role]), PDF)).status, role).toBe(403);
    const leader = await t.factory.user(inst.id, ['leader']);
    const clinician = await t.factory.user(inst.id, ['clinician']);
    const own = await upload(leader, PDF, 'agreement.pdf');
    expect(own.status).toBe(201);
    const clinical = await upload(clinician, PDF, 'ct.pdf');
    // Unlinked uploads are seen by the clinical roles of the institution only.
    expect((await t.as(leader).get(`/api/attachments/${clinical.body.id}/content`)).status).toBe(404);
    expect((await t.as(leader).get(`/api/attachments/${own.body.id}`)).status).toBe(404);
    expect((await t.as(clinician).get(`/api/attachments/${own.body.id}`)).status).toBe(200);
  });

  it('serves metadata and content to the uploader institution with audit rows; 404 for others and unknown ids', async () => {
    const user = await clinicianAt();
    const colleague = await t.factory.user(user.institutionId, ['expert']);
    const other = await clinicianAt();
    const res = await upload(user, PDF, '报告.pdf');
    const before = await t.lastAuditId();
    const meta = await t.as(colleague).get(`/api/attachments/${res.body.id}`);
    expect(meta.status).toBe(200);
    const content = await t.as(colleague).get(`/api/attachments/${res.body.id}/content`);
    expect(content.status).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(String(content.headers['content-disposition'])).toContain(encodeURIComponent('报告.pdf'));
    expect(content.text).toBe(PDF.toString());
    expect((await t.auditSince(before)).map((a) => a.action)).toEqual(['attachment.read', 'attachment.download']);
    expect((await t.as(other).get(`/api/attachments/${res.body.id}`)).status).toBe(404);
    expect((await t.as(other).get(`/api/attachments/${res.body.id}/content`)).status).toBe(404);
    expect((await t.as(user).get(`/api/attachments/${crypto.randomUUID()}/content`)).status).toBe(404);
    expect((await t.as(user).get('/api/attachments/xyz')).status).toBe(400);
  });

  it('lets a registered owner type decide visibility for other institutions', async () => {
    const user = await clinicianAt();
    const partner = await clinicianAt();
    const res = await upload(user, PNG, 'x.png');
    const ownerId = crypto.randomUUID();
    t.services.documents.registerOwner('test_owner', async (_q, actor, id) => id === ownerId && actor.institutionId === partner.institutionId);
    const { linkAttachments } = await import('./index.js');
    await t.db.transaction((tx) => linkAttachments(tx, { institutionId: user.institutionId }, [res.body.id], 'test_owner', ownerId, null));
    expect((await t.as(partner).get(`/api/attachments/${res.body.id}/content`)).status).toBe(200);
    // Linked once, it cannot be linked to another owner.
    await expect(
      t.db.transaction((tx) => linkAttachments(tx, { institutionId: user.institutionId }, [res.body.id], 'test_owner', crypto.randomUUID(), null)),
    ).rejects.toMatchObject({ code: 'attachment.not_linkable' });
  });
});
