export default {
  displayName: 'start',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // The fixture service boots through ts-node (no build), a few seconds per start on 2 cores.
  testTimeout: 120_000,
};
