import type { HiddenReason, RenderedGraphic, RenderedHomepage, RenderedText } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck } from './check.ts';
import { frameUrls } from './lib/frames.ts';
import { hasTextAlternative, mayDrawName, nameShown } from './lib/header-name.ts';
import { judgeOcr, type OcrText, ocrTexts } from './lib/ocr-name.ts';
import { commonSubsequenceLength, compact } from './lib/text.ts';
import { describeHidden, roundBox } from './lib/visibility.ts';

/** A header text keeping this share of the name's characters in order reads as a shortened name. */
const ABBREVIATION_SHARE = 0.6;

/**
 * Clause 4.3.3: the registered full name is shown in the header area. The header area is the
 * gatherer's decision (`headerArea`: a <header>/banner landmark near the top, or else the top band of
 * the page), recorded on every element as `inHeader`; this check only reads those flags. Frames are not
 * rendered into the artifacts: an empty header on a page that loads frames is `review`, not `fail`.
 */
export const headerFullName = defineCheck({
  meta: {
    id: 'header-full-name',
    clause: '4.3.3',
    title: '头部标识区域展示网站全称',
    description:
      '首页头部标识区域应以可见文字，或图片的文字替代（alt/title/aria-label）展示注册的网站全称；仅出现在页面标题、页脚或被隐藏的不算。比较时忽略空白。全称只绘制在无文字替代的图片中时，以文字识别（OCR）读图：可靠读出全称的算展示，可靠读出简称或其他机构名称的不符合，读不清的需人工查看；头部位于框架中时需人工查看。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['renderedHomepage'],
    optional: ['headerOcr'],
    // One finding per homepage. It rests on the name looked for and what stands in its place (a
    // shortened or hidden name, what OCR read for sure, the images it may be drawn in); not on boxes,
    // the screenshot, OCR confidence or the header's other texts (a date, the weather).
    identity: {
      key: [],
      digest: [
        'evidence.registeredName',
        'evidence.shownName.text',
        'evidence.hiddenName.*.text',
        'evidence.hiddenName.*.alt',
        'evidence.hiddenName.*.hiddenReason',
        'evidence.unlabelledGraphics.*.src',
        'evidence.ocr.text',
        'evidence.frames',
        'evidence.settle.cappedOut',
        'evidence.foundOutsideHeader?',
      ],
    },
  },
  run({ renderedHomepage: page, headerOcr }, { site }): CheckResult {
    const name = compact(site.fullName);
    if (nameShown(page, name)) return { outcome: 'pass', findings: [] };

    const headerTexts = page.texts.filter((t) => t.inHeader && t.visible);
    const evidence: Record<string, unknown> = {
      registeredName: site.fullName,
      headerArea: { ...page.headerArea, box: roundBox(page.headerArea.box) },
      headerTexts: headerTexts.map(describeText),
      ...screenshotOf(page),
    };
    const finding = (message: string, more: Record<string, unknown>) => ({
      url: page.finalUrl,
      message,
      evidence: { ...evidence, ...more },
    });

    const unlabelled = page.graphics.filter(mayDrawName);
    if (unlabelled.length > 0) {
      const graphics = { unlabelledGraphics: unlabelled.map(describeGraphic) };
      const read = headerOcr ? judgeOcr(headerOcr, site.fullName) : undefined;
      if (read?.kind === 'full-name') {
        return {
          outcome: 'pass',
          findings: [],
          evidence: { registeredName: site.fullName, ocr: describeOcr(read), ...screenshotOf(page) },
        };
      }
      if (read?.kind === 'shortened' || read?.kind === 'other-body') {
        const shown = `头部标识区域的图片中显示的${read.kind === 'shortened' ? '是' : '名称是'}“${read.text}”（图片文字识别，置信度 ${read.confidence}）`;
        return {
          outcome: 'fail',
          findings: [
            finding(`${shown}，不是注册的网站全称“${site.fullName}”。`, {
              ...graphics,
              ocr: describeOcr(read),
            }),
          ],
        };
      }
      const message = headerOcr
        ? `头部标识区域的文字中没有网站全称“${site.fullName}”；无文字替代的图片经文字识别（OCR）未能可靠读出全称，需对照截图人工确认。`
        : `头部标识区域的文字中没有网站全称“${site.fullName}”，但有无文字替代的图片，全称可能绘制在图中，需对照截图人工确认。`;
      const more = headerOcr ? { ...graphics, ocrTexts: ocrTexts(headerOcr).map(roundRegion) } : graphics;
      return { outcome: 'review', findings: [finding(message, more)] };
    }
    const headerGraphics = page.graphics.filter((g) => g.inHeader && g.visible);
    const frames = frameUrls(page);
    if (headerTexts.length === 0 && !headerGraphics.some(hasTextAlternative) && frames.length > 0) {
      return {
        outcome: 'review',
        findings: [
          finding(
            `首页头部标识区域没有可见文字，页面内容位于框架（frame/iframe）中，自动检查看不到框架内的头部，需人工查看是否展示网站全称“${site.fullName}”。`,
            { frames },
          ),
        ],
      };
    }
    if (headerTexts.length === 0 && headerGraphics.length === 0 && page.settle.cappedOut) {
      return {
        outcome: 'review',
        findings: [
          finding('首页在等待上限内未渲染出头部内容，无法判断是否展示网站全称，需人工查看。', {
            settle: page.settle,
          }),
        ],
      };
    }
    return { outcome: 'fail', findings: [explainAbsence(page, site.fullName, name, finding)] };
  },
});

