import { setTimeout as sleep } from 'node:timers/promises';
import { Semaphore } from '../semaphore.ts';

export interface HostPolitenessOptions {
  /** Requests in flight at once over all hosts. Default 32. */
  concurrency?: number;
  /** Requests in flight at once to one host. Default 4. */
  perHostConcurrency?: number;
  /** Minimum time between the starts of two requests to the same host. Default 0. */
  minGapMs?: number;
}

/**
 * What the link check needs of politeness: run a request to `host` when the host has room. The
 * in-process `HostPoliteness` below serves one sweep; the queue's Redis one serves every worker.
 */
export interface Politeness {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

interface HostState {
  slots: Semaphore;
  nextStartAt: number;
}

/**
 * Politeness shared by every site's link check in one sweep: at most `perHostConcurrency` requests
 * in flight to one host, starts to one host spaced by `minGapMs`, and at most `concurrency` requests
 * in flight overall. A task takes its host slot before a global slot, so a busy host never holds
 * global slots while it waits.
 */
export class HostPoliteness implements Politeness {
  readonly concurrency: number;
  readonly perHostConcurrency: number;
  readonly minGapMs: number;
  private readonly global: Semaphore;
  private readonly hosts = new Map<string, HostState>();

  constructor(options: HostPolitenessOptions = {}) {
    this.concurrency = options.concurrency ?? 32;
    this.perHostConcurrency = options.perHostConcurrency ?? 4;
    this.minGapMs = options.minGapMs ?? 0;
    for (const [name, value, min] of [
      ['concurrency', this.concurrency, 1],
      ['perHostConcurrency', this.perHostConcurrency, 1],
      ['minGapMs', this.minGapMs, 0],
    ] as const) {
      if (!Number.isFinite(value) || value < min) {
        throw new Error(`HostPoliteness ${name} must be a finite number >= ${min}, got ${value}`);
      }
    }
    this.global = new Semaphore(this.concurrency);
  }

  /** Runs `task` when the host and the sweep have room for one more request. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.stateOf(host);
    await state.slots.acquire();
    try {
      await this.waitForGap(state);
      await this.global.acquire();
      try {
        return await task();
      } finally {
        this.global.release();
      }
    } finally {
      state.slots.release();
      if (state.slots.idle && state.nextStartAt <= Date.now()) this.hosts.delete(host);
    }
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { slots: new Semaphore(this.perHostConcurrency), nextStartAt: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }

  private async waitForGap(state: HostState): Promise<void> {
    if (this.minGapMs === 0) return;
    const now = Date.now();
    const startAt = Math.max(now, state.nextStartAt);
    // Reserve the start time before sleeping so concurrent tasks line up behind it.
    state.nextStartAt = startAt + this.minGapMs;
    if (startAt > now) await sleep(startAt - now);
  }
}
