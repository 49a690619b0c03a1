// Polls a service's liveness route: true once it answers 2xx, false after `timeoutMs`.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitLive(baseUrl, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (
      await fetch(`${baseUrl}/api/health/live`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return true;
    await sleep(100);
  }
  return false;
}

module.exports = { waitLive, sleep };
