import { Inject, Injectable } from '@nestjs/common';
import { ChatClient } from '@keel/clients-chat';
import type { SummaryResponse } from './dto/summary.response';
import { SUMMARY_SETTINGS } from './summaries.constants';
import { SummaryCache, summaryCacheKey } from './summary-cache';
import { summaryEtag } from './summary-etag';
import { SummaryGenerator } from './summary-generator.service';
import type { SummarySettings } from './summary.settings';

export interface SummaryResult {
  body: SummaryResponse;
  etag: string;
}

@Injectable()
export class SummariesService {
  private readonly cache: SummaryCache<SummaryResult>;
  /** Identical requests that arrive together share one generation (one LLM call). */
  private readonly inFlight = new Map<string, Promise<SummaryResult>>();

  constructor(
    private readonly chat: ChatClient,
    private readonly generator: SummaryGenerator,
    @Inject(SUMMARY_SETTINGS) settings: SummarySettings,
  ) {
    this.cache = new SummaryCache(settings.cacheSize);
  }

  /**
   * The summary of a conversation's newest `limit` messages. The messages are always fetched as the
   * caller (chat-svc decides who may read them, so a cached summary is never shown to a non-member);
   * the summary is generated once per newest message. Extractive fallbacks are not cached, so the
   * next request after the LLM recovers gets the LLM's summary.
   */
  async summarise(conversationId: string, limit: number): Promise<SummaryResult> {
    const page = await this.chat.getRecentMessages(conversationId, limit);
    const newestId = page.messages[0]?.id ?? '';
    const key = summaryCacheKey(conversationId, limit, newestId);
    const cached = this.cache.get(key);
    if (cached) return cached;

    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const generation = this.generate(conversationId, limit, newestId, [...page.messages].reverse()).then((result) => {
      if (!result.body.degraded) this.cache.set(key, result);
      return result;
    });
    this.inFlight.set(key, generation);
    try {
      return await generation;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async generate(
    conversationId: string,
    limit: number,
    newestId: string,
    oldestFirst: Parameters<SummaryGenerator['generate']>[1],
  ): Promise<SummaryResult> {
    const generated = await this.generator.generate(conversationId, oldestFirst);
    const body: SummaryResponse = {
      conversationId,
      summary: generated.summary,
      keyPoints: generated.keyPoints,
      messageCount: oldestFirst.length,
      method: generated.method,
      ...(generated.model ? { model: generated.model } : {}),
      degraded: generated.degraded,
      generatedAt: new Date().toISOString(),
    };
    return { body, etag: summaryEtag(conversationId, limit, newestId, generated.method) };
  }
}
