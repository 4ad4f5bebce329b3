/**
 * `npm run db:backup -- <file>` and `npm run db:restore -- <file>`: back up the configured database
 * (DATABASE_URL, else PGLITE_DIR) or restore a backup into it (it must be empty). Then
 * `npm run audit:verify` checks the restored audit chain.
 */
import { loadConfig } from '../config.js';
import { backup, restore } from './backup.js';

const [command, file] = process.argv.slice(2);
if ((command !== 'backup' && command !== 'restore') || !file) {
  console.error('usage: backup-cli.ts backup|restore <file>');
  process.exit(2);
}
const config = loadConfig();
const target = { databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir };
const started = performance.now();
if (command === 'backup') {
  const { kind, bytes } = await backup(target, file);
  console.log(`backed up ${kind} to ${file} (${(bytes / 1024).toFixed(0)} KiB, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
} else {
  await restore(target, file);
  console.log(`restored ${file} into ${config.databaseUrl ? 'PostgreSQL' : config.pgliteDir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
