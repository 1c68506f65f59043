import { pathFolders } from '../../crawlers/column-url.ts';
import { compact } from './text.ts';

/**
 * The kinds of column the national indicators (《政府网站与政务新媒体检查指标》) give an update period:
 * 动态要闻类 (2 weeks), 通知公告、政策文件类 (6 months), and the columns that are to be updated yearly
 * (人事、规划计划、统计、财政预决算: "应更新但长期未更新", one year as earlier rules and the platforms
 * count it); other columns have no period we judge.
 */
export type ColumnKind = 'news' | 'notice-policy' | 'long-period' | 'other';

/** Days after which a column of a kind is not updated. */
export const UPDATE_DAYS: Record<Exclude<ColumnKind, 'other'>, number> = {
  news: 14,
  'notice-policy': 183,
  'long-period': 365,
};

export const KIND_NAMES: Record<ColumnKind, string> = {
  news: '动态要闻类',
  'notice-policy': '通知公告、政策文件类',
  'long-period': '人事、规划计划、统计、财政等应定期更新类',
  other: '其他',
};

const NEWS_WORDS = ['要闻', '动态', '新闻', '资讯', '快讯', '工作进展'];
const NOTICE_POLICY_WORDS = ['通知', '公告', '公示', '通告', '政策', '文件'];
const LONG_PERIOD_WORDS = [
  '人事',
  '任免',
  '招聘',
  '招录',
  '规划',
  '计划',
  '统计',
  '预算',
  '决算',
  '财政',
  '年报',
  '年度报告',
];
/** Names with those words that are not such columns: 新闻发布会 (held now and then), 文件下载. */
const OTHER_WORDS = ['发布会', '下载'];
/** An organ's name (市财政局, 统计局, 某某镇) leads to its pages, not to a column of the kind its words say. */
const ORGAN = /(?:局|委员会|委|办公室|办|厅|院|中心|政府|街道|镇|乡)$/;

/** The pinyin abbreviations the platforms name column folders with: /xxgk/tzgg/, /zwdt/. */
const FOLDER_KINDS: Record<string, Exclude<ColumnKind, 'other'>> = Object.fromEntries([
  ...[
    'gzdt',
    'zwdt',
    'zwyw',
    'jryw',
    'bmdt',
    'qxdt',
    'xqdt',
    'xzdt',
    'jcdt',
    'xwdt',
    'tpxw',
    'xwzx',
    'ywdt',
  ].map((f) => [f, 'news'] as const),
  ...['tzgg', 'gsgg', 'tzgs', 'gggs', 'zcwj', 'zfwj', 'gfxwj', 'zcfg', 'xzgfxwj', 'zfxxgkwj'].map(
    (f) => [f, 'notice-policy'] as const,
  ),
  ...['rsxx', 'rsrm', 'ghjh', 'fzgh', 'tjsj', 'tjxx', 'czyjs', 'czzj', 'yjsgk', 'czxx'].map(
    (f) => [f, 'long-period'] as const,
  ),
]);

/**
 * The kind of column a name says (工作动态 → news, 通知公告 / 规范性文件 → notice-policy, 人事信息 →
 * long-period); when the name says none, the kind its address's last folder names (/tzgg/).
 */
export function columnKind(name: string, url?: string): ColumnKind {
  const words = compact(name);
  if (OTHER_WORDS.some((w) => words.includes(w)) || ORGAN.test(words)) return 'other';
  if (NEWS_WORDS.some((w) => words.includes(w))) return 'news';
  if (NOTICE_POLICY_WORDS.some((w) => words.includes(w))) return 'notice-policy';
  if (LONG_PERIOD_WORDS.some((w) => words.includes(w))) return 'long-period';
  const folder = url === undefined ? undefined : pathFolders(url).at(-1);
  return (folder !== undefined ? FOLDER_KINDS[folder] : undefined) ?? 'other';
}

/** True when the name or the address names a column of some kind (an 'other' one says nothing). */
export function namesColumn(name: string, url?: string): boolean {
  return columnKind(name, url) !== 'other';
}
