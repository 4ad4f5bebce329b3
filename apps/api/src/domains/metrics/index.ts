export { type OwnSource, refreshOwnRollups } from './rollups.repo.js';
export { createPdfRenderer, escapeHtml, type PdfRenderer } from './pdf-renderer.js';
export { consultCitable } from './citations.repo.js';
export { catchUpWorkflowRollups, consultContribution, refreshFacts, referralContribution } from './workflow-rollup.js';
export { createMetricsService, type MetricsService } from './metrics.service.js';
export { chinaDate } from './scope.service.js';
export { registerMetricsRoutes } from './metrics.routes.js';
