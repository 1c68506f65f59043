import { access, constants } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--no-first-run',
  '--disable-quic',
  // Pages reach the network only through the render's proxy (see reach-proxy.ts): WebRTC may not send
  // UDP of its own, to a STUN server on an intranet address or anywhere else.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

/**
 * Nor does Chromium resolve any host itself, IP hosts included: it reaches the render's proxy on
 * 127.0.0.1 and nothing else, even were a request to bypass the proxy. The proxy applies `--resolve`.
 */
const NO_RESOLVING = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

/** The Chromium binary to drive: `GOV_INSPECT_CHROMIUM`, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.GOV_INSPECT_CHROMIUM || DEFAULT_CHROMIUM;
}

/**
 * Launches headless Chromium (Debian's build, never Playwright's download). Queue workers pass
 * `handleSignals: false`: Playwright would otherwise close the browser on SIGTERM under the site in
 * hand, while the worker means to finish it.
 */
export interface LaunchOptions {
  handleSignals?: boolean;
  /**
   * True for a browser that only views the service's own pages by name (a test signing in to the
   * dashboards from `localhost`): it resolves host names as usual. Never for rendering sites.
   */
  resolveHosts?: boolean;
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
    args: options.resolveHosts ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, NO_RESOLVING],
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
  });
}
