/**
 * Case conferences citing a consult: only a closed consult routed under the same agreement that the
 * recording institution took part in, and only a de-identified summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness.js';

type T = Awaited<ReturnType<typeof startTestApp>>;
let t: T;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2025-07-01T02:00:00Z');
});
afterAll(() => t.stop());

async function world() {
  // A three-party alliance: the top hospital assists two county hospitals.
  const top = await t.factory.institution({ tier: 'national' });
  const county1 = await t.factory.institution({ tier: 'county' });
  const county2 = await t.factory.institution({ tier: 'county' });
  const agreement = await t.factory.agreement([
    { institutionId: top.id, role: 'assisting' },
    { institutionId: county1.id, role: 'assisted' },
    { institutionId: county2.id, role: 'assisted' },
  ]);
  const other = await t.factory.agreement([
    { institutionId: top.id, role: 'assisting' },
    { institutionId: county2.id, role: 'assisted' },
  ]);
  const topCoord = await t.factory.user(top.id, ['coordinator']);
  const county1Coord = await t.factory.user(county1.id, ['coordinator']);
  const county2Clinician = await t.factory.user(county2.id, ['clinician']);
  const [p] = await t.db.query<{ id: string }>("insert into patients (name, sex, birth_date, registered_by_institution_id) values ('引用患者', 'female', '1960-05-01', $1) returning id", [county2.id]);
  const consult = async (status: string, agreementId: string) => {
    const id = crypto.randomUUID();
    await t.db.query(
      `insert into consults (id, requester_institution_id, requester_user_id, patient_id, kind, mode, urgency, status, target_institution_id, agreement_id, submitted_at, chain_root_id,
                             closeout_useful, closeout_referral, created_at, updated_at)
       values ($1,$2,$3,$4,'general','async','routine',$5,$6,$7,now(),$1,$8,$9,now(),now())`,
      [id, county2.id, county2Clinician.id, p?.id, status, top.id, agreementId, status === 'closed' ? true : null, status === 'closed' ? 'avoided' : null],
    );
    return id;
  };
  const session = (hostInstitutionId: string, extra: Record<string, unknown>) => ({
    agreementId: agreement.id,
    kind: 'case_conference',
    topicZh: '疑难病例讨论',
    heldAt: '2025-06-20T06:00:00Z',
    durationMinutes: 60,
    hostInstitutionId,
    presenters: [{ name: '讨论主持人' }],
    audienceInstitutionIds: [county1.id, county2.id],
    ...extra,
  });
  return { top, county1, county2, agreement, other, topCoord, county1Coord, consult, session };
}

describe('case conferences citing a consult', () => {
  it('cite a closed consult of the agreement that the recording institution took part in', async () => {
    const w = await world();
    const closed = await w.consult('closed', w.agreement.id);
    const res = await t.as(w.topCoord).post('/api/education/sessions', w.session(w.top.id, { citedConsultId: closed, caseSummary: '老年女性，反复头晕半年，MRI 示多发腔隙性梗死。' }));
    expect(res.status).toBe(201);
    expect(res.body.citedConsultId).toBe(closed);
    expect(JSON.stringify(res.body)).not.toContain('引用患者');
  });

  it('refuse a consult between two other parties, one still open, one of another agreement, and a lecture citing one', async () => {
    const w = await world();
    const closed = await w.consult('closed', w.agreement.id);
    const refused = async (actor: typeof w.topCoord, host: string, extra: Record<string, unknown>, code: string) => {
      const res = await t.as(actor).post('/api/education/sessions', w.session(host, extra));
      expect(res.status, code).toBe(400);
      expect(res.body.error.code).toBe(code);
    };
    // County 1 is a party, but the consult was between county 2 and the top hospital.
    await refused(w.county1Coord, w.county1.id, { citedConsultId: closed }, 'education.consult_not_citable');
    await refused(w.topCoord, w.top.id, { citedConsultId: await w.consult('answered', w.agreement.id) }, 'education.consult_not_citable');
    await refused(w.topCoord, w.top.id, { citedConsultId: await w.consult('closed', w.other.id) }, 'education.consult_not_citable');
    await refused(w.topCoord, w.top.id, { citedConsultId: crypto.randomUUID() }, 'education.consult_not_citable');
    await refused(w.topCoord, w.top.id, { kind: 'lecture', citedConsultId: closed }, 'education.citation_kind');
  });

  it('refuse a summary with a resident ID or a mobile number', async () => {
    const w = await world();
    for (const caseSummary of ['患者身份证 11010119600501002X，头晕半年', '家属电话 13912345678']) {
      const res = await t.as(w.topCoord).post('/api/education/sessions', w.session(w.top.id, { caseSummary }));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('education.summary_identifying');
      expect(res.body.error.message).toContain('去标识化');
    }
    const en = await t.as(w.topCoord).post('/api/education/sessions?lang=en', w.session(w.top.id, { caseSummary: 'phone 13912345678' }));
    expect(en.body.error.message).toContain('de-identified');
    expect((await t.request(undefined, 'POST', '/api/education/sessions', w.session(w.top.id, {}))).status).toBe(401);
  });
});
