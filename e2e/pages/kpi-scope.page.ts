import { expect, type Locator, type Page } from '@playwright/test';

/** The institution / region / network KPI view and the records behind its figures. */
export class KpiScopePage {
  constructor(private readonly page: Page) {}

  async openOwnInstitution(name: string): Promise<void> {
    await this.page.goto('/agreements/kpi');
    await this.page.getByRole('button', { name: '本机构' }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
  }

  async openRegion(code: string, name: string): Promise<void> {
    await this.page.goto('/agreements/kpi');
    await this.page.getByLabel('行政区划代码前缀').fill(code);
    await this.page.getByRole('button', { name: '查看地区' }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
  }

  /** A figure of a card: `scope-totals`, `scope-sent` or `scope-received`, and the metric key. */
  figure(card: 'scope-totals' | 'scope-sent' | 'scope-received', metric: string): Locator {
    return this.page.getByTestId(`${card}-${metric}`);
  }

  async valueOf(card: 'scope-totals' | 'scope-sent' | 'scope-received', metric: string): Promise<number> {
    const text = await this.figure(card, metric).locator('.ant-statistic-content').innerText();
    return Number(text.trim());
  }

  /** The records dialog whose title starts with `title`. */
  drill(title: string): Locator {
    return this.page.getByRole('dialog', { name: new RegExp(`^${title}`) });
  }

  rows(dialog: Locator): Locator {
    return dialog.locator('tbody tr.ant-table-row');
  }

  async close(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: /Close|关闭/ }).click();
    await expect(dialog).toBeHidden();
  }
}
