import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDb } from '../db/open.js';
import { seedDemo } from './seed.js';

const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
await migrate(db);
console.log(await seedDemo(db));
await db.close();
