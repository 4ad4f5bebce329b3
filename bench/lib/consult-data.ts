/**
 * Deterministic consult data for scenarios 3, 5 and 7, generated inside PostgreSQL with
 * generate_series (no randomness: every "random" choice is a hash of the row number, so the same
 * size always gives the same rows). Institutions: 10,000 with a realistic tier mix; the target of a
 * consult follows a skewed (cubic) law, so institution B0 is the busiest hospital (about 4.6 % of all
 * consults) and a median hospital sees a few dozen. States, urgencies and kinds follow a realistic mix.
 */
import type { Queryable } from '../../apps/api/src/db/db.js';

/**
 * A deterministic number in [0, 1) from a row number and a salt: PostgreSQL's seeded 64-bit hash, so
 * the columns drawn with different salts are independent (a linear congruence per salt is not: its
 * columns differ by a constant and the busiest hospital got one narrow band of states).
 */
const r = (salt: number) => `((hashint8extended(g::bigint, ${salt}) & 2147483647)::float8 / 2147483648)`;

export const BUSIEST = '00000000-0000-4000-8000-000000000000';

export async function generateInstitutions(db: Queryable, n = 10_000): Promise<void> {
  await db.query(
    `insert into institutions (id, code, name_zh, name_en, tier, type, division_code, region_zh, region_en)
     select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'B' || g, '压测机构' || g, 'Bench institution ' || g,
            (array['national','provincial','prefecture','county','township','village'])[1 + least(5, floor(sqrt(g::float8 / $1) * 6)::int)],
            'general', '110000', '压测', 'Bench'
       from generate_series(0, $1 - 1) g`,
    [n],
  );
  await db.query(
    `insert into users (id, username, display_name, password_hash)
     select ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, 'bench' || g, '压测用户' || g, 'x' from generate_series(0, 99) g`,
  );
  await db.query(
    `insert into patients (id, name, sex, birth_date, registered_by_institution_id)
     select ('00000000-0000-4000-a000-' || lpad(to_hex(g), 12, '0'))::uuid, '患者' || g, case when g % 2 = 0 then 'male' else 'female' end,
            date '1940-01-01' + (g % 25000), ('00000000-0000-4000-8000-' || lpad(to_hex(g % $1), 12, '0'))::uuid
       from generate_series(0, 99999) g`,
    [n],
  );
}

/**
 * Appends consults [from, to) in batches of 200,000 rows (one statement each), and with `events` their
 * workflow events (create, submit, assign, answer, close as far as each consult's state goes: about
 * 3.65 per consult with the state mix below) in the same statement. `agreements` > 0 routes every consult under one of that many
 * bench agreements (generateAgreements).
 */
