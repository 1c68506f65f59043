import { DARK_LINK_CATEGORIES, LINK_HIDING, REDIRECT_BY } from '../../checks/lib/link-hiding.ts';
import { describeHidden } from '../../checks/lib/visibility.ts';
import type { HiddenReason } from '../../crawlers/artifacts.ts';

/**
 * Chinese names for the evidence keys the checks write, so an official reads 「页面标题」 rather than
 * `pageTitle`. A key missing here is shown as it is: add it when a check starts writing it.
 */
const EVIDENCE_KEY_LABELS: Record<string, string> = {
  // shared
  url: '网址',
  finalUrl: '最终网址',
  href: '链接地址',
  text: '文字',
  title: '标题属性',
  selector: '元素位置（CSS 选择器）',
  box: '区域',
  visible: '是否可见',
  hiddenReason: '隐藏方式',
  status: '状态码',
  error: '错误',
  kind: '类型',
  src: '图片地址',
  pageTitle: '页面标题',
  screenshot: '截图文件',
  answer: '页面应答',
  challenge: '防护系统拦截',
  vendor: '防护类型',
  evidence: '依据',
  // the check runner, when a gatherer failed or a check threw
  artifact: '数据',
  gatherer: '采集环节',
  stack: '调用栈',
  softNotFound: '“页面不存在”依据',
  notFoundFingerprint: '本站对不存在网址的应答（每次检查每个主机请求一次）',
  textLength: '文字长度（字）',
  likeness: '与该应答的相似程度',
  titleSimilarity: '标题相似度',
  textSimilarity: '文字相似度',
  differingShingles: '不同的三字片段数',
  textLengths: '文字长度（本页、应答）',
  // header-full-name
  registeredName: '注册的网站全称',
  headerArea: '头部标识区域',
  method: '方式',
  headerTexts: '头部区域的文字',
  unlabelledGraphics: '无文字替代的图片',
  settle: '等待页面渲染',
  waitedMs: '等待时长（毫秒）',
  cappedOut: '达到等待上限',
  hiddenName: '被隐藏的全称',
  link: '链接',
  shownName: '头部显示的名称',
  foundOutsideHeader: '头部以外出现全称的位置',
  ocr: '图片文字识别（OCR）',
  ocrTexts: '图片文字识别读出的文字',
  confidence: '识别置信度（0–100）',
  edits: '与全称相差的字数',
  region: '识别的图片区域',
  // gazette-column
  homepageLinks: '首页链接数',
  otherBulletinLinks: '其他“公报”相关链接',
  gazetteLinks: '“政府公报”链接',
  homepageLink: '首页上的专栏链接',
  missing: '缺少的项目',
  pagesExamined: '检查过的页面',
  servicesFound: '已找到的服务',
  crawlTruncated: '抓取达到页数上限',
  page: '所在页面',
  found: '找到的内容',
  catalogue: '目录导航',
  search: '内容检索',
  download: '文件下载',
  // archive-label
  why: '判定为归档页面的原因',
  textAroundLabel: '“已归档”附近的文字',
  textStart: '页面开头的文字',
  textAroundArchiveWord: '“归档”附近的文字',
  datesOnPage: '页面上的日期',
  // annual-report
  expectedYears: '应有的报表年度',
  today: '判定日期',
  years: '年份',
  yearlessLinks: '未写明年份的报表链接',
  wrongYearLinks: '年份不符的报表链接',
  hiddenLinks: '被隐藏的报表链接',
  // broken-links
  linkText: '链接文字',
  redirects: '重定向经过',
  attempts: '尝试次数',
  busy: '服务器繁忙',
  retries: '重试次数',
  lastRetryAfterSeconds: '最后一次 Retry-After（秒）',
  // footer-identifiers, error-report-entry, site-functions, column-domain
  item: '项目',
  function: '功能',
  images: '图片',
  pageEnd: '页面末尾的文字',
  hiddenBadges: '被隐藏的标识',
  hiddenEntries: '被隐藏的入口',
  label: '名称',
  address: '地址',
  clickable: '点击方式',
  homepageTexts: '首页文字数',
  frames: '框架',
  script: '脚本',
  lookedFor: '查找的内容',
  expectedHost: '本网站域名',
  // site-domain
  host: '主机名（域名）',
  expected: '应有的形式',
  parentDomain: '上级门户网站域名',
  // site-domain's parent portal, or the column that lists a column (content-freshness and the column rules)
  parent: '上级门户网站或上级栏目',
  addressClass: '地址类型',
  // content-freshness
  column: '栏目',
  kindName: '栏目类别',
  source: '来源',
  blank: '空白依据',
  listItems: '列表条目数',
  newestTitle: '最新信息标题',
  newestUrl: '最新信息地址',
  newestDateText: '页面上标注的日期',
  newestDate: '日期',
  daysSince: '距今天数',
  thresholdDays: '更新期限（天）',
  datedEntries: '带日期的信息条数',
  undated: '未注明发布时间的信息列表',
  undatedEntries: '未注明发布时间的信息条数',
  undatedTitles: '未注明发布时间的信息（前3条）',
  // blank-columns, long-unupdated-columns, content-freshness: a tally at or over the national threshold
  veto: '计入单项否决',
  // homepage-availability
  judgement: '判定依据',
  from: '起',
  to: '止',
  probes: '探测次数',
  failures: '失败次数',
  failureRate: '失败比例',
  daysProbed: '有探测的天数',
  episodes: '连续无法访问的时段',
  episodeCount: '连续无法访问的次数',
  failedSamples: '失败的探测（最近）',
  at: '时间',
  ok: '是否正常',
  durationMs: '耗时（毫秒）',
  // https-security
  problem: '问题',
  tlsError: '证书问题',
  validTo: '证书有效期至',
  insecureCount: '以 HTTP 加载的资源数',
  insecureResources: '以 HTTP 加载的资源',
  // wording-errors
  wrong: '错误表述',
  correct: '正确表述',
  category: '类别',
  grade: '错误等级',
  sentence: '所在语句（【】内为错误表述）',
  occurrences: '本页出现次数',
  // future-dates
  entryTitle: '信息标题',
  entryUrl: '信息地址',
  date: '标注的发布日期',
  dateText: '页面上标注的日期',
  daysAhead: '晚于检查日的天数',
  listedOn: '列出该信息的页面',
  yearFromUrl: '年份取自链接地址',
  articleDateText: '文章页标注的发布时间',
  // hidden-links
  target: '链接目标',
  how: '隐藏方式',
  html: '元素代码',
  keywords: '命中的关键词',
  word: '关键词',
  weight: '权重',
  by: '跳转方式',
  // interaction-response
  letterTitle: '留言标题',
  letterUrl: '留言地址',
  asked: '留言时间',
  replied: '回复时间',
  state: '办理状态',
  waitDays: '等待天数',
  channels: '咨询建言渠道',
  channel: '所在渠道',
  excepted: '网上信访、举报渠道（不算咨询建言渠道）',
  on: '链接所在页面',
  lettersRead: '读到的留言条数',
};

