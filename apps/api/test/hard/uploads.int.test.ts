/**
 * Bad input for uploads: path traversal and hostile file names (never leave the content-addressed
 * store; kept only as a harmless display name), truncated and forged files (the stored type comes from
 * the bytes, never from the name or the declared type; served with nosniff), wrong declared content
 * types and oversized bodies. Never a 5xx; every error in the standard shape.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '@yilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestUser, unique } from '../harness.js';
import { hasErrorShape } from './fuzz/run-fuzz.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
let doc: TestUser;
const FILES_ROOT = '/tmp/yilian-test-files';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const figures = { tried: 0, status5xx: 0, badShape: 0 };

beforeAll(async () => {
  t = await startTestApp();
  const inst = await t.factory.institution();
  doc = await t.factory.user(inst.id, ['clinician']);
});
afterAll(async () => {
  console.log(`[bad-input uploads] requests tried ${figures.tried}, 5xx ${figures.status5xx}, without the error shape ${figures.badShape}`);
  await t.stop();
});

async function upload(data: Buffer | string, headers: Record<string, string>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { authorization: `Bearer ${doc.token}`, ...headers }, payload: data });
  figures.tried += 1;
  if (res.statusCode >= 500) figures.status5xx += 1;
  if (res.statusCode >= 400 && !hasErrorShape(res.body)) figures.badShape += 1;
  expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
  if (res.statusCode >= 400) expect(hasErrorShape(res.body), res.body.slice(0, 300)).toBe(true);
  return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, string> & { error?: { code: string } } };
}

/** Every file under the test stores: only `<2 hex>/<64 hex>` paths (no name from the client ever reaches the disk). */
function storedPaths(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(FILES_ROOT)) {
    for (const prefix of readdirSync(join(FILES_ROOT, dir))) {
      const p = join(FILES_ROOT, dir, prefix);
      if (!statSync(p).isDirectory()) out.push(`${dir}/${prefix}`);
      else for (const f of readdirSync(p)) out.push(`${dir}/${prefix}/${f}`);
    }
  }
  return out;
}

