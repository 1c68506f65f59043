import type { ServiceConfig } from '../service/config.ts';
import { UsageError } from './usage-error.ts';

/** The service's configuration from the environment; a bad value is a usage error (exit code 2). */
export async function serviceConfig(): Promise<ServiceConfig> {
  const { loadConfig, ConfigError } = await import('../service/config.ts');
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
