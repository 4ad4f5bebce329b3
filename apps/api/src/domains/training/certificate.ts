import type { TraineeDto } from '@yilian/contracts';
import { escapeHtml } from '../metrics/index.js';

/** The completion certificate (结业证书) as printable HTML, Chinese with an English line. */
export function certificateHtml(t: TraineeDto, agreementTitleZh: string): string {
  const e = escapeHtml;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>进修结业证书 ${e(t.certificateNo)}</title>
<style>
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; margin: 0; }
.frame { border: 6px double #8b1a1a; padding: 48px 56px; min-height: 230mm; box-sizing: border-box; }
h1 { text-align: center; font-size: 34px; letter-spacing: 12px; color: #8b1a1a; margin: 24px 0 8px; }
.en { text-align: center; color: #555; margin-bottom: 48px; }
p { font-size: 18px; line-height: 2.2; text-indent: 2em; }
.meta { margin-top: 64px; font-size: 14px; color: #333; }
</style></head><body><div class="frame">
<h1>进修结业证书</h1><div class="en">Certificate of Completion of Clinical Training</div>
<p><b>${e(t.nameZh)}</b>同志（${e(t.homeInstitutionZh)}）于 ${e(t.startsOn)} 至 ${e(t.endsOn)} 在${e(t.hostInstitutionZh)}${e(t.hostDepartmentZh ?? '')}进修学习，
指导老师${e(t.supervisorZh ?? '—')}，经考核合格，准予结业。</p>
<p>本次进修依据《${e(agreementTitleZh)}》开展。</p>
<div class="meta">证书编号 Certificate No.: ${e(t.certificateNo)}<br>结业日期 Completed on: ${e(t.completedOn)}<br>
考核 Assessments: ${t.assessments.map((a) => `${e(a.onDate)} ${e(a.kind)} ${e(a.result)}${a.score === null ? '' : ` (${a.score})`}`).join('；') || '—'}</div>
</div></body></html>`;
}
