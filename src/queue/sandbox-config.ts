import type { ServiceConfig } from '../service/config.ts';
import type { QueueConfig } from './queues.ts';

/** What the sandboxed site processor needs, handed to its child process in the environment. */
export interface SandboxConfig extends QueueConfig, Pick<ServiceConfig, 'artifactDir'> {
  /** Requests in flight at once to one host over every worker. */
  perHostConcurrency?: number;
  /** The lock file through which the worker's children run OCR one at a time. */
  ocrLock?: string;
}

const VARIABLE = 'GOV_INSPECT_SITE_PROCESSOR';

/** The environment of a site processor child: the parent's, plus its configuration. */
export function sandboxEnv(config: SandboxConfig): NodeJS.ProcessEnv {
  return { ...process.env, [VARIABLE]: JSON.stringify(config) };
}

export function readSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  const raw = env[VARIABLE];
  if (!raw)
    throw new Error(`${VARIABLE} is not set: the site processor runs only in a child of the site worker`);
  return JSON.parse(raw) as SandboxConfig;
}
