import { load } from 'cheerio';
import { pageListItems } from '../crawlers/site-crawl/list-items.ts';
import { pageFacts } from '../crawlers/site-crawl/page-facts.ts';
import { machineLine } from './machine.ts';

/**
 * What reading a page's dated list entries (content-freshness's gatherer) costs per crawled page, beside
 * reading its links: a column page of 40 entries with a 20-link navigation and a sidebar list.
 * `node --import tsx bench/list-entries.ts [--runs N]`.
 */
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 2000;
const entries = Array.from(
  { length: 40 },
  (_, i) =>
    `<li><a href="/art/2026/info_${i}.html">关于开展第${i}次检查工作的通知</a><span>2026-11-${String((i % 28) + 1).padStart(2, '0')}</span></li>`,
).join('');
const nav = Array.from({ length: 20 }, (_, i) => `<a href="/c${i}/">栏目${i}</a>`).join('');
const html = `<html><head><title>通知公告</title></head><body><div class="nav">${nav}</div>
<div class="main"><ul class="list">${entries}</ul></div><div class="side"><ul>${entries.slice(0, 2000)}</ul></div></body></html>`;
const $ = load(html);

function msPerPage(read: () => unknown): string {
  for (let i = 0; i < runs / 10; i++) read();
  const started = performance.now();
  for (let i = 0; i < runs; i++) read();
  return ((performance.now() - started) / runs).toFixed(3);
}

console.log(
  `list entries found: ${pageListItems($, 'http://www.example.gov.cn/tzgg/').length}, runs: ${runs}`,
);
console.log(`parse (cheerio load): ${msPerPage(() => load(html))} ms/page`);
console.log(
  `links and forms (pageFacts): ${msPerPage(() => pageFacts($, 'http://www.example.gov.cn/tzgg/'))} ms/page`,
);
console.log(
  `dated list entries (pageListItems): ${msPerPage(() => pageListItems($, 'http://www.example.gov.cn/tzgg/'))} ms/page`,
);
console.log(machineLine());
