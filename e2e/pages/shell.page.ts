import { expect, type Locator, type Page } from '@playwright/test';

/** The signed-in frame: side menu, institution switcher, language switch, user menu. */
export class ShellPage {
  readonly menu: Locator;
  readonly userMenu: Locator;
  readonly institution: Locator;
  readonly languageSwitch: Locator;

  constructor(private readonly page: Page) {
    this.menu = page.getByRole('navigation', { name: /^(主菜单|Main menu)$/ });
    this.userMenu = page.getByTestId('user-menu');
    this.institution = page.getByTestId('institution-switch');
    this.languageSwitch = page.getByTestId('language-switch');
  }

  menuItem(name: string | RegExp): Locator {
    return this.menu.getByRole('link', { name });
  }

  async navigate(name: string | RegExp): Promise<void> {
    await this.menuItem(name).click();
  }

  async switchLanguage(lang: 'zh-CN' | 'en'): Promise<void> {
    await this.languageSwitch.getByText(lang === 'en' ? 'English' : '中文', { exact: true }).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  async switchInstitution(name: string | RegExp): Promise<void> {
    await this.institution.getByRole('combobox').click();
    await this.page.getByRole('option', { name }).click();
    await expect(this.institution).toContainText(name);
  }

  async signOut(everywhere = false): Promise<void> {
    const item = this.page.getByRole('menuitem', { name: everywhere ? /退出所有设备|Sign out everywhere/ : /(退出登录|Sign out)$/ });
    const confirm = this.page.getByRole('dialog').getByRole('button', { name: /退出所有设备|Sign out everywhere/ });
    // antd's dropdown can swallow a click that lands while it is still animating open: retry until the
    // click has an effect (the confirmation dialog, or the sign-in page).
    await expect(async () => {
      if (/\/login/.test(this.page.url()) || (everywhere && (await confirm.isVisible()))) return;
      if (!(await item.isVisible())) await this.userMenu.click();
      await item.click({ timeout: 2_000 });
      if (everywhere) await expect(confirm).toBeVisible({ timeout: 2_000 });
      else await expect(this.page).toHaveURL(/\/login/, { timeout: 3_000 });
    }).toPass({ timeout: 15_000 });
    if (everywhere) await confirm.click();
    await expect(this.page).toHaveURL(/\/login/);
  }
}
