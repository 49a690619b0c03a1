export default {
  displayName: 'clients-library',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
