/**
 * Partnership records for the matrix (dispatch, training, education, metrics), written with SQL like
 * `clinical.ts`: every record hangs off an agreement, and who may see or record it is decided by the
 * agreement alone (agreements.policy.ts accessTo / agreementContext). An agreement is placed relative
 * to a scope in one of two ways:
 * - `party`: the scope's institution (assisted, the host) and its counterpart (assisting, the sender);
 * - `supervised`: two fresh hospitals (assisted b, assisting a), supervised by the scope's institution.
 */
import { unique } from '../../harness.js';
import { agreementOf, counterpart } from './clinical.js';
import type { Scope, World } from './world.js';

export interface PlacedAgreement {
  id: string;
  /** The assisted party: hosts batches and trainees' training, hears lectures. */
  assisted: string;
  /** The assisting party: sends experts, trainees come from the assisted side. */
  assisting: string;
}

export type Placement = 'party' | 'supervised';

async function one<T>(w: World, sql: string, params: unknown[]): Promise<T> {
  return (await w.t.db.query<T>(sql, params))[0] as T;
}

/** An agreement between the scope's institution (assisted) and its counterpart (assisting). */
export async function partyAgreement(w: World, scope: Scope): Promise<PlacedAgreement> {
  return { id: await agreementOf(w, scope), assisted: w.inst[scope], assisting: counterpart(w, scope) };
}

/** An agreement between two fresh hospitals, supervised by the scope's institution. */
export async function supervisedAgreement(w: World, scope: Scope): Promise<PlacedAgreement> {
  const a = await w.t.factory.institution({ tier: 'county' });
  const b = await w.t.factory.institution({ tier: 'township' });
  const agreement = await w.t.factory.agreement([
    { institutionId: a.id, role: 'assisting' },
    { institutionId: b.id, role: 'assisted' },
    { institutionId: w.inst[scope], role: 'supervising' },
  ]);
  return { id: agreement.id, assisted: b.id, assisting: a.id };
}

export const place = (w: World, scope: Scope, how: Placement) => (how === 'party' ? partyAgreement(w, scope) : supervisedAgreement(w, scope));

const practitioners = new Map<string, string>();
/** One practitioner per institution (cached; a practitioner may serve in any number of batches). */
export async function practitionerAt(w: World, institutionId: string): Promise<string> {
  const known = practitioners.get(institutionId);
  if (known) return known;
  const p = await one<{ id: string }>(
    w,
    `insert into practitioners (institution_id, name_zh, name_en, title) values ($1, '矩阵专家', 'Matrix expert', 'chief') returning id`,
    [institutionId],
  );
  practitioners.set(institutionId, p.id);
  return p.id;
}

/** A dispatch batch (no members) from the assisting party to the assisted one, in 2026. */
export async function batch(w: World, a: PlacedAgreement): Promise<string> {
  const r = await one<{ id: string }>(
    w,
    `insert into dispatch_batches (agreement_id, batch_no, sending_institution_id, host_institution_id, starts_on, ends_on, purpose)
     values ($1, coalesce((select max(batch_no) from dispatch_batches where agreement_id = $1), 0) + 1, $2, $3, '2026-01-01', '2026-12-31', '矩阵派驻') returning id`,
    [a.id, a.assisting, a.assisted],
  );
  return r.id;
}

/** A technique introduced at the assisted party, not yet performed independently. */
export async function technique(w: World, a: PlacedAgreement): Promise<string> {
  const r = await one<{ id: string }>(
    w,
    `insert into dispatch_techniques (agreement_id, host_institution_id, name_zh, name_en, introduced_on) values ($1, $2, '矩阵新技术', 'Matrix technique', '2026-03-01') returning id`,
    [a.id, a.assisted],
  );
  return r.id;
}

export interface TraineeOpts {
  status?: 'in_training' | 'completed' | 'withdrawn';
  /** With a passed final assessment (completion needs one). */
  passedFinal?: boolean;
}

/** A trainee of the assisted party training at the assisting one (fictional name). */
export async function trainee(w: World, a: PlacedAgreement, o: TraineeOpts = {}): Promise<string> {
  const status = o.status ?? 'in_training';
  const done = status === 'completed';
  const r = await one<{ id: string }>(
    w,
    `insert into trainees (agreement_id, name_zh, home_institution_id, host_institution_id, starts_on, ends_on, status, completed_on, certificate_no)
     values ($1, $2, $3, $4, '2026-01-01', '2026-06-30', $5, $6, $7) returning id`,
    [a.id, `矩阵进修${unique('')}`, a.assisted, a.assisting, status, done ? '2026-06-30' : null, done ? unique('MXC') : null],
  );
  if (o.passedFinal || done) {
    await w.t.db.query(`insert into trainee_assessments (trainee_id, on_date, kind, result, assessor) values ($1, '2026-06-20', 'final', 'pass', '矩阵考官')`, [r.id]);
  }
  return r.id;
}

/** A lecture given by the assisting party to the assisted one. */
export async function educationSession(w: World, a: PlacedAgreement): Promise<string> {
  const r = await one<{ id: string }>(
    w,
    `insert into education_sessions (agreement_id, kind, topic_zh, held_at, duration_minutes, host_institution_id, presenters, audience_institution_ids)
     values ($1, 'lecture', '矩阵讲座', '2026-03-01T08:00:00+08:00', 60, $2, '[{"name":"矩阵主讲"}]'::jsonb, array[$3]::uuid[]) returning id`,
    [a.id, a.assisting, a.assisted],
  );
  return r.id;
}

const divisions = new Map<string, string>();
/**
 * A division code of the scope's institution alone (the factory gives every institution 110101, so a
 * region would otherwise hold the whole world). Set once per world and scope.
 */
export async function divisionOf(w: World, scope: Scope): Promise<string> {
  const key = `${w.inst.own}/${scope}`;
  const known = divisions.get(key);
  if (known) return known;
  const code = `7${['own', 'child', 'parent', 'partner', 'unrelated'].indexOf(scope)}${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
  await w.t.db.query('update institutions set division_code = $2 where id = $1', [w.inst[scope], code]);
  divisions.set(key, code);
  return code;
}

/** A supervising authority (health commission) placed directly below the scope's institution. */
export async function authorityBelow(w: World, scope: Scope): Promise<string> {
  return (await w.t.factory.institution({ tier: 'county', type: 'authority', parentId: w.inst[scope] })).id;
}
