export default {
  displayName: 'clients-core',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
