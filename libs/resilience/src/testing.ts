// Test support for Keel's own suites; not part of the build.
export { PrivateRedis, redisServerAvailable, redisUrlForTests, testNamespace } from './testing/redis-fixtures';
