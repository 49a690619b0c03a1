export default {
  displayName: 'context',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