describe('upload file names', () => {
  const NAMES = [
    '../../etc/passwd',
    '../../../../../../tmp/yilian-escape.txt',
    '..\\..\\windows\\win.ini',
    '/etc/passwd',
    'C:\\Windows\\System32\\drivers\\etc\\hosts',
    'a/../../b.txt',
    '....//....//etc/passwd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'report.pdf\u0000.exe',
    'line\r\nSet-Cookie: x=1',
    '<img src=x onerror=window.__xss=1>.txt',
    '\u202eexe.pdf',
    '..',
    '.',
    '/',
    '   ',
    'x'.repeat(500),
  ];

  it('never lets a name leave the store; keeps only a harmless display name', async () => {
    for (const name of NAMES) {
      const res = await upload(`contents of ${unique('')}\n`, { 'content-type': 'text/plain', 'x-file-name': encodeURIComponent(name) });
      if (res.status === 201) {
        const stored = res.body.fileName as string;
        expect(stored, name).not.toMatch(/[\\/]/);
        expect([...stored].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f'), name).toBe(false);
        expect(['.', '..', ''].includes(stored.trim()), name).toBe(false);
        // The download's Content-Disposition carries the display name encoded, never raw.
        const dl = await t.app.inject({ method: 'GET', url: `/api/attachments/${res.body.id}/content`, headers: { authorization: `Bearer ${doc.token}` } });
        expect(dl.statusCode).toBe(200);
        expect(String(dl.headers['content-disposition'])).toMatch(/^inline; filename\*=UTF-8''[A-Za-z0-9%._~!'()*-]*$/);
        expect(dl.headers['x-content-type-options']).toBe('nosniff');
      } else {
        expect(res.status, name).toBe(400);
        expect(res.body.error?.code).toBe('attachment.bad_file_name');
      }
    }
    const traversal = await upload('x\n', { 'content-type': 'text/plain', 'x-file-name': encodeURIComponent('../../etc/passwd') });
    expect(traversal.body.fileName).toBe('passwd');
    expect(existsSync('/tmp/yilian-escape.txt')).toBe(false);
    expect(storedPaths().filter((p) => !/^[^/]+\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(p))).toEqual([]);
  });

  it('refuses a header that is not valid percent-encoding or missing', async () => {
    expect((await upload('hello\n', { 'content-type': 'text/plain', 'x-file-name': '%E0%A4%A' })).status).toBe(400);
    expect((await upload('hello\n', { 'content-type': 'text/plain' })).status).toBe(400);
  });
});

describe('forged, truncated and mislabelled files', () => {
  const name = { 'x-file-name': 'scan.png' };
  it('types a file by its bytes: a PNG magic with garbage is a PNG, served as one with nosniff', async () => {
    const res = await upload(Buffer.concat([PNG_MAGIC, Buffer.from('garbage that is not a PNG at all \x00\x01\x02')]), { 'content-type': 'image/png', ...name });
    expect(res.status).toBe(201);
    expect(res.body.mime).toBe('image/png');
  });

  it('stores a PDF magic followed by an executable as a PDF, never as an executable', async () => {
    const mz = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('MZ\x90\x00\x03\x00\x00\x00PE\x00\x00', 'latin1'), Buffer.alloc(64, 0xcc)]);
    const res = await upload(mz, { 'content-type': 'application/octet-stream', 'x-file-name': 'setup.exe' });
    expect(res.status).toBe(201);
    expect(res.body.mime).toBe('application/pdf');
    const dl = await t.app.inject({ method: 'GET', url: `/api/attachments/${res.body.id}/content`, headers: { authorization: `Bearer ${doc.token}` } });
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses executables, archives and truncated magics with 415', async () => {
    const bodies = [
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'),
      Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'),
      Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1'),
      PNG_MAGIC.subarray(0, 4),
      Buffer.from([0xff, 0xd8]),
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]),
    ];
    for (const body of bodies) {
      const res = await upload(body, { 'content-type': 'image/png', ...name });
      expect(res.status, body.toString('hex')).toBe(415);
      expect(res.body.error?.code).toBe('attachment.type_not_allowed');
    }
  });

  it('ignores the declared type: a PDF declared as PNG is a PDF; HTML declared as PNG is plain text', async () => {
    expect((await upload(Buffer.from('%PDF-1.7\n%%EOF\n'), { 'content-type': 'image/png', ...name })).body.mime).toBe('application/pdf');
    const html = await upload(Buffer.from('<html><script>window.__xss=1</script></html>'), { 'content-type': 'image/png', ...name });
    expect(html.body.mime).toBe('text/plain');
    const dl = await t.app.inject({ method: 'GET', url: `/api/attachments/${html.body.id}/content`, headers: { authorization: `Bearer ${doc.token}` } });
    expect(dl.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('answers unsupported or lying content types in the standard shape', async () => {
    for (const type of ['application/x-msdownload', 'text/html', 'multipart/form-data; boundary=x', 'application/json', 'application/x-www-form-urlencoded']) {
      const res = await upload(Buffer.concat([PNG_MAGIC, Buffer.from('x')]), { 'content-type': type, ...name });
      expect(res.status, type).toBeGreaterThanOrEqual(400);
    }
  });

  it('refuses empty and oversized uploads', async () => {
    expect((await upload(Buffer.alloc(0), { 'content-type': 'application/pdf', ...name })).status).toBe(400);
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x41);
    big.write('%PDF-1.4\n');
    const res = await upload(big, { 'content-type': 'application/pdf', ...name });
    expect(res.status).toBe(413);
  });

  it('counted every answer: no 5xx, no error without the standard shape', () => {
    expect(figures).toMatchObject({ status5xx: 0, badShape: 0 });
    expect(figures.tried).toBeGreaterThan(30);
  });
});
