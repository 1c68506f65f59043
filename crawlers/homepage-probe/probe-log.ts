import { createReadStream } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { HomepageProbe } from '../artifacts.ts';

/**
 * The probe log of the one-shot CLI: JSON Lines, one probe a line, `{ siteId, at, url, ok, status?,
 * error?, durationMs }`, what the service's store keeps of a probe. `gov-inspect probe` appends to it
 * from cron; `gov-inspect sweep --probes` reads it.
 */
export interface LoggedProbe extends HomepageProbe {
  siteId: string;
}

/** A probe log that cannot be read: missing, or a line that is not a probe. The message is for the user. */
export class ProbeLogError extends Error {
  override readonly name = 'ProbeLogError';
}

/** Appends `probes` to the log, one line each, creating the file if it is missing. */
export async function appendProbes(file: string, probes: readonly LoggedProbe[]): Promise<void> {
  if (probes.length === 0) return;
  const lines = probes.map((probe) => `${JSON.stringify(logLine(probe))}\n`).join('');
  await appendFile(file, lines, 'utf8');
}

/** The probes of the log by site, in the order logged. Rejects the whole log on its first bad line. */
export async function readProbeLog(file: string): Promise<Map<string, HomepageProbe[]>> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', reject);
  });
  try {
    await opened;
  } catch (error) {
    throw new ProbeLogError(
      `无法读取探测记录文件 ${file}：${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  const bySite = new Map<string, HomepageProbe[]>();
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const { siteId, ...probe } = parseLine(line, file, lineNumber);
    const probes = bySite.get(siteId);
    if (probes) probes.push(probe);
    else bySite.set(siteId, [probe]);
  }
  return bySite;
}

function logLine(probe: LoggedProbe): LoggedProbe {
  const { siteId, at, url, ok, status, error, durationMs } = probe;
  return {
    siteId,
    at,
    url,
    ok,
    ...(status !== undefined ? { status } : {}),
    ...(error !== undefined ? { error } : {}),
    durationMs,
  };
}

function parseLine(line: string, file: string, lineNumber: number): LoggedProbe {
  const bad = (why: string) =>
    new ProbeLogError(
      `探测记录文件 ${file} 第 ${lineNumber} 行有误：${why}；每行应为一次探测的 JSON，如 {"siteId":"sc-portal","at":"2026-11-25T02:00:00.000Z","url":"https://www.sc.gov.cn/","ok":true,"status":200,"durationMs":320}`,
    );
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw bad('不是有效的 JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('不是 JSON 对象');
  const v = value as Record<string, unknown>;
  if (typeof v.siteId !== 'string' || v.siteId === '') throw bad('缺少 siteId');
  if (typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at))) throw bad('at 不是 ISO-8601 时间');
  if (typeof v.url !== 'string') throw bad('缺少 url');
  if (typeof v.ok !== 'boolean') throw bad('ok 必须是 true 或 false');
  if (typeof v.durationMs !== 'number' || !(v.durationMs >= 0)) throw bad('durationMs 必须是非负数');
  if (v.status !== undefined && !Number.isInteger(v.status)) throw bad('status 必须是整数');
  if (v.error !== undefined && typeof v.error !== 'string') throw bad('error 必须是字符串');
  return logLine(v as unknown as LoggedProbe);
}
