export default {
  displayName: 'clients-project',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
