import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { RequestContext } from '@keel/context';

export interface ContextView {
  requestId?: string;
  userId?: string;
  hasToken: boolean;
  traceparent?: string;
}

const view = (): ContextView => {
  const store = RequestContext.current();
  return {
    requestId: store?.requestId,
    userId: store?.user?.id,
    hasToken: Boolean(store?.token),
    traceparent: store?.traceparent,
  };
};

/** What a service (and async work it starts) sees of the request context. */
@Injectable()
export class ContextProbeService {
  async read(): Promise<{ inService: ContextView; afterAwait: ContextView; inTimer: ContextView }> {
    const inService = view();
    await sleep(5);
    const afterAwait = view();
    const inTimer = await new Promise<ContextView>((resolve) => setTimeout(() => resolve(view()), 5));
    return { inService, afterAwait, inTimer };
  }
}
