import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** /audit: filters, table, CSV export and the chain check. */
export class AuditPage {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: /审计事件|Audit events/ });
  }

  async open(): Promise<void> {
    await this.page.goto('/audit');
    await expect(this.rows().first()).toBeVisible();
  }

  rows(): Locator {
    return this.table.locator('tbody tr.ant-table-row');
  }

  async filter(f: { actor?: string; action?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: /审计筛选|Audit filters/ });
    if (f.actor !== undefined) await form.getByLabel(/^(操作人|User)$/).fill(f.actor);
    if (f.action !== undefined) await form.getByLabel(/^(操作|Action)$/).fill(f.action);
    await form.getByRole('button', { name: /搜\s?索|Search/ }).click();
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: /导出 CSV|Export CSV/ }).click();
    return download;
  }

  async verifyChain(): Promise<Locator> {
    await this.page.getByRole('button', { name: /校验哈希链|Verify chain/ }).click();
    const result = this.page.getByTestId('verify-result');
    await expect(result).toBeVisible();
    return result;
  }
}
