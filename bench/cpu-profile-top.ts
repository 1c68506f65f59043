import { readFileSync } from 'node:fs';

/**
 * A `.cpuprofile`'s self time by package (node_modules package, node: module, or the project's
 * folder), largest first: how the README's profile figures are read.
 * `node --import tsx bench/cpu-profile-top.ts FILE [--top N]`
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/cpu-profile-top.ts FILE.cpuprofile [--top N]');
const topAt = process.argv.indexOf('--top');
const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 30;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));

function place({ url, functionName }: ProfileNode['callFrame']): string {
  if (!url) return functionName || '(anonymous)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/')[0]!;
  const own = /\/((?:crawlers|checks|src|reports|bench)\/[^/]+)/.exec(url);
  return own ? own[1]! : url;
}

const byPlace = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  total += us;
  const key = place(nodes.get(id)!.callFrame);
  byPlace.set(key, (byPlace.get(key) ?? 0) + us);
});
console.log(`${(total / 1e6).toFixed(1)} s of samples`);
for (const [key, us] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(
    `${(us / 1e6).toFixed(1).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`,
  );
}
