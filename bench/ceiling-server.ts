/**
 * The ceiling: a bare Fastify route doing one single-row insert through `pg` — no validation,
 * authorisation, audit or outbox. Every API figure is divided by this one.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 20) });
await pool.query('create table if not exists bench_ceiling (id uuid primary key default gen_random_uuid(), code text not null, body jsonb not null, at timestamptz not null default now())');
const app = Fastify({ logger: false });
app.post('/insert', async (req, reply) => {
  const body = req.body as { code: string };
  const { rows } = await pool.query('insert into bench_ceiling (code, body) values ($1, $2) returning id', [body.code, JSON.stringify(body)]);
  return reply.code(201).send({ id: rows[0].id });
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3999) });
console.log('ceiling ready');
