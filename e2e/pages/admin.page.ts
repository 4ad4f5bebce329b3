import { expect, type Locator, type Page } from '@playwright/test';
import { pickOption } from './antd.js';

/** /admin: institutions tab (directory writes) and users tab (users and roles). */
export class AdminPage {
  constructor(private readonly page: Page) {}

  async open(tab: 'institutions' | 'users' = 'institutions'): Promise<void> {
    await this.page.goto(tab === 'users' ? '/admin?tab=users' : '/admin');
    await expect(this.page.getByRole('heading', { level: 4, name: /系统管理|Administration/ })).toBeVisible();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Chooses the institution to manage; `code` (shown in its profile) confirms the switch. */
  async pickInstitution(name: string, code: string): Promise<void> {
    await pickOption(this.page, this.page.getByRole('combobox', { name: /^(管理机构|Institution)$/ }), name, name);
    await expect(this.page.getByText(code, { exact: true })).toBeVisible();
  }

  async addPractitioner(p: { nameZh: string; nameEn: string; title: RegExp; department: RegExp; specialties: string[] }): Promise<void> {
    await this.page.getByRole('button', { name: /添加医师|Add practitioner/ }).click();
    const d = this.dialog();
    await d.getByLabel(/姓名（中文）|Name \(Chinese\)/).fill(p.nameZh);
    await d.getByLabel(/姓名（拼音\/英文）|Name \(pinyin\/English\)/).fill(p.nameEn);
    await pickOption(this.page, d.getByLabel(/^(职称|Title)$/), p.title);
    await pickOption(this.page, d.getByLabel(/^(科室|Department)$/), p.department);
    const specialties = d.getByLabel(/^(专长|Specialties)$/);
    for (const s of p.specialties) {
      await specialties.pressSequentially(s);
      await specialties.press('Enter');
    }
    await specialties.press('Escape');
    await d.getByRole('button', { name: /保\s?存|Save/ }).click();
    await expect(d).toBeHidden();
  }

  async createUser(u: { username: string; displayName: string; password: string; institution: string; role: RegExp }): Promise<void> {
    await this.page.getByRole('button', { name: /新建用户|New user/ }).click();
    const d = this.dialog();
    await d.getByLabel(/^(用户名|Username)$/).fill(u.username);
    await d.getByLabel(/^(姓名|Full name)$/).fill(u.displayName);
    await d.getByLabel(/^(初始密码|Initial password)$/).fill(u.password);
    await pickOption(this.page, d.getByRole('combobox', { name: /^(机构|Institution) 1$/ }), u.institution, u.institution);
    await pickOption(this.page, d.getByRole('combobox', { name: /^(角色|Role) 1$/ }), u.role);
    await d.getByRole('button', { name: /保\s?存|Save/ }).click();
    await expect(d).toBeHidden();
  }

  userRow(username: string): Locator {
    return this.page.getByRole('table', { name: /用户列表|Users/ }).getByRole('row').filter({ hasText: username });
  }
}
