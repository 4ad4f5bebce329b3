export { type AuthService, type AuthSettings, createAuthService, sha256 } from './auth.service.js';
export { registerAuthRoutes, SESSION_COOKIE } from './auth.routes.js';
export { ARGON2_PARAMS, hashPassword, verifyPassword } from './passwords.js';
export { revokeUserSessions } from './auth.repo.js';
