import { expect, type Locator, type Page } from '@playwright/test';

/** /login — works in either language (labels are matched in Chinese or English). */
export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.username = page.getByLabel(/^(用户名|Username)$/);
    this.password = page.getByLabel(/^(密码|Password)$/);
    this.submit = page.getByRole('button', { name: /(登\s?录|Sign in)$/ });
    this.error = page.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.username).toBeVisible();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
