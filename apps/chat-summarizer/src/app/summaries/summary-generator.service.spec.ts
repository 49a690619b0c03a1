import { RequestContext } from '@keel/context';
import { DownstreamCircuitOpenError, DownstreamContractError, DownstreamTimeoutError } from '@keel/clients-core';
import { Logger } from '@nestjs/common';
import type { Counter } from 'prom-client';
import type { Completion, CompletionRequest, LlmClient } from '@keel/clients-llm';
import { fallbackReason } from './fallback-reason';
import { SummaryGenerator } from './summary-generator.service';
import { chatMessage } from '../testing';

const message = (id: string, content: string) => chatMessage(id, content);
const messages = [
  message('m1', 'The release slips to Friday.'),
  message('m2', 'The release notes need the migration steps.'),
];

function generatorWith(complete: (request: CompletionRequest) => Promise<Completion>, deadlineMs = 1_000) {
  const inc = jest.fn();
  const llm = { complete: jest.fn(complete) } as unknown as LlmClient;
  const generator = new SummaryGenerator(llm, { llmDeadlineMs: deadlineMs, cacheSize: 10 }, {
    inc,
  } as unknown as Counter<'reason'>);
  return { generator, llm, inc };
}

describe(SummaryGenerator.name, () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('returns the LLM’s summary, with extractive key points when the model gives none', async () => {
    const { generator, inc } = generatorWith(async () => ({
      content: 'The release moved.',
      model: 'm',
      finishReason: 'stop',
      usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
    }));

    const result = await generator.generate('c1', messages);

    expect(result).toEqual({
      summary: 'The release moved.',
      keyPoints: expect.arrayContaining(['The release slips to Friday.']),
      method: 'llm',
      model: 'm',
      degraded: false,
    });
    expect(inc).not.toHaveBeenCalled();
  });

  it('falls back within its own deadline when the LLM never answers, and counts a timeout', async () => {
    let budgetMs: number | undefined;
    const { generator, inc } = generatorWith(() => {
      budgetMs = RequestContext.current()?.deadline?.budgetMs;
      return new Promise<Completion>(() => undefined);
    }, 50);

    // A promise that never settles would hang the test: resolving at all shows the deadline held.
    const result = await generator.generate('c1', messages);

    expect(result).toMatchObject({ method: 'extractive', degraded: true });
    expect(result.keyPoints).toHaveLength(2);
    expect(budgetMs).toBe(50);
    expect(inc).toHaveBeenCalledWith({ reason: 'timeout' });
  });

  it('treats an empty completion as a failure', async () => {
    const { generator, inc } = generatorWith(async () => ({
      content: '  ',
      model: 'm',
      finishReason: 'stop',
      usage: { promptTokens: 1, completionTokens: 0, totalTokens: 1 },
    }));

    const result = await generator.generate('c1', messages);

    expect(result.method).toBe('extractive');
    expect(inc).toHaveBeenCalledWith({ reason: 'invalid_response' });
  });

  it('does not call the LLM for an empty conversation', async () => {
    const { generator, llm } = generatorWith(async () => {
      throw new Error('not expected');
    });

    expect(await generator.generate('c1', [])).toEqual({
      summary: '',
      keyPoints: [],
      method: 'extractive',
      degraded: false,
    });
    expect(llm.complete).not.toHaveBeenCalled();
  });
});

describe(fallbackReason.name, () => {
  it('maps a DownstreamError kind, an abort and anything else to a label', () => {
    const aborted = AbortSignal.abort();

    expect(fallbackReason(new DownstreamCircuitOpenError('llm', () => 1000))).toBe('circuit_open');
    expect(fallbackReason(new DownstreamContractError('llm', ['no choices']))).toBe('invalid_response');
    expect(fallbackReason(new DownstreamTimeoutError('llm', 20_000))).toBe('timeout');
    expect(fallbackReason(Object.assign(new Error('x'), { kind: 'circuit_open' }))).toBe('error');
    expect(fallbackReason(new Error('x'), aborted)).toBe('timeout');
    expect(fallbackReason(new DOMException('x', 'TimeoutError'))).toBe('timeout');
    expect(fallbackReason('boom')).toBe('error');
  });
});
