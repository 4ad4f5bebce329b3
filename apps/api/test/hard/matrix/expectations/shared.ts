/**
 * Shared clinical domains: attachments (documents.service.ts: an attachment is seen by the clinical roles of
 * the institution that uploaded it, or through the record that owns it — a consult, a referral: clinical roles
 * only, like the patient records they belong to; an agreement's signed text: every role that sees the
 * agreement) and notifications (a user's own, nobody else's). Program managers upload too (agreement texts).
 */
import type { Role } from '@yilian/contracts';
import { unique } from '../../../harness.js';
import { agreementOf, consult, counterpart } from '../clinical.js';
import { supervisedBy } from './agreements.js';
import type { Expectations, MatrixCase } from '../expectations.js';
import type { Persona, Scope, World } from '../world.js';

const CLINICAL: Role[] = ['clinician', 'expert', 'coordinator'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let sha: string | undefined;
/** The stored file every matrix attachment points to (uploaded once through the API). */
async function storedSha(w: World): Promise<string> {
  if (sha) return sha;
  const res = await w.t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { authorization: `Bearer ${w.personas.clinician.token}`, 'content-type': 'application/pdf', 'x-file-name': 'matrix.pdf' },
    payload: PDF,
  });
  sha = (JSON.parse(res.body) as { sha256: string }).sha256;
  return sha;
}

/** An attachment uploaded at `institutionId`, optionally owned by a record. */
async function attachment(w: World, institutionId: string, owner?: { type: string; id: string; patientId: string | null }): Promise<string> {
  const uploader = (await w.t.db.query<{ id: string }>('select user_id as id from user_roles where institution_id = $1 limit 1', [institutionId]))[0]?.id ?? w.personas.admin.id;
  const rows = await w.t.db.query<{ id: string }>(
    `insert into attachments (sha256, file_name, mime, size, uploaded_by, institution_id, patient_id, owner_type, owner_id)
     values ($1, $2, 'application/pdf', $3, $4, $5, $6, $7, $8) returning id`,
    [await storedSha(w), `${unique('att')}.pdf`, PDF.length, uploader, institutionId, owner?.patientId ?? null, owner?.type ?? null, owner?.id ?? null],
  );
  return rows[0]?.id ?? '';
}

const attachmentCases = (): MatrixCase[] => [
  { name: 'uploaded at the scope', allow: { roles: CLINICAL, scopes: ['own'] }, plan: async (w, scope) => ({ params: { id: await attachment(w, w.inst[scope]) } }) },
  {
    name: 'uploaded by the requester of a consult sent to the scope',
    // The consult's requester uploaded it; the target sees it through the consult, no one else.
    allow: { roles: CLINICAL, scopes: ['own'] },
    async plan(w, scope) {
      const c = await consult(w, scope, 'sent-to');
      return { params: { id: await attachment(w, c.requester, { type: 'consult', id: c.id, patientId: c.patientId }) } };
    },
  },
  {
    name: 'signed text of an agreement the scope is party to, uploaded by the other party',
    // Every user of a party opens it (the own scope: own + partner); no one else.
    allow: { roles: 'any', scopes: ['own'] },
    async plan(w, scope) {
      const id = await agreementOf(w, scope);
      return { params: { id: await attachment(w, counterpart(w, scope), { type: 'agreement', id, patientId: null }) } };
    },
  },
  {
    name: 'signed text of an agreement supervised by the scope',
    // Supervised by own: a party (every role); by the child: own's program managers oversee it.
    allow: { roles: ['leader'], scopes: ['child'] },
    scopes: ['child', 'parent', 'partner', 'unrelated'],
    async plan(w, scope) {
      const { id, assisting } = await supervisedBy(w, scope);
      return { params: { id: await attachment(w, assisting, { type: 'agreement', id, patientId: null }) } };
    },
  },
  {
    name: 'signed text of an agreement the own institution supervises',
    allow: { roles: 'any', scopes: ['own'] },
    scopes: ['own'],
    async plan(w, scope) {
      const { id, assisting } = await supervisedBy(w, scope);
      return { params: { id: await attachment(w, assisting, { type: 'agreement', id, patientId: null }) } };
    },
  },
];

/** A notification for `userId` (the persona's own, or another user's). */
async function notification(w: World, userId: string): Promise<string> {
  const rows = await w.t.db.query<{ id: string }>(
    `insert into notifications (user_id, kind, title_zh, title_en, created_at) values ($1, 'matrix', '矩阵通知', 'Matrix notice', now()) returning id`,
    [userId],
  );
  return rows[0]?.id ?? '';
}
const someoneAt = async (w: World, scope: Scope, persona: Persona) => (scope === 'own' ? w.personas[persona === 'admin' ? 'clinician' : 'admin'].id : (await w.user(w.inst[scope], ['clinician'])).id);

export const sharedExpectations: Expectations = {
  'POST /api/attachments': {
    allow: { roles: [...CLINICAL, 'leader'], scopes: 'any' },
    scopes: ['own'],
    // A distinct file each time (the store is content-addressed; identical files are stored once).
    plan: async () => ({ body: `matrix upload ${unique('')}\n`, headers: { 'content-type': 'text/plain', 'x-file-name': 'notes.txt' } }),
  },
  'GET /api/attachments/:id': attachmentCases(),
  'GET /api/attachments/:id/content': attachmentCases(),
  'GET /api/notifications': { allow: 'signed-in', plan: async () => ({ query: { page: '1' } }) },
  'GET /api/notifications/unread-count': { allow: 'signed-in', plan: async () => ({}) },
  'POST /api/notifications/:id/read': [
    { name: 'my own', allow: 'signed-in', plan: async (w, _scope, persona) => ({ params: { id: await notification(w, w.personas[persona].id) } }) },
    {
      name: 'someone else’s at the scope',
      allow: { roles: [], scopes: [] },
      plan: async (w, scope, persona) => ({ params: { id: await notification(w, await someoneAt(w, scope, persona)) } }),
    },
  ],
  'POST /api/notifications/read-all': { allow: 'signed-in', plan: async () => ({}) },
};
