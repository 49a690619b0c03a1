export default {
  displayName: 'start',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // start.js and its services list are plain CommonJS at the top of the folder, and so are their specs.
  testMatch: { unit: ['<rootDir>/*.spec.ts'], e2e: ['<rootDir>/test/**/*.e2e-spec.ts'] }[
    process.env.KEEL_TEST_TIER ?? ''
  ] ?? ['<rootDir>/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  // The fixture service boots through ts-node (no build), a few seconds per start on 2 cores.
  testTimeout: 120_000,
};
