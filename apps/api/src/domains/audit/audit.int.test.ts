import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestUser } from '../../../test/harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
let region: { id: string };
let auditor: TestUser;
let admin: TestUser;
let clinician: TestUser;
let outsideAuditor: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  region = await t.factory.institution({ tier: 'prefecture' });
  const county = await t.factory.institution({ tier: 'county', parentId: region.id });
  auditor = await t.factory.user(region.id, ['auditor']);
  admin = await t.factory.user(region.id, ['admin']);
  clinician = await t.factory.user(county.id, ['clinician']);
  outsideAuditor = await t.factory.user((await t.factory.institution()).id, ['auditor']);
  await t.as(admin).post(`/api/institutions/${county.id}/departments`, { code: 'PEDS', nameZh: '儿科', nameEn: 'Pediatrics', specialty: 'pediatrics' });
});
afterAll(() => t.stop());

describe('audit log', () => {
  it('an auditor sees the events of their institution and those below, filtered', async () => {
    const res = await t.as(auditor).get('/api/audit-events?action=department.');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ action: 'department.create', actorUsername: admin.username });
    const logins = await t.as(auditor).get(`/api/audit-events?action=auth.login&actor=${clinician.username}`);
    expect(logins.body.items.length).toBeGreaterThanOrEqual(1);
    const outside = await t.as(outsideAuditor).get('/api/audit-events?action=department.');
    expect(outside.body.items).toHaveLength(0);
  });

  it('401 anonymous, 403 for other roles, 400 for bad filters', async () => {
    expect((await t.request(undefined, 'GET', '/api/audit-events')).status).toBe(401);
    expect((await t.as(clinician).get('/api/audit-events')).status).toBe(403);
    expect((await t.as(auditor).get('/api/audit-events?from=yesterday')).status).toBe(400);
  });

  it('exports CSV and audits the export', async () => {
    const res = await t.as(auditor).get('/api/audit-events/export.csv?action=department.');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toContain('action');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"department.create"');
    const exported = await t.as(auditor).get('/api/audit-events?action=audit.export');
    expect(exported.body.items[0].details.rows).toBe(1);
  });

  it('verifies the chain, and detects a row edited or deleted directly in the database', async () => {
    const ok = await t.as(auditor).post('/api/audit-events/verify');
    expect(ok.body).toMatchObject({ ok: true, firstBrokenId: null });
    expect(ok.body.checked).toBeGreaterThan(3);

    // The table refuses updates and deletes; a superuser would have to disable the trigger first.
    await expect(t.db.query(`update audit_events set action = 'x' where id = 1`)).rejects.toThrow(/append-only/);
    const rows = await t.db.query<{ id: number }>('select id from audit_events order by id');
    const edited = rows[1]?.id ?? 0;
    const deleted = rows[3]?.id ?? 0;
    const [original] = await t.db.query<{ ip: string | null }>('select ip from audit_events where id = $1', [edited]);
    await t.db.exec('alter table audit_events disable trigger audit_events_no_update');
    await t.db.query(`update audit_events set ip = '6.6.6.6' where id = $1`, [edited]);
    const afterEdit = await t.as(auditor).post('/api/audit-events/verify');
    expect(afterEdit.body).toMatchObject({ ok: false, firstBrokenId: edited });
    expect(afterEdit.body.reason).toMatch(/edited/);

    // Put the edited row back: the chain verifies again; then delete a row.
    await t.db.query('update audit_events set ip = $2 where id = $1', [edited, original?.ip ?? null]);
    expect((await t.as(auditor).post('/api/audit-events/verify')).body.ok).toBe(true);
    await t.db.query('delete from audit_events where id = $1', [deleted]);
    const afterDelete = await t.as(auditor).post('/api/audit-events/verify');
    expect(afterDelete.body).toMatchObject({ ok: false, firstBrokenId: rows[4]?.id });
    expect(afterDelete.body.reason).toMatch(/removed/);
    await t.db.exec('alter table audit_events enable trigger audit_events_no_update');
  });
});
