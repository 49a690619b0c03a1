export default {
  displayName: 'clients-qbittorrent',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
