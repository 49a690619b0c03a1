import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { DownstreamContractError } from '@keel/clients-core';
import { RequestContext } from '@keel/context';
import type { ChatMessage } from '@keel/clients-chat';
import { LlmClient } from '@keel/clients-llm';
import { summarizeExtractively } from './extractive-summarizer';
import { fallbackReason } from './fallback-reason';
import { SUMMARIZER_METRIC_NAMES, SUMMARY_SETTINGS } from './summaries.constants';
import { LlmDeadlineError } from './summaries.errors';
import type { SummarySettings } from './summary.settings';
import { buildSummaryPrompt, parseLlmSummary } from './summary-prompt';

export interface GeneratedSummary {
  summary: string;
  keyPoints: string[];
  method: 'llm' | 'extractive';
  model?: string;
  degraded: boolean;
}

/**
 * Asks the LLM for a summary within a deadline, and answers extractively (`degraded: true`) when it
 * fails, times out or its circuit is open: a summary is always better than an error here.
 */
@Injectable()
export class SummaryGenerator {
  private readonly logger = new Logger(SummaryGenerator.name);

  constructor(
    private readonly llm: LlmClient,
    @Inject(SUMMARY_SETTINGS) private readonly settings: SummarySettings,
    @InjectMetric(SUMMARIZER_METRIC_NAMES.fallbacks) private readonly fallbacks: Counter<'reason'>,
  ) {}

  async generate(conversationId: string, messagesOldestFirst: readonly ChatMessage[]): Promise<GeneratedSummary> {
    const texts = messagesOldestFirst.map((m) => m.content);
    if (messagesOldestFirst.length === 0) return { summary: '', keyPoints: [], method: 'extractive', degraded: false };

    const { llmDeadlineMs } = this.settings;
    let deadline: AbortSignal | undefined;
    const started = performance.now();
    try {
      // The LLM's own budget (or the request's, if that ends first) bounds the call and its retries.
      const completion = await RequestContext.withDeadline(llmDeadlineMs, (own) => {
        deadline = own.signal;
        return untilAborted(this.llm.complete(buildSummaryPrompt(messagesOldestFirst)), own.signal, llmDeadlineMs);
      });
      const parsed = parseLlmSummary(completion.content);
      if (parsed === null) throw new DownstreamContractError('llm', ['the model answered with an empty summary']);
      return {
        summary: parsed.summary,
        keyPoints: parsed.keyPoints ?? summarizeExtractively(texts).keyPoints,
        method: 'llm',
        model: completion.model,
        degraded: false,
      };
    } catch (error) {
      const reason = fallbackReason(error, deadline);
      this.fallbacks.inc({ reason });
      // The error's name and kind only: a downstream's message is not ours to vouch for.
      this.logger.warn({
        msg: 'llm summary failed; answering extractively',
        downstream: 'llm',
        operation: 'complete',
        reason,
        error: error instanceof Error ? error.name : typeof error,
        durationMs: Math.round(performance.now() - started),
        conversationId,
      });
      return { ...summarizeExtractively(texts), method: 'extractive', degraded: true };
    }
  }
}

/**
 * Settles with `work`, or rejects as soon as `signal` aborts, even if the client has not yet noticed:
 * the request's own deadline must hold whatever the pipeline does inside.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, deadlineMs: number): Promise<T> {
  if (signal.aborted) return Promise.reject(new LlmDeadlineError(deadlineMs));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new LlmDeadlineError(deadlineMs));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
