import { splitSentences } from './sentence-splitter';
import { EXTRACTIVE_SUMMARY_SENTENCES, MAX_KEY_POINTS } from './summaries.constants';

export interface ExtractiveSummary {
  summary: string;
  keyPoints: string[];
}

export interface ExtractiveOptions {
  summarySentences?: number;
  keyPoints?: number;
}

/** Words too common to say what a conversation is about. */
const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her ' +
    'here hers herself him himself his how i if in into is it its itself just me more most my myself no nor ' +
    'not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up ' +
    'very was we were what when where which while who whom why will with would you your yours yourself ' +
    'yourselves ok okay yes yeah hi hello thanks thank please also get got let lets im ive dont its'
  ).split(' '),
);

interface Sentence {
  text: string;
  order: number;
  terms: string[];
}

/** Lower-case words and numbers, apostrophes dropped, stopwords and one-letter tokens removed. */
export function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [])
    .map((t) => t.replace(/['’]/g, ''))
    .filter((t) => t.length > 1 && !STOPWORDS.has(t));
}

/**
 * A deterministic extractive summary of texts given oldest first: every sentence is scored by the
 * conversation-wide frequency of its terms (each term once, divided by √length so that long
 * sentences do not win by size alone), the best are picked (ties go to the earlier one) and shown in
 * their original order. Repeated sentences count once.
 */
export function summarizeExtractively(texts: readonly string[], options: ExtractiveOptions = {}): ExtractiveSummary {
  const summaryCount = options.summarySentences ?? EXTRACTIVE_SUMMARY_SENTENCES;
  const keyPointCount = options.keyPoints ?? MAX_KEY_POINTS;
  const sentences = uniqueSentences(texts);
  const frequency = new Map<string, number>();
  for (const sentence of sentences)
    for (const term of sentence.terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);

  const ranked = sentences
    .map((sentence) => ({ sentence, score: score(sentence, frequency) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.sentence.order - b.sentence.order)
    .map(({ sentence }) => sentence);
  const inOrder = (picked: Sentence[]) => [...picked].sort((a, b) => a.order - b.order).map((s) => s.text);

  return {
    summary: inOrder(ranked.slice(0, summaryCount)).join(' '),
    keyPoints: inOrder(ranked.slice(0, keyPointCount)),
  };
}

function uniqueSentences(texts: readonly string[]): Sentence[] {
  const seen = new Set<string>();
  const sentences: Sentence[] = [];
  for (const text of texts) {
    for (const sentence of splitSentences(text)) {
      const normalised = sentence.toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(normalised)) continue;
      seen.add(normalised);
      sentences.push({ text: sentence, order: sentences.length, terms: terms(sentence) });
    }
  }
  return sentences;
}

function score(sentence: Sentence, frequency: ReadonlyMap<string, number>): number {
  if (sentence.terms.length === 0) return 0;
  let total = 0;
  for (const term of new Set(sentence.terms)) total += frequency.get(term) ?? 0;
  return total / Math.sqrt(sentence.terms.length);
}
