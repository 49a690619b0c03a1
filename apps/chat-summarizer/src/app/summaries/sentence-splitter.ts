/** Abbreviations whose full stop does not end a sentence (lower case, without the dot). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'approx',
  'no',
  'fig',
  'inc',
  'ltd',
]);

/** A terminator, any closing quotes or brackets, then whitespace. */
const BOUNDARY = /([.!?…]+["')\]»”’]*)\s+/gu;

/**
 * Splits chat text into sentences: at line breaks, and after `.`, `!`, `?` or `…` followed by
 * whitespace, except after a known abbreviation or a single initial ("J. Smith"). Deliberately
 * small: chat messages are short and informal, and no tokenizer is a dependency of this repo.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\r?\n+/)) {
    let start = 0;
    for (const match of line.matchAll(BOUNDARY)) {
      const end = (match.index ?? 0) + match[1].length;
      if (endsWithAbbreviation(line.slice(start, end))) continue;
      push(sentences, line.slice(start, end));
      start = (match.index ?? 0) + match[0].length;
    }
    push(sentences, line.slice(start));
  }
  return sentences;
}

function endsWithAbbreviation(candidate: string): boolean {
  if (!candidate.endsWith('.')) return false;
  const lastWord = /([\p{L}.]+)\.$/u.exec(candidate)?.[1] ?? '';
  return ABBREVIATIONS.has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord);
}

function push(sentences: string[], raw: string): void {
  const sentence = raw.trim();
  if (sentence !== '') sentences.push(sentence);
}
