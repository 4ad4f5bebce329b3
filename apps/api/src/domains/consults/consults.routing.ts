import type {
  ConsultDetailDto,
  ConsultResponseTargetInput,
  ConsultScheduleInput,
  ExpertSlotDto,
  ExpertSlotInput,
  ExpertSlotQuery,
  ExpertSuggestionDto,
  TargetSuggestionDto,
  Tier,
} from '@yilian/contracts';
import { PG_EXCLUSION_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/db.js';
import { type Actor, requireRole } from '../../http/actor.js';
import { DAY } from '../../http/clock.js';
import { errors } from '../../http/errors.js';
import { consultError, type ConsultDeps, link, loadVisible } from './consults.core.js';
import * as parts from './consults.parts.repo.js';
import * as repo from './consults.repo.js';
import { transition } from './consults.transition.js';

/** Specialties that fit a consult kind beyond its target department. */
const KIND_SPECIALTIES: Record<string, string[]> = { imaging: ['radiology', 'imaging'], ecg: ['cardiology', 'electrophysiology'], pathology: ['pathology'], mdt: [], general: [] };

/** A coarse ICD-10 chapter → specialty map, enough to rank experts when no department is named. */
export function specialtiesOfIcd(code: string): string[] {
  const letter = code[0] ?? '';
  const n = Number(code.slice(1, 3));
  if (letter === 'I') return n >= 60 && n <= 69 ? ['neurology', 'stroke'] : ['cardiology'];
  if (letter === 'C' || (letter === 'D' && n < 50)) return ['oncology'];
  const map: Record<string, string[]> = {
    E: ['endocrinology'],
    F: ['psychiatry'],
    G: ['neurology'],
    J: ['respiratory'],
    K: ['gastroenterology'],
    M: ['rheumatology'],
    N: ['nephrology'],
    O: ['obstetrics'],
    P: ['pediatrics', 'neonatology'],
    Q: ['pediatrics', 'rare_disease'],
    S: ['orthopedics', 'surgery'],
    T: ['emergency', 'surgery'],
  };
  return map[letter] ?? [];
}

export function createConsultRouting(deps: ConsultDeps) {
  const { db, clock } = deps;
  const n = deps.notifications;

  return {
    /** Targets for a new consult: partners by an active agreement first, then higher-tier hospitals. */
    async targets(actor: Actor): Promise<TargetSuggestionDto[]> {
      requireRole(actor, 'clinician', 'coordinator', 'expert');
      const today = clock.now().toISOString().slice(0, 10);
      const rows = await db.query<{ id: string; name_zh: string; name_en: string; tier: Tier; agreement_id: string | null }>(
        `with me as (select tier from institutions where id = $1),
         partners as (
           select distinct on (p2.institution_id) p2.institution_id as id, a.id as agreement_id
             from agreement_parties p1
             join agreements a on a.id = p1.agreement_id and a.status = 'active' and a.starts_on <= $2::date and a.ends_on >= $2::date
             join agreement_parties p2 on p2.agreement_id = a.id and p2.institution_id <> $1 and p2.role <> 'supervising'
            where p1.institution_id = $1
            order by p2.institution_id, a.starts_on desc)
         select i.id, i.name_zh, i.name_en, i.tier, pt.agreement_id
           from institutions i left join partners pt on pt.id = i.id, me
          where i.active and i.type <> 'authority' and i.id <> $1
            and (pt.id is not null or array_position(array['national','provincial','prefecture','county','township','village'], i.tier)
                                    < array_position(array['national','provincial','prefecture','county','township','village'], me.tier))
          order by (pt.id is null), array_position(array['national','provincial','prefecture','county','township','village'], i.tier) desc, i.name_zh
          limit 100`,
        [actor.institutionId, today],
      );
      return rows.map((r) => ({ institutionId: r.id, institutionNameZh: r.name_zh, institutionNameEn: r.name_en, tier: r.tier, agreementId: r.agreement_id, viaAgreement: r.agreement_id !== null }));
    },

    /** Experts of the target ranked by specialty match, then availability, then current load. */
    async experts(actor: Actor, id: string): Promise<ExpertSuggestionDto[]> {
      const c = await loadVisible(db, actor, id);
      if (c.target_institution_id !== actor.institutionId || !actor.roles.some((r) => r === 'coordinator' || r === 'expert')) throw errors.forbidden();
      const dept = c.target_department_id ? await db.query<{ specialty: string }>('select specialty from departments where id = $1', [c.target_department_id]) : [];
      const wanted = [...(dept[0] ? [dept[0].specialty] : []), ...(KIND_SPECIALTIES[c.kind] ?? []), ...c.diagnoses.flatMap((d) => specialtiesOfIcd(d.code))];
      const rows = await db.query<{
        user_id: string;
        id: string;
        name_zh: string;
        name_en: string;
        title: string;
        department_id: string | null;
        specialties: string[];
        open_load: number;
        slot_id: string | null;
        slot_starts: Date | null;
        slot_ends: Date | null;
      }>(
        `select p.user_id, p.id, p.name_zh, p.name_en, p.title, p.department_id, p.specialties,
                (select count(*) from consults x where x.assigned_expert_user_id = p.user_id and x.status in ('assigned','scheduled','in_progress')) as open_load,
                ns.id as slot_id, ns.starts_at as slot_starts, ns.ends_at as slot_ends
           from practitioners p
           join user_roles r on r.user_id = p.user_id and r.institution_id = p.institution_id and r.role = 'expert'
           left join lateral (
             select s.id, s.starts_at, s.ends_at from expert_slots s
              where s.expert_user_id = p.user_id and s.starts_at >= $2 and s.starts_at < $3
                and not exists (select 1 from consult_appointments a where a.slot_id = s.id and a.status = 'active')
              order by s.starts_at limit 1) ns on true
          where p.institution_id = $1 and p.active and p.user_id is not null`,
        [actor.institutionId, clock.now(), new Date(clock.now().getTime() + 14 * DAY)],
      );
      return rows
        .map((r) => {
          const specialtyMatch = (c.target_department_id !== null && r.department_id === c.target_department_id) || r.specialties.some((s) => wanted.includes(s));
          const named = c.target_expert_user_id === r.user_id;
          const score = (specialtyMatch ? 10 : 0) + (named ? 5 : 0) + (r.slot_id ? 2 : 0) - r.open_load;
          return {
            userId: r.user_id,
            practitionerId: r.id,
            nameZh: r.name_zh,
            nameEn: r.name_en,
            title: r.title,
            departmentId: r.department_id,
            specialties: r.specialties,
            specialtyMatch,
            openLoad: r.open_load,
            nextSlot: r.slot_id && r.slot_starts && r.slot_ends ? { id: r.slot_id, startsAt: r.slot_starts.toISOString(), endsAt: r.slot_ends.toISOString() } : null,
            score,
          };
        })
        .sort((a, b) => b.score - a.score || a.openLoad - b.openLoad || a.nameZh.localeCompare(b.nameZh));
    },

    /** An expert offers a time (or a coordinator for an expert of the institution). Overlaps are refused by the database. */
    async addSlot(actor: Actor, input: ExpertSlotInput): Promise<ExpertSlotDto> {
      const expertUserId = input.expertUserId ?? actor.userId;
      if (expertUserId === actor.userId) requireRole(actor, 'expert');
      else requireRole(actor, 'coordinator');
      if (!(await repo.userHasRole(db, expertUserId, actor.institutionId, 'expert'))) throw consultError(400, 'bad_expert', '该用户不是本机构专家', 'Not an expert of your institution');
      return db.transaction(async (tx) => {
        try {
          const slot = await parts.insertSlot(tx, { expertUserId, institutionId: actor.institutionId, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), createdBy: actor.userId, at: clock.now() });
          await deps.audit.record(tx, actor, { action: 'expert_slot.create', entityType: 'expert_slot', entityId: slot.id, details: { expertUserId } });
          return slot;
        } catch (error) {
          if (pgErrorCode(error) === PG_EXCLUSION_VIOLATION) throw consultError(409, 'slot_overlap', '与该专家已有的出诊时段重叠', 'Overlaps a time the expert already offers');
          throw error;
        }
      });
    },

    async slots(actor: Actor, q: ExpertSlotQuery): Promise<ExpertSlotDto[]> {
      requireRole(actor, 'clinician', 'expert', 'coordinator');
      const from = q.from ? new Date(q.from) : clock.now();
      const to = q.to ? new Date(q.to) : new Date(from.getTime() + 30 * DAY);
      return parts.slotsOf(db, q.expertUserId, from, to);
    },

    /** Live mode: book one of the assigned expert's free slots. A slot is booked once (unique index). */
    schedule: (actor: Actor, id: string, input: ConsultScheduleInput): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'schedule', input.version, async (tx, c, _v, now) => {
        if (c.mode !== 'live') throw consultError(409, 'not_live', '异步会诊无需预约时间', 'Only live consults are scheduled');
        const slot = await parts.findSlot(tx, input.slotId);
        if (!slot || slot.expertUserId !== c.assigned_expert_user_id) throw consultError(400, 'bad_slot', '请选择所分配专家的出诊时段', 'Choose a time the assigned expert offers');
        if (new Date(slot.startsAt) <= now) throw consultError(400, 'slot_past', '该时段已过去', 'That time has passed');
        await parts.cancelAppointments(tx, id);
        try {
          await tx.query('savepoint book');
          await parts.insertAppointment(tx, { consultId: id, slot, joinUrl: `/live/consults/${id}`, at: now });
          await tx.query('release savepoint book');
        } catch (error) {
          if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw consultError(409, 'slot_taken', '该时段已被预约', 'That time is already booked');
          throw error;
        }
        return {
          details: { slotId: slot.id, startsAt: slot.startsAt },
          after: async (t) => {
            const msg = { kind: 'consult.scheduled', titleZh: '会诊时间待确认', titleEn: 'Please confirm the consult time', bodyZh: slot.startsAt, bodyEn: slot.startsAt, link: link(id) };
            await n.notifyUsers(t, [c.requester_user_id, slot.expertUserId], msg);
          },
        };
      }),

    confirmAppointment: (actor: Actor, id: string, version: number): Promise<ConsultDetailDto> =>
      transition(deps, actor, id, 'confirm_appointment', version, async (tx, _c, view, now) => {
        const side = view.atRequester ? 'requester' : 'expert';
        await parts.confirmAppointment(tx, id, side, now);
        return { details: { side } };
      }),

    /** Overrides the response target of one urgency for an agreement (coordinators of a party). */
    async setResponseTarget(actor: Actor, agreementId: string, input: ConsultResponseTargetInput): Promise<{ ok: true }> {
      requireRole(actor, 'coordinator', 'admin');
      const party = await db.query('select 1 from agreement_parties where agreement_id = $1 and institution_id = $2', [agreementId, actor.institutionId]);
      if (party.length === 0) throw errors.notFound({ code: 'agreement.not_found', zh: '协议', en: 'Agreement' });
      await db.transaction(async (tx) => {
        await repo.setResponseTarget(tx, agreementId, input.urgency, input.measure, input.minutes);
        await deps.audit.record(tx, actor, { action: 'consult.response_target', entityType: 'agreement', entityId: agreementId, details: { ...input } });
      });
      return { ok: true };
    },
  };
}

