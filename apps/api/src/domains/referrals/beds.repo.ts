import type { BedReservationDto, BedState, WardOccupancyDto } from '@yilian/contracts';
import type { Queryable } from '../../db/db.js';

/**
 * Bed reservations. A hold (`held`) becomes `occupied` on admission and `released` on discharge or
 * cancellation, or `expired` when the patient did not set off in time. The partial unique indexes
 * `bed_reservations_one_per_bed` / `_one_per_referral` allow one live row per bed and per referral.
 */
export interface BedRow {
  id: string;
  code: string;
  in_service: boolean;
  ward_id: string;
  ward_code: string;
  institution_id: string;
}

export async function findBed(q: Queryable, bedId: string): Promise<BedRow | undefined> {
  const rows = await q.query<BedRow>(
    `select b.id, b.code, b.in_service, b.ward_id, w.code as ward_code, w.institution_id
       from beds b join wards w on w.id = b.ward_id where b.id = $1`,
    [bedId],
  );
  return rows[0];
}

export interface ReservationRow {
  id: string;
  referral_id: string;
  bed_id: string;
  ward_id: string;
  status: BedReservationDto['status'];
  held_at: Date;
  expires_at: Date | null;
  ended_at: Date | null;
}

interface ReservationDtoRow extends ReservationRow {
  bed_code: string;
  ward_code: string;
  ward_name_zh: string;
  ward_name_en: string;
}

export async function insertReservation(
  q: Queryable,
  r: { referralId: string; bedId: string; wardId: string; status: 'held' | 'occupied'; now: Date; expiresAt: Date | null; createdBy: string | null },
): Promise<ReservationRow> {
  const rows = await q.query<ReservationRow>(
    `insert into bed_reservations (referral_id, bed_id, ward_id, status, held_at, expires_at, created_by)
     values ($1,$2,$3,$4,$5,$6,$7) returning *`,
    [r.referralId, r.bedId, r.wardId, r.status, r.now, r.expiresAt, r.createdBy],
  );
  return rows[0] as ReservationRow;
}

/** The live (held or occupied) reservation of a referral, locked. */
export async function liveReservationOf(q: Queryable, referralId: string): Promise<ReservationRow | undefined> {
  const rows = await q.query<ReservationRow>(
    `select * from bed_reservations where referral_id = $1 and status in ('held','occupied') for update`,
    [referralId],
  );
  return rows[0];
}

