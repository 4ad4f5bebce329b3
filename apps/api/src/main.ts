import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { seedDemo } from './seed/seed.js';

const started = performance.now();
const config = loadConfig();
const { app, db, jobs, close } = await buildApp({ config });
if (config.seedDemo) {
  const summary = await seedDemo(db);
  app.log.info(summary, 'demo data ready');
}
const stopJobs = jobs.start();
const address = await app.listen({ host: config.host, port: config.port });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\n  Yilian (医联) is ready on ${address.replace('127.0.0.1', 'localhost')}  (${db.kind}, ${seconds}s)\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await stopJobs();
    await close();
    process.exit(0);
  });
}
