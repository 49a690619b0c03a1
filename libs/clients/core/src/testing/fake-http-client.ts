import { DownstreamUnavailableError } from '../errors/unavailable.error';
import { isFailureStatus, parseRetryAfter, readAnswer } from '../http/answers';
import type { Answered, Answers } from '../http/answers';
import type { AnsweredCall, HttpAnswer } from '../http/http-call.types';
import type { ResilientHttpClient } from '../http/resilient-http-client';

/** What the fake downstream answers: a JSON value, a string as is, or a Buffer's bytes. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A tiny in-memory transport for a typed client's unit spec: it records each call and answers what
 * the spec set, read by the real `readAnswer` (so declared answers, rejections and contract errors
 * are the client's own). A 5xx or 429 ends as the DownstreamUnavailableError the pipeline would
 * give after its retries. No pipeline, no socket.
 */
export class FakeHttpClient {
  readonly calls: AnsweredCall<Answers>[] = [];
  private next: FakeAnswer | ((call: AnsweredCall<Answers>) => FakeAnswer) = { status: 200 };
  readonly circuitState = 'closed';

  constructor(readonly name: string) {}

  /** Answers every call from now on with `status` and `body`. */
  answer(status: number, body?: unknown, headers?: Record<string, string>): this {
    this.next = { status, body, headers };
    return this;
  }

  /** Answers each call with what `route` returns for it. */
  answerWith(route: (call: AnsweredCall<Answers>) => FakeAnswer): this {
    this.next = route;
    return this;
  }

  async call<const A extends Answers>(call: AnsweredCall<A>): Promise<Answered<A>> {
    this.calls.push(call);
    const fake = typeof this.next === 'function' ? this.next(call) : this.next;
    const answer = toHttpAnswer(fake);
    if (isFailureStatus(answer.status))
      throw new DownstreamUnavailableError(
        this.name,
        `${this.name} answered ${answer.status}`,
        answer.status,
        parseRetryAfter(answer.headers['retry-after']),
      );
    return readAnswer(this.name, answer, call.answers);
  }

  onCircuitStateChange(): () => void {
    return () => undefined;
  }

  /** This fake, typed as the client's constructor wants it. */
  get client(): ResilientHttpClient {
    return this as unknown as ResilientHttpClient;
  }
}

function toHttpAnswer({ status, body, headers = {} }: FakeAnswer): HttpAnswer {
  if (Buffer.isBuffer(body)) return { status, headers, text: body.toString('utf8'), bytes: body };
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers, text };
}

/** A fake downstream `name` for a client's unit spec: `new LibraryClient(fakeHttpClient('library').client)`. */
export const fakeHttpClient = (name: string): FakeHttpClient => new FakeHttpClient(name);
