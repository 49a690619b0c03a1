/**
 * Builds an error without capturing a stack trace. Policy rejections happen per call under load
 * (an open circuit can reject thousands a second); the trace is useless there and costs microseconds.
 */
export function stackless<T extends Error>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
