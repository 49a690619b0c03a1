export default {
  displayName: 'download',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
