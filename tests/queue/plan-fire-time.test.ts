import { describe, expect, it } from 'vitest';
import { firedAt } from '../../src/queue/plan-runner.ts';
import { quarterOf } from '../../src/sweep/period.ts';

describe('firedAt', () => {
  it('is the scheduled fire time, not the time the scheduler job was created', () => {
    // The 1 Feb 09:00 (Shanghai) patrol's job is created at the previous firing, on 1 Nov.
    const created = Date.parse('2025-11-01T01:00:00Z');
    const fires = Date.parse('2026-02-01T01:00:00Z');
    const fired = firedAt({ timestamp: created, delay: fires - created });
    expect(fired.toISOString()).toBe('2026-02-01T01:00:00.000Z');
    expect(quarterOf(fired)).toBe('2026Q1');
  });

  it('is the creation time of a job added to run at once', () => {
    expect(firedAt({ timestamp: 1_000, delay: 0 }).getTime()).toBe(1_000);
  });
});
