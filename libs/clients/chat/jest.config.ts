export default {
  displayName: 'clients-chat',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
