/**
 * Agreements from the source documents (phases, areas, targets) and a year of generated dispatch,
 * training and tele-education activity up to `now`. Deterministic: a seeded generator per agreement.
 * Idempotent: an agreement that already has dispatch or trainee rows is left alone.
 */
import type { Tx } from '../db/db.js';
import { refreshOwnRollups } from '../domains/metrics/index.js';
import { GIVEN, STORIES, SURNAMES } from './agreements.data.js';
import type { SeedIds } from './foundation.seed.js';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const hash = (s: string) => [...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619) >>> 0, 2_166_136_261);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function seedAgreements(tx: Tx, ids: SeedIds, now: Date): Promise<Record<string, number>> {
  const counts = { batches: 0, trainees: 0, sessions: 0 };
  for (const story of STORIES) {
    const agreementId = ids.agreement(story.code);
    await tx.query("update agreements set description_zh = $2, description_en = $3, areas = $4 where id = $1 and areas = '{}'", [agreementId, story.descriptionZh, story.descriptionEn, story.areas]);
    const [hasPhases] = await tx.query<{ n: number }>('select count(*) as n from agreement_phases where agreement_id = $1', [agreementId]);
    if (!hasPhases?.n) {
      const phaseIds: string[] = [];
      for (const [i, p] of story.phases.entries()) {
        const rows = await tx.query<{ id: string }>('insert into agreement_phases (agreement_id, seq, name_zh, name_en, kind, starts_on, ends_on) values ($1,$2,$3,$4,$5,$6,$7) returning id', [agreementId, i + 1, p.nameZh, p.nameEn, p.kind, p.startsOn, p.endsOn]);
        phaseIds.push(rows[0]?.id ?? '');
      }
      for (const t of story.targets) {
        await tx.query('insert into agreement_targets (agreement_id, metric, comparison, target_value, year, phase_id) values ($1,$2,$3,$4,$5,$6)', [agreementId, t.metric, t.comparison ?? 'gte', t.value, t.year ?? null, t.phase ? phaseIds[t.phase - 1] : null]);
      }
    }
    const [done] = await tx.query<{ n: number }>('select (select count(*) from dispatch_batches where agreement_id = $1) + (select count(*) from trainees where agreement_id = $1) as n', [agreementId]);
    if (done?.n) continue;

    const rnd = mulberry32(hash(story.code));
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const name = () => `${pick(SURNAMES)}${pick(GIVEN)}${rnd() < 0.5 ? pick(GIVEN) : ''}`;
    const [term] = await tx.query<{ starts_on: string; ends_on: string }>('select starts_on, ends_on from agreements where id = $1', [agreementId]);
    const start = Math.max(Date.parse(term?.starts_on ?? '2025-01-01'), now.getTime() - 365 * DAY);
    const end = Math.min(Date.parse(term?.ends_on ?? '2030-01-01'), now.getTime() - DAY);
    if (end <= start) continue;
    const span = end - start;
    const a = story.activity;
    const hostId = ids.institution(a.host);
    const assistingId = ids.institution(a.assisting);
    const experts = await tx.query<{ id: string; department_code: string | null }>(
      'select p.id, d.code as department_code from practitioners p left join departments d on d.id = p.department_id where p.institution_id = $1 order by p.name_zh',
      [assistingId],
    );
    const hostDepts = await tx.query<{ id: string; code: string }>('select id, code from departments where institution_id = $1 order by code', [hostId]);
    const assistingDepts = await tx.query<{ id: string; code: string }>('select id, code from departments where institution_id = $1 order by code', [assistingId]);

    // Dispatch: `batches` batches adding up to `personTimes` experts.
    let left = a.personTimes;
    for (let b = 0; b < a.batches && experts.length > 0; b += 1) {
      const size = b === a.batches - 1 ? left : Math.max(1, Math.min(experts.length, Math.round(a.personTimes / a.batches + (rnd() - 0.5) * 2)));
      left -= size;
      const members = [...experts].sort(() => rnd() - 0.5).slice(0, Math.min(size, experts.length));
      const startsMs = start + Math.floor(((b + rnd() * 0.6) / a.batches) * span);
      const startsOn = iso(startsMs);
      const endsOn = iso(Math.min(startsMs + (4 + Math.floor(rnd() * 10)) * DAY, end));
      const dept = hostDepts.find((d) => d.code === members[0]?.department_code) ?? hostDepts[0];
      const [row] = await tx.query<{ id: string }>(
        `insert into dispatch_batches (agreement_id, batch_no, sending_institution_id, host_institution_id, host_department_id, starts_on, ends_on, purpose)
         values ($1,$2,$3,$4,$5,$6,$7,$8) returning id`,
        [agreementId, b + 1, assistingId, hostId, dept?.id ?? null, startsOn, endsOn, '专家驻点指导：门诊、手术、教学查房与病例讨论'],
      );
      const batchId = row?.id ?? '';
      counts.batches += 1;
      for (const [i, m] of members.entries()) {
        await tx.query('insert into dispatch_members (batch_id, practitioner_id, lead) values ($1,$2,$3)', [batchId, m.id, i === 0]);
        const days = Math.max(1, Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / DAY));
        for (const [kind, n, qty] of [
          ['clinic', 2, () => 12 + Math.floor(rnd() * 20)],
          ['operation', rnd() < 0.5 ? 1 : 0, () => 1 + Math.floor(rnd() * 3)],
          ['teaching_round', 1, () => 8 + Math.floor(rnd() * 15)],
          ['lecture', rnd() < 0.4 ? 1 : 0, () => 30 + Math.floor(rnd() * 60)],
          ['case_discussion', rnd() < 0.6 ? 1 : 0, () => 6 + Math.floor(rnd() * 10)],
        ] as const) {
          for (let k = 0; k < n; k += 1) {
            await tx.query('insert into dispatch_activities (batch_id, practitioner_id, kind, on_date, quantity) values ($1,$2,$3,$4,$5)', [batchId, m.id, kind, iso(Date.parse(startsOn) + Math.floor(rnd() * days) * DAY), qty()]);
          }
        }
      }
    }
    const techniqueNames = [
      ['经皮冠状动脉介入治疗', 'Percutaneous coronary intervention'],
      ['急性缺血性卒中血管内取栓', 'Endovascular thrombectomy for acute ischaemic stroke'],
      ['床旁超声引导下深静脉置管', 'Bedside ultrasound-guided central venous catheterisation'],
      ['体外膜肺氧合（ECMO）', 'Extracorporeal membrane oxygenation (ECMO)'],
      ['肌电图与神经传导检查', 'Electromyography and nerve conduction studies'],
      ['罕见病多学科诊疗', 'Multidisciplinary rare-disease clinic'],
      ['新生儿无创呼吸支持', 'Neonatal non-invasive ventilation'],
      ['儿童发育行为评估', 'Child developmental-behavioural assessment'],
    ];
    for (let i = 0; i < a.techniques; i += 1) {
      const [zh, en] = techniqueNames[(i + hash(story.code)) % techniqueNames.length] as [string, string];
      const introduced = start + Math.floor(rnd() * span * 0.7);
      const independent = rnd() < 0.6 ? iso(introduced + (30 + Math.floor(rnd() * 90)) * DAY) : null;
      await tx.query('insert into dispatch_techniques (agreement_id, host_institution_id, name_zh, name_en, introduced_on, first_independent_on) values ($1,$2,$3,$4,$5,$6)', [
        agreementId,
        hostId,
        zh,
        en,
        iso(introduced),
        independent && Date.parse(independent) < end ? independent : null,
      ]);
    }
    // Trainees from the assisted institution at the assisting one (for the integration, the other way round is the same house).
    for (let i = 0; i < a.trainees; i += 1) {
      const s = start + Math.floor(rnd() * span * 0.85);
      const months = [3, 6, 6, 12][Math.floor(rnd() * 4)] as number;
      const e = s + months * 30 * DAY;
      const completed = e < now.getTime() && rnd() < 0.9;
      const hostDept = assistingDepts[Math.floor(rnd() * assistingDepts.length)];
      const supervisor = experts.find((x) => x.department_code === hostDept?.code) ?? experts[0];
      const [row] = await tx.query<{ id: string }>(
        `insert into trainees (agreement_id, name_zh, position, home_institution_id, host_institution_id, host_department_id, supervisor_practitioner_id, starts_on, ends_on, rotation_plan, status, completed_on, certificate_no)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) returning id`,
        [
          agreementId,
          name(),
          pick(['住院医师', '主治医师', '护士长', '副主任医师', '医务科科长']),
          hostId,
          assistingId,
          hostDept?.id ?? null,
          supervisor?.id ?? null,
          iso(s),
          iso(e),
          JSON.stringify([{ nameZh: hostDept ? `${hostDept.code} 病房` : '病房', startsOn: iso(s), endsOn: iso(e) }]),
          completed ? 'completed' : 'in_training',
          completed ? iso(e) : null,
          completed ? `${story.code}-${iso(e).replaceAll('-', '')}-${String(i + 1).padStart(3, '0')}` : null,
        ],
      );
      counts.trainees += 1;
      if (completed) {
        await tx.query("insert into trainee_assessments (trainee_id, on_date, kind, score, result, assessor) values ($1,$2,'final',$3,$4,'结业考核组')", [row?.id, iso(e - DAY), 75 + Math.floor(rnd() * 25), rnd() < 0.3 ? 'excellent' : 'pass']);
      }
    }
    // Tele-education: lectures and case conferences, attendance per person.
    const audience = await tx.query<{ institution_id: string }>("select institution_id from agreement_parties where agreement_id = $1 and role <> 'supervising'", [agreementId]);
    const topics = ['脑卒中规范化诊治', '心力衰竭的长期管理', '重症患者的早期识别', '风湿免疫病的鉴别诊断', '儿童常见病规范诊疗', '高原病的防治', '罕见病诊疗进展', '院感防控要点', '急诊胸痛中心建设'];
    for (let i = 0; i < a.sessions; i += 1) {
      const held = new Date(start + Math.floor(((i + rnd() * 0.8) / a.sessions) * span));
      held.setUTCHours(7, 0, 0, 0);
      const kind = rnd() < 0.7 ? 'lecture' : 'case_conference';
      const [row] = await tx.query<{ id: string }>(
        `insert into education_sessions (agreement_id, kind, topic_zh, held_at, duration_minutes, host_institution_id, presenters, audience_institution_ids, case_summary)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9) returning id`,
        [agreementId, kind, pick(topics), held, pick([60, 90, 120]), assistingId, JSON.stringify([{ name: name() }]), audience.map((x) => x.institution_id), kind === 'case_conference' ? '患者，男，60余岁，主诉反复头晕一月（已去标识化）。' : null],
      );
      counts.sessions += 1;
      const n = 8 + Math.floor(rnd() * 25);
      const names = Array.from({ length: n }, name);
      await tx.query('insert into education_attendance (session_id, person_name, institution_id, minutes) select $1, unnest($2::text[]), unnest($3::uuid[]), $4', [
        row?.id,
        names,
        names.map(() => pick(audience).institution_id),
        null,
      ]);
    }
    for (const source of ['dispatch', 'training', 'education'] as const) await refreshOwnRollups(tx, agreementId, source);
  }
  return { dispatchBatches: counts.batches, trainees: counts.trainees, educationSessions: counts.sessions };
}
