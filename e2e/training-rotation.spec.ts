import { expect, test } from './fixtures.js';

test('a coordinator records a trainee with position and a rotation plan; a rotation outside the stay is refused', async ({ page, signIn }) => {
  await signIn(page, 'pumch.coord', { path: '/agreements' });
  await page.getByRole('link', { name: /北京协和医院与沧州市中心医院/ }).first().click();
  await page.getByRole('tab', { name: '进修' }).click();
  await page.getByRole('button', { name: '登记进修人员' }).click();
  const d = page.getByRole('dialog');
  const name = `轮转学员${Date.now() % 100000}`;
  // Starting today, so the trainee heads the list (latest start first).
  const today = new Date().toISOString().slice(0, 10);
  const next = new Date().getFullYear() + 1;
  await d.getByLabel('姓名').fill(name);
  await d.getByLabel('职称/岗位').fill('主治医师');
  await d.getByLabel('开始日期').fill(today);
  await d.getByLabel('结束日期').fill(`${next}-08-31`);
  await d.getByRole('button', { name: '添加轮转' }).click();
  await d.getByLabel('轮转科室 1').fill('神经内科');
  await d.getByLabel('开始 1').fill(today);
  await d.getByLabel('结束 1').fill(`${next}-05-31`);
  await d.getByRole('button', { name: '添加轮转' }).click();
  await d.getByLabel('轮转科室 2').fill('神经重症监护室');
  await d.getByLabel('开始 2').fill(`${next}-06-01`);
  await d.getByLabel('结束 2').fill(`${next}-09-30`); // past the end of the stay
  await d.getByRole('button', { name: /保\s*存/ }).click();
  await expect(d.getByText('轮转安排须在进修期间内')).toBeVisible();
  await d.getByLabel('结束 2').fill(`${next}-08-31`);
  await d.getByRole('button', { name: /保\s*存/ }).click();
  await expect(d).toBeHidden();

  const row = page.getByRole('table', { name: '进修' }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`${name}（主治医师）`);
  await row.getByRole('button', { name: /展开|Expand/ }).click();
  const plan = page.getByRole('table', { name: `轮转安排 ${name}` });
  await expect(plan.getByRole('row')).toHaveCount(3);
  await expect(plan.getByRole('row').nth(1)).toContainText(`神经内科${today}${next}-05-31`);
  await expect(plan.getByRole('row').nth(2)).toContainText('神经重症监护室');
});
