export default {
  displayName: 'docker',
  preset: '../jest.preset.js',
  rootDir: '.',
  // The preset looks under src/; this project keeps its one spec beside the files it checks.
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
