// The services list the start e2e spec gives start.js (KEEL_START_SERVICES): the platform's fixture
// service, run from its TypeScript source through ts-node, on the port in START_FIXTURE_PORT.
const path = require('node:path');

const root = path.join(__dirname, '..', '..', '..');
const port = Number(process.env.START_FIXTURE_PORT);

module.exports = [
  {
    name: 'fixture',
    main: path.join(root, 'libs/platform/src/test-fixtures/service-main.fixture.ts'),
    args: ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register'],
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      TS_NODE_PROJECT: path.join(root, 'tsconfig.spec.json'),
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_COMPILER_OPTIONS: JSON.stringify({ rootDir: '.' }),
    },
    port,
    health: '/api/health/live',
  },
];
