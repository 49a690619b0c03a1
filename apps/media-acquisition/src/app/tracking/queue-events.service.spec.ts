import type { ShutdownCoordinator } from '@keel/platform';
import { QueueEventsService } from './queue-events.service';
import type { QueueEvent } from './queue-events.service';
import { aTrackedDownload } from './testing';

function setup() {
  let drain: (() => void) | undefined;
  const shutdown = { beforeDrain: (listener: () => void) => ((drain = listener), () => undefined) };
  const bus = new QueueEventsService(shutdown as unknown as ShutdownCoordinator);
  const seen: QueueEvent[] = [];
  let completed = false;
  bus.events.subscribe({ next: (event) => seen.push(event), complete: () => (completed = true) });
  return { bus, seen, drain: () => drain?.(), completed: () => completed };
}

describe(QueueEventsService.name, () => {
  it('publishes a download’s state as a queue event', () => {
    // Arrange
    const { bus, seen } = setup();
    const row = aTrackedDownload({
      downloadId: 'A',
      movieId: 'm1',
      progress: 0.25,
      clientStatus: null,
      etaSeconds: 30,
    });

    // Act
    bus.publish('progress', row);

    // Assert
    expect(seen).toEqual([
      {
        type: 'progress',
        downloadId: 'A',
        movieId: 'm1',
        releaseTitle: row.releaseTitle,
        state: 'downloading',
        clientStatus: undefined,
        progress: 0.25,
        etaSeconds: 30,
        messages: [],
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it('ends every stream as the HTTP drain starts, so open streams do not hold it', () => {
    // Arrange
    const { bus, seen, drain, completed } = setup();

    // Act
    drain();
    bus.publish('state', aTrackedDownload());

    // Assert
    expect(completed()).toBe(true);
    expect(seen).toEqual([]);
  });

  it('ends every stream when the module is destroyed', () => {
    // Arrange
    const { bus, completed } = setup();

    // Act
    bus.onModuleDestroy();

    // Assert
    expect(completed()).toBe(true);
  });
});
