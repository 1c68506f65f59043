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
.account { display: flex; gap: 12px; align-items: center; font-size: 14px; }
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
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0 16px; }
.filters select { font: inherit; padding: 3px 6px; max-width: 100%; }
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
.sweeps th, .sweeps td { white-space: nowrap; }
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
