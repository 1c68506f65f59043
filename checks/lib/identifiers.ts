/**
 * The identifiers clause 4.3.2.3 and 4.3.2.4 give a government site, as homepages print them (usually
 * in the footer): how each is written, and the words that show its place when the value itself cannot
 * be read (an image, a script that did not run).
 */
export interface TextIdentifier {
  key: 'siteCode' | 'icp' | 'police';
  /** Chinese name, for messages. */
  name: string;
  /** How it is usually written, for messages. */
  example: string;
  /**
   * The identifier with its value; the first group is the value. Text is read with ASCII digits,
   * letters, colons and hyphens (full-width forms are made ASCII first).
   */
  value: RegExp;
  /** Its label alone. */
  label: RegExp;
}

/** Between a label and its value: spaces, a colon (full-width ones are read as ':'), spaces. */
const SEPARATOR = String.raw`\s*:?\s*`;

/**
 * The 标识码 is ten digits (a six-digit division code and four), or `bm` and eight digits for State
 * Council departments; the digits end there ('5101000001' + '0832…' run together is not read). Like
 * the 公安 number it starts with a division code, never with 0 as a telephone number does.
 */
const SITE_CODE_LABEL = '(?:(?:政府)?网站)?标识码';
const SITE_CODE = new RegExp(String.raw`${SITE_CODE_LABEL}${SEPARATOR}([1-9]\d{9}|bm\d{8})(?!\d)`, 'i');

/**
 * 蜀ICP备05003828号, 蜀ICP备：19007388号, 鄂ICP备05009168, …号-1, 蜀ICP(备)…: a province, ICP备, six
 * to ten digits (as few as four when 号 closes them), 号, the suffix of one of several sites. ICP证 is
 * a licence, not a 备案 number.
 */
const ICP = new RegExp(
  String.raw`((?:[\u4e00-\u9fff]\s*)?ICP\s*\(?备\)?${SEPARATOR}(?:\d{4,10}(?=\s*号)|\d{6,10})(?!\d)(?:\s*号)?(?:\s*[-‐‑–—]\s*\d{1,3})?)`,
  'i',
);

/**
 * 川公网安备 51010402000507号, 沪公安备：…号, 川公安备案…, 郑公备：…, 公安机关备案号：…, 公安备案号：…:
 * the number is fourteen digits today, older ones fewer; without 号 after it, fewer than ten digits
 * are not taken for it (a postcode is six).
 */
const POLICE_WORDS = String.raw`(?:[\u4e00-\u9fff]?(?:公网安|公安网安|公安|网安)|公安机关|[\u4e00-\u9fff]公)备`;
const POLICE_LABEL = `${POLICE_WORDS}案?(?:编?号)?`;
const POLICE = new RegExp(
  String.raw`(${POLICE_LABEL}${SEPARATOR}(?:[1-9]\d{5,13}(?=\s*号)|[1-9]\d{9,13})(?!\d)(?:\s*号)?)`,
);

export const TEXT_IDENTIFIERS: readonly TextIdentifier[] = [
  {
    key: 'siteCode',
    name: '政府网站标识码',
    example: '网站标识码：5100000062',
    value: SITE_CODE,
    label: new RegExp(SITE_CODE_LABEL),
  },
  {
    key: 'icp',
    name: 'ICP备案编号',
    example: '蜀ICP备05003828号',
    value: ICP,
    // 备案号/备案序号 alone name the ICP number too, except as part of the 公安 label.
    label: /ICP\s*\(?备|(?<!公安|机关|网安)备案(?:序|编)?号/i,
  },
  {
    key: 'police',
    name: '公安机关备案号',
    example: '川公网安备 51010402000507号',
    value: POLICE,
    label: new RegExp(POLICE_LABEL),
  },
];

/**
 * Where the 标识码 or the 公安 number stands in an element inside its label's
 * ('网站标识码：<span>5101000001</span>', '公安机关备案号：<a>51010402000507</a>'): the labels left
 * without a number in an element's own text, and the elements inside it that hold a number and nothing
 * else. See `joinTexts`.
 */
export const NUMBERS_INSIDE = {
  // The lookahead takes the whole label ('…备案号', not '…备案'), as an atomic group would.
  emptyLabel: new RegExp(
    String.raw`(?=(${SITE_CODE_LABEL}|${POLICE_LABEL}))\1(?!${SEPARATOR}(?:\d|bm\d))\s*:?`,
    'gi',
  ),
  number: /^(?:bm\d{8}|[1-9]\d{5,13}\s*号|[1-9]\d{9,13})$/i,
};
