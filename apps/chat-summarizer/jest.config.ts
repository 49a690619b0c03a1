export default {
  displayName: 'chat-summarizer',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
