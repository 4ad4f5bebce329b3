import { describe, expect, it } from 'vitest';
import { availableActions, directionOf, followUpMissedAt, isLegal, nextStatus } from './referrals.workflow.js';

describe('referral state machine', () => {
  it('knows the legal path from draft to closed', () => {
    const path = [
      ['submit', 'draft', 'submitted'],
      ['accept', 'submitted', 'accepted'],
      ['reserve_bed', 'accepted', 'bed_reserved'],
      ['depart', 'bed_reserved', 'in_transit'],
      ['arrive', 'in_transit', 'arrived'],
      ['admit', 'arrived', 'admitted'],
      ['discharge', 'admitted', 'discharged'],
      ['acknowledge', 'discharged', 'closed'],
    ] as const;
    for (const [action, from, to] of path) {
      expect(isLegal(action, from)).toBe(true);
      expect(nextStatus(action, from)).toBe(to);
    }
  });

  it('refuses skipped and backward steps and anything after the end', () => {
    expect(isLegal('admit', 'submitted')).toBe(false);
    expect(isLegal('accept', 'declined')).toBe(false);
    expect(isLegal('cancel', 'closed')).toBe(false);
    expect(isLegal('cancel', 'admitted')).toBe(false);
    expect(isLegal('submit', 'submitted')).toBe(false);
    expect(isLegal('release_bed', 'accepted')).toBe(false);
  });

  it('offers each side only its own steps, and nothing to read-only roles', () => {
    expect(availableActions('submitted', 'receiver', ['coordinator'], false)).toEqual(['cancel', 'accept', 'decline']);
    expect(availableActions('submitted', 'sender', ['clinician'], false)).toEqual(['cancel']);
    expect(availableActions('discharged', 'sender', ['clinician'], false)).toEqual(['acknowledge']);
    expect(availableActions('accepted', 'receiver', ['clinician'], true)).toContain('record_follow_up');
    expect(availableActions('submitted', 'receiver', ['leader', 'auditor'], false)).toEqual([]);
  });

  it('derives the direction from the tiers', () => {
    expect(directionOf('prefecture', 'national')).toBe('up');
    expect(directionOf('national', 'county')).toBe('down');
    expect(directionOf('county', 'county')).toBe('lateral');
  });

  it('counts a follow-up missed after the end of its due day in China plus the grace days', () => {
    expect(followUpMissedAt('2026-03-10', 0).toISOString()).toBe('2026-03-10T15:59:59.999Z');
    expect(followUpMissedAt('2026-03-10', 3).toISOString()).toBe('2026-03-13T15:59:59.999Z');
  });
});
