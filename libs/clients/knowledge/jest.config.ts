export default {
  displayName: 'clients-knowledge',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
