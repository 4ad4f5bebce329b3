// Builds the web app (apps/web/dist) that the API serves. `--if-missing` skips the build when a
// build newer than every web source file is already there, so `npm install` and `npm start` stay fast.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'apps/web');
const dist = join(web, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

const ifMissing = process.argv.includes('--if-missing');
if (!existsSync(join(web, 'index.html'))) process.exit(0);
if (ifMissing && existsSync(dist) && statSync(dist).mtimeMs >= newestMtime(web)) {
  process.exit(0);
}
if (!existsSync(join(root, 'node_modules/vite'))) {
  console.log('[build-web] vite is not installed yet; skipping');
  process.exit(0);
}
console.log('[build-web] building apps/web …');
const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
process.exit(result.status ?? 1);
