import type { NoticeModel, NoticeSeal } from '../../src/period-reports/notice-model.ts';
import { escapeHtml } from '../html/escape.ts';
import { sealBlock } from './notice-adjudication.ts';
import { renderIndicators, renderOverview } from './notice-overview.ts';
import { renderComparison, renderProblems } from './notice-problems.ts';
import { NOTICE_CSS } from './notice-styles.ts';
import { actionWord, formatDate } from './notice-text.ts';

/** Who the notice is addressed to: the offices below the issuer. */
function addressee(model: NoticeModel): string {
  return model.region === null
    ? '各市（州）人民政府办公厅（室），省直各部门（单位）办公室：'
    : '各县（市、区）人民政府办公室，市级各部门（单位）办公室：';
}

function renderIntro(model: NoticeModel): string {
  return `<p class="addressee">${addressee(model)}</p><p>根据《政府信息主动公开平台建设规范》第4.6.1条关于定期开展政府网站检查并公开检查结果的要求，${escapeHtml(model.issuer)}对${escapeHtml(model.scopeWord)}政府网站开展了${escapeHtml(model.periodText)}${actionWord(model)}，重点检查网站全称展示、“政府公报”专栏、归档网页标注、政府网站工作年度报表发布、失效链接、网站域名、内容更新、首页可用性和安全访问等情况。现将有关情况通报如下：</p>`;
}

function renderRequirements(model: NoticeModel): string {
  const supervisors =
    model.region === null
      ? '各市（州）政府办公厅（室）和省直各部门（单位）'
      : '各县（市、区）政府办公室和市级各部门（单位）';
  return `<section><h2>五、工作要求</h2>
<p>（一）抓紧整改。请名单中的网站主办单位对照通报问题逐项整改，于通报印发之日起15个工作日内完成，并将整改情况报送${escapeHtml(model.issuer)}。无法访问的网站要立即查明原因、恢复访问；评定为不合格的网站要优先解决触及单项否决指标的问题。</p>
<p>（二）加强日常监管。${supervisors}要落实每季度检查要求，及时发现和处置失效链接、栏目缺失等问题，防止问题反弹。</p>
<p>（三）做好人工复核。对本通报中“待人工复核”的项目，请网站主办单位对照规范自行核实，确有问题的一并整改。</p>
</section>`;
}

function renderSignature(model: NoticeModel): string {
  return `<div class="signature"><p>${escapeHtml(model.issuer)}</p><p>${formatDate(model.issuedAt)}</p></div>`;
}

/**
 * The period notice (通报) as one self-contained HTML document, fit to publish and to print on A4; a
 * finalised one (定稿) shows its version, date and content hash under the title.
 */
export function renderNoticeHtml(model: NoticeModel, seal?: NoticeSeal): string {
  const body = [
    `<div class="masthead">${escapeHtml(model.issuer)}</div><hr class="red-line">`,
    `<h1>${escapeHtml(model.title)}</h1>`,
    sealBlock(seal),
    renderIntro(model),
    renderOverview(model),
    renderIndicators(model),
    renderProblems(model),
    renderComparison(model),
    renderRequirements(model),
    renderSignature(model),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>${NOTICE_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
