/** Time of buildApp (PGlite open + migrations + routes, OpenAPI) and of app.ready(). `tsx bench/experiments/buildapp-time.ts` */
const t0 = performance.now();
const lap = (label: string) => console.log(`${label.padEnd(24)} ${Math.round(performance.now() - t0)} ms`);
const { buildApp } = await import('../../apps/api/src/app.js');
const { loadConfig } = await import('../../apps/api/src/config.js');
lap('imports');
const { openPglite } = await import('../../apps/api/src/db/pglite.js');
const db = await openPglite(undefined);
lap('pglite (memory)');
const { app, close } = await buildApp({ config: loadConfig({ ...process.env, LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent' }), db, logger: false });
lap('buildApp (migrations, routes)');
await app.ready();
lap('app.ready');
await close();
