export { createTrainingService, type TrainingService } from './training.service.js';
export { registerTrainingRoutes } from './training.routes.js';
