import {
  type ReferralAction,
  type ReferralDirection,
  type ReferralStatus,
  type Role,
  type Tier,
  tierRank,
} from '@yilian/contracts';

/**
 * The referral state machine, pure. Each action lists the states it may start from, the state it
 * leads to, and which side may take it: the referring institution (`sender`), the receiving one
 * (`receiver`) or either. `record_follow_up` changes no state.
 *
 * draft → submitted → accepted | declined → bed_reserved → in_transit → arrived → admitted → discharged → closed;
 * cancelled from any open state up to arrival; an expired bed hold goes back to accepted.
 */
export type Side = 'sender' | 'receiver';

interface Rule {
  from: readonly ReferralStatus[];
  to: ReferralStatus | null;
  sides: readonly Side[];
}

export const OPEN_STATES: readonly ReferralStatus[] = ['draft', 'submitted', 'accepted', 'bed_reserved', 'in_transit', 'arrived'];

export const RULES: Record<ReferralAction, Rule> = {
  submit: { from: ['draft'], to: 'submitted', sides: ['sender'] },
  cancel: { from: OPEN_STATES, to: 'cancelled', sides: ['sender', 'receiver'] },
  accept: { from: ['submitted'], to: 'accepted', sides: ['receiver'] },
  decline: { from: ['submitted'], to: 'declined', sides: ['receiver'] },
  reserve_bed: { from: ['accepted'], to: 'bed_reserved', sides: ['receiver'] },
  release_bed: { from: ['bed_reserved'], to: 'accepted', sides: ['receiver'] },
  depart: { from: ['accepted', 'bed_reserved'], to: 'in_transit', sides: ['sender', 'receiver'] },
  arrive: { from: ['in_transit'], to: 'arrived', sides: ['receiver'] },
  admit: { from: ['arrived'], to: 'admitted', sides: ['receiver'] },
  discharge: { from: ['arrived', 'admitted'], to: 'discharged', sides: ['receiver'] },
  acknowledge: { from: ['discharged'], to: 'closed', sides: ['sender'] },
  record_follow_up: { from: ['accepted', 'bed_reserved', 'in_transit', 'arrived', 'admitted', 'discharged'], to: null, sides: ['receiver'] },
};

/** Roles that may act on referrals (leaders, admins and auditors read only). */
export const ACTING_ROLES: readonly Role[] = ['clinician', 'expert', 'coordinator'];

export function isLegal(action: ReferralAction, from: ReferralStatus): boolean {
  return RULES[action].from.includes(from);
}

/** The state an action leads to from `from` (accept with a bed goes straight to bed_reserved). */
export function nextStatus(action: ReferralAction, from: ReferralStatus): ReferralStatus {
  return RULES[action].to ?? from;
}

/** Draft referrals are only the sender's business; cancelling a draft is the sender's only. */
export function availableActions(status: ReferralStatus, side: Side, roles: readonly Role[], hasFollowUps: boolean): ReferralAction[] {
  if (!roles.some((r) => ACTING_ROLES.includes(r))) return [];
  return (Object.keys(RULES) as ReferralAction[]).filter((action) => {
    const rule = RULES[action];
    if (!rule.from.includes(status) || !rule.sides.includes(side)) return false;
    if (action === 'cancel' && status === 'draft' && side !== 'sender') return false;
    if (action === 'record_follow_up' && !hasFollowUps) return false;
    return true;
  });
}

/**
 * up = towards a higher tier, down = towards a lower tier, lateral = the same tier (allowed only
 * where an active agreement links the two institutions; the service checks that).
 */
export function directionOf(fromTier: Tier, toTier: Tier): ReferralDirection {
  const from = tierRank(fromTier);
  const to = tierRank(toTier);
  if (to < from) return 'up';
  if (to > from) return 'down';
  return 'lateral';
}

export const URGENCY_RANK = { emergency: 0, urgent: 1, routine: 2 } as const;

/** The end of a follow-up visit's due day (China time) plus the grace days: when it counts as missed. */
export function followUpMissedAt(dueOn: string, graceDays: number): Date {
  const end = new Date(`${dueOn}T23:59:59.999+08:00`);
  return new Date(end.getTime() + graceDays * 86_400_000);
}
