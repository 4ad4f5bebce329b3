/** The consult-create request the benchmarks send: cangzhou.doc (CZCH) asks PUMCH neurology about a demo patient. */
import pg from 'pg';

export interface ConsultFixture {
  username: string;
  password: string;
  body: (submit: boolean) => Record<string, unknown>;
}

export async function consultFixture(databaseUrl: string): Promise<ConsultFixture> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ patient_id: string; consent_id: string; target: string; dept: string }>(
      `select pa.patient_id, co.id as consent_id, t.id as target, d.id as dept
         from institutions r
         join patient_access pa on pa.institution_id = r.id
         join consents co on co.patient_id = pa.patient_id and co.scope = 'consultation'
         join institutions t on t.code = 'PUMCH'
         join departments d on d.institution_id = t.id and d.code = 'NEURO'
        where r.code = 'CZCH' order by pa.patient_id limit 1`,
    );
    const f = rows[0];
    if (!f) throw new Error('demo data has no CZCH patient with a consultation consent');
    return {
      username: 'cangzhou.doc',
      password: 'Yilian@2026',
      body: (submit) => ({
        patientId: f.patient_id,
        consentId: f.consent_id,
        kind: 'general',
        mode: 'async',
        urgency: 'routine',
        targetInstitutionId: f.target,
        targetDepartmentId: f.dept,
        summary: { chiefComplaint: '压测：进行性肢体无力', history: '压测病史', findings: '', diagnoses: [], question: '请会诊' },
        submit,
      }),
    };
  } finally {
    await c.end();
  }
}
