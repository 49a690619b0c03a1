import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, readJsonBody } from './body';
import { FaultSwitch, parseFault } from './fault';
import { sendJson, sendNoContent, sendProblem } from './respond';
import type { StatsRecorder } from './stats';

export const CONTROL_PREFIX = '/_sandbox/';
const FAULTS_PATH = '/_sandbox/faults';
const STATS_PATH = '/_sandbox/stats';
const CONTROL_BODY_LIMIT = 16 * 1024;

/**
 * The test-only control API every emulator port serves. It is never counted in stats and never
 * faulted, so a test can always reach it to clear a fault.
 */
export function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  faults: FaultSwitch,
  stats: StatsRecorder,
): void {
  const method = req.method ?? 'GET';
  if (path === FAULTS_PATH) {
    if (method === 'GET') return sendJson(res, 200, faults.current);
    if (method === 'DELETE') {
      faults.clear();
      return sendNoContent(res);
    }
    if (method === 'PUT') return void putFaults(req, res, faults);
    return sendProblem(res, 405, `${method} is not supported on ${path}`, { headers: { allow: 'GET, PUT, DELETE' } });
  }
  if (path === STATS_PATH) {
    if (method === 'GET') return sendJson(res, 200, stats.snapshot());
    if (method === 'DELETE') {
      stats.reset();
      return sendNoContent(res);
    }
    return sendProblem(res, 405, `${method} is not supported on ${path}`, { headers: { allow: 'GET, DELETE' } });
  }
  sendProblem(res, 404, `No sandbox control endpoint at ${path}`);
}

async function putFaults(req: IncomingMessage, res: ServerResponse, faults: FaultSwitch): Promise<void> {
  let body: unknown;
  try {
    body = await readJsonBody(req, CONTROL_BODY_LIMIT);
  } catch (err) {
    const status = err instanceof BodyError ? err.status : 400;
    return sendProblem(res, status, err instanceof Error ? err.message : 'Unreadable body');
  }
  const parsed = parseFault(body);
  if (!parsed.ok) return sendProblem(res, 400, parsed.error);
  sendJson(res, 200, faults.apply(parsed.fault));
}
