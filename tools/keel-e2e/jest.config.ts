export default {
  displayName: 'keel-tools-e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // Generating into a copy of the workspace, then a full tsc, eslint and the generated tests: minutes
  // on a loaded 2-core machine, not seconds.
  testTimeout: 600_000,
  maxWorkers: 1,
};
