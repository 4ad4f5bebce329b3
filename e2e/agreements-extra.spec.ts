import { expect, test } from './fixtures.js';
import { AgreementsExtraPage } from './pages/agreements-extra.page.js';

test('a leader amends an agreement, records a technique, tele-education with attendance and a trainee’s completion, and sees the figures move', async ({ page, signIn }) => {
  // The longest flow of the suite (two amendments, technique, tele-education, trainee, KPI views): triple the time limit.
  test.slow();
  const year = new Date().getFullYear();
  const today = new Date().toISOString().slice(0, 10);
  const code = `E2X-${Date.now()}`;
  await signIn(page, 'pumch.leader');
  const ag = new AgreementsExtraPage(page);
  await ag.open();
  await ag.create({
    code,
    titleZh: `端到端扩展协议 ${code}`,
    titleEn: `E2E extra agreement ${code}`,
    startsOn: `${year}-01-01`,
    endsOn: `${year + 1}-12-31`,
    assisting: '北京协和医院',
    assisted: '沧州市中心医院',
    targets: [{ metric: '新技术', value: 5, year }],
  });

  // Amend: a new version; the previous state is kept in the history with the reason and what changed.
  await ag.amend({
    endsOn: `${year + 2}-12-31`,
    targetValues: [{ row: 1, value: 8 }],
    addTargets: [{ metric: '远程教育场次', value: 12, period: '协议全期' }],
    addAreas: ['远程医疗'],
    reason: '延长一年',
  });
  const amendment = ag.versions.getByRole('row').filter({ hasText: '延长一年' });
  await expect(amendment).toContainText(`${year + 1}-12-31`);
  await expect(amendment).toContainText('1 → 2');
  await expect(amendment).toContainText('期限');
  await expect(amendment).toContainText('合作领域');
  await expect(amendment).toContainText('目标（1 → 2）');
  await expect(page.getByText(`${year}-01-01 — ${year + 2}-12-31`)).toBeVisible();
  await expect(page.getByText('远程医疗', { exact: true })).toBeVisible();
  const changedTarget = ag.targets.getByRole('row').filter({ hasText: '引进新技术新项目' });
  await expect(changedTarget).toContainText(`${year} 年度`);
  await expect(changedTarget).toContainText('≥ 8');
  const addedTarget = ag.targets.getByRole('row').filter({ hasText: '远程教育场次' });
  await expect(addedTarget).toContainText('协议全期');
  await expect(addedTarget).toContainText('≥ 12');
  // A second amendment starts from the amended state: it changes only what it edits and undoes nothing.
  await ag.amend({ targetValues: [{ row: 2, value: 15 }], reason: '调整远程教育目标' });
  const second = ag.versions.getByRole('row').filter({ hasText: '调整远程教育目标' });
  await expect(second).toContainText('2 → 3');
  await expect(second).toContainText('目标（2 → 2）');
  await expect(second).not.toContainText('合作领域');
  await expect(addedTarget).toContainText('≥ 15');
  await expect(page.getByText(`${year}-01-01 — ${year + 2}-12-31`, { exact: true })).toBeVisible();

  await ag.tab('绩效看板');
  await expect(ag.progress.getByRole('row').filter({ hasText: '引进新技术新项目' })).toContainText('≥ 8');
  await expect(ag.progress.getByRole('row').filter({ hasText: '远程教育场次' })).toContainText('≥ 15');
  await expect(ag.value('techniques.introduced')).toHaveText('0');
  await expect(ag.value('education.attendance')).toHaveText('0');

  await ag.recordTechnique({ nameZh: '经皮冠状动脉介入治疗', nameEn: 'PCI', introducedOn: today });
  const techniques = page.getByRole('table', { name: '新技术新项目' });
  await techniques.getByRole('button', { name: '登记独立开展' }).click();
  await ag.dialog.getByLabel('首次独立开展').fill(today);
  await ag.save();
  await expect(techniques.getByRole('row').filter({ hasText: '经皮冠状动脉介入治疗' })).toContainText(today);

  const topic = `胸痛中心建设 ${code}`;
  await ag.recordSession({ topic, heldAt: `${today}T10:00`, presenter: '程家明' });
  await ag.recordAttendance(topic, ['甲医生', '乙护士']);
  await expect(page.getByRole('table', { name: '远程教育' }).getByRole('row').filter({ hasText: topic })).toContainText('2');

  await ag.recordTrainee({ name: '结业学员', startsOn: `${year}-01-02`, endsOn: `${year + 1}-06-30` });
  await ag.assessAndComplete('结业学员', today);
  const certificate = page.getByRole('link', { name: /结业证书|证书/ });
  await expect(certificate).toBeVisible();
  const pending = page.waitForEvent('download');
  await certificate.click();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(await (await pending).path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

  await ag.tab('绩效看板');
  await expect(ag.value('techniques.introduced')).toHaveText('1');
  await expect(ag.value('education.sessions')).toHaveText('1');
  await expect(ag.value('education.attendance')).toHaveText('2');
  await expect(ag.value('training.completed')).toHaveText('1');

  // The institution view sums the agreements PUMCH is party to, this one included.
  await page.goto('/agreements/kpi');
  await page.getByRole('button', { name: '本机构' }).click();
  await expect(page.getByRole('heading', { name: '北京协和医院' })).toBeVisible();
  await expect(page.getByRole('table', { name: '所涉协议' }).getByRole('row').filter({ hasText: `端到端扩展协议 ${code}` })).toContainText('1');
  await expect(page.getByTestId('scope-totals-techniques.introduced').locator('.ant-statistic-content')).not.toHaveText('0');
});

test('a provincial program manager sees the figures of a region', async ({ page, signIn }) => {
  await signIn(page, 'hebei.manager', { path: '/agreements/kpi' });
  await page.getByLabel('行政区划代码前缀').fill('13');
  await page.getByRole('button', { name: '查看地区' }).click();
  await expect(page.getByRole('heading', { name: '河北省' })).toBeVisible();
  const cangzhou = page.getByRole('table', { name: '所涉协议' }).getByRole('row').filter({ hasText: '沧州市中心医院' }).first();
  await expect(cangzhou).toBeVisible();
  await expect(page.getByTestId('scope-totals-dispatch.person_times').locator('.ant-statistic-content')).not.toHaveText('0');
  // Every figure leads to the records behind it: the agreement's dashboard opens on that figure's drill-down.
  const personTimes = cangzhou.getByRole('link', { name: /派驻专家人次$/ });
  const shown = Number(await personTimes.innerText());
  expect(shown).toBeGreaterThan(0);
  await personTimes.click();
  await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]{36}\?.*drill=dispatch.person_times/);
  const drill = page.getByRole('dialog', { name: '明细：派驻专家人次' });
  await expect(drill).toBeVisible();
  await expect(drill.locator('tbody tr.ant-table-row').first()).toContainText('批');
  // The batches listed add up to the figure that was clicked (same agreement, same period).
  const quantities = await drill.locator('tbody tr.ant-table-row td:nth-child(4)').allInnerTexts();
  expect(quantities.reduce((sum, q) => sum + Number(q), 0)).toBe(shown);
});
