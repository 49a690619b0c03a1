// The downstream addresses `npm start` gives each service: its sandbox emulators. Only the sandbox
// knows these ports; the clients have no default address, so a deployment that forgets one fails at
// start-up instead of calling a port on its own machine.

/** Where apps/sandbox runs each emulator (libs/sandbox SANDBOX_PORTS; sandbox-urls.spec.ts keeps them equal). */
const SANDBOX_PORTS = {
  library: 3101,
  chat: 3102,
  user: 3103,
  knowledge: 3104,
  prowlarr: 3105,
  qbittorrent: 3106,
  llm: 3107,
  tmdb: 3108,
};

/** The variables that give a downstream an address; when one is set, the sandbox URL steps aside. */
const ADDRESS_KEYS = ['URL', 'URLS', 'HOST', 'PORT', 'DNS'];

/** `<NAME>_SERVICE_URL` for each downstream, at its emulator, unless `env` already addresses it. */
function sandboxUrls(downstreams, env = process.env) {
  const urls = {};
  for (const name of downstreams) {
    const prefix = `${name.toUpperCase()}_SERVICE_`;
    if (ADDRESS_KEYS.some((key) => (env[prefix + key] ?? '').trim() !== '')) continue;
    urls[`${prefix}URL`] = `http://127.0.0.1:${SANDBOX_PORTS[name]}`;
  }
  return urls;
}

module.exports = { SANDBOX_PORTS, sandboxUrls };
