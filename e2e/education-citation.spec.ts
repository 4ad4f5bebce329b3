import { expect, test } from './fixtures.js';
import { EducationPage } from './pages/education.page.js';

interface Closed {
  id: string;
  agreementId: string | null;
  chiefComplaint: string;
  patientName: string;
}

test('a coordinator records a case conference citing a closed consult, de-identified, and an ID number in the summary is refused', async ({ page, signIn }) => {
  await signIn(page, 'pumch.coord');
  // The demo PUMCH–Cangzhou agreement and its closed consults (PUMCH received them), to check against.
  const agreements = await page.request.get('/api/agreements', { params: { q: 'PUMCH-CZCH-2024' } });
  const agreement = ((await agreements.json()) as { items: { id: string; code: string }[] }).items.find((a) => a.code === 'PUMCH-CZCH-2024');
  expect(agreement, 'the demo PUMCH–Cangzhou agreement').toBeDefined();
  const list = await page.request.get('/api/consults', { params: { view: 'incoming', status: 'closed', pageSize: 100 } });
  const closed = ((await list.json()) as { items: Closed[] }).items.filter((c) => c.agreementId === agreement?.id);
  const cited = closed.find((c) => c.chiefComplaint === '帕金森病症状波动');
  if (!cited) throw new Error('the seeded closed consult 帕金森病症状波动 of PUMCH–Cangzhou');
  const ref = cited.id.replace(/-/g, '').slice(0, 8).toUpperCase();
  const patients = [...new Set(closed.map((c) => c.patientName))];

  const education = new EducationPage(page);
  await education.openAgreement('PUMCH-CZCH-2024');
  const topic = `病例讨论：帕金森病症状波动 ${Date.now()}`;
  await education.startCaseConference({ topic, heldAt: `${new Date().toISOString().slice(0, 10)}T10:00`, presenter: '神经内科专家' });

  // The picker offers this agreement's closed consults by reference, kind and complaint — never the patient.
  const offered = await education.citableOptions();
  expect(offered.length).toBe(closed.length);
  expect(offered.some((o) => o.includes(`会诊 #${ref}`) && o.includes('普通会诊') && o.includes('帕金森病症状波动'))).toBe(true);
  for (const name of patients) expect(offered.join('\n')).not.toContain(name);
  await education.cite(`#${ref}`, '帕金森病症状波动');

  // A summary carrying an 18-digit resident ID is refused by the server; the message shows above and on the field.
  const refusal = '病例摘要中不得包含身份证号或手机号';
  await education.summary.fill('患者，男，60余岁，身份证号 110101195303071234，帕金森病症状波动两年。');
  await education.save();
  await expect(education.dialog.getByRole('alert')).toContainText(refusal);
  await expect(education.summary).toHaveAttribute('aria-invalid', 'true');
  await expect(education.summary).toHaveAccessibleDescription(new RegExp(refusal));
  await expect(education.row(topic)).toHaveCount(0);

  // De-identified, it is recorded.
  await education.summary.fill('患者，男，60余岁，帕金森病症状波动两年，讨论药物调整方案（已去标识化）。');
  await education.save();
  await expect(education.dialog).toBeHidden();

  const row = education.row(topic);
  await expect(row).toContainText('病例讨论');
  const link = row.getByRole('link', { name: `会诊 #${ref} · 普通会诊` });
  await expect(link).toHaveAttribute('href', `/consults/${cited.id}`);
  for (const name of patients) await expect(row).not.toContainText(name);

  const detail = await education.detail(topic);
  await expect(detail).toContainText('普通会诊');
  await expect(detail).toContainText('G20 帕金森病');
  await expect(detail).toContainText('讨论药物调整方案（已去标识化）');
  await expect(detail.getByRole('link', { name: `查看会诊 #${ref}` })).toHaveAttribute('href', `/consults/${cited.id}`);
  for (const name of patients) await expect(detail).not.toContainText(name);

  // The citation opens the consult for a coordinator who could open it anyway.
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/consults/${cited.id}$`));
  await expect(page.getByText('帕金森病症状波动').first()).toBeVisible();
});
