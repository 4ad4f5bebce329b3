import { describe, expect, it } from 'vitest';
import { bucketOf, percentile, targetProgress } from './figures.js';

describe('figures', () => {
  it('buckets durations on the ladder', () => {
    expect([0, 5.9, 119, 125, 1439, 1500].map(bucketOf)).toEqual([0, 5, 119, 120, 1430, 1500]);
    expect(bucketOf(-3)).toBe(0);
  });

  it('takes nearest-rank percentiles from a histogram', () => {
    const h = new Map([[10, 1], [20, 1], [40, 1], [50, 1]]);
    expect(percentile(h, 0.5)).toBe(20);
    expect(percentile(h, 0.9)).toBe(50);
    expect(percentile(new Map(), 0.5)).toBeNull();
  });

  it('pro-rates count targets and compares shares as they stand', () => {
    const base = { targetId: 'x', periodFrom: '2025-01-01', periodTo: '2025-12-31', periodLabel: { zh: '', en: '' } };
    const count = { ...base, metric: 'dispatch.person_times' as const, comparison: 'gte' as const, value: 40 };
    expect(targetProgress(count, 10, '2025-07-01').status).toBe('behind'); // expected 19.95
    expect(targetProgress(count, 20, '2025-07-01').status).toBe('on_track');
    expect(targetProgress(count, 40, '2025-07-01').status).toBe('met');
    expect(targetProgress(count, 0, '2024-12-31').status).toBe('not_started');
    const share = { ...base, metric: 'referral.green_accept_within_30m_share' as const, comparison: 'gte' as const, value: 0.95 };
    expect(targetProgress(share, 0.96, '2025-07-01').status).toBe('on_track');
    expect(targetProgress(share, 0.9, '2025-07-01').status).toBe('behind');
    expect(targetProgress(share, null, '2025-07-01').status).toBe('no_data');
    const lte = { ...base, metric: 'consult.response_median_minutes' as const, comparison: 'lte' as const, value: 60 };
    expect(targetProgress(lte, 45, '2026-01-10').status).toBe('met');
  });
});
