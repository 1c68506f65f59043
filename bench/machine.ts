import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The machine the figures were measured on, in one line fit to quote. */
export function machineLine(): string {
  const cores = os.availableParallelism();
  const ramGiB = (os.totalmem() / 2 ** 30).toFixed(1);
  return `Machine: ${cpuModel()}, ${cores} cores, ${ramGiB} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1]!.trim();
  } catch {
    // Not Linux: os.cpus() reads the model another way.
  }
  return os.cpus()[0]?.model ?? 'unknown CPU';
}
