import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { pickOption } from './pages/antd.js';
import { ConsultCasePage, NewConsultPage } from './pages/consults.page.js';
import { ReferralFormExtras, TINY_PDF, TINY_PNG } from './pages/referrals-extra.page.js';
import { NewReferralPage, ReferralCasePage } from './pages/referrals.page.js';

async function as(page: Page, signIn: (page: Page, username: string, options?: { path?: string }) => Promise<void>, username: string, path: string) {
  await page.context().clearCookies();
  await signIn(page, username, { path });
}

test('a referral for an existing patient, with a PDF and a PNG the receiver previews', async ({ page, signIn }) => {
  const stamp = Date.now().toString().slice(-6);
  const name = `已登记患者${stamp}`;
  await signIn(page, 'cangzhou.doc', { path: '/referrals' });
  // The patient is already registered at Cangzhou (through the API; the consult journey covers the register dialog).
  const me = await (await page.request.get('/api/auth/me')).json();
  const registered = await page.request.post('/api/patients', { headers: { 'x-csrf-token': me.csrfToken }, data: { name, sex: 'male', birthDate: '1961-09-30' } });
  expect(registered.status()).toBe(201);

  const form = new NewReferralPage(page);
  const extras = new ReferralFormExtras(page);
  await form.open();
  await extras.pickPatient(name);
  // A picked patient needs no new-patient fields.
  await expect(page.getByLabel(/^(患者姓名|Patient name)$/)).toHaveCount(0);
  await extras.fillClinical({
    toInstitution: '北京协和医院',
    toDepartment: '神经内科',
    reason: `重症肌无力危象待排 ${stamp}`,
    icd: 'G70.0',
    diagnosis: '重症肌无力',
    summary: '眼睑下垂伴吞咽困难一周。',
    witness: '门诊护士',
  });
  await extras.attach([
    { name: `胸部CT报告${stamp}.pdf`, mimeType: 'application/pdf', buffer: TINY_PDF },
    { name: `心电图${stamp}.png`, mimeType: 'image/png', buffer: TINY_PNG },
  ]);
  const id = await form.submit();
  const r = new ReferralCasePage(page);
  await expect(r.status).toHaveText('待接收');

  await as(page, signIn, 'pumch.coord', `/referrals/${id}`);
  await expect(r.status).toHaveText('待接收');
  await expect(page.getByText(name).first()).toBeVisible();
  const pdf = page.locator(`iframe[title="胸部CT报告${stamp}.pdf"]`);
  await expect(pdf).toBeVisible();
  await expect(page.getByRole('link', { name: `胸部CT报告${stamp}.pdf` })).toHaveAttribute('href', /\/api\/attachments\/[0-9a-f-]{36}\/content$/);
  const image = page.getByRole('img', { name: `心电图${stamp}.png` });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);

  // The receiver's leader reads the referral but not the clinical files: a count, no preview, no error.
  await as(page, signIn, 'pumch.leader', `/referrals/${id}`);
  await expect(r.status).toHaveText('待接收');
  const files = page.locator('.ant-card').filter({ has: page.getByText('附件', { exact: true }) });
  await expect(files.getByText('2 个附件，仅临床角色（医生、专家、协调员）可查看')).toBeVisible();
  await expect(files.locator('iframe')).toHaveCount(0);
  await expect(files.getByRole('alert')).toHaveCount(0);
});

test('a consult draft is reopened from "my consults", edited and submitted', async ({ page, signIn }) => {
  const stamp = Date.now().toString().slice(-6);
  const patient = `草稿患者${stamp}`;
  await signIn(page, 'village.doc', { path: '/consults/new' });
  const form = new NewConsultPage(page);
  await form.open();
  await form.registerPatient(patient, '1970-01-15');
  await page.getByRole('textbox', { name: /主诉|Chief complaint/ }).fill(`头晕 ${stamp}`);
  await page.getByRole('button', { name: /保存草稿|Save draft/ }).click();
  await page.waitForURL(/\/consults\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop() ?? '';
  const c = new ConsultCasePage(page);
  await expect(c.status).toHaveText(/草稿/);

  // Reopen it from the list: a draft opens in the editor.
  await page.goto('/consults');
  await page.getByRole('link', { name: patient }).click();
  await page.waitForURL(new RegExp(`/consults/${id}/edit$`));
  await expect(page.getByRole('heading', { name: /编辑会诊草稿|Edit consult draft/ })).toBeVisible();
  await expect(page.getByTestId('draft-patient')).toContainText(patient);
  await expect(page.getByRole('textbox', { name: /主诉|Chief complaint/ })).toHaveValue(`头晕 ${stamp}`);

  await form.fill({ witness: '村医助理', target: '共和县人民医院', chiefComplaint: `头晕伴视物旋转两天 ${stamp}`, question: '是否需要影像检查？', icd: 'R42', diagnosis: '眩晕' });
  await page.getByRole('button', { name: /提交会诊|Submit consult/ }).click();
  await page.waitForURL(new RegExp(`/consults/${id}$`));
  await expect(c.status).toHaveText(/已提交/);
  await expect(page.getByText(`头晕伴视物旋转两天 ${stamp}`).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /编辑草稿|Edit draft/ })).toHaveCount(0);
  // The timeline shows the edit between creation and submission.
  await expect(page.getByText(/修改草稿|edit draft/i).first()).toBeVisible();
});

