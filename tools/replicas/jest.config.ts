export default {
  displayName: 'replicas',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // Three replicas of two services, HAProxy and the sandbox take a while to start on 2 cores.
  testTimeout: 120_000,
};
