/**
 * The HS256 secret used when `JWT_SECRET` is unset outside production, so `npm start` and the tests
 * work without setup. It is public (tools/token/token.js repeats it): never a real secret.
 */
export const DEV_JWT_SECRET = 'keel-dev-secret-do-not-use-in-production';
