/**
 * The identifiers clause 4.3.2.3 and 4.3.2.4 give a government site, as its homepage shows them
 * (usually in the footer): how each is written, and the words that show its place when the value itself
 * cannot be read (an image, a script that did not run).
 */
export interface TextIdentifier {
  key: 'siteCode' | 'icp' | 'police';
  /** Chinese name, for messages. */
  name: string;
  /** How it is usually written, for messages. */
  example: string;
  /** The identifier with its value; the first group is the value. Text is read with ASCII digits. */
  value: RegExp;
  /** Its label alone. */
  label: RegExp;
}

export const TEXT_IDENTIFIERS: readonly TextIdentifier[] = [
  {
    key: 'siteCode',
    name: '政府网站标识码',
    example: '网站标识码：5100000062',
    // The 标识码 is ten characters: a six-digit division code and four digits (bm… for State Council bodies).
    value: /(?:政府)?网站标识码\s*[:：]?\s*([0-9A-Za-z]{10})(?![0-9])/,
    label: /网站标识码|标识码/,
  },
  {
    key: 'icp',
    name: 'ICP备案编号',
    example: '蜀ICP备05003828号',
    value: /([\u4e00-\u9fff]?ICP\s*备\s*\d{4,}\s*号(?:\s*-\s*\d+)?)/i,
    label: /ICP\s*备/i,
  },
  {
    key: 'police',
    name: '公安机关备案号',
    example: '川公网安备 51010402000507号',
    value: /([\u4e00-\u9fff]?公网安备\s*\d{6,}\s*号?)/,
    label: /公网安备|公安(?:机关)?备案/,
  },
];
