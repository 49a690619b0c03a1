import { RetryBudget } from './retry-budget';

describe(RetryBudget.name, () => {
  let now: number;
  const clock = () => now;
  const withdrawals = (budget: RetryBudget, tries: number) =>
    Array.from({ length: tries }, () => budget.tryWithdraw()).filter(Boolean).length;

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows ratio × calls retries', () => {
    const budget = new RetryBudget(0.2, 0, 10_000, clock);
    for (let i = 0; i < 10; i++) budget.recordCall();

    expect(withdrawals(budget, 5)).toBe(2);
  });

  it('allows a reserve of minPerSecond × ttl seconds without any calls', () => {
    const budget = new RetryBudget(0, 1, 3_000, clock);

    expect(withdrawals(budget, 10)).toBe(3);
  });

  it('adds the ratio share to the reserve', () => {
    const budget = new RetryBudget(0.5, 1, 2_000, clock);
    for (let i = 0; i < 4; i++) budget.recordCall();

    expect(withdrawals(budget, 10)).toBe(2 + 2);
  });

  it('allows nothing with a zero ratio and no reserve', () => {
    const budget = new RetryBudget(0, 0, 1_000, clock);
    budget.recordCall();

    expect(budget.tryWithdraw()).toBe(false);
  });

  it('forgets calls once they are older than the ttl', () => {
    const budget = new RetryBudget(1, 0, 2_000, clock);
    budget.recordCall();
    expect(budget.tryWithdraw()).toBe(true);
    expect(budget.tryWithdraw()).toBe(false);

    now += 1_999;
    const nearlyExpired = budget.tryWithdraw();
    now += 1;
    budget.recordCall();
    const afterExpiry = budget.tryWithdraw();

    expect(nearlyExpired).toBe(false);
    expect(afterExpiry).toBe(true);
  });

  it('expires calls and retries per one-second bucket', () => {
    const budget = new RetryBudget(0.5, 0, 2_000, clock);
    for (let i = 0; i < 4; i++) budget.recordCall();
    now += 1_000;
    expect(withdrawals(budget, 3)).toBe(2);

    now += 1_000; // the 4 calls are gone; the 2 retries of the second bucket remain
    budget.recordCall();
    budget.recordCall();
    const whileRetriesRemain = budget.tryWithdraw();
    now += 1_000; // now the retries are gone too; the 2 newer calls still allow 1
    const afterRetriesLeft = withdrawals(budget, 3);

    expect(whileRetriesRemain).toBe(false);
    expect(afterRetriesLeft).toBe(1);
  });

  it('starts afresh after a pause longer than the ttl', () => {
    const budget = new RetryBudget(0.1, 0, 3_000, clock);
    for (let i = 0; i < 30; i++) budget.recordCall();

    now += 60_000;
    const afterPause = budget.tryWithdraw();
    for (let i = 0; i < 10; i++) budget.recordCall();

    expect(afterPause).toBe(false);
    expect(withdrawals(budget, 10)).toBe(1);
  });
});
