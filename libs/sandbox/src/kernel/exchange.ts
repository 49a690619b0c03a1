import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from './emulator.types';
import type { StatsRecorder } from './stats';

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * One counted request. Besides being the handler's context, it notices a client that hangs up
 * before the answer is complete (counted as `aborted`) and cancels any pending fault delay.
 */
export class Exchange implements RequestContext {
  params: Readonly<Record<string, string>> = NO_PARAMS;
  /** Set when the emulator itself kills the socket (`reset`), which is not a client abort. */
  destroyedByServer = false;
  private timer: NodeJS.Timeout | null = null;
  private parsedQuery: URLSearchParams | null = null;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly method: string,
    readonly path: string,
    private readonly rawQuery: string,
    private readonly stats: StatsRecorder,
  ) {
    res.once('close', this.onClose);
  }

  get query(): URLSearchParams {
    return (this.parsedQuery ??= new URLSearchParams(this.rawQuery));
  }

  /** Runs `next` after `ms`, unless the client hangs up first. */
  delay(ms: number, next: () => void): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      next();
    }, ms);
  }

  private readonly onClose = (): void => {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.res.writableFinished && !this.destroyedByServer) this.stats.recordAborted();
  };
}
