import { expect, test } from './fixtures.js';
import { KpiScopePage } from './pages/kpi-scope.page.js';

test('a coordinator opens the consults and referrals behind the institution’s own figures', async ({ page, signIn }) => {
  await signIn(page, 'cangzhou.coord');
  const kpi = new KpiScopePage(page);
  await kpi.openOwnInstitution('沧州市中心医院');

  const sent = await kpi.valueOf('scope-sent', 'consult.total');
  expect(sent).toBeGreaterThan(0);
  await kpi.figure('scope-sent', 'consult.total').click();
  const consults = kpi.drill('明细：远程会诊例数 · 发起的会诊与转出');
  await expect(consults).toBeVisible();
  // The records add up to the figure; each names the route, the patient (a coordinator may see them) and the status in Chinese.
  await expect(kpi.rows(consults)).toHaveCount(sent);
  await expect(kpi.rows(consults).first()).toContainText('沧州市中心医院 →');
  await expect(consults.getByText(/另有 \d+ 条/)).toHaveCount(0);
  for (const text of await kpi.rows(consults).locator('td:nth-child(2)').allInnerTexts()) expect(text).toMatch(/会诊|诊断/);

  const down = await kpi.valueOf('scope-received', 'referral.down');
  await kpi.close(consults);
  await kpi.figure('scope-received', 'referral.down').click();
  const referrals = kpi.drill('明细：下转例数 · 接收的会诊与转入');
  await expect(kpi.rows(referrals)).toHaveCount(down);
  if (down > 0) await expect(kpi.rows(referrals).first()).toContainText('下转');
  await kpi.close(referrals);

  // Consults by urgency: each count lists exactly the consults of that urgency.
  const urgency = page.getByTestId('scope-sent-breakdown').getByRole('table', { name: '按紧急程度' });
  const firstUrgency = urgency.locator('tbody tr.ant-table-row').first();
  const urgencyLabel = await firstUrgency.locator('td').first().innerText();
  const urgencyCount = Number(await firstUrgency.getByRole('button').innerText());
  expect(urgencyCount).toBeGreaterThan(0);
  await firstUrgency.getByRole('button').click();
  const byUrgency = kpi.drill(`明细：远程会诊例数 · ${urgencyLabel} · 发起的会诊与转出`);
  await expect(kpi.rows(byUrgency)).toHaveCount(urgencyCount);
  for (const text of await kpi.rows(byUrgency).locator('td:nth-child(2)').allInnerTexts()) expect(text).toContain(urgencyLabel);
  await kpi.close(byUrgency);

  // A record opens from its row.
  await kpi.figure('scope-sent', 'consult.total').click();
  const first = kpi.rows(consults).first().getByRole('link');
  await first.click();
  await expect(page).toHaveURL(/\/consults\/[0-9a-f-]{36}$/);
});

test('a provincial program manager sees counts but no patients behind a region’s consults, and the records behind its totals', async ({ page, signIn }) => {
  await signIn(page, 'hebei.manager');
  const kpi = new KpiScopePage(page);
  await kpi.openRegion('13', '河北省');

  const sent = await kpi.valueOf('scope-sent', 'consult.total');
  expect(sent).toBeGreaterThan(0);
  await kpi.figure('scope-sent', 'consult.total').click();
  const consults = kpi.drill('明细：远程会诊例数 · 发起的会诊与转出');
  // The commission may see no patient: every record is counted as hidden, none is listed.
  await expect(consults.getByText(`另有 ${sent} 条涉及本机构无权查看的患者，未显示`)).toBeVisible();
  await expect(kpi.rows(consults)).toHaveCount(0);
  await kpi.close(consults);

  const batches = await kpi.valueOf('scope-totals', 'dispatch.batches');
  await kpi.figure('scope-totals', 'dispatch.batches').click();
  const batchRows = kpi.drill('明细：派驻专家批次 · 所涉协议合计');
  await expect(kpi.rows(batchRows)).toHaveCount(batches);
  await expect(kpi.rows(batchRows).first()).toContainText('批');
  await kpi.close(batchRows);

  // The totals row of the agreements table opens the same kind of records: person-times add up to the total.
  const total = page.getByRole('button', { name: '合计 派驻专家人次' });
  const shown = Number(await total.innerText());
  await total.click();
  const personTimes = kpi.drill('明细：派驻专家人次 · 所涉协议合计');
  await expect(kpi.rows(personTimes).first()).toBeVisible();
  const quantities = await kpi.rows(personTimes).locator('td:nth-child(4)').allInnerTexts();
  expect(quantities.reduce((sum, q) => sum + Number(q), 0)).toBe(shown);

  // A batch opens on its agreement's dispatch tab.
  await kpi.rows(personTimes).first().getByRole('link').click();
  await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]{36}\?tab=dispatch$/);
  await expect(page.getByRole('tab', { name: '专家派驻', selected: true })).toBeVisible();
});

test('in English, the records behind a region’s batches are labelled in English', async ({ page, signIn }) => {
  await signIn(page, 'hebei.manager', { lang: 'en', path: '/agreements/kpi/region/13' });
  await page.getByTestId('scope-totals-dispatch.batches').click();
  const dialog = page.getByRole('dialog', { name: /^Records: Dispatch batches/ });
  await expect(dialog.locator('tbody tr.ant-table-row').first()).toContainText(/Batch \d+/);
  await expect(dialog.locator('tbody tr.ant-table-row').first()).not.toContainText('批');
});
