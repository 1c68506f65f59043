import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { closeParts } from '../../src/service/shutdown.ts';

function capturingLog() {
  const lines: { msg: string; part?: string }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

describe('closeParts', () => {
  it('closes in order; a part that fails or never closes is logged and the rest close all the same, within the grace', async () => {
    const { log, lines } = capturingLog();
    const closed: string[] = [];
    const started = performance.now();
    await closeParts(
      [
        { name: 'API', close: async () => void closed.push('API') },
        { name: 'stuck worker', close: () => new Promise(() => undefined) },
        {
          name: 'broken queue',
          close: async () => {
            throw new Error('ERR something Redis said');
          },
        },
        { name: 'results store', close: async () => void closed.push('results store') },
      ],
      log,
      { graceMs: 300 },
    );
    const elapsed = performance.now() - started;
    expect(closed).toEqual(['API', 'results store']);
    // The stuck part is given what is left of the grace, but at least a second.
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(2_000);
    expect(lines.map((line) => [line.part, line.msg])).toEqual([
      ['stuck worker', 'stuck worker had not closed 0.3 s after the signal: Redis connections dropped'],
      ['broken queue', 'broken queue did not close cleanly'],
    ]);
  });

  it('has a part still closing when the grace is over give up its work in hand, and only that part', async () => {
    const { log } = capturingLog();
    const abandoned: string[] = [];
    await closeParts(
      [
        { name: 'API', close: async () => undefined, abandon: async () => void abandoned.push('API') },
        {
          name: 'site worker',
          close: () => new Promise(() => undefined),
          abandon: async () => void abandoned.push('site worker'),
        },
      ],
      log,
      { graceMs: 100 },
    );
    expect(abandoned).toEqual(['site worker']);
  });

  it('drops the Redis connections first when Redis is unreachable, and says nothing of closes failing for that', async () => {
    const { log, lines } = capturingLog();
    await closeParts(
      [
        {
          name: 'sweep launcher',
          close: async () => {
            throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
          },
        },
      ],
      log,
      { redisReachable: () => false },
    );
    expect(lines.map((line) => line.msg)).toEqual(['Redis unreachable: its connections are dropped at once']);
  });
});
