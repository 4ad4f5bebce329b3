import type { ConsultStatus, Role } from '@yilian/contracts';

/**
 * The consult state machine: for every action, the states it may start from, the state it leads to
 * (null: the status does not change) and who may take it. Pure; the service applies it.
 */
export const CONSULT_ACTIONS = [
  'update_draft',
  'submit',
  'cancel',
  'decline',
  'assign',
  'claim',
  'schedule',
  'confirm_appointment',
  'start',
  'message',
  'request_info',
  'save_report',
  'sign',
  'addendum',
  'closeout',
  'escalate',
] as const;
export type ConsultAction = (typeof CONSULT_ACTIONS)[number];

export interface ActorView {
  roles: readonly Role[];
  /** Acting at the requesting institution of this consult. */
  atRequester: boolean;
  /** Acting at the target institution of this consult. */
  atTarget: boolean;
  isAssignedExpert: boolean;
}

export interface ConsultState {
  status: ConsultStatus;
  mode: 'async' | 'live';
}

type Rule = { from: readonly ConsultStatus[]; to: ConsultStatus | null; who: (a: ActorView, c: ConsultState) => boolean };

const has = (a: ActorView, ...roles: Role[]) => roles.some((r) => a.roles.includes(r));
const requesterClinician = (a: ActorView) => a.atRequester && has(a, 'clinician');
const targetCoordinator = (a: ActorView) => a.atTarget && has(a, 'coordinator');
const assignedExpert = (a: ActorView) => a.atTarget && a.isAssignedExpert && has(a, 'expert');
const OPEN: ConsultStatus[] = ['submitted', 'assigned', 'scheduled', 'in_progress'];

export const RULES: Record<ConsultAction, Rule> = {
  update_draft: { from: ['draft'], to: null, who: requesterClinician },
  submit: { from: ['draft'], to: 'submitted', who: requesterClinician },
  cancel: { from: ['draft', 'submitted', 'assigned', 'scheduled'], to: 'cancelled', who: (a) => a.atRequester && has(a, 'clinician', 'coordinator') },
  decline: { from: ['submitted', 'assigned'], to: 'declined', who: targetCoordinator },
  assign: { from: ['submitted', 'assigned'], to: 'assigned', who: targetCoordinator },
  claim: { from: ['submitted'], to: 'assigned', who: (a) => a.atTarget && has(a, 'expert') },
  // Live mode only: the service refuses async consults with 409 consult.not_live.
  schedule: { from: ['assigned', 'scheduled'], to: 'scheduled', who: targetCoordinator },
  confirm_appointment: { from: ['scheduled'], to: null, who: (a) => requesterClinician(a) || assignedExpert(a) },
  start: {
    from: ['assigned', 'scheduled'],
    to: 'in_progress',
    who: (a, c) => assignedExpert(a) && (c.mode === 'live' ? c.status === 'scheduled' : c.status === 'assigned'),
  },
  message: {
    from: [...OPEN, 'answered'],
    to: null,
    who: (a) => (a.atRequester && has(a, 'clinician', 'coordinator')) || (a.atTarget && (has(a, 'coordinator') || assignedExpert(a))),
  },
  request_info: { from: ['in_progress'], to: null, who: assignedExpert },
  save_report: { from: ['in_progress'], to: null, who: assignedExpert },
  sign: { from: ['in_progress'], to: 'answered', who: assignedExpert },
  addendum: { from: ['answered', 'closed'], to: null, who: assignedExpert },
  closeout: { from: ['answered'], to: 'closed', who: requesterClinician },
  escalate: { from: OPEN, to: 'escalated', who: (a) => targetCoordinator(a) || assignedExpert(a) },
};

export type Decision = 'ok' | 'forbidden' | 'illegal';

/**
 * 'forbidden' (403) when the actor's side or role can never take the action here; 'illegal' (409)
 * when they could, but not from the consult's current state.
 */
export function decide(action: ConsultAction, actor: ActorView, consult: ConsultState): Decision {
  const rule = RULES[action];
  // Judge the actor against the rule as if the state allowed it, so that a wrong role is a 403, not a 409.
  const anyState = rule.from.some((from) => rule.who(actor, { ...consult, status: from }));
  if (!anyState) return 'forbidden';
  if (!rule.from.includes(consult.status)) return 'illegal';
  return rule.who(actor, consult) ? 'ok' : 'illegal';
}

export function allowedActions(actor: ActorView, consult: ConsultState): ConsultAction[] {
  return CONSULT_ACTIONS.filter((a) => decide(a, actor, consult) === 'ok');
}
