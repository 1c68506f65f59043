import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { appendProbes } from '../../crawlers/homepage-probe/probe-log.ts';
import { withResolveTable } from '../inspection/context.ts';
import { log } from '../log.ts';
import { probedAvailability, requestSettings } from './sweep-command-line.ts';

/**
 * `gov-inspect demo [--out DIR]`: serves the bundled demo sites on 127.0.0.1, writes their registry to
 * DIR/sites.yaml and their (made-up) 8 days of probe history to DIR/probes.jsonl, and sweeps them exactly as
 * `sweep --probes` would, so the product can be seen with no set-up.
 */
export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('在本机启动内置的演示网站并检查它们，写出报告')
    .option('--out <dir>', '输出目录', 'out/demo')
    .action(async (flags: { out: string }) => {
      const [{ serveDemoSites }, { probeHistory }, { sweepAndWrite }] = await Promise.all([
        import('../../demo/serve-demo.ts'),
        import('../../demo/probe-history.ts'),
        import('./sweep-command.ts'),
      ]);
      const now = new Date();
      const demo = await serveDemoSites({ today: now, namedHosts: true });
      try {
        const out = resolve(flags.out);
        await mkdir(out, { recursive: true });
        await writeFile(join(out, 'sites.yaml'), stringify({ sites: demo.sites }));
        const probes = join(out, 'probes.jsonl');
        await rm(probes, { force: true });
        await appendProbes(probes, probeHistory(demo, now));
        const resolveFlags = demo.resolve
          .map((e) => `--resolve '${e.host}:${e.port}:${e.address}'`)
          .join(' ');
        process.stdout.write(
          `演示网站已在本机启动（${demo.sites.length} 个，使用真实样式的域名，经 --resolve 指向本机），站点清单：${join(out, 'sites.yaml')}\n` +
            `演示期间可另行检查：npx gov-inspect sweep --sites ${join(out, 'sites.yaml')} --out ${join(out, 'again')} --probes ${probes} ${resolveFlags}\n`,
        );
        // Short timeouts: one demo link hangs on purpose, and nobody should wait 30 s to see it reported.
        await sweepAndWrite({
          sites: demo.sites,
          out,
          now,
          concurrency: 3,
          log,
          settings: withResolveTable(requestSettings(200, 5_000), demo.resolve),
          availability: await probedAvailability(probes, now),
        });
      } finally {
        await demo.close();
      }
    });
}
