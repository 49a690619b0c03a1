export default {
  displayName: 'clients-llm',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
