/**
 * Routes whose full expectation (roles × scopes) is not written yet: they get only the generic
 * checks — anonymous → 401, guessed ids never allowed, cookie writes without CSRF refused, fuzzing.
 * A route in neither this list nor EXPECTATIONS fails the matrix test, so a new route is never
 * forgotten. Move a route from here to its domain's expectations file when its policy settles.
 * The value names the domain (its owner writes the expectation).
 */
export const PENDING_ROUTES: Record<string, string> = {};
