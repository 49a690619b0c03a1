import { recommend, searchResources, terms } from './knowledge.ranking';
import { KNOWLEDGE_SEED } from './knowledge.seed';

describe('knowledge ranking', () => {
  describe(terms.name, () => {
    it('splits on anything but letters and digits, lower-cased', () => {
      // Act / Assert
      expect(terms('  Tail-Latency, at SCALE 2024! ')).toEqual(['tail', 'latency', 'at', 'scale', '2024']);
    });
  });

  describe(searchResources.name, () => {
    it('scores by the share of distinct query terms in the title or tags, best first, ties by id', () => {
      // Act
      const results = searchResources(KNOWLEDGE_SEED.resources, 'latency retries latency');

      // Assert
      expect(results).toEqual([
        { id: 'k2', title: 'Exponential backoff and jitter for retries', score: 0.5 },
        { id: 'k3', title: 'The tail at scale: latency in large services', score: 0.5 },
        { id: 'k4', title: 'Service latency traces 2024', score: 0.5 },
        { id: 'k5', title: 'Idempotency keys for safe retries', score: 0.5 },
      ]);
    });

    it('gives 1 to a full match and leaves out resources without a match', () => {
      // Act
      const results = searchResources(KNOWLEDGE_SEED.resources, 'Circuit resilience');

      // Assert
      expect(results).toEqual([
        { id: 'k1', title: 'Circuit breakers in distributed systems', score: 1 },
        { id: 'k2', title: 'Exponential backoff and jitter for retries', score: 0.5 },
      ]);
    });

    it('rounds to two decimals and answers nothing for a query without terms', () => {
      // Act / Assert
      expect(searchResources(KNOWLEDGE_SEED.resources, 'games foo bar')[0].score).toBe(0.33);
      expect(searchResources(KNOWLEDGE_SEED.resources, ' ,; ')).toEqual([]);
    });
  });

  describe(recommend.name, () => {
    it("answers a seeded project's curated list with falling scores", () => {
      // Act
      const results = recommend(KNOWLEDGE_SEED, 'p1');

      // Assert
      expect(results.map(({ id, score }) => [id, score])).toEqual([
        ['k1', 0.95],
        ['k2', 0.85],
        ['k5', 0.75],
      ]);
    });

    it('answers any other project every resource, in the same order every time', () => {
      // Act
      const first = recommend(KNOWLEDGE_SEED, 'some-project');
      const again = recommend(KNOWLEDGE_SEED, 'some-project');
      const other = recommend(KNOWLEDGE_SEED, 'another-project');

      // Assert
      expect(first).toEqual(again);
      expect(first.map((r) => r.id).sort()).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
      expect(first.at(-1)?.score).toBe(0.45);
      expect(other.map((r) => r.id).sort()).toEqual(first.map((r) => r.id).sort());
    });

    it('does not treat inherited object keys as projects', () => {
      // Act / Assert
      expect(recommend(KNOWLEDGE_SEED, 'constructor')).toHaveLength(6);
    });
  });
});
