import { expect, type APIResponse, type Download, type Locator, type Page } from '@playwright/test';
import { pickOption } from './antd.js';

/** A file handed to an upload control (`setInputFiles`). */
export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Agreements: list, create form, detail tabs (dashboard, dispatch, trainees, report). */
export class AgreementsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/agreements');
    await expect(this.page.getByRole('heading', { name: /合作协议|Partnership agreements/ })).toBeVisible();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Picks `text` in the dialog's select labelled `label`, searching for it where the select is searchable. */
  async choose(label: string, text: string): Promise<void> {
    const select = this.dialog.getByLabel(label, { exact: true });
    await pickOption(this.page, select, text, (await select.isEditable()) ? text : undefined);
  }

  async create(a: {
    code: string;
    titleZh: string;
    titleEn: string;
    startsOn: string;
    endsOn: string;
    assisting: string;
    assisted: string;
    targets: { metric: string; value: number; year: number }[];
    /** The signed text (PDF or image), uploaded in the form. */
    document?: UploadFile;
  }): Promise<void> {
    await this.page.getByRole('button', { name: '新建协议' }).click();
    const d = this.dialog;
    await d.getByLabel('协议编号').fill(a.code);
    await d.getByLabel('中文名称').fill(a.titleZh);
    await d.getByLabel('英文名称').fill(a.titleEn);
    await d.getByLabel('起始日期').fill(a.startsOn);
    await d.getByLabel('终止日期').fill(a.endsOn);
    await this.choose('帮扶方', a.assisting);
    await this.choose('受援方', a.assisted);
    for (const [i, t] of a.targets.entries()) {
      await d.getByRole('button', { name: /添加目标/ }).click();
      await this.choose(`指标 ${i + 1}`, t.metric);
      await d.getByLabel(`目标值 ${i + 1}`).fill(String(t.value));
      await d.getByLabel(`年度 ${i + 1}`).fill(String(t.year));
    }
    if (a.document) await this.attachDocument(a.document);
    await d.getByRole('button', { name: /保\s*存/ }).click();
    await expect(this.page.getByRole('tab', { name: '绩效看板' })).toBeVisible();
  }

  /** Uploads the signed text through the form's "协议文本（签署版）" field and waits for it to be listed there. */
  async attachDocument(file: UploadFile): Promise<void> {
    const field = this.dialog.locator('.ant-form-item').filter({ has: this.page.locator('label', { hasText: /^(协议文本（签署版）|Signed agreement)$/ }) });
    await field.locator('input[type=file]').setInputFiles(file);
    await expect(field.getByTestId('uploaded-attachment')).toHaveText(file.name);
  }

  /** The summary tab's "协议文本（签署版）" card. */
  get documentCard(): Locator {
    return this.page.locator('.ant-card').filter({ has: this.page.locator('.ant-card-head', { hasText: /^(协议文本（签署版）|Signed agreement)$/ }) });
  }

  /** Opens the summary's link to the signed text (with the page's session) and returns the answer. */
  async openDocument(fileName: string): Promise<APIResponse> {
    const link = this.documentCard.getByRole('link', { name: fileName });
    await expect(link).toBeVisible();
    const href = await link.getAttribute('href');
    if (!href) throw new Error('the document link has no href');
    return this.page.request.get(href);
  }

  async tab(name: '概况' | '绩效看板' | '专家派驻' | '进修' | '远程教育' | '年度报告'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async recordBatch(b: { startsOn: string; endsOn: string; expert: string; activities: { kind: string; onDate: string; quantity: number }[] }): Promise<void> {
    await this.tab('专家派驻');
    await this.page.getByRole('button', { name: '登记派驻批次' }).click();
    const d = this.dialog;
    await d.getByLabel('开始日期').fill(b.startsOn);
    await d.getByLabel('结束日期').fill(b.endsOn);
    await this.choose('派驻专家', b.expert);
    await this.page.keyboard.press('Escape');
    for (const [i, a] of b.activities.entries()) {
      await d.getByRole('button', { name: /添加活动/ }).click();
      await this.choose(`活动 ${i + 1}`, a.kind);
      await d.getByLabel(`日期 ${i + 1}`).fill(a.onDate);
      await d.getByLabel(`数量（门诊人次/手术台次/参加人数） ${i + 1}`).fill(String(a.quantity));
    }
    await d.getByRole('button', { name: /保\s*存/ }).click();
    await expect(this.dialog).toBeHidden();
  }

  async recordTrainee(t: { name: string; startsOn: string; endsOn: string }): Promise<void> {
    await this.tab('进修');
    await this.page.getByRole('button', { name: '登记进修人员' }).click();
    const d = this.dialog;
    await d.getByLabel('姓名').fill(t.name);
    await d.getByLabel('开始日期').fill(t.startsOn);
    await d.getByLabel('结束日期').fill(t.endsOn);
    await d.getByRole('button', { name: /保\s*存/ }).click();
    await expect(this.dialog).toBeHidden();
  }

  figure(metric: string): Locator {
    return this.page.getByTestId(`figure-${metric}`);
  }

  async downloadReport(year: number, format: 'PDF' | 'Excel'): Promise<Download> {
    await this.tab('年度报告');
    await this.page.getByRole('spinbutton', { name: '年度' }).fill(String(year));
    const pending = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: format === 'PDF' ? '下载 PDF 报告' : '下载 Excel 工作簿' }).click();
    return pending;
  }
}
