import { REPORT_CSS } from '../../../reports/html/styles.ts';

/** The dashboard's own layout, on top of the sweep report's styles (badges, findings, evidence). */
const DASHBOARD_CSS = `
html { -webkit-text-size-adjust: 100%; }
body { max-width: none; padding: 0; }
.facts dd, .crumbs, main h1, .stat b { overflow-wrap: anywhere; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 20px 40px; }
main h1 { text-align: left; font-size: 24px; }
.topbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between;
  padding: 10px 20px; background: var(--accent); color: #fff; }
.topbar a.brand { color: #fff; font-weight: 700; font-size: 17px; text-decoration: none; }
.account { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; font-size: 14px; }
.account nav { display: flex; flex-wrap: wrap; gap: 6px; }
.account nav a { text-decoration: none; }
.account nav a[aria-current=page] { background: #fff; color: var(--accent); }
.account form { margin: 0; }
.link-button { background: none; border: 1px solid #fff; color: #fff; border-radius: 4px; padding: 2px 10px; font: inherit; cursor: pointer; }
.foot { max-width: 1180px; margin: 0 auto; padding: 12px 20px 24px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; background: #fff; }
.login { max-width: 460px; margin: 40px auto; }
.login label { display: block; font-weight: 600; margin: 12px 0 4px; }
.login input[type=password] { width: 100%; padding: 8px 10px; font: inherit; border: 1px solid var(--line); border-radius: 4px; }
button[type=submit]:not(.link-button) { margin-top: 12px; padding: 6px 18px; font: inherit; color: #fff; background: var(--accent);
  border: none; border-radius: 4px; cursor: pointer; }
.alert { color: var(--fail); background: var(--fail-bg); padding: 8px 12px; border-radius: 4px; }
.success { color: var(--pass); background: var(--pass-bg); padding: 8px 12px; border-radius: 4px; }
.warning { color: var(--fail); font-weight: 600; font-size: 14px; }
.form h2 { margin-top: 0; }
.form label { display: block; font-weight: 600; margin: 12px 0 4px; }
.form label.choice { font-weight: normal; margin: 4px 0; }
.form label.choice small { display: block; margin-left: 1.6em; }
.form input[type=url], .form input:not([type]), .form input[type=text] { width: 100%; max-width: 36em; padding: 6px 8px;
  font: inherit; border: 1px solid var(--line); border-radius: 4px; }
.form fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 12px 0; padding: 6px 14px 10px; }
.form legend { font-weight: 600; padding: 0 4px; }
.form .inline { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
.form .inline label.choice { display: inline-block; }
.form select { font: inherit; padding: 3px 6px; max-width: 100%; }
.site-picks { max-height: 260px; overflow-y: auto; border: 1px solid var(--line); border-radius: 4px; padding: 4px 10px; margin-left: 1.6em; }
.site-picks label.choice small { display: inline; margin: 0; }
td form { display: inline; margin: 0; }
td form button[type=submit]:not(.link-button), .copy { margin: 0; padding: 2px 10px; font: inherit; font-size: 14px;
  border-radius: 4px; cursor: pointer; border: 1px solid var(--accent); color: var(--accent); background: #fff; }
td form button.danger[type=submit]:not(.link-button) { color: var(--fail); border-color: var(--fail); }
td a + form { margin-left: 8px; }
.secret label { font-weight: 600; }
.secret-row { display: flex; gap: 6px; margin: 6px 0; }
.secret-value { flex: 1; min-width: 0; padding: 6px 8px; font: 14px ui-monospace, SFMono-Regular, Menlo, monospace;
  border: 1px solid var(--line); border-radius: 4px; background: var(--head); }
.problems td:first-child, .problems td:nth-child(2) { white-space: nowrap; }
.problem-text { white-space: pre-wrap; font-size: 13px; }
.changed .before { color: var(--fail); text-decoration: line-through; }
.changed .after { color: var(--pass); }
.stats-line .added { color: var(--pass); }
.stats-line .removed { color: var(--fail); }
.delivery.delivered { color: var(--pass); }
.delivery.failed { color: var(--fail); }
.confirm a { margin-left: 12px; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0 16px; }
.filters select { font: inherit; padding: 3px 6px; max-width: 100%; }
.filters label { display: inline-flex; gap: 4px; align-items: center; max-width: 100%; min-width: 0; }
.filters label select { min-width: 0; }
.filters button[type=submit] { margin-top: 0; }
.downloads a { margin-right: 12px; }
.chart-box { position: relative; height: 280px; width: 100%; }
.chart-box.small { height: 220px; }
details { margin: 8px 0; font-size: 14px; }
meter { width: 6em; vertical-align: middle; }
td.rate { white-space: nowrap; }
.new { color: var(--fail); font-weight: 600; white-space: nowrap; }
.fixed { color: var(--pass); font-weight: 600; white-space: nowrap; }
.crumbs { color: var(--muted); font-size: 14px; margin: 0 0 8px; }
.plain { padding-left: 20px; }
progress { width: 100%; height: 14px; }
.state.done { color: var(--pass); }
.state.failed { color: var(--fail); }
.code { color: var(--muted); font-size: 13px; }
.site { border-top: none; margin-top: 0; }
.site h1 { margin-top: 0; }
.shot img { width: 100%; }
.ranking th[scope=row] { min-width: 10em; }
/* A column per rule (fifteen of them) beside the scores: narrow cells keep it on a laptop screen. */
.ranking th, .ranking td { padding-left: 3px; padding-right: 3px; }
.sweeps th, .sweeps td { white-space: nowrap; }
.finding-state { display: inline-block; white-space: nowrap; padding: 0 8px; border-radius: 3px; font-size: 13px; border: 1px solid; }
.finding-state.open { color: var(--na); background: var(--na-bg); }
.finding-state.appealed { color: var(--review); background: var(--review-bg); font-weight: 600; }
.finding-state.upheld { color: var(--fail); background: var(--fail-bg); }
.finding-state.overturned { color: var(--pass); background: var(--pass-bg); font-weight: 600; }
.queue-group h2, .city-finding h3 { margin: 0 0 8px; font-size: 17px; }
.group-size { font-size: 13px; font-weight: normal; color: var(--muted); }
.queue-items, .city-findings { list-style: none; padding: 0; margin: 0; }
.queue-item { border-top: 1px solid var(--line); padding: 8px 0; }
.queue-item .pick { font-weight: 600; }
.queue-item .pick input { width: 18px; height: 18px; vertical-align: middle; }
.appeal-reason { margin: 6px 0; padding: 6px 12px; border-left: 4px solid var(--review); background: var(--review-bg); }
.appeal-reason p { margin: 2px 0; }
.evidence-shot img { max-width: 100%; border: 1px solid var(--line); }
.history-log { margin: 4px 0; padding-left: 22px; font-size: 14px; }
.history-log .why { margin: 2px 0 6px; white-space: pre-wrap; }
.history-log .overturned .what { color: var(--pass); }
.history-log .upheld .what { color: var(--fail); }
.decide label, .appeal label { display: block; font-weight: 600; margin: 10px 0 4px; }
.decide textarea, .appeal textarea { display: block; width: 100%; max-width: 44em; padding: 6px 8px; font: inherit; border: 1px solid var(--line); border-radius: 4px; }
.decide-buttons { display: flex; gap: 10px; }
.decide-buttons button.overturn[type=submit] { background: var(--pass); }
.city-finding h4 { margin: 10px 0 2px; font-size: 14px; }
.adjudicated h2 { margin-top: 0; }
.adjudicated .struck { color: var(--pass); font-weight: 600; }
@media (max-width: 640px) {
  main { padding: 12px 10px 28px; }
  main h1 { font-size: 20px; }
  .topbar { padding: 8px 10px; }
  .chart-box { height: 220px; }
  .facts { grid-template-columns: 1fr; }
  .facts dt { margin-top: 4px; }
}
`;

export const STYLESHEET = REPORT_CSS + DASHBOARD_CSS;
