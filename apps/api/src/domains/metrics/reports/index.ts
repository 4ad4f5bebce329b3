export { createReportService, type ReportService } from './reports.service.js';
export { registerReportRoutes } from './reports.routes.js';
