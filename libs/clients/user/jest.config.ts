export default {
  displayName: 'clients-user',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
