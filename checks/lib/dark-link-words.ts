/**
 * The words 暗链 carry: what injected links to gambling, pornography and the like say in their text,
 * title or address. A starter list; a word's weight is how surely it alone names such content.
 */
export type DarkLinkCategory = 'gambling' | 'pornography' | 'lottery' | 'fraud' | 'drugs';

export interface DarkLinkWord {
  word: string;
  category: DarkLinkCategory;
  /** 3: the word alone decides; 1: it counts only beside another. */
  weight: number;
}

/** A hidden link whose words weigh this much or more is such content: a single veto. */
export const VETO_WEIGHT = 3;

const W = (category: DarkLinkCategory, weight: number, words: string[]): DarkLinkWord[] =>
  words.map((word) => ({ word, category, weight }));

export const DARK_LINK_WORDS: readonly DarkLinkWord[] = [
  ...W('gambling', 3, [
    '博彩',
    '赌场',
    '赌博',
    '百家乐',
    '太阳城',
    '葡京',
    '威尼斯人',
    '皇冠体育',
    '澳门赌',
    '真人荷官',
    '老虎机',
    '棋牌游戏',
    '网上赌',
    'casino',
    'baccarat',
    'bet365',
  ]),
  ...W('gambling', 1, [
    '娱乐城',
    '体育投注',
    '下注',
    '赔率',
    '开户送',
    '注册送',
    '彩金',
    'bet',
    'poker',
    'slot',
  ]),
  ...W('lottery', 3, ['六合彩', '时时彩', '北京赛车', '香港马会', '特码']),
  ...W('lottery', 1, ['彩票', '开奖', '彩票网']),
  ...W('pornography', 3, [
    '色情',
    '成人视频',
    '成人电影',
    '黄色网站',
    'av女优',
    '裸聊',
    '一夜情',
    'porn',
    'xxx',
  ]),
  ...W('pornography', 1, ['美女直播', '约炮', '午夜', '福利视频', 'av']),
  ...W('fraud', 3, ['代开发票', '办证刻章', '代办假证', '网络刷单']),
  ...W('fraud', 1, ['贷款秒批', '刷单', '快速办证']),
  ...W('drugs', 3, ['冰毒', '麻古', 'k粉', '迷药', '迷幻药']),
];

export interface DarkLinkHit {
  word: string;
  category: DarkLinkCategory;
  weight: number;
}

/**
 * The listed words in a link's wording (lower-cased, whitespace removed), each once. Latin words count
 * only standing alone (`bet` in a host's label, not in `alphabet`).
 */
export function darkLinkHits(text: string): DarkLinkHit[] {
  const lower = text.toLowerCase();
  return DARK_LINK_WORDS.filter(({ word }) =>
    /^[a-z0-9]+$/.test(word) ? new RegExp(`(^|[^a-z])${word}([^a-z]|$)`).test(lower) : lower.includes(word),
  ).map(({ word, category, weight }) => ({ word, category, weight }));
}

export function hitsWeight(hits: readonly DarkLinkHit[]): number {
  return hits.reduce((sum, hit) => sum + hit.weight, 0);
}
