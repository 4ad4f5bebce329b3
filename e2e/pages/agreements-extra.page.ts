import { expect, type Locator } from '@playwright/test';
import { AgreementsPage } from './agreements.page.js';

/** Amendments, techniques, assessments, tele-education and the institution / region views. */
export class AgreementsExtraPage extends AgreementsPage {
  private get p() {
    return this.dialog.page();
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: /保\s*存|终止协议|确\s*定/ }).click();
    await expect(this.dialog).toBeHidden();
  }

  async amend(a: { endsOn: string; reason: string }): Promise<void> {
    await this.tab('概况');
    await this.p.getByRole('button', { name: '修订协议' }).click();
    await this.dialog.getByLabel('终止日期').fill(a.endsOn);
    await this.dialog.getByLabel('修订原因').fill(a.reason);
    await this.save();
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
