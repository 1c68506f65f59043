/** The report's whole stylesheet, inlined so the file stands alone: screen, phone and A4 print. */
export const REPORT_CSS = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --head: #f3f5f7; --accent: #b8121b;
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #b8121b; --fail-bg: #ffebe9;
  --review: #8a5a00; --review-bg: #fff4d6; --na: #59636e; --na-bg: #eef1f4; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 24px 20px 48px; color: var(--ink); background: #fff;
  font: 15px/1.65 "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
  "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 26px; margin: 0 0 12px; padding-bottom: 10px; border-bottom: 3px solid var(--accent); color: var(--accent); text-align: center; }
h2 { font-size: 20px; margin: 32px 0 12px; padding-left: 10px; border-left: 5px solid var(--accent); }
h3 { font-size: 16px; margin: 20px 0 8px; }
a { color: #0a58ca; }
small { color: var(--muted); font-weight: normal; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0 16px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; min-width: 0; }
.url { word-break: break-all; }
.scroll { overflow-x: auto; position: relative; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
tbody th { font-weight: 600; background: #fafbfc; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.grid { font-size: 13px; }
.grid th, .grid td { padding: 4px 5px; }
.grid td { text-align: center; vertical-align: middle; }
.grid th { white-space: nowrap; }
.grid thead th { vertical-align: bottom; }
.grid thead th.rule-col { white-space: normal; width: 3.4em; text-align: center; }
.grid.ranking thead th { white-space: normal; min-width: 2.3em; }
.grid abbr[title] { text-decoration: none; border-bottom: 1px dotted var(--muted); cursor: help; }
.grid tbody th { white-space: normal; min-width: 8em; }
.grid tbody th, .grid thead th:first-child { position: sticky; left: 0; z-index: 1; }
.grid thead th:first-child { background: var(--head); }
.grid td.num { text-align: center; }
.key { font-size: 12px; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.score { font-weight: 700; }
.badge { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 10px; font-size: 13px; border: 1px solid; }
.badge .sym { font-weight: 700; margin-right: 3px; }
.badge.pass { color: var(--pass); background: var(--pass-bg); }
.badge.fail { color: var(--fail); background: var(--fail-bg); font-weight: 700; }
.badge.review { color: var(--review); background: var(--review-bg); border-style: dashed; }
.badge.na { color: var(--na); background: var(--na-bg); border-color: transparent; }
.badge.mark { padding: 0 6px; }
.badge.mark .sym { margin-right: 0; }
.rating, .veto-tag { display: inline-block; white-space: nowrap; padding: 0 6px; border: 1px solid; border-radius: 3px;
  font-size: 13px; font-weight: 700; line-height: 1.6; }
.rating.qualified { color: var(--pass); background: var(--pass-bg); }
.rating.unqualified, .veto-tag { color: #fff; background: var(--fail); border-color: var(--fail); }
.rating.unrated { color: var(--na); border-style: dashed; font-weight: normal; }
.veto-note { color: var(--fail); font-weight: 600; margin: 6px 0 0; }
.vetoes { margin: 2px 0 0; padding-left: 20px; }
.status { white-space: nowrap; }
.status.unreachable, .status.error { color: var(--fail); font-weight: 700; }
.status.capped { color: var(--review); white-space: normal; }
.stats { display: flex; flex-wrap: wrap; gap: 10px; }
.stat { flex: 1 1 150px; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.stat span { display: block; color: var(--muted); font-size: 13px; }
.stat b { font-size: 22px; }
.stat small { display: block; font-size: 12px; }
.note, .legend, .more { color: var(--muted); font-size: 13px; }
.none { color: var(--muted); }
.site { border-top: 1px solid var(--line); margin-top: 28px; }
.site h2 { margin-top: 24px; }
.shot { margin: 12px 0; }
.shot img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); }
.shot figcaption { color: var(--muted); font-size: 13px; text-align: center; margin-top: 4px; }
.rule { margin: 14px 0; padding: 10px 14px; border: 1px solid var(--line); border-radius: 6px; }
.rule h3 { margin: 0; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.findings { margin: 10px 0 0; padding-left: 22px; }
.finding { margin-bottom: 10px; }
.finding p, .page-group p { margin: 2px 0; }
.msg { font-weight: 600; }
.where { font-size: 14px; }
.page-group { margin-top: 10px; }
.links { table-layout: fixed; min-width: 560px; }
.links th:first-child { width: 36%; }
.links th:nth-child(2) { width: 10em; }
.links .evidence { display: block; background: none; padding: 0; color: var(--muted); }
.links .evidence dt, .links .evidence dd, .links .ev-list, .links .ev-list li { display: inline; padding: 0; }
.links .evidence dt::after { content: "："; }
.links .evidence dd::after { content: "；"; }
.links .ev-list li + li::before { content: "、"; }
.links .code { overflow-wrap: anywhere; }
.gloss { color: var(--muted); font-size: 12px; }
.evidence { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0; font-size: 13px;
  background: #f8f9fa; padding: 6px 10px; border-radius: 4px; }
.evidence dt { color: var(--muted); }
.evidence dd { margin: 0; min-width: 0; word-break: break-word; }
.evidence .evidence { padding: 2px 0; background: none; }
.ev-list { margin: 0; padding-left: 18px; }
.notes dt { font-weight: 600; margin-top: 8px; }
.notes dd { margin: 0 0 0 1em; }
.notes dd p { margin: 2px 0; }
.applies { color: var(--muted); font-size: 14px; }
@media (max-width: 640px) {
  body { padding: 14px 10px 32px; font-size: 14px; }
  h1 { font-size: 20px; }
  .evidence { grid-template-columns: 1fr; }
  .evidence dt { margin-top: 4px; }
  table { font-size: 13px; }
  th, td { padding: 4px 5px; }
  .grid tbody th { min-width: 6em; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  .scroll { overflow: visible; }
  table { font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr, .finding, .shot, .stat { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .site { break-before: page; border-top: none; }
}
`;
