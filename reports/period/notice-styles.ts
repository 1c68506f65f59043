/** The notice's stylesheet: an official document (红头) on A4, also readable on a screen. */
export const NOTICE_CSS = `
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 860px; padding: 32px 28px 48px; color: #111; background: #fff;
  font: 15px/1.8 "FangSong", "STFangsong", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
.masthead { text-align: center; color: #c00; font-size: 34px; font-weight: 700; letter-spacing: 4px; margin: 8px 0 6px; }
.red-line { border: 0; border-top: 3px solid #c00; margin: 0 0 28px; }
h1 { text-align: center; font-size: 22px; line-height: 1.5; margin: 0 auto 24px; max-width: 34em; font-weight: 700; text-wrap: balance; }
h2 { font-size: 17px; margin: 22px 0 8px; font-weight: 700; }
p { text-indent: 2em; margin: 6px 0; }
p.addressee, p.note { text-indent: 0; }
p.note { color: #444; font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 10px 0; font-size: 13px; line-height: 1.5; }
caption { font-weight: 700; padding-bottom: 4px; }
th, td { border: 1px solid #333; padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: #f1f1f1; text-align: center; }
td.num, td.region, thead th { text-align: center; white-space: nowrap; }
td.region { text-align: left; }
td.name { width: 13em; }
td ol { margin: 0; padding-left: 1.4em; }
.new { color: #c00; margin-left: 4px; white-space: nowrap; }
.down { text-indent: 0; color: #c00; margin: 0; }
.veto { text-indent: 0; color: #c00; font-weight: 700; margin: 0; }
ol.unqualified { margin: 4px 0 8px 2em; padding-left: 1.4em; }
.rating { white-space: nowrap; }
.rating.unqualified { color: #c00; font-weight: 700; }
.rating.unrated { color: #666; }
.automated { color: #666; font-weight: 400; white-space: nowrap; }
.seal, .draft { text-align: center; text-indent: 0; color: #444; font-size: 13px; margin: -12px 0 18px; word-break: break-all; }
ol.struck-off { margin: 4px 0 8px 2em; padding-left: 1.4em; }
.signature { margin-top: 36px; text-align: right; }
.signature p { text-indent: 0; margin: 2px 0; }
@page { size: A4; margin: 22mm 18mm 20mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table { font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  .signature { break-inside: avoid; }
}
@media (max-width: 640px) { body { padding: 16px 10px; font-size: 14px; } .masthead { font-size: 24px; } h1 { font-size: 18px; } }
`;
