// Shared by every project's jest.config.ts.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: path.join(__dirname, '/') }),
  moduleFileExtensions: ['ts', 'js', 'cjs', 'mjs', 'json'],
  transform: {
    // PGlite's CJS bundle and OpenTelemetry's OTLP exporter use dynamic import(), which Jest's CJS
    // runtime cannot run (STACK.md pitfall 9).
    '@electric-sql/pglite/dist/.+\\.cjs$': path.join(__dirname, 'tools/jest/dynamic-import-transform.js'),
    '@opentelemetry/otlp-exporter-base/build/src/.+\\.js$': path.join(__dirname, 'tools/jest/dynamic-import-transform.js'),
    // jose 6 and the @ctrl parsers ship ESM only (STACK.md pitfall 10); ts-jest turns them into CJS.
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json'), diagnostics: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|@electric-sql/pglite|@opentelemetry/otlp-exporter-base|@ctrl/video-filename-parser|@ctrl/magnet-link|@ctrl/torrent-file|uint8array-extras)/)'],
  setupFilesAfterEnv: [path.join(__dirname, 'tools/jest/fleet-namespace.js')],
  reporters: ['default', path.join(__dirname, 'tools/jest/summary-reporter.js')],
  testTimeout: 30000,
};
