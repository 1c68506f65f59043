import type { Box, HiddenReason } from '../../crawlers/artifacts.ts';

const HIDDEN_REASONS: Record<HiddenReason, string> = {
  'display-none': '设置了 display:none',
  'visibility-hidden': '设置了 visibility:hidden',
  transparent: '完全透明',
  'zero-size': '尺寸为零',
  'off-page': '被移到页面之外',
  clipped: '被裁剪掉',
};

/** Why an element is hidden, in Chinese, for messages. */
export function describeHidden(reason: HiddenReason | undefined): string {
  return reason === undefined ? '不可见' : HIDDEN_REASONS[reason];
}

/** A box rounded to whole pixels, for evidence. */
export function roundBox(box: Box): Box {
  return {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.round(box.width),
    height: Math.round(box.height),
  };
}
