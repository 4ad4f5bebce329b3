export { createEducationService, type EducationService, looksIdentifying } from './education.service.js';
export { registerEducationRoutes } from './education.routes.js';
