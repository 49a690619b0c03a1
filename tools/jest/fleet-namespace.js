// Every test gets a Redis key namespace of its own: with REDIS_URL set (CI), services under test share
// breakers and rate limits through Redis, and neither concurrent suites nor the next test of the same
// file may inherit that state (a test bed started in beforeAll keeps its file's namespace).
const { randomBytes } = require('node:crypto');

const fresh = () => `keel-test-${process.pid}-${randomBytes(4).toString('hex')}`;
process.env.KEEL_FLEET_NAMESPACE = fresh();
beforeEach(() => {
  process.env.KEEL_FLEET_NAMESPACE = fresh();
});
