/**
 * Audit integrity: the append-only guard, the hash-chain verifier against an edited, a deleted and a
 * reordered row (a superuser disables the guard first). The coverage report is in audit-coverage.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;

/** An app with a few audit rows, and an auditor to call the verify endpoint. */
async function appWithChain(): Promise<{ t: T; auditor: Awaited<ReturnType<T['factory']['user']>>; ids: number[] }> {
  const t = await startTestApp();
  const inst = await t.factory.institution();
  const auditor = await t.factory.user(inst.id, ['auditor', 'admin']);
  for (let i = 0; i < 3; i += 1) await t.as(auditor).post(`/api/institutions/${inst.id}/departments`, { code: `AUD${i}`, nameZh: '科', nameEn: 'Dept', specialty: 'x' });
  const ids = (await t.db.query<{ id: number }>('select id from audit_events order by id')).map((r) => r.id);
  return { t, auditor, ids };
}

async function tamper(t: T, sql: string, params: unknown[] = []) {
  // What a superuser (or an attacker with one) would do: switch the guard off, change, switch it on.
  await t.db.exec('alter table audit_events disable trigger user');
  await t.db.query(sql, params);
  await t.db.exec('alter table audit_events enable trigger user');
}

// Each test starts its own app (migrations): generous under a loaded machine.
describe('audit chain', { timeout: 120_000 }, () => {
  it('is append-only: update, delete and truncate are refused', async () => {
    const { t, ids } = await appWithChain();
    await expect(t.db.query("update audit_events set action = 'x' where id = $1", [ids[1]])).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from audit_events where id = $1', [ids[1]])).rejects.toThrow(/append-only/);
    await expect(t.db.exec('truncate audit_events')).rejects.toThrow(/append-only/);
    expect((await t.services.audit.verify()).ok).toBe(true);
    await t.stop();
  });

  it('detects an edited row (through the API and the service)', async () => {
    const { t, auditor, ids } = await appWithChain();
    const victim = ids[2] as number;
    await tamper(t, `update audit_events set details = '{"code":"forged"}'::jsonb where id = $1`, [victim]);
    const res = await t.as(auditor).post('/api/audit-events/verify');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, firstBrokenId: victim });
    expect(res.body.reason).toMatch(/edited/);
    await t.stop();
  });

  it('detects an edited actor or time, not only details', async () => {
    const { t, ids } = await appWithChain();
    await tamper(t, `update audit_events set at = at - interval '1 day' where id = $1`, [ids[1]]);
    expect(await t.services.audit.verify()).toMatchObject({ ok: false, firstBrokenId: ids[1] });
    await t.stop();
  });

  it('detects a deleted row', async () => {
    const { t, ids } = await appWithChain();
    await tamper(t, 'delete from audit_events where id = $1', [ids[1]]);
    const result = await t.services.audit.verify();
    expect(result).toMatchObject({ ok: false, firstBrokenId: ids[2] });
    expect(result.reason).toMatch(/removed or reordered/);
    await t.stop();
  });

  it('detects a row whose hash was recomputed but not its successors', async () => {
    const { t, ids } = await appWithChain();
    // Forge row 2 consistently with itself (new content, new hash): row 3's prev_hash no longer matches.
    const [row] = await t.db.query<{ prev_hash: string }>('select prev_hash from audit_events where id = $1', [ids[1]]);
    await tamper(t, `update audit_events set hash = md5(random()::text) || md5(random()::text), prev_hash = $2 where id = $1`, [ids[1], row?.prev_hash]);
    expect((await t.services.audit.verify()).ok).toBe(false);
    await t.stop();
  });
});
