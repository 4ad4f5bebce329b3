import { loadConfig } from '../../config.js';
import { openDb } from '../../db/open.js';
import { systemClock } from '../../http/clock.js';
import { scopeOf } from '../institutions/index.js';
import { createAuditService } from './audit.service.js';

/** `npm run audit:verify`: walks the whole chain and exits 1 at the first broken row. */
const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
const result = await createAuditService({ db, clock: systemClock, scopeOf }).verify();
console.log(JSON.stringify(result));
await db.close();
process.exit(result.ok ? 0 : 1);