test('an expert offers a live-consult slot; the coordinator sees it for that expert', async ({ page, signIn }) => {
  const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  await signIn(page, 'pumch.rheum', { path: '/availability' });
  await expect(page.getByRole('heading', { name: /视频会诊出诊时段|Live-consult availability/ })).toBeVisible();
  const start = page.getByPlaceholder(/开始日期|Start date/);
  await start.click();
  await start.fill(`${day} 22:15`);
  await start.press('Enter');
  const end = page.getByPlaceholder(/结束日期|End date/);
  await end.fill(`${day} 22:45`);
  await end.press('Enter');
  await page.getByRole('button', { name: /添加出诊时段|Add availability/ }).click();
  const table = page.getByRole('table', { name: /视频会诊出诊时段|Live-consult availability/ });
  const row = table.getByRole('row').filter({ hasText: `${day} 22:15` });
  await expect(row).toContainText('30 分钟');
  await expect(row).toContainText('可预约');

  // The same time again overlaps: the API's 409 is shown.
  await start.click();
  await start.fill(`${day} 22:30`);
  await start.press('Enter');
  await end.fill(`${day} 23:00`);
  await end.press('Enter');
  await page.getByRole('button', { name: /添加出诊时段|Add availability/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: /重叠|Overlaps/ })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, 'pumch.coord', { path: '/availability' });
  await pickOption(page, page.getByRole('combobox', { name: /^(专家|Expert)$/ }), /罗振宇|Luo Zhenyu/, '罗');
  await expect(table.getByRole('row').filter({ hasText: `${day} 22:15` })).toBeVisible();
});

test('referral settings: an institution admin sets bed hold and open-loop age; only a network admin tunes green channels', async ({ page, signIn }) => {
  await signIn(page, 'cangzhou.admin', { path: '/referral-settings' });
  await expect(page.getByRole('heading', { name: /转诊设置|Referral settings/ })).toBeVisible();
  await page.getByLabel(/床位保留时长|Bed hold/).fill('6');
  await page.getByLabel(/未闭环提醒|Open-loop alert/).fill('21');
  await page.getByRole('button', { name: /^(保\s*存|Save)$/ }).first().click();
  await expect(page.getByText(/已保存|Saved/).first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/床位保留时长|Bed hold/)).toHaveValue(/^6(\.0+)?$/);
  await expect(page.getByLabel(/未闭环提醒|Open-loop alert/)).toHaveValue('21');
  // Green channels are read-only below the network root.
  await expect(page.getByText(/由网络管理员|kept by the network admin/)).toBeVisible();
  await expect(page.getByLabel(/响应时限（分钟） stroke|Response target \(minutes\) stroke/)).toBeDisabled();

  await page.context().clearCookies();
  await signIn(page, 'admin', { path: '/referral-settings' });
  const minutes = page.getByLabel(/响应时限（分钟） rare_disease|Response target \(minutes\) rare_disease/);
  const before = await minutes.inputValue();
  const changed = before === '45' ? '50' : '45';
  const row = page.getByRole('row').filter({ has: minutes });
  await minutes.fill(changed);
  await row.getByRole('button', { name: /^(保\s*存|Save)$/ }).click();
  await expect(page.getByText(/已保存|Saved/).first()).toBeVisible();
  await page.reload();
  await expect(minutes).toHaveValue(changed);
  // Put it back so other journeys see the seeded target.
  await minutes.fill(before);
  await row.getByRole('button', { name: /^(保\s*存|Save)$/ }).click();
  await expect(minutes).toHaveValue(before);
  // antd keeps the spinner icon (accessible name "loading") in the button while it animates out.
  await expect(row.getByRole('button', { name: /(保\s*存|Save)$/ })).toBeDisabled();
});
