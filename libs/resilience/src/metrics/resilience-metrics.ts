import { Gauge, register as defaultRegistry } from 'prom-client';
import type { Registry } from 'prom-client';
import type { CircuitStateName, Outcome } from '../policy-options.interface';
import type { RejectionKind } from '../policy/pipeline-observer';
import { CIRCUIT_STATE_VALUES, DOWNSTREAM_DURATION_BUCKETS, RESILIENCE_METRIC_NAMES } from './metric-names.constants';
import { TallyCounter, TallyHistogram, registerTally } from '@keel/util';
import type { CounterCell, HistogramCell } from '@keel/util';

const OUTCOMES: readonly Outcome[] = [
  'success',
  'client_error',
  'server_error',
  'timeout',
  'network_error',
  'rejected',
];

/** The cells one (downstream, operation) pair updates on every call, looked up once. */
export interface OperationCells {
  outcomes: Record<Outcome, CounterCell>;
  duration: HistogramCell;
}

/** The downstream metrics of ARCHITECTURE.md. */
export class ResilienceMetrics {
  private readonly requests: TallyCounter;
  private readonly duration: TallyHistogram;
  private readonly attempts: TallyCounter;
  private readonly retries: TallyCounter;
  private readonly rejections: TallyCounter;
  private readonly circuit: Gauge<'downstream'>;

  constructor(registry: Registry = defaultRegistry) {
    this.requests = registerTally(
      registry,
      new TallyCounter(RESILIENCE_METRIC_NAMES.downstreamRequests, 'Logical calls to a downstream, by outcome', [
        'downstream',
        'operation',
        'outcome',
      ]),
    );
    this.duration = registerTally(
      registry,
      new TallyHistogram(
        RESILIENCE_METRIC_NAMES.downstreamDuration,
        'Duration of a logical downstream call, retries and waits included',
        ['downstream', 'operation'],
        DOWNSTREAM_DURATION_BUCKETS,
      ),
    );
    this.attempts = registerTally(
      registry,
      new TallyCounter(
        RESILIENCE_METRIC_NAMES.downstreamAttempts,
        'Attempts sent to a downstream (first tries and retries)',
        ['downstream'],
      ),
    );
    this.retries = registerTally(
      registry,
      new TallyCounter(RESILIENCE_METRIC_NAMES.downstreamRetries, 'Retries of failed downstream attempts', [
        'downstream',
      ]),
    );
    this.rejections = registerTally(
      registry,
      new TallyCounter(
        RESILIENCE_METRIC_NAMES.downstreamRejections,
        'Calls refused by a policy before reaching the downstream',
        ['downstream', 'reason'],
      ),
    );
    this.circuit =
      (registry.getSingleMetric(RESILIENCE_METRIC_NAMES.circuitState) as Gauge<'downstream'> | undefined) ??
      new Gauge({
        name: RESILIENCE_METRIC_NAMES.circuitState,
        help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open',
        labelNames: ['downstream'],
        registers: [registry],
      });
  }

  operation(downstream: string, operation: string): OperationCells {
    const outcomes = {} as Record<Outcome, CounterCell>;
    for (const outcome of OUTCOMES) outcomes[outcome] = this.requests.cell(downstream, operation, outcome);
    return { outcomes, duration: this.duration.cell(downstream, operation) };
  }

  attemptCell(downstream: string): CounterCell {
    return this.attempts.cell(downstream);
  }

  retryCell(downstream: string): CounterCell {
    return this.retries.cell(downstream);
  }

  rejectionCell(downstream: string, reason: RejectionKind): CounterCell {
    return this.rejections.cell(downstream, reason);
  }

  circuitState(downstream: string, state: CircuitStateName): void {
    this.circuit.labels(downstream).set(CIRCUIT_STATE_VALUES[state]);
  }
}
