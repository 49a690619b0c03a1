export default {
  displayName: 'clients-tmdb',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
