import type { Db, Tx } from '../db/db.js';
import { type SeedIds, seedFoundation } from './foundation.seed.js';
import { seedReferrals } from './referrals.seed.js';
import { seedAgreements } from './agreements.seed.js';
import { seedConsults } from './consults.seed.js';

/**
 * A domain's demo data. It runs after the foundation in the same transaction, must be idempotent
 * (check before inserting) and tells its part of the story with the ids the foundation returns.
 */
export type DomainSeeder = (tx: Tx, ids: SeedIds, now: Date) => Promise<Record<string, number>>;

const DOMAIN_SEEDERS: DomainSeeder[] = [seedAgreements, seedReferrals, seedConsults];

export async function seedDemo(db: Db, now = new Date()): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const ids = await seedFoundation(tx);
    const summary: Record<string, number> = {};
    for (const seeder of DOMAIN_SEEDERS) Object.assign(summary, await seeder(tx, ids, now));
    const counts = await tx.query<{ institutions: number; users: number; practitioners: number; beds: number }>(
      `select (select count(*) from institutions) as institutions, (select count(*) from users) as users,
              (select count(*) from practitioners) as practitioners, (select count(*) from beds) as beds`,
    );
    return { ...counts[0], ...summary };
  });
}
