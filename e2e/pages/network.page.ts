import { expect, type Locator, type Page } from '@playwright/test';
import { pickOption } from './antd.js';

/** /network (tree + searchable table) and /network/:id (institution detail). */
export class NetworkPage {
  readonly tree: Locator;
  readonly table: Locator;
  readonly search: Locator;

  constructor(private readonly page: Page) {
    this.tree = page.getByRole('tree');
    this.table = page.getByRole('table');
    this.search = page.getByRole('searchbox', { name: /名称、简称或代码|Name, short name or code/ });
  }

  async open(): Promise<void> {
    await this.page.goto('/network');
    await expect(this.table.getByRole('row').nth(1)).toBeVisible();
  }

  rows(): Locator {
    return this.table.locator('tbody tr.ant-table-row');
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
    if (text) await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}`));
    else await expect(this.page).not.toHaveURL(/[?&]q=/);
  }

  async filterTier(label: string | RegExp): Promise<void> {
    await pickOption(this.page, this.page.getByRole('combobox', { name: /^(层级|Tier)$/ }), label);
  }

  async openInstitution(name: string): Promise<void> {
    await this.table.getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 4, name })).toBeVisible();
  }

  async openTab(name: RegExp): Promise<Locator> {
    await this.page.getByRole('tab', { name }).click();
    return this.page.getByRole('tabpanel').filter({ visible: true }).getByRole('table');
  }
}