type MakeFinding = (
  message: string,
  more: Record<string, unknown>,
) => { url: string; message: string; evidence: Record<string, unknown> };

/** Says what the header shows instead: the name hidden, a shortened name, or the name only elsewhere. */
function explainAbsence(page: RenderedHomepage, fullName: string, name: string, finding: MakeFinding) {
  const hidden = hiddenNames(page, name);
  if (hidden.length > 0) {
    return finding(
      `网站全称“${fullName}”在头部标识区域中${describeHidden(hidden[0]!.hiddenReason)}，读者看不到。`,
      {
        hiddenName: hidden,
      },
    );
  }
  const shortened = closestShortening(
    page.texts.filter((t) => t.inHeader && t.visible),
    name,
  );
  if (shortened !== undefined) {
    return finding(`头部标识区域显示的是“${shortened.text}”，不是注册的网站全称“${fullName}”。`, {
      shownName: describeText(shortened),
    });
  }
  const elsewhere = page.texts.filter((t) => !t.inHeader && t.visible && compact(t.text).includes(name));
  const inTitle = compact(page.title).includes(name);
  if (elsewhere.length > 0 || inTitle) {
    const where = [
      inTitle ? '页面标题（<title>）' : '',
      elsewhere.length > 0 ? '头部以外的位置（如页脚）' : '',
    ]
      .filter((w) => w !== '')
      .join('和');
    return finding(`网站全称“${fullName}”只出现在${where}，头部标识区域没有展示。`, {
      pageTitle: page.title,
      foundOutsideHeader: elsewhere.map(describeText),
    });
  }
  return finding(`头部标识区域没有展示注册的网站全称“${fullName}”。`, { pageTitle: page.title });
}

/** Header elements that carry the name but are not visible, as evidence. */
function hiddenNames(page: RenderedHomepage, name: string): Described[] {
  const carries = (...labels: (string | undefined)[]) => labels.some((l) => compact(l ?? '').includes(name));
  return [
    ...page.texts.filter((t) => t.inHeader && !t.visible && carries(t.text)).map(describeText),
    ...page.links
      .filter((l) => l.inHeader && !l.visible && carries(l.text, l.title, l.ariaLabel))
      .map((l) => ({ text: l.text, href: l.href, selector: l.selector, hiddenReason: l.hiddenReason })),
    ...page.graphics
      .filter((g) => g.inHeader && !g.visible && carries(g.alt, g.title, g.ariaLabel))
      .map((g) => ({ ...describeGraphic(g), alt: g.alt ?? g.title ?? g.ariaLabel })),
  ];
}

function closestShortening(texts: readonly RenderedText[], name: string): RenderedText | undefined {
  let best: { text: RenderedText; kept: number } | undefined;
  for (const text of texts) {
    const shown = compact(text.text);
    if (shown.length === 0 || shown.length > name.length + 10) continue;
    const kept = commonSubsequenceLength(shown, name);
    if (kept >= Math.ceil(name.length * ABBREVIATION_SHARE) && kept > (best?.kept ?? 0))
      best = { text, kept };
  }
  return best?.text;
}

/** An element as evidence; `hiddenReason` when it is hidden. */
type Described = { hiddenReason?: HiddenReason } & Record<string, unknown>;

function describeText(t: RenderedText): Described {
  return {
    text: t.text,
    selector: t.selector,
    box: roundBox(t.box),
    ...(t.hiddenReason === undefined ? {} : { hiddenReason: t.hiddenReason }),
  };
}

function describeGraphic(g: RenderedGraphic): Described {
  return { kind: g.kind, src: g.src, selector: g.selector, box: roundBox(g.box) };
}

function screenshotOf(page: RenderedHomepage): Record<string, string> {
  return page.headerScreenshotPath === undefined ? {} : { screenshot: page.headerScreenshotPath };
}

function roundRegion<T extends OcrText>(read: T): T {
  return { ...read, region: roundBox(read.region) };
}

/** What OCR read where it decided: the text, its confidence and, for the name, the characters it differs by. */
function describeOcr(read: OcrText & { edits?: number }): Record<string, unknown> {
  const { text, confidence, region, edits } = roundRegion(read);
  return { text, confidence, ...(edits === undefined ? {} : { edits }), region };
}
