// `npm test`: typecheck → lint → unit and integration tests (PGlite; and PostgreSQL too when
// TEST_DATABASE_URL is set) → end-to-end tests in Chromium. Ends with one `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2); // e.g. `npm test -- unit int` runs just those stages
const want = (stage) => only.length === 0 || only.includes(stage);
const results = [];
const tmp = mkdtempSync(join(tmpdir(), 'yilian-test-'));

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`◀ ${label}: exit ${res.status} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return res.status ?? 1;
}

function check(label, cmd, args) {
  const status = run(label, cmd, args);
  results.push({ label, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });
}

function vitest(label, project, env) {
  const out = join(tmp, `${label}.json`);
  const status = run(label, 'npx', ['vitest', 'run', ...project.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  if (!existsSync(out)) {
    results.push({ label, passed: 0, failed: 1 });
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  // A file that fails to load has no tests but still fails the run.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  results.push({ label, passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles + (status !== 0 && report.numFailedTests === 0 && brokenFiles === 0 ? 1 : 0) });
}

function playwright() {
  const out = join(tmp, 'e2e.json');
  const status = run('e2e', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (!existsSync(out)) {
    results.push({ label: 'e2e', passed: 0, failed: 1 });
    return;
  }
  const stats = JSON.parse(readFileSync(out, 'utf8')).stats;
  results.push({ label: 'e2e', passed: stats.expected + stats.flaky, failed: stats.unexpected + (status !== 0 && stats.unexpected === 0 ? 1 : 0) });
}

if (want('typecheck')) check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
if (want('lint')) check('lint', 'npx', ['biome', 'check', '.']);
if (want('unit') || want('int')) {
  vitest('unit+int (pglite)', want('unit') && want('int') ? ['unit', 'int'] : want('unit') ? ['unit'] : ['int'], { YILIAN_TEST_DB: 'pglite' });
}
if (want('int') && process.env.TEST_DATABASE_URL) {
  vitest('int (postgres)', ['int'], { YILIAN_TEST_DB: 'postgres' });
}
if (want('e2e')) {
  run('build web', 'node', ['scripts/build-web.mjs', '--if-missing']);
  playwright();
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.label.padEnd(22)} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
