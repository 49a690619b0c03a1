export default {
  displayName: 'jest-tools',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // The tooling lives at the top of the folder (the reporter is plain CommonJS), so do its specs.
  testMatch: ['<rootDir>/*.spec.ts'],
};