const HIDDEN_REASONS: readonly string[] = [
  'display-none',
  'visibility-hidden',
  'transparent',
  'zero-size',
  'off-page',
  'clipped',
] satisfies HiddenReason[];

/** Chinese names for the enumerated values some keys take (hidden reasons are named by the checks' own helper). */
const EVIDENCE_VALUE_LABELS: Record<string, Record<string, string>> = {
  method: {
    landmark: '页面的页头元素（header / banner）',
    'top-band': '页面顶部固定高度区域',
    HEAD: 'HEAD 请求',
    GET: 'GET 请求',
    crawl: '抓取页面时取得',
    'single-probe': '检查时单次探测',
    'scheduled-probes': '服务按计划多次探测',
  },
  kind: {
    anchor: '超链接',
    image: '图片',
    script: '脚本',
    stylesheet: '样式表',
    frame: '框架页',
    attachment: '附件',
    img: '图片',
    svg: 'SVG 图形',
    canvas: '画布',
    background: '背景图片',
    news: '动态要闻类栏目',
    'notice-policy': '通知公告、政策文件类栏目',
    'long-period': '人事、规划计划、统计、财政等应定期更新类栏目',
    other: '其他',
    column: '栏目',
    'business-system': '业务系统',
  },
  clickable: { link: '所在链接', handler: '点击脚本（onclick 等）' },
  why: {
    'under-archive-root': '位于登记的归档目录下',
    'presented-as-archived': '页面自称已归档',
    'archive-path': '路径像归档目录',
  },
  source: {
    navigation: '首页导航栏',
    block: '首页版块的“更多”链接',
    'homepage-link': '首页上的栏目链接',
    'disclosure-grid': '信息公开目录',
    'sub-column': '栏目页的下级栏目',
    shipped: '系统内置错敏字词典',
    office: '管理单位增补的词条',
  },
  blank: {
    'no-dated-entries': '页面上没有标注日期的信息条目',
    'only-shared-lists': '页面上只有其他页面也有的列表',
  },
  judgement: {
    'single-probe': '检查时单次探测',
    'offline-episode': '连续无法访问的时段',
    blocked: '探测多被网站防火墙拦截',
    'too-few-probes': '探测天数或次数不足',
    'failure-rate': '探测失败比例',
  },
  problem: {
    'no-https': '不能通过 HTTPS 访问',
    certificate: 'HTTPS 证书无法通过验证',
    'http-not-redirected': 'HTTP 访问未跳转到 HTTPS',
    'http-challenge': 'HTTP 访问被防护系统拦截',
    'mixed-content': 'HTTPS 首页以 HTTP 加载资源（混合内容）',
    'no-channel': '没有网上咨询建言渠道',
    overdue: '留言超过3个月未回应',
    'letters-unread': '读不到留言的回复情况',
  },
  how: LINK_HIDING,
  by: REDIRECT_BY,
  category: DARK_LINK_CATEGORIES,
  addressClass: {
    public: '公网地址',
    loopback: '本机地址',
    private: '内网地址',
    'link-local': '链路本地地址',
  },
};

/** The Chinese name of an enumerated evidence value, or undefined when the value is free text. */
export function evidenceValueLabel(key: string, value: string): string | undefined {
  if (key === 'hiddenReason')
    return HIDDEN_REASONS.includes(value) ? describeHidden(value as HiddenReason) : undefined;
  const labels = ownValue(EVIDENCE_VALUE_LABELS, key);
  return labels === undefined ? undefined : ownValue(labels, value);
}

/** The Chinese name of an evidence key, or the key itself. */
export function evidenceKeyLabel(key: string): string {
  return ownValue(EVIDENCE_KEY_LABELS, key) ?? key;
}

// Own properties only: a key such as 'constructor' must not find Object.prototype's.
function ownValue<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
