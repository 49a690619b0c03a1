// Shared by every project's jest.config.ts.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

// Three tiers, each its own Nx target (nx.json targetDefaults), chosen by KEEL_TEST_TIER:
//   unit         `test`         src/**/*.spec.ts: one class or function, no sockets
//   integration  `integration`  src/**/*.integration-spec.ts: real loopback servers (sandbox emulators, PGlite, Redis)
//   e2e          `e2e`          test/**/*.e2e-spec.ts: a whole service (or the fleet) over HTTP
// Unset (`npx jest -c <project>/jest.config.ts <path>`) runs every tier.
const TIERS = {
  unit: ['<rootDir>/src/**/*.spec.ts'],
  integration: ['<rootDir>/src/**/*.integration-spec.ts'],
  e2e: ['<rootDir>/test/**/*.e2e-spec.ts'],
};
const tier = process.env.KEEL_TEST_TIER;
if (tier && !TIERS[tier])
  throw new Error(`KEEL_TEST_TIER must be one of ${Object.keys(TIERS).join(', ')}; got "${tier}"`);

module.exports = {
  testEnvironment: 'node',
  testMatch: tier ? TIERS[tier] : Object.values(TIERS).flat(),
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: path.join(__dirname, '/') }),
  moduleFileExtensions: ['ts', 'js', 'cjs', 'mjs', 'json'],
  transform: {
    // PGlite's CJS bundle and OpenTelemetry's OTLP exporter use dynamic import(), which Jest's CJS
    // runtime cannot run (STACK.md pitfall 9).
    '@electric-sql/pglite/dist/.+\\.cjs$': path.join(__dirname, 'tools/jest/dynamic-import-transform.js'),
    '@opentelemetry/otlp-exporter-base/build/src/.+\\.js$': path.join(
      __dirname,
      'tools/jest/dynamic-import-transform.js',
    ),
    // jose 6 and the @ctrl parsers ship ESM only (STACK.md pitfall 10); ts-jest turns them into CJS.
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json'), diagnostics: false }],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|@electric-sql/pglite|@opentelemetry/otlp-exporter-base|@ctrl/video-filename-parser|' +
      '@ctrl/magnet-link|@ctrl/torrent-file|uint8array-extras)/)',
  ],
  setupFilesAfterEnv: [path.join(__dirname, 'tools/jest/fleet-namespace.js')],
  reporters: ['default', path.join(__dirname, 'tools/jest/summary-reporter.js')],
  // A test's own waits are bounded by its deadlines; this only catches a hang. Integration and e2e
  // hooks start PGlite (WASM initdb) and whole services, which take tens of seconds on a loaded 2-core box.
  testTimeout: tier === 'unit' ? 30_000 : 90_000,
};
