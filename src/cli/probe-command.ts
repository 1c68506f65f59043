import type { Command } from 'commander';
import pLimit from 'p-limit';
import { probeHomepage } from '../../crawlers/homepage-probe/probe-homepage.ts';
import { appendProbes, type LoggedProbe } from '../../crawlers/homepage-probe/probe-log.ts';
import { siteReach } from '../../crawlers/reach/site-reach.ts';
import { loadSites } from '../registry/load.ts';
import { allowNetworksFromEnv, RESOLVE_OPTION, resolveFlag } from './sweep-command-line.ts';

/** Homepages probed at once: each probe is one request to a different site, as in the service's rounds. */
const PROBE_CONCURRENCY = 16;

/**
 * `gov-inspect probe --sites FILE --log FILE [--resolve HOST:PORT:ADDRESS]...`: probes every site's
 * homepage once and appends the probes to the log, for `sweep --probes` to judge availability from
 * (an office without the service runs it from cron).
 */
export function probeCommand(program: Command): void {
  program
    .command('probe')
    .description(
      '探测站点清单中每个网站的首页一次，追加到探测记录文件；请用 cron 每 30 分钟运行一次（如 */30 * * * *），检查时以 sweep --probes 按记录判断首页可用性',
    )
    .requiredOption('--sites <file>', '站点清单（.yaml / .json / .csv / .xlsx）')
    .requiredOption('--log <file>', '探测记录文件（JSON Lines，不存在时创建，每次追加）')
    .option(...RESOLVE_OPTION)
    .action(async (flags: { sites: string; log: string; resolve?: string[] }) => {
      const resolve = resolveFlag(flags.resolve ?? []);
      const allowNetworks = allowNetworksFromEnv();
      const sites = await loadSites(flags.sites);
      const limit = pLimit(PROBE_CONCURRENCY);
      const probes = await Promise.all(
        sites.map((site) =>
          limit(
            async (): Promise<LoggedProbe> => ({
              siteId: site.id,
              ...(await probeHomepage(site.homepage, {
                resolve,
                reach: await siteReach(site.homepage, { resolve, allowNetworks }),
              })),
            }),
          ),
        ),
      );
      await appendProbes(flags.log, probes);
      const failures = probes.filter((probe) => !probe.ok).length;
      process.stdout.write(`已探测 ${sites.length} 个网站，${failures} 个无法访问；记录：${flags.log}\n`);
    });
}
