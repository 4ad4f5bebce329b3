import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ConsultCasePage, NewConsultPage } from './pages/consults.page.js';

/** Signs `username` in on the same page (one browser context, one user at a time). */
async function as(page: Page, signIn: (page: Page, username: string, options?: { path?: string }) => Promise<void>, username: string, path: string) {
  await page.context().clearCookies();
  await signIn(page, username, { path });
}

test('village request → county assigns → expert asks for more → clinician answers → expert signs → clinician closes out', async ({ page, signIn }) => {
  const stamp = Date.now().toString().slice(-6);
  const patient = `测试患者${stamp}`;
  await signIn(page, 'village.doc', { path: '/consults/new' });
  const form = new NewConsultPage(page);
  await form.open();
  await form.registerPatient(patient, '1965-03-08');
  await form.fill({ witness: '村卫生室护士', target: '共和县人民医院', chiefComplaint: `胸闷气短三天 ${stamp}`, question: '是否需要上转？', icd: 'I50.9', diagnosis: '心力衰竭' });
  const id = await form.submit();
  const c = new ConsultCasePage(page);
  await expect(c.status).toHaveText(/已提交/);

  await as(page, signIn, 'gonghe.coord', '/consults');
  await expect(page.getByRole('link', { name: patient })).toBeVisible();
  await expect(page.getByTestId('notification-count')).toBeVisible();
  await c.open(id);
  await c.assign('赵永福');
  await expect(c.status).toHaveText(/已分配/);

  await as(page, signIn, 'gonghe.expert', '/consults');
  await expect(page.getByRole('link', { name: patient })).toBeVisible();
  await c.open(id);
  await c.button(/开始会诊/).click();
  await expect(c.status).toHaveText(/会诊中/);
  await c.requestInfo('请补充心电图和血压记录');
  await expect(page.getByText(/计时暂停/).first()).toBeVisible();

  await as(page, signIn, 'village.doc', `/consults/${id}`);
  await c.sendMessage('心电图示房颤，血压 150/90');
  await expect(page.getByText('补充资料', { exact: true }).first()).toBeVisible();

  await as(page, signIn, 'gonghe.expert', `/consults/${id}`);
  await c.writeAndSign('慢性心衰急性加重，房颤', '利尿、控制心室率，一周后复诊');
  await expect(c.status).toHaveText(/已答复/);

  await as(page, signIn, 'village.doc', `/consults/${id}`);
  await expect(page.getByTestId('report-impression')).toHaveText('慢性心衰急性加重，房颤');
  await c.closeOut(/原考虑转诊，现可避免/);
  await expect(c.status).toHaveText(/已结案/);
  const timeline = page.getByRole('list').filter({ hasText: '结案' }).last();
  await expect(timeline).toBeVisible();
});

test('escalation from county to provincial to national; every tier sees the chain', async ({ page, signIn }) => {
  const stamp = Date.now().toString().slice(-6);
  await signIn(page, 'village.doc', { path: '/consults' });
  // The request itself is made through the API (the first journey covers the form).
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken };
  const patient = await (await page.request.post('/api/patients', { headers, data: { name: `上转患者${stamp}`, sex: 'male', birthDate: '1972-11-02' } })).json();
  const consent = await (await page.request.post(`/api/patients/${patient.patient.id}/consents`, { headers, data: { scope: 'consultation', method: 'verbal_witnessed', witnessName: '家属' } })).json();
  const targets = await (await page.request.get('/api/consults/targets')).json();
  const gonghe = targets.find((x: { institutionNameZh: string }) => x.institutionNameZh === '共和县人民医院');
  const created = await page.request.post('/api/consults', {
    headers: { ...headers, 'idempotency-key': `e2e-esc-${stamp}` },
    data: {
      patientId: patient.patient.id,
      consentId: consent.id,
      kind: 'general',
      mode: 'async',
      urgency: 'urgent',
      targetInstitutionId: gonghe.institutionId,
      summary: { chiefComplaint: `反复抽搐伴意识障碍 ${stamp}`, history: '', findings: '', diagnoses: [{ code: 'G40.9', label: '癫痫' }], question: '病因？' },
      submit: true,
    },
  });
  expect(created.status()).toBe(201);
  const countyId = (await created.json()).id;
  const c = new ConsultCasePage(page);

  await as(page, signIn, 'gonghe.coord', `/consults/${countyId}`);
  await c.escalate('青海省人民医院', '县级无法完成影像评估');
  await expect(c.status).toHaveText(/已上转/);
  const provincialId = await c.chainLink('青海省人民医院');

  await as(page, signIn, 'qinghai.coord', `/consults/${provincialId}`);
  await expect(page.getByText('共和县人民医院').first()).toBeVisible();
  await c.assign('李长青');
  await as(page, signIn, 'qinghai.expert', `/consults/${provincialId}`);
  await c.escalate('北京协和医院', '疑难罕见病，请协和会诊');
  await expect(c.status).toHaveText(/已上转/);
  const nationalId = await c.chainLink('北京协和医院');

  await as(page, signIn, 'pumch.coord', `/consults/${nationalId}`);
  // The chain shows all three tiers.
  for (const tier of ['共和县人民医院', '青海省人民医院', '北京协和医院']) await expect(page.getByRole('link', { name: tier }).first()).toBeVisible();
  await c.assign('程家明');
  await as(page, signIn, 'pumch.neuro', `/consults/${nationalId}`);
  await c.button(/开始会诊/).click();
  await expect(c.status).toHaveText(/会诊中/);
  await c.writeAndSign('考虑自身免疫性脑炎', '完善腰穿及抗体检测');
  await expect(c.status).toHaveText(/已答复/);

  // The village clinician sees the national answer through the chain.
  await as(page, signIn, 'village.doc', `/consults/${countyId}`);
  await page.getByRole('link', { name: '北京协和医院' }).first().click();
  await expect(page.getByTestId('report-impression')).toHaveText('考虑自身免疫性脑炎');
});
