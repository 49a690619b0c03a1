export default {
  displayName: 'media-acquisition',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
