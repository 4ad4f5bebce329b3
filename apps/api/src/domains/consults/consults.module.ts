import type { ConsultDeps } from './consults.core.js';
import { isVisible } from './consults.repo.js';
import { consultOfMessage } from './consults.parts.repo.js';
import { createConsultRouting } from './consults.routing.js';
import { createConsultCore } from './consults.service.js';
import { flagIfOverdue, registerSlaJob } from './consults.sla.js';
import { createConsultWorkflow } from './consults.workflow.js';

/** Wires the consult domain: service functions, the SLA job and the attachment owner types. */
export function createConsultService(deps: ConsultDeps) {
  registerSlaJob(deps);
  deps.documents.registerOwner('consult', (q, actor, ownerId) => isVisible(q, ownerId, actor.institutionId));
  deps.documents.registerOwner('consult_message', async (q, actor, ownerId) => {
    const consultId = await consultOfMessage(q, ownerId);
    return !!consultId && (await isVisible(q, consultId, actor.institutionId));
  });
  const { submitRow: _internal, ...core } = createConsultCore(deps);
  return {
    ...core,
    ...createConsultWorkflow(deps),
    ...createConsultRouting(deps),
    /** Flags one consult overdue now if its target passed (the job does this on its own). */
    flagIfOverdue: (id: string) => deps.db.transaction((tx) => flagIfOverdue(deps, tx, deps.clock, id)),
  };
}

export type ConsultService = ReturnType<typeof createConsultService>;
