import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { NewReferralPage, ReferralCasePage } from './pages/referrals.page.js';

async function as(page: Page, signIn: (page: Page, username: string, options?: { path?: string }) => Promise<void>, username: string, path: string) {
  await page.context().clearCookies();
  await signIn(page, username, { path });
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

test('green-channel neurology referral Cangzhou → PUMCH demonstration ward, closed loop, then down-referral back with a follow-up visit', async ({ page, signIn }) => {
  const stamp = Date.now().toString().slice(-6);
  const patient = `转诊患者${stamp}`;

  // 1. Cangzhou refers up through the green channel.
  await signIn(page, 'cangzhou.doc', { path: '/referrals/new' });
  const form = new NewReferralPage(page);
  await form.open();
  await form.fill({
    patient,
    birthDate: '1959-06-18',
    toInstitution: '北京协和医院',
    toDepartment: '神经内科',
    reason: `急性缺血性卒中，申请血管内治疗 ${stamp}`,
    icd: 'I63.9',
    diagnosis: '急性脑梗死',
    summary: '左侧肢体无力2小时，NIHSS 12分。',
    witness: '急诊护士',
    green: '急性卒中',
  });
  const id = await form.submit();
  const r = new ReferralCasePage(page);
  await expect(r.status).toHaveText('待接收');
  await expect(page.getByTestId('response-timer')).toContainText(/剩余/);

  // 2. The PUMCH coordinator sees it at the top of the inbox with the green badge, accepts and holds a bed.
  await as(page, signIn, 'pumch.coord', '/referrals');
  const row = page.getByRole('row').filter({ hasText: patient });
  await expect(row).toBeVisible();
  await expect(row.getByLabel('绿色通道')).toBeVisible();
  await row.getByRole('link', { name: patient }).click();
  await expect(r.status).toBeVisible();
  const bed = await r.acceptWithBed(/示范转诊病房/);
  await expect(r.status).toHaveText('已预留床位');
  await expect(page.getByTestId('reserved-bed')).toContainText(bed);

  // The ward board shows the bed held.
  await page.goto('/wards');
  const ward = page.getByTestId('ward-NEURO-DEMO');
  await expect(ward.locator('[data-state="held"]').filter({ hasText: bed })).toBeVisible();

  // 3. Cangzhou sends the patient by ambulance.
  await as(page, signIn, 'cangzhou.doc', `/referrals/${id}`);
  await r.depart();
  await expect(r.status).toHaveText('转运中');

  // 4. PUMCH: arrived, admitted, discharged with a summary.
  await as(page, signIn, 'pumch.coord', `/referrals/${id}`);
  await r.button(/患者已到达/).click();
  await expect(r.status).toHaveText('已到达');
  await r.button(/办理入院/).click();
  await expect(r.status).toHaveText('已入院');
  await r.discharge('急诊取栓，术后恢复良好，肌力4+级。', '阿司匹林100mg每日一次；1月后沧州复诊。');
  await expect(r.status).toHaveText('已出院');

  // 5. The referrer reads the summary and closes the loop.
  await as(page, signIn, 'cangzhou.doc', `/referrals/${id}`);
  await expect(page.getByTestId('discharge-summary')).toContainText('急诊取栓');
  await r.button(/确认出院小结/).click();
  await expect(r.status).toHaveText('已闭环');

  // 6. PUMCH refers the recovering patient back down with a follow-up plan.
  await as(page, signIn, 'pumch.neuro', '/referrals/new');
  await form.open();
  await form.fill({
    patient,
    birthDate: '1959-06-18',
    toInstitution: '沧州市中心医院',
    toDepartment: '神经内科',
    reason: `病情稳定，下转回沧州康复 ${stamp}`,
    icd: 'I69.3',
    diagnosis: '脑梗死后遗症',
    summary: '取栓术后第9天，可独立行走。',
    witness: '病房护士',
  });
  await form.visit(1, inDays(7), '出院后1周复诊');
  const downId = await form.submit();
  await expect(r.status).toHaveText('待接收');

  // 7. Cangzhou accepts and records the follow-up visit; PUMCH sees it.
  await as(page, signIn, 'cangzhou.doc', `/referrals/${downId}`);
  await r.acceptOutpatient(`${inDays(7)} 09:00`);
  await expect(r.status).toHaveText('已接收');
  await r.recordFollowUp('血压128/80，肌力5级，继续二级预防。');
  const visits = page.getByRole('table', { name: '随访记录' });
  await expect(visits.getByText('已完成')).toBeVisible();

  await as(page, signIn, 'pumch.neuro', `/referrals/${downId}`);
  await expect(page.getByRole('table', { name: '随访记录' }).getByText('血压128/80')).toBeVisible();
});