export async function generateConsults(db: Queryable, from: number, to: number, opts: { institutions?: number; agreements?: number; events?: boolean } = {}): Promise<void> {
  const institutions = opts.institutions ?? 10_000;
  const agreements = opts.agreements ?? 0;
  const inst = (expr: string) => `('00000000-0000-4000-8000-' || lpad(to_hex((${expr})::int), 12, '0'))::uuid`;
  for (let lo = from; lo < to; lo += 200_000) {
    const hi = Math.min(to, lo + 200_000);
    const events = `, ev as (insert into consult_events (consult_id, at, actor_institution_id, action, from_status, to_status)
        select i.id, i.created_at + (k * interval '3 hours'), i.target_institution_id, (array['create','submit','assign','answer','close'])[k + 1],
               (array[null,'draft','submitted','assigned','answered'])[k + 1], (array['draft','submitted','assigned','answered','closed'])[k + 1]
          from ins i, generate_series(0, 4) k
         where k <= case i.status when 'draft' then 0 when 'submitted' then 1 when 'declined' then 1 when 'cancelled' then 1
                                  when 'assigned' then 2 when 'scheduled' then 2 when 'in_progress' then 2 when 'answered' then 3 else 4 end)`;
    await db.query(
      `with ins as (insert into consults (requester_institution_id, requester_user_id, patient_id, kind, mode, urgency, status,
          target_institution_id, chief_complaint, question, submitted_at, due_at, due_measure, overdue_at, chain_root_id,
          closeout_useful, closeout_referral, created_at, updated_at, agreement_id, first_response_at, answered_at)
       select req, ('00000000-0000-4000-9000-' || lpad(to_hex(g % 100), 12, '0'))::uuid,
              ('00000000-0000-4000-a000-' || lpad(to_hex(g % 100000), 12, '0'))::uuid,
              (array['general','general','general','imaging','ecg','pathology','mdt'])[1 + floor(${r(3)} * 7)::int], 'async',
              case when u < 0.05 then 'emergency' when u < 0.30 then 'urgent' else 'routine' end,
              st, tgt, '压测主诉', '压测问题',
              case when st = 'draft' then null else at + interval '10 minutes' end,
              case when st = 'draft' then null else at + interval '10 minutes' + (case when u < 0.05 then interval '30 minutes' when u < 0.30 then interval '4 hours' else interval '48 hours' end) end,
              case when st = 'draft' then null else 'first_response' end,
              case when st in ('submitted','assigned','in_progress') and ${r(7)} < 0.2 then at + interval '2 days' end,
              md5('c' || g)::uuid,
              case when st = 'closed' then true end, case when st = 'closed' then 'avoided' end,
              at, at,
              ${agreements > 0 ? `('00000000-0000-4000-b000-' || lpad(to_hex(g % ${agreements}), 12, '0'))::uuid` : 'null::uuid'},
              case when st in ('assigned','scheduled','in_progress','answered','closed') then at + interval '10 minutes' + (${r(8)} * interval '3 days') end,
              case when st in ('answered','closed') then at + interval '10 minutes' + (${r(8)} * interval '3 days') end
         from (select g, ${r(4)} as u,
                      ${inst(`1 + floor(${r(1)} * ${institutions - 1})`)} as req,
                      ${inst(`floor(power(${r(2)}, 3) * ${institutions})`)} as tgt,
                      (case when ${r(5)} < 0.05 then 'draft' when ${r(5)} < 0.15 then 'submitted' when ${r(5)} < 0.23 then 'assigned'
                            when ${r(5)} < 0.27 then 'scheduled' when ${r(5)} < 0.35 then 'in_progress' when ${r(5)} < 0.50 then 'answered'
                            when ${r(5)} < 0.90 then 'closed' when ${r(5)} < 0.95 then 'declined' else 'cancelled' end) as st,
                      timestamptz '2026-11-01 00:00+08' - (${r(6)} * interval '1095 days') as at
                 from generate_series($1::int, $2::int - 1) g) s
       returning id, status, created_at, target_institution_id)${opts.events ? events : ''}
       select count(*) from ins`,
      [lo, hi],
    );
  }
  await db.exec('vacuum analyze consults');
  if (opts.events) await db.exec('vacuum analyze consult_events');
}

/** `n` active bench agreements between institution pairs (B(2i+1) assisting B(2i+2)). */
export async function generateAgreements(db: Queryable, n: number): Promise<void> {
  const id = `('00000000-0000-4000-b000-' || lpad(to_hex(g), 12, '0'))::uuid`;
  await db.query(
    `insert into agreements (id, code, title_zh, title_en, kind, status, starts_on, ends_on)
     select ${id}, 'BA' || g, '压测协议' || g, 'Bench agreement ' || g, 'paired_assistance', 'active', date '2023-01-01', date '2027-12-31'
       from generate_series(0, $1 - 1) g`,
    [n],
  );
  await db.query(
    `insert into agreement_parties (agreement_id, institution_id, role)
     select ${id}, ('00000000-0000-4000-8000-' || lpad(to_hex(2 * g + k), 12, '0'))::uuid, case k when 1 then 'assisting' else 'assisted' end
       from generate_series(0, $1 - 1) g, generate_series(1, 2) k`,
    [n],
  );
}
