export default {
  displayName: 'replicas',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // Three replicas of two services, HAProxy and the sandbox take a while to start on 2 cores.
  testTimeout: 120_000,
  // One bed at a time: two (six replicas, two sandboxes, two HAProxies) at once starve a 2-core CI
  // machine, and the suites measure what a starved machine cannot give (Redis within its 50 ms cap).
  maxWorkers: 1,
};
