export { createDispatchService, type DispatchService } from './dispatch.service.js';
export { registerDispatchRoutes } from './dispatch.routes.js';
