import { expect, type Locator } from '@playwright/test';
import { AgreementsPage } from './agreements.page.js';
import { pickOption } from './antd.js';

/** Amendments, techniques, assessments, tele-education and the institution / region views. */
export class AgreementsExtraPage extends AgreementsPage {
  private get p() {
    return this.dialog.page();
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: /保\s*存|终止协议|确\s*定/ }).click();
    await expect(this.dialog).toBeHidden();
  }

  /**
   * Amends on the summary tab: term, target values (by row, 1-based), added targets and areas, then the reason.
   * An added target's `period` is the option text (按年度 / 按阶段 / 协议全期); `year` goes with 按年度.
   */
  async amend(a: {
    endsOn?: string;
    reason: string;
    targetValues?: { row: number; value: number }[];
    addTargets?: { metric: string; value: number; period: '按年度' | '协议全期'; year?: number }[];
    addAreas?: string[];
  }): Promise<void> {
    await this.tab('概况');
    await this.p.getByRole('button', { name: '修订协议' }).click();
    const d = this.dialog;
    if (a.endsOn) await d.getByLabel('终止日期', { exact: true }).fill(a.endsOn);
    for (const area of a.addAreas ?? []) {
      await this.choose('合作领域', area);
      await this.p.keyboard.press('Escape');
      await expect(d.getByText(area, { exact: true }).filter({ visible: true })).toBeVisible();
    }
    for (const t of a.targetValues ?? []) await d.getByLabel(`目标值 ${t.row}`, { exact: true }).fill(String(t.value));
    for (const t of a.addTargets ?? []) {
      await d.getByRole('button', { name: /添加目标/ }).click();
      const n = await d.getByRole('button', { name: /^删除第 \d+ 个目标$/ }).count();
      await this.choose(`指标 ${n}`, t.metric);
      await d.getByLabel(`目标值 ${n}`, { exact: true }).fill(String(t.value));
      await pickOption(this.p, d.getByLabel(`期间 ${n}`, { exact: true }), t.period);
      if (t.year !== undefined) await d.getByLabel(`年度 ${n}`, { exact: true }).fill(String(t.year));
    }
    await d.getByLabel('修订原因').fill(a.reason);
    await this.save();
  }

  /** The targets table of the summary tab. */
  get targets(): Locator {
    return this.p.getByRole('table', { name: '目标', exact: true });
  }

  /** The target progress table of the dashboard tab. */
  get progress(): Locator {
    return this.p.getByRole('table', { name: '目标进度' });
  }

  get versions(): Locator {
    return this.p.getByRole('table', { name: '版本记录' });
  }

  async recordTechnique(t: { nameZh: string; nameEn: string; introducedOn: string; independentOn?: string }): Promise<void> {
    await this.tab('专家派驻');
    await this.p.getByRole('button', { name: '登记新技术' }).click();
    await this.dialog.getByLabel('技术名称（中文）').fill(t.nameZh);
    await this.dialog.getByLabel('技术名称（英文）').fill(t.nameEn);
    await this.dialog.getByLabel('引进日期').fill(t.introducedOn);
    if (t.independentOn) await this.dialog.getByLabel('首次独立开展').fill(t.independentOn);
    await this.save();
  }

  async recordSession(s: { topic: string; heldAt: string; presenter: string }): Promise<void> {
    await this.tab('远程教育');
    await this.p.getByRole('button', { name: '登记远程教育' }).click();
    await this.dialog.getByLabel('主题').fill(s.topic);
    await this.dialog.getByLabel('时间').fill(s.heldAt);
    await this.dialog.getByLabel('主讲').fill(s.presenter);
    await this.save();
  }

  async recordAttendance(topic: string, people: string[]): Promise<void> {
    await this.p.getByRole('button', { name: `登记参加人员 ${topic}` }).click();
    for (const [i, person] of people.entries()) {
      if (i > 0) await this.dialog.getByRole('button', { name: /增加一人/ }).click();
      await this.dialog.getByLabel(`姓名 ${i + 1}`).fill(person);
    }
    await this.save();
  }

  async assessAndComplete(trainee: string, on: string): Promise<void> {
    await this.tab('进修');
    await this.p.getByRole('button', { name: `登记考核 ${trainee}` }).click();
    await this.dialog.getByLabel('考核日期').fill(on);
    await this.dialog.getByLabel('分数').fill('92');
    await this.dialog.getByLabel('考核人').fill('程主任');
    await this.save();
    await this.p.getByRole('button', { name: `结业 ${trainee}` }).click();
    await this.dialog.getByLabel('结业日期').fill(on);
    await this.save();
  }

  value(metric: string): Locator {
    return this.figure(metric).locator('.ant-statistic-content');
  }
}