export async function reservationDtoOf(q: Queryable, referralId: string): Promise<BedReservationDto | null> {
  const rows = await q.query<ReservationDtoRow>(
    `select br.*, b.code as bed_code, w.code as ward_code, w.name_zh as ward_name_zh, w.name_en as ward_name_en
       from bed_reservations br join beds b on b.id = br.bed_id join wards w on w.id = br.ward_id
      where br.referral_id = $1 order by (br.status in ('held','occupied')) desc, br.held_at desc limit 1`,
    [referralId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    bedId: r.bed_id,
    bedCode: r.bed_code,
    wardId: r.ward_id,
    wardCode: r.ward_code,
    wardNameZh: r.ward_name_zh,
    wardNameEn: r.ward_name_en,
    status: r.status,
    heldAt: r.held_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
  };
}

export async function setReservationStatus(
  q: Queryable,
  id: string,
  status: ReservationRow['status'],
  now: Date,
  expiresAt?: Date | null,
): Promise<void> {
  const ended = status === 'released' || status === 'expired';
  await q.query(
    `update bed_reservations set status = $2, ended_at = case when $3 then $4::timestamptz else ended_at end,
            expires_at = case when $5 then $6::timestamptz else expires_at end
      where id = $1`,
    [id, status, ended, now, expiresAt !== undefined, expiresAt ?? null],
  );
}

/**
 * Holds past their expiry whose referral still waits in bed_reserved (a patient already on the way
 * keeps the bed). Locked, so two writers never expire the same hold twice. `bedId` narrows to one bed.
 */
export async function dueHolds(q: Queryable, now: Date, bedId?: string): Promise<ReservationRow[]> {
  const where = `br.status = 'held' and br.expires_at <= $1 and r.status = 'bed_reserved' and ($2::uuid is null or br.bed_id = $2)`;
  // Referral rows first, then reservations: the same order as every transition, so no deadlock.
  const referrals = await q.query<{ id: string }>(
    `select r.id from referrals r join bed_reservations br on br.referral_id = r.id where ${where} order by r.id for update of r`,
    [now, bedId ?? null],
  );
  if (referrals.length === 0) return [];
  return q.query<ReservationRow>(
    `select br.* from bed_reservations br join referrals r on r.id = br.referral_id
      where ${where} and r.id = any($3::uuid[]) order by br.expires_at for update of br`,
    [now, bedId ?? null, referrals.map((r) => r.id)],
  );
}

export async function findReservation(q: Queryable, id: string): Promise<ReservationRow | undefined> {
  return (await q.query<ReservationRow>('select * from bed_reservations where id = $1 for update', [id]))[0];
}

interface OccupancyRow {
  ward_id: string;
  institution_id: string;
  department_id: string;
  ward_code: string;
  name_zh: string;
  name_en: string;
  is_referral_ward: boolean;
  bed_id: string | null;
  bed_code: string | null;
  in_service: boolean | null;
  res_status: 'held' | 'occupied' | null;
  referral_id: string | null;
  expires_at: Date | null;
  referral_status: string | null;
}

/** Every bed of the institution's wards (or one ward) with its state now. */
export async function occupancy(q: Queryable, institutionId: string, now: Date, wardId?: string): Promise<WardOccupancyDto[]> {
  const rows = await q.query<OccupancyRow>(
    `select w.id as ward_id, w.institution_id, w.department_id, w.code as ward_code, w.name_zh, w.name_en, w.is_referral_ward,
            b.id as bed_id, b.code as bed_code, b.in_service, br.status as res_status, br.referral_id, br.expires_at,
            r.status as referral_status
       from wards w
       left join beds b on b.ward_id = w.id
       left join bed_reservations br on br.bed_id = b.id and br.status in ('held','occupied')
       left join referrals r on r.id = br.referral_id
      where w.institution_id = $1 and ($2::uuid is null or w.id = $2)
      order by w.is_referral_ward desc, w.code, b.code`,
    [institutionId, wardId ?? null],
  );
  const wards = new Map<string, WardOccupancyDto>();
  for (const r of rows) {
    let ward = wards.get(r.ward_id);
    if (!ward) {
      ward = {
        id: r.ward_id,
        institutionId: r.institution_id,
        departmentId: r.department_id,
        code: r.ward_code,
        nameZh: r.name_zh,
        nameEn: r.name_en,
        isReferralWard: r.is_referral_ward,
        counts: { free: 0, held: 0, occupied: 0, out_of_service: 0 },
        beds: [],
      };
      wards.set(r.ward_id, ward);
    }
    if (!r.bed_id || !r.bed_code) continue;
    // A hold past its expiry (patient not yet on the way) is free: the next writer releases it.
    const lapsed = r.res_status === 'held' && r.referral_status === 'bed_reserved' && r.expires_at !== null && r.expires_at <= now;
    const live = r.res_status !== null && !lapsed;
    const state: BedState = !r.in_service ? 'out_of_service' : live ? (r.res_status as 'held' | 'occupied') : 'free';
    ward.counts[state] += 1;
    ward.beds.push({
      id: r.bed_id,
      code: r.bed_code,
      state,
      referralId: live ? r.referral_id : null,
      expiresAt: live && r.res_status === 'held' ? (r.expires_at?.toISOString() ?? null) : null,
    });
  }
  return [...wards.values()];
}

export interface FollowUpRow {
  id: string;
  referral_id: string;
  seq: number;
  due_on: string;
  purpose: string;
  done_at: Date | null;
  done_on: string | null;
  done_by: string | null;
  notes: string | null;
  missed_at: Date | null;
  version: number;
}

export async function insertFollowUps(q: Queryable, referralId: string, visits: { dueOn: string; purpose: string }[]): Promise<FollowUpRow[]> {
  const out: FollowUpRow[] = [];
  for (const [i, v] of visits.entries()) {
    const rows = await q.query<FollowUpRow>(
      `insert into referral_follow_up_visits (referral_id, seq, due_on, purpose) values ($1,$2,$3,$4)
       on conflict (referral_id, seq) do nothing returning *`,
      [referralId, i + 1, v.dueOn, v.purpose],
    );
    if (rows[0]) out.push(rows[0]);
  }
  return out;
}

export async function followUpsOf(q: Queryable, referralId: string): Promise<FollowUpRow[]> {
  return q.query<FollowUpRow>('select * from referral_follow_up_visits where referral_id = $1 order by seq', [referralId]);
}

export async function findFollowUp(q: Queryable, id: string): Promise<FollowUpRow | undefined> {
  return (await q.query<FollowUpRow>('select * from referral_follow_up_visits where id = $1 for update', [id]))[0];
}

export async function recordFollowUp(q: Queryable, id: string, by: string, notes: string, doneOn: string, now: Date): Promise<FollowUpRow> {
  const rows = await q.query<FollowUpRow>(
    `update referral_follow_up_visits set done_at = $2, done_on = $3, done_by = $4, notes = $5, version = version + 1
      where id = $1 returning *`,
    [id, now, doneOn, by, notes],
  );
  return rows[0] as FollowUpRow;
}

export async function markFollowUpMissed(q: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await q.query('update referral_follow_up_visits set missed_at = $2 where id = $1 and done_at is null and missed_at is null returning id', [
    id,
    now,
  ]);
  return rows.length > 0;
}
