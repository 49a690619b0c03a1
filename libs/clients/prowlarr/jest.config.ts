export default {
  displayName: 'clients-prowlarr',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
