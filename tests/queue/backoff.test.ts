import { describe, expect, it } from 'vitest';
import { cappedDoubling, PATIENT_BACKOFF, patientBackoff } from '../../src/queue/queues.ts';

describe('backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => cappedDoubling(n, 1_000, 5_000))).toEqual([
      1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
  });

  it('waits out long outages patiently: a result job retried for days never waits more than 5 minutes', () => {
    const job = { opts: { backoff: { delay: 1_000 } } };
    expect(patientBackoff(1, PATIENT_BACKOFF, undefined, job)).toBe(1_000);
    expect(patientBackoff(9, PATIENT_BACKOFF, undefined, job)).toBe(256_000);
    expect(patientBackoff(500, PATIENT_BACKOFF, undefined, job)).toBe(300_000);
  });
});
