export default {
  displayName: 'keel-tools',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
