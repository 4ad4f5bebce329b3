// `npm start`: build the web app if it is missing or stale, then serve API + web on an embedded
// PGlite database (./data/pglite) with the demo data. Set DATABASE_URL to use PostgreSQL instead.
import { spawn, spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const build = spawnSync('node', ['scripts/build-web.mjs', '--if-missing'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn('npx', ['tsx', 'apps/api/src/main.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
