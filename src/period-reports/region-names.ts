import { regionPrefix } from '../access/region.ts';

/** Sichuan and its 21 city-level divisions (市州), by the significant prefix of their division code. */
const NAMES: Record<string, string> = {
  '51': '四川省',
  '5100': '省本级',
  '5101': '成都市',
  '5103': '自贡市',
  '5104': '攀枝花市',
  '5105': '泸州市',
  '5106': '德阳市',
  '5107': '绵阳市',
  '5108': '广元市',
  '5109': '遂宁市',
  '5110': '内江市',
  '5111': '乐山市',
  '5113': '南充市',
  '5114': '眉山市',
  '5115': '宜宾市',
  '5116': '广安市',
  '5117': '达州市',
  '5118': '雅安市',
  '5119': '巴中市',
  '5120': '资阳市',
  '5132': '阿坝藏族羌族自治州',
  '5133': '甘孜藏族自治州',
  '5134': '凉山彝族自治州',
};

/**
 * The Chinese name of a region given as a division code ('510100') or its prefix ('5101'); a code the
 * table does not know (a county, another province) is shown as 「行政区划 510104」.
 */
export function regionName(code: string): string {
  const prefix = code.length === 4 ? code : regionPrefix(code);
  return Object.hasOwn(NAMES, prefix) ? NAMES[prefix]! : `行政区划 ${code}`;
}

/** A region as the API takes it ('51', '5101', '510104') made a 6-digit division code ('510100'). */
export function divisionCode(code: string): string {
  return code.padEnd(6, '0');
}
