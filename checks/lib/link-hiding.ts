import type { LinkHiding, PageRedirect } from '../../crawlers/artifacts.ts';
import type { DarkLinkCategory } from './dark-link-words.ts';

/** How a hidden link is kept from readers, in Chinese, for messages and reports. */
export const LINK_HIDING: Record<LinkHiding, string> = {
  'display-none': '所在元素不显示（display:none）',
  'visibility-hidden': '所在元素不可见（visibility:hidden）',
  transparent: '所在元素完全透明',
  'zero-size': '尺寸为零',
  'off-page': '被定位到页面之外',
  clipped: '被裁剪不可见',
  'font-size-zero': '字号为0',
  'same-colour': '文字颜色与背景颜色相同',
  'tiny-frame': '位于极小的内嵌框架（iframe）中',
  marquee: '位于高度为零的滚动字幕（marquee）中',
};

export const REDIRECT_BY: Record<PageRedirect['by'], string> = {
  'meta-refresh': '页面 meta 刷新',
  script: '页面脚本',
};

export const DARK_LINK_CATEGORIES: Record<DarkLinkCategory, string> = {
  gambling: '赌博',
  pornography: '色情',
  lottery: '私彩',
  fraud: '诈骗、假证',
  drugs: '毒品',
};
