/**
 * Quick measure: time to create (and submit) one consult through the API (app.inject: validation,
 * authorisation, writes, events, audit, outbox). `npx tsx apps/api/test/consult-create.measure.ts [n]`;
 * on PostgreSQL with YILIAN_TEST_DB=postgres TEST_DATABASE_URL=….
 */
import { consultNetwork, patientWithConsent, summary } from './consults-fixture.js';
import { startTestApp } from './harness.js';

const n = Number(process.argv[2] ?? 200);
const t = await startTestApp();
const net = await consultNetwork(t);
const patients = [];
for (let i = 0; i < 20; i += 1) patients.push(await patientWithConsent(t, net.villageDoc));
const times: number[] = [];
for (let i = 0; i < n + 20; i += 1) {
  const p = patients[i % patients.length];
  const started = performance.now();
  const res = await t.request(net.villageDoc, 'POST', '/api/consults', { ...p, kind: 'general', mode: 'async', urgency: 'routine', targetInstitutionId: net.county.id, summary, submit: true }, { 'idempotency-key': `measure-${i}-${Date.now()}` });
  const ms = performance.now() - started;
  if (res.status !== 201) throw new Error(res.text);
  if (i >= 20) times.push(ms); // the first 20 warm up
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]?.toFixed(2);
console.log(JSON.stringify({ db: t.db.kind, n: times.length, medianMs: q(0.5), p90Ms: q(0.9), p99Ms: q(0.99), maxMs: times.at(-1)?.toFixed(2) }));
await t.stop();
