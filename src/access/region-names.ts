import { regionPrefix } from './region.ts';

/** Sichuan's city-level divisions (市州) by the first four digits of a division code; 5100 is the provincial level. */
const CITY_NAMES: Record<string, string> = {
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
 * The Chinese name of a region given as a division code ('510100') or its prefix ('51', '5101'):
 * 四川省, 成都市; a county keeps its code after its city's name (成都市（510104）); a code outside
 * Sichuan is shown as 「行政区划 …」.
 */
export function regionName(code: string): string {
  const prefix = code.length === 4 ? code : regionPrefix(code);
  if (prefix === '51') return '四川省';
  const city = CITY_NAMES[prefix.slice(0, 4)];
  if (city === undefined) return `行政区划 ${code}`;
  return prefix.length > 4 ? `${city}（${prefix}）` : city;
}

/** A region as the API takes it ('51', '5101', '510104') made a 6-digit division code ('510100'). */
export function divisionCode(code: string): string {
  return code.padEnd(6, '0');
}

/** Sichuan's city-level divisions as 6-digit codes with their names, in code order ('510100', '成都市'). */
export function cityDivisions(): { code: string; name: string }[] {
  return Object.entries(CITY_NAMES)
    .filter(([prefix]) => prefix !== '5100')
    .map(([prefix, name]) => ({ code: `${prefix}00`, name }));
}
