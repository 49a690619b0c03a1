export default {
  displayName: 'resilience',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
