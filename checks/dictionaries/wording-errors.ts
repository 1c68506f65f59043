import type { WordingEntry } from '../lib/wording-matcher.ts';

/**
 * The shipped starter dictionary of wording errors (错敏字): forms that are wrong wherever they stand,
 * each with its correct form. `allow` lists the longer correct phrases that contain the wrong form
 * (北朝鲜 in 东北朝鲜族), where it is no error. Only unambiguous errors belong here: a form that is
 * right in some sentences and wrong in others wants a person, not a dictionary.
 */
export const WORDING_ERRORS: readonly WordingEntry[] = [
  // 国家领导人姓名职务
  { wrong: '刁近平', correct: '习近平', category: 'leader', grade: '严重' },
  { wrong: '习近凭', correct: '习近平', category: 'leader', grade: '严重' },
  { wrong: '习进平', correct: '习近平', category: 'leader', grade: '严重' },
  { wrong: '习近平总书计', correct: '习近平总书记', category: 'leader', grade: '严重' },
  { wrong: '习近平总输记', correct: '习近平总书记', category: 'leader', grade: '严重' },
  { wrong: '中国特色社会主意', correct: '中国特色社会主义', category: 'political-term', grade: '严重' },
  {
    wrong: '新时代中国特色社会主义思相',
    correct: '新时代中国特色社会主义思想',
    category: 'political-term',
    grade: '严重',
  },
  // 国名、党名
  { wrong: '中华人民共合国', correct: '中华人民共和国', category: 'political-term', grade: '严重' },
  { wrong: '中华人民公和国', correct: '中华人民共和国', category: 'political-term', grade: '严重' },
  { wrong: '中华人明共和国', correct: '中华人民共和国', category: 'political-term', grade: '严重' },
  { wrong: '中化人民共和国', correct: '中华人民共和国', category: 'political-term', grade: '严重' },
  { wrong: '中华民共和国', correct: '中华人民共和国', category: 'political-term', grade: '严重' },
  { wrong: '中国共产觉', correct: '中国共产党', category: 'political-term', grade: '严重' },
  { wrong: '中国供产党', correct: '中国共产党', category: 'political-term', grade: '严重' },
  // 规范表述
  {
    wrong: '筑牢中华民族共同体意识',
    correct: '铸牢中华民族共同体意识',
    category: 'political-term',
    grade: '严重',
  },
  { wrong: '台湾总统', correct: '台湾地区领导人', category: 'political-term', grade: '严重' },
  {
    wrong: '台湾国',
    correct: '台湾地区',
    category: 'political-term',
    grade: '严重',
    allow: ['台湾国民', '台湾国际', '台湾国语', '台湾国画', '台湾国立', '台湾国道'],
  },
  { wrong: '中国和台湾', correct: '大陆和台湾', category: 'political-term', grade: '严重' },
  { wrong: '中国与台湾', correct: '大陆与台湾', category: 'political-term', grade: '严重' },
  { wrong: '香港政府', correct: '香港特别行政区政府', category: 'political-term', grade: '一般' },
  { wrong: '澳门政府', correct: '澳门特别行政区政府', category: 'political-term', grade: '一般' },
  { wrong: '北朝鲜', correct: '朝鲜', category: 'political-term', grade: '一般', allow: ['北朝鲜族'] },
  { wrong: '社会主义核心价值关', correct: '社会主义核心价值观', category: 'political-term', grade: '一般' },
  { wrong: '不忘出心', correct: '不忘初心', category: 'political-term', grade: '一般' },
  // 重要会议名称: 代表大会论“次”，中央委员会和人民代表大会论“届”
  { wrong: '第二十届全国代表大会', correct: '第二十次全国代表大会', category: 'meeting', grade: '严重' },
  { wrong: '二十次三中全会', correct: '二十届三中全会', category: 'meeting', grade: '严重' },
  {
    wrong: '第十四次全国人民代表大会',
    correct: '第十四届全国人民代表大会',
    category: 'meeting',
    grade: '严重',
  },
  { wrong: '廿大', correct: '二十大', category: 'meeting', grade: '一般' },
  // 国家机关名称
  { wrong: '国务院办公室', correct: '国务院办公厅', category: 'organ', grade: '严重' },
  { wrong: '中共中央办公室', correct: '中共中央办公厅', category: 'organ', grade: '严重' },
  { wrong: '全国人民政治协商会议', correct: '中国人民政治协商会议', category: 'organ', grade: '严重' },
  { wrong: '国家发展改革委员会', correct: '国家发展和改革委员会', category: 'organ', grade: '一般' },
  // 法律法规名称
  {
    wrong: '政府信息公开法',
    correct: '政府信息公开条例',
    category: 'law',
    grade: '一般',
    allow: ['政府信息公开法规', '政府信息公开法律', '政府信息公开法治'],
  },
  // 行政区划名称（四川省）
  { wrong: '攀技花', correct: '攀枝花', category: 'division', grade: '一般' },
  { wrong: '卢州市', correct: '泸州市', category: 'division', grade: '一般' },
  { wrong: '雅按市', correct: '雅安市', category: 'division', grade: '一般' },
  { wrong: '逐宁市', correct: '遂宁市', category: 'division', grade: '一般' },
  { wrong: '宜滨市', correct: '宜宾市', category: 'division', grade: '一般' },
  { wrong: '棉阳市', correct: '绵阳市', category: 'division', grade: '一般' },
  { wrong: '广圆市', correct: '广元市', category: 'division', grade: '一般' },
  { wrong: '都江偃', correct: '都江堰', category: 'division', grade: '一般' },
  { wrong: '阿坝羌族藏族自治州', correct: '阿坝藏族羌族自治州', category: 'division', grade: '一般' },
  { wrong: '甘孜彝族自治州', correct: '甘孜藏族自治州', category: 'division', grade: '一般' },
  { wrong: '凉山藏族自治州', correct: '凉山彝族自治州', category: 'division', grade: '一般' },
  { wrong: '凉山彝族自治洲', correct: '凉山彝族自治州', category: 'division', grade: '一般' },
];
