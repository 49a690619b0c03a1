export default {
  displayName: 'sandbox-app',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
