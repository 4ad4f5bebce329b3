/**
 * Crash-safety driver: a real API process (demo seed) under a load of consult and referral creates,
 * each with its own Idempotency-Key, killed with SIGKILL at random moments and restarted while the
 * clients retry the same request with the same key. A write is acknowledged when a 2xx answer
 * carries its id. Every write carries its key in its clinical text, so the check can count the
 * records each key produced (exactly one per acknowledged key, never two for any key).
 */
import { call, freePort, type ServerProcess, startServer } from '../support/server-process.js';

export type WriteKind = 'consult' | 'referral';

export interface Ack {
  kind: WriteKind;
  key: string;
  id: string;
}

export interface CrashFigures {
  crashes: number;
  attempts: number;
  /** Requests retried with the same key after a connection error or a 5xx. */
  retries: number;
  acknowledged: number;
  connectionErrors: number;
  unexpected: string[];
  /** Every key tried (acknowledged or not). */
  keys: { kind: WriteKind; key: string }[];
  acks: Ack[];
  /** After the load, every acknowledged key sent once more: answers with another id (must be none). */
  replays: number;
  replayMismatches: string[];
}

export interface CrashOptions {
  env: Record<string, string>;
  clients: number;
  /** Writes per client at least; clients keep writing until the last crash is over. */
  writesPerClient: number;
  crashes: number;
  /** Random delay between restarts and the next kill (ms). */
  minUpMs: number;
  maxUpMs: number;
  /** Deterministic seed for the kill times. */
  seed: number;
  prefix: string;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Demo clinician, a patient with consent, a consult target and a referral destination. */
async function prepare(base: string) {
  const login = await call(base, 'POST', '/api/auth/login', { username: 'cangzhou.doc', password: 'Yilian@2026' });
  if (login.status !== 200) throw new Error(`demo clinician login failed: ${login.text}`);
  const headers = { authorization: `Bearer ${String(login.json.token)}` };
  const patient = await call(base, 'POST', '/api/patients', { name: '崩溃测试患者', sex: 'male', birthDate: '1960-02-03' }, headers);
  const patientId = String((patient.json as { patient?: { id?: string } }).patient?.id);
  const consent = await call(base, 'POST', `/api/patients/${patientId}/consents`, { scope: 'consultation', method: 'verbal_witnessed', witnessName: '家属' }, headers);
  const targets = await call(base, 'GET', '/api/consults/targets', undefined, headers);
  const list = targets.json as unknown as { institutionId: string; tier: string }[];
  const target = list.find((t) => t.tier === 'national') ?? list[0];
  if (!target || consent.status !== 201) throw new Error(`crash fixture: ${patient.text} ${consent.text} ${targets.text}`);
  const inst = await call(base, 'GET', `/api/institutions/${target.institutionId}`, undefined, headers);
  const dept = (inst.json as { departments?: { id: string }[] }).departments?.[0];
  if (!dept) throw new Error(`crash fixture: no department at the target: ${inst.text.slice(0, 300)}`);
  return { headers, patientId, consentId: String(consent.json.id), targetId: target.institutionId, departmentId: dept.id };
}

export async function runCrashLoad(o: CrashOptions): Promise<{ figures: CrashFigures; server: ServerProcess }> {
  const port = await freePort();
  let server = await startServer(o.env, { port, timeoutMs: 120_000 });
  const base = server.url;
  const fx = await prepare(base);
  const f: CrashFigures = { crashes: 0, attempts: 0, retries: 0, acknowledged: 0, connectionErrors: 0, unexpected: [], keys: [], acks: [], replays: 0, replayMismatches: [] };
  let done = false;
  let killerDone = false;

  function request(kind: WriteKind, key: string) {
    const headers = { ...fx.headers, 'idempotency-key': key };
    if (kind === 'consult') {
      return call(
        base,
        'POST',
        '/api/consults',
        {
          patientId: fx.patientId,
          consentId: fx.consentId,
          kind: 'general',
          mode: 'async',
          urgency: 'routine',
          targetInstitutionId: fx.targetId,
          summary: { chiefComplaint: `崩溃测试 ${key}`, question: '是否需要调整治疗？' },
          submit: true,
        },
        headers,
      );
    }
    return call(
      base,
      'POST',
      '/api/referrals',
      {
        patientId: fx.patientId,
        toInstitutionId: fx.targetId,
        toDepartmentId: fx.departmentId,
        reason: `崩溃测试 ${key}`,
        diagnoses: [{ code: 'I63.9', display: '脑梗死' }],
        summary: '崩溃测试转诊',
        consent: { method: 'verbal_witnessed', witnessName: '家属' },
        submit: true,
      },
      headers,
    );
  }

  async function client(c: number) {
    // At least writesPerClient each, and on until the last crash and restart are behind us.
    for (let n = 0; n < o.writesPerClient || !killerDone; n += 1) {
      const kind: WriteKind = n % 2 === 0 ? 'consult' : 'referral';
      const key = `${o.prefix}-${kind[0]}-${c}-${n}`;
      f.keys.push({ kind, key });
      for (let tries = 1; ; tries += 1) {
        f.attempts += 1;
        if (tries > 1) f.retries += 1;
        try {
          const res = await request(kind, key);
          if (res.status >= 200 && res.status < 300 && typeof res.json?.id === 'string') {
            f.acknowledged += 1;
            f.acks.push({ kind, key, id: res.json.id });
            break;
          }
          // 5xx (a dying process), 401 (never: bearer sessions live in the database) and 409 on a key
          // whose first try is still in flight elsewhere are retried with the same key.
          if (res.status >= 500 || res.status === 401 || (res.status === 409 && tries > 1)) {
            await sleep(50);
            continue;
          }
          f.unexpected.push(`${key}: ${res.status} ${res.text.slice(0, 200)}`);
          break;
        } catch {
          f.connectionErrors += 1;
          await sleep(50 + Math.random() * 100);
        }
      }
    }
  }

  async function killer() {
    const random = rng(o.seed);
    while (!done && f.crashes < o.crashes) {
      await sleep(o.minUpMs + random() * (o.maxUpMs - o.minUpMs));
      if (done) break;
      await server.kill('SIGKILL');
      f.crashes += 1;
      server = await startServer(o.env, { port, timeoutMs: 120_000 });
    }
    killerDone = true;
  }

  const killing = killer();
  await Promise.all(Array.from({ length: o.clients }, (_, c) => client(c)));
  done = true;
  await killing;
  // A late retry of an acknowledged write (its answer lost to the client) must return the same record.
  for (const ack of f.acks) {
    const res = await request(ack.kind, ack.key);
    f.replays += 1;
    if (res.status >= 300 || res.json?.id !== ack.id) f.replayMismatches.push(`${ack.key}: ${res.status} ${String(res.json?.id)} ≠ ${ack.id}`);
  }
  return { figures: f, server };
}
