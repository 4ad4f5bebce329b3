import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD, expect, test } from './fixtures.js';
import { AdminPage } from './pages/admin.page.js';
import { AuditPage } from './pages/audit.page.js';
import { LoginPage } from './pages/login.page.js';
import { NetworkPage } from './pages/network.page.js';
import { ShellPage } from './pages/shell.page.js';

test.describe('foundation', () => {
  test('wrong password shows the server message; sign-in in Chinese; English and back; sign-out', async ({ page }) => {
    const login = new LoginPage(page);
    await login.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await login.signIn('pumch.coord', 'not-the-password');
    await expect(login.error).toContainText('用户名或密码错误');
    await expect(page).toHaveURL(/\/login/);

    await login.signIn('pumch.coord', DEMO_PASSWORD);
    const shell = new ShellPage(page);
    await expect(shell.userMenu).toContainText('林书瑶');
    await expect(shell.institution).toContainText('北京协和医院');
    await expect(shell.menuItem('机构网络')).toBeVisible();
    await expect(page.getByRole('heading', { level: 4, name: '机构网络' })).toBeVisible();

    await shell.switchLanguage('en');
    await expect(shell.menuItem('Network')).toBeVisible();
    await expect(shell.institution).toContainText('Peking Union Medical College Hospital');
    await expect(page.getByRole('columnheader', { name: 'Tier' })).toBeVisible();
    await page.reload(); // the choice is remembered
    await expect(shell.menuItem('Network')).toBeVisible();
    await shell.switchLanguage('zh-CN');
    await expect(shell.menuItem('机构网络')).toBeVisible();

    await shell.signOut();
    await page.goto('/network');
    await expect(page).toHaveURL(/\/login\?next=%2Fnetwork/);
  });

  test('browse the network: tree, search, tier filter, an institution with departments, wards and practitioners', async ({ page, signIn }) => {
    await signIn(page, 'cangzhou.doc', { path: '/network' });
    const network = new NetworkPage(page);
    await network.open();
    await expect(network.tree.getByText('北京协和医院', { exact: true })).toBeVisible();
    await expect(network.tree.getByText('共和县恰卜恰镇西香卡村卫生室', { exact: true })).toBeVisible();

    await network.searchFor('沧州');
    await expect(network.rows().first()).toContainText('沧州');
    await expect(network.table).not.toContainText('北京协和医院');

    await network.searchFor('');
    await network.filterTier('县级');
    await expect(network.table).toContainText('共和县人民医院');
    await expect(network.table).not.toContainText('北京协和医院');
    for (const row of await network.rows().all()) await expect(row).toContainText('县级');

    await page.goto('/network?q=PUMCH');
    await network.openInstitution('北京协和医院');
    const departments = page.getByRole('table', { name: '科室' });
    await expect(departments).toContainText('神经内科');
    await expect(departments).toContainText('重症医学科');

    const wards = await network.openTab(/病区与床位/);
    const demoWard = wards.getByRole('row').filter({ hasText: '“协和-沧州”神经内科示范转诊病房' });
    await expect(demoWard).toContainText('转诊病房');
    await expect(demoWard.getByRole('cell').nth(4)).toHaveText('12');

    const practitioners = await network.openTab(/^医师/);
    const cheng = practitioners.getByRole('row').filter({ hasText: '程家明' });
    await expect(cheng).toContainText('主任医师');
    await expect(cheng).toContainText('神经内科');
  });

  test('an admin adds a practitioner and a user with a role; that user signs in', async ({ page, signIn }) => {
    const suffix = Date.now().toString(36);
    await signIn(page, 'admin', { path: '/admin' });
    const admin = new AdminPage(page);
    await admin.pickInstitution('北京协和医院', 'PUMCH');
    await admin.addPractitioner({ nameZh: `测试医师${suffix}`, nameEn: `Test Doctor ${suffix}`, title: /^主治医师$/, department: /^神经内科$/, specialties: ['stroke'] });
    await page.getByRole('tab', { name: /^医师/ }).click();
    const row = page.getByRole('table', { name: '医师' }).getByRole('row').filter({ hasText: `测试医师${suffix}` });
    await expect(row).toContainText('主治医师');
    await expect(row).toContainText('脑卒中');

    await page.getByRole('tab', { name: '用户与角色' }).click();
    const username = `e2e.doc.${suffix}`;
    const password = 'Welcome2026yl';
    await admin.createUser({ username, displayName: `测试用户${suffix}`, password, institution: '北京协和医院', role: /^临床医生$/ });
    await page.getByRole('searchbox', { name: '用户名或姓名' }).fill(username);
    await page.getByRole('searchbox', { name: '用户名或姓名' }).press('Enter');
    await expect(admin.userRow(username)).toContainText('北京协和医院 · 临床医生');

    await new ShellPage(page).signOut();
    const login = new LoginPage(page);
    await login.signIn(username, password);
    const shell = new ShellPage(page);
    await expect(shell.userMenu).toContainText(`测试用户${suffix}`);
    await expect(shell.institution).toContainText('北京协和医院');
    await expect(shell.menuItem('系统管理')).toHaveCount(0);
    await page.goto('/admin');
    await expect(page.getByText('无权访问')).toBeVisible();
  });

  test('an auditor filters the audit log, exports it as CSV and verifies the chain', async ({ page, signIn }) => {
    await signIn(page, 'auditor', { path: '/audit' });
    const audit = new AuditPage(page);
    await audit.open();
    await audit.filter({ actor: 'auditor', action: 'auth.login' });
    await expect(audit.rows().first()).toContainText('登录');
    for (const row of await audit.rows().all()) {
      await expect(row).toContainText('auditor');
      await expect(row).toContainText('登录');
    }

    const download = await audit.exportCsv();
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(csv[0]).toContain('action');
    expect(csv.length).toBeGreaterThan(1);
    for (const line of csv.slice(1)) expect(line).toContain('"auth.login"');

    const result = await audit.verifyChain();
    await expect(result).toContainText('哈希链完整');
  });

  test('a user with roles at two institutions switches between them, then signs out everywhere', async ({ page, signIn }) => {
    await signIn(page, 'dongying.doc');
    const shell = new ShellPage(page);
    const before = (await shell.institution.textContent()) ?? '';
    const other = before.includes('东营市妇幼保健院') ? '东营市人民医院' : '东营市妇幼保健院';
    await shell.switchInstitution(other);
    await page.reload();
    await expect(shell.institution).toContainText(other);

    await shell.signOut(true);
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
  });

  test('an auditor-only page is refused to a clinician', async ({ page, signIn }) => {
    await signIn(page, 'village.doc', { path: '/audit' });
    await expect(page.getByText('无权访问')).toBeVisible();
    await expect(new ShellPage(page).menuItem('审计日志')).toHaveCount(0);
  });
});
