import { Logger } from '@nestjs/common';
import type { CounterCell } from '@keel/util';
import type { OperationCells, ResilienceMetrics } from './metrics/resilience-metrics';
import type { CircuitStateName, Outcome } from './policy-options.interface';
import type { PipelineObserver, RejectionKind } from './policy/pipeline-observer';

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The one subscriber to every pipeline's events: each event becomes metrics, and the rare ones a log
 * line too. Rejections on an open circuit can come thousands a second, so they are counted, not
 * logged; the circuit's state changes are logged instead.
 */
export class PolicyEventsSubscriber implements PipelineObserver {
  private readonly logger = new Logger('Resilience');
  private readonly operations = new Map<string, OperationCells>();
  private readonly attempts = new Map<string, CounterCell>();
  private readonly rejections = new Map<string, CounterCell>();

  constructor(private readonly metrics: ResilienceMetrics) {}

  declare(policy: string): void {
    this.metrics.circuitState(policy, 'closed');
    this.attempts.set(policy, this.metrics.attemptCell(policy));
    this.metrics.retryCell(policy);
  }

  callFinished(policy: string, operation: string, outcome: Outcome, seconds: number): void {
    const key = policy + '\u0000' + operation;
    let cells = this.operations.get(key);
    if (!cells) {
      cells = this.metrics.operation(policy, operation);
      this.operations.set(key, cells);
    }
    cells.outcomes[outcome].inc();
    cells.duration.observe(seconds);
  }

  attempted(policy: string): void {
    (this.attempts.get(policy) ?? this.metrics.attemptCell(policy)).inc();
  }

  retrying(policy: string, operation: string, attempt: number, retryAfterMs: number | undefined, error: unknown): void {
    this.metrics.retryCell(policy).inc();
    this.logger.log({
      msg: 'retrying downstream call',
      event: 'retry',
      downstream: policy,
      operation,
      attempt,
      retryAfterMs,
      error: errorName(error),
      detail: errorMessage(error),
    });
  }

  rejected(policy: string, _operation: string, reason: RejectionKind): void {
    const key = policy + '\u0000' + reason;
    let cell = this.rejections.get(key);
    if (!cell) {
      cell = this.metrics.rejectionCell(policy, reason);
      this.rejections.set(key, cell);
    }
    cell.inc();
  }

  circuitChanged(policy: string, state: CircuitStateName): void {
    this.metrics.circuitState(policy, state);
    const line = { msg: `circuit ${state}`, event: 'circuit', downstream: policy, state };
    if (state === 'open' || state === 'isolated') this.logger.warn(line);
    else this.logger.log(line);
  }
}
