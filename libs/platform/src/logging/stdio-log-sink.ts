import fs from 'node:fs';

/** What may wait in memory for a slow reader; past it lines are dropped (and counted), not buffered. */
const DEFAULT_MAX_QUEUED_BYTES = 4 * 1024 * 1024;
/** A full pipe (EAGAIN) is retried this often, on a timer that does not keep the process alive. */
const RETRY_MS = 50;

/**
 * pino's destination for stdout. Logging must never decide whether the process can exit, whatever
 * the reader of stdout does:
 * - writes are asynchronous and at most one is in flight, so a reader that stops reading (a full
 *   pipe) never blocks the event loop; a signal handler and the shutdown still run;
 * - a reader that went away (EPIPE) ends logging instead of throwing;
 * - what waits for a slow reader is capped (`maxQueuedBytes`), so memory stays bounded;
 * - at exit the rest is written only if the pipe takes it now. pino's own stdout stream flushes at
 *   exit with a loop that retries a full pipe forever: a service whose reader had stopped reading
 *   stopped listening on SIGTERM and then never exited.
 */
export class StdioLogSink {
  private queue: Buffer[] = [];
  private queuedBytes = 0;
  private writing = false;
  private closed = false;
  private retry?: NodeJS.Timeout;
  private readonly idle = new Set<() => void>();
  /** Lines dropped because the reader was gone or too slow. */
  dropped = 0;

  constructor(
    private readonly fd = 1,
    private readonly maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES,
  ) {}

  /** pino calls this with one serialized line. */
  write(line: string): boolean {
    if (this.closed) {
      this.dropped++;
      return true;
    }
    const chunk = Buffer.from(line, 'utf8');
    if (this.queuedBytes + chunk.length > this.maxQueuedBytes) {
      this.dropped++;
      return true;
    }
    this.queue.push(chunk);
    this.queuedBytes += chunk.length;
    if (!this.writing && !this.retry) this.writeNext();
    return true;
  }

  /** Resolves once everything queued is written, or after `timeoutMs` if the reader is stuck. */
  drained(timeoutMs: number): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.idle.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      this.idle.add(done);
    });
  }

  /**
   * At exit: writes what the pipe takes without waiting. Skipped while a write is in flight (the
   * reader has not taken the last chunk, so the pipe may be full and the descriptor blocking).
   */
  flushAtExit(): void {
    if (this.writing || this.closed) return;
    clearTimeout(this.retry);
    try {
      for (const chunk of this.queue) {
        let offset = 0;
        while (offset < chunk.length) offset += fs.writeSync(this.fd, chunk, offset, chunk.length - offset);
      }
    } catch {
      // A full (EAGAIN) or closed (EPIPE) pipe at exit: the rest is lost, the exit is not.
    }
    this.queue = [];
    this.queuedBytes = 0;
  }

  private isIdle(): boolean {
    return this.closed || (!this.writing && this.queue.length === 0);
  }

  private writeNext(): void {
    this.retry = undefined;
    if (this.queue.length === 0 || this.closed) return this.notifyIdle();
    const chunk = this.queue.length === 1 ? this.queue[0] : Buffer.concat(this.queue);
    this.queue = [chunk];
    this.writing = true;
    fs.write(this.fd, chunk, 0, chunk.length, null, (error, written) => {
      this.writing = false;
      if (error) return this.onError(error as NodeJS.ErrnoException);
      this.queuedBytes -= written;
      this.queue[0] = chunk.subarray(written);
      if (this.queue[0].length === 0) this.queue.shift();
      this.writeNext();
    });
  }

  private onError(error: NodeJS.ErrnoException): void {
    if (error.code === 'EAGAIN' || error.code === 'EWOULDBLOCK') {
      this.retry = setTimeout(() => this.writeNext(), RETRY_MS);
      this.retry.unref();
      return;
    }
    // EPIPE (the reader is gone), EBADF, …: nobody will read these lines; stop trying.
    this.closed = true;
    this.dropped += this.queue.length;
    this.queue = [];
    this.queuedBytes = 0;
    this.notifyIdle();
  }

  private notifyIdle(): void {
    for (const resolve of [...this.idle]) resolve();
  }
}

let shared: StdioLogSink | undefined;

/** The one stdout sink of this process (every app created in it logs through the same one). */
export function stdoutLogSink(): StdioLogSink {
  if (!shared) {
    const sink = new StdioLogSink(1);
    process.once('exit', () => sink.flushAtExit());
    shared = sink;
  }
  return shared;
}
