export { createUserService, type UserService } from './users.service.js';
export { registerUserRoutes } from './users.routes.js';
