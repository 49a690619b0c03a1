import { summarizeExtractively, terms } from './extractive-summarizer';
import { splitSentences } from './sentence-splitter';

describe('splitSentences', () => {
  it('splits at terminators followed by whitespace and at line breaks', () => {
    expect(splitSentences('First one. Second one! Third?\nFourth line')).toEqual([
      'First one.',
      'Second one!',
      'Third?',
      'Fourth line',
    ]);
  });

  it('keeps abbreviations, initials and decimals inside their sentence', () => {
    expect(splitSentences('Ask Dr. Smith e.g. tomorrow. J. Doe paid 3.50 today.')).toEqual([
      'Ask Dr. Smith e.g. tomorrow.',
      'J. Doe paid 3.50 today.',
    ]);
  });

  it('keeps closing quotes with their sentence and ignores blank text', () => {
    expect(splitSentences('He said "stop." Then left.')).toEqual(['He said "stop."', 'Then left.']);
    expect(splitSentences('  \n \n')).toEqual([]);
  });
});

describe(summarizeExtractively.name, () => {
  const texts = [
    'Hi all.',
    'The deploy failed because the database migration timed out.',
    'I like pizza.',
    'We should rerun the database migration with a longer timeout.',
    'The migration timeout is set in the deploy config.',
    'ok',
  ];

  it('picks the sentences richest in the conversation’s frequent terms, in their original order', () => {
    const result = summarizeExtractively(texts, { summarySentences: 2, keyPoints: 3 });

    expect(result.keyPoints).toEqual([
      'The deploy failed because the database migration timed out.',
      'We should rerun the database migration with a longer timeout.',
      'The migration timeout is set in the deploy config.',
    ]);
    expect(result.summary.split(/(?<=\.) /)).toHaveLength(2);
    expect(result.keyPoints).not.toContain('Hi all.');
  });

  it('is deterministic and breaks ties by position', () => {
    const tied = ['Alpha beta.', 'Gamma delta.', 'Epsilon zeta.'];

    const first = summarizeExtractively(tied, { summarySentences: 2, keyPoints: 2 });
    const second = summarizeExtractively(tied, { summarySentences: 2, keyPoints: 2 });

    expect(first).toEqual(second);
    expect(first.keyPoints).toEqual(['Alpha beta.', 'Gamma delta.']);
  });

  it('counts a repeated sentence once and returns nothing for content-free input', () => {
    expect(summarizeExtractively(['Ship it today.', 'ship it  today.']).keyPoints).toEqual(['Ship it today.']);
    expect(summarizeExtractively([])).toEqual({ summary: '', keyPoints: [] });
    expect(summarizeExtractively(['ok', 'yes'])).toEqual({ summary: '', keyPoints: [] });
  });

  it('tokenises to lower-case content words', () => {
    expect(terms("The Team's deploy, v2 at 10:30!")).toEqual(['teams', 'deploy', 'v2', '10', '30']);
  });
});
