import { expect, type Locator, type Page } from '@playwright/test';
import { optionsOf, pickOption } from './antd.js';

/** The tele-education tab of an agreement: recording a session (a case conference may cite a consult) and the list. */
export class EducationPage {
  constructor(private readonly page: Page) {}

  /** Opens the agreement with this code from the list, on its tele-education tab. */
  async openAgreement(code: string): Promise<void> {
    await this.page.goto('/agreements');
    await this.page.getByRole('table', { name: '合作协议' }).getByRole('row').filter({ hasText: code }).getByRole('link').click();
    await this.page.getByRole('tab', { name: '远程教育' }).click();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get sessions(): Locator {
    return this.page.getByRole('table', { name: '远程教育' });
  }

  get citedConsult(): Locator {
    return this.dialog.getByRole('combobox', { name: '引用会诊' });
  }

  get summary(): Locator {
    return this.dialog.getByLabel('去标识化病例摘要');
  }

  /** Opens the dialog and fills a case conference (kind, topic, time, presenter). */
  async startCaseConference(s: { topic: string; heldAt: string; presenter: string }): Promise<void> {
    await this.page.getByRole('button', { name: '登记远程教育' }).click();
    await pickOption(this.page, this.dialog.getByRole('combobox', { name: '形式' }), /^病例讨论$/);
    await this.dialog.getByLabel('主题').fill(s.topic);
    await this.dialog.getByLabel('时间').fill(s.heldAt);
    await this.dialog.getByLabel('主讲').fill(s.presenter);
  }

  /** The texts of the consults offered for citation (opens the select, then closes it). */
  async citableOptions(): Promise<string[]> {
    await this.citedConsult.click();
    const options = await optionsOf(this.page, this.citedConsult);
    await expect(options.first()).toBeVisible();
    const texts = await options.allInnerTexts();
    await this.page.keyboard.press('Escape');
    return texts;
  }

  async cite(option: string | RegExp, search: string): Promise<void> {
    await pickOption(this.page, this.citedConsult, option, search);
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: /保\s*存/ }).click();
  }

  row(topic: string): Locator {
    return this.sessions.getByRole('row').filter({ hasText: topic });
  }

  /** Expands a session's row and returns its detail region. */
  async detail(topic: string): Promise<Locator> {
    await this.row(topic).getByRole('button', { name: '展开行' }).click();
    const region = this.page.getByRole('region', { name: `活动详情 ${topic}` });
    await expect(region).toBeVisible();
    return region;
  }
}
