import type { CircuitState } from './chat.types';
import { CircuitWatch } from './circuit-watch';

describe(CircuitWatch.name, () => {
  it('reports each change once, with the previous state, until unsubscribed', () => {
    // Arrange
    let state: CircuitState = 'closed';
    const watch = new CircuitWatch(() => state);
    const seen: string[] = [];
    const stop = watch.subscribe((next, previous) => seen.push(`${previous}->${next}`));

    // Act
    watch.sample();
    state = 'open';
    watch.sample();
    watch.sample();
    state = 'closed';
    watch.sample();
    stop();
    state = 'open';
    watch.sample();

    // Assert
    expect(seen).toEqual(['closed->open', 'open->closed']);
  });

  it('keeps notifying the others when a listener throws', () => {
    // Arrange
    let state: CircuitState = 'closed';
    const watch = new CircuitWatch(() => state);
    const seen: CircuitState[] = [];
    watch.subscribe(() => {
      throw new Error('listener bug');
    });
    watch.subscribe((next) => seen.push(next));

    // Act
    state = 'open';
    watch.sample();

    // Assert
    expect(seen).toEqual(['open']);
  });
});
