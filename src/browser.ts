import { access, constants } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright';
import { hostResolverRules } from '../crawlers/resolve/chromium-rules.ts';
import type { ResolveTable } from '../crawlers/resolve/resolve-table.ts';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--no-first-run',
  '--disable-quic',
];

/** The Chromium binary to drive: `GOV_INSPECT_CHROMIUM`, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.GOV_INSPECT_CHROMIUM || DEFAULT_CHROMIUM;
}

/**
 * Launches headless Chromium (Debian's build, never Playwright's download). Queue workers pass
 * `handleSignals: false`: Playwright would otherwise close the browser on SIGTERM under the site in
 * hand, while the worker means to finish it. `resolve` (the `--resolve` entries) becomes Chromium's
 * `--host-resolver-rules`, which hold for the browser's life: one browser per resolve table.
 */
export interface LaunchOptions {
  handleSignals?: boolean;
  resolve?: ResolveTable;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `找不到可执行的 Chromium：${executablePath}。请运行 scripts/install-system-deps.sh 安装 Debian 的 chromium 软件包，` +
        '或用环境变量 GOV_INSPECT_CHROMIUM 指定 Chromium 可执行文件的路径。',
    );
  }
  const handleSignals = options.handleSignals ?? true;
  return chromium.launch({
    executablePath,
    headless: true,
    args: browserArgs(options.resolve ?? []),
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
  });
}

function browserArgs(table: ResolveTable): string[] {
  const rules = hostResolverRules(table);
  return rules ? [...CHROMIUM_ARGS, `--host-resolver-rules=${rules}`] : CHROMIUM_ARGS;
}
