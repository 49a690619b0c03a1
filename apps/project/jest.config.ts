export default {
  displayName: 'project',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
