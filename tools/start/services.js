// What `npm start` runs: the sandbox of downstream emulators first, then every service built so far,
// each pointed at the emulators of its downstreams. Add a service here when its app lands.
const { sandboxUrls } = require('./sandbox-urls');

module.exports = [
  { name: 'sandbox', main: 'dist/apps/sandbox/src/main.js', health: null },
  {
    name: 'download',
    main: 'dist/apps/download/src/main.js',
    port: 3001,
    health: '/api/health/live',
    env: sandboxUrls(['library']),
  },
  {
    name: 'chat-summarizer',
    main: 'dist/apps/chat-summarizer/src/main.js',
    port: 3002,
    health: '/api/health/live',
    env: sandboxUrls(['chat', 'llm']),
  },
  {
    name: 'project',
    main: 'dist/apps/project/src/main.js',
    port: 3003,
    health: '/api/health/live',
    env: sandboxUrls(['user', 'knowledge']),
  },
  {
    name: 'media-acquisition',
    main: 'dist/apps/media-acquisition/src/main.js',
    port: 3004,
    health: '/api/health/live',
    env: sandboxUrls(['prowlarr', 'qbittorrent', 'tmdb']),
  },
];
