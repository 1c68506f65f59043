import type { Random } from './random.ts';

/** Phrases in the register of Sichuan government news, notices and policy documents. */
const PLACES = [
  '四川省',
  '成都市',
  '绵阳市',
  '德阳市',
  '宜宾市',
  '南充市',
  '泸州市',
  '乐山市',
  '达州市',
  '眉山市',
  '雅安市',
  '阿坝州',
  '甘孜州',
  '凉山州',
];
const BODIES = [
  '省发展改革委',
  '省教育厅',
  '省财政厅',
  '省生态环境厅',
  '省住房城乡建设厅',
  '省农业农村厅',
  '省卫生健康委',
  '省应急管理厅',
  '省市场监管局',
  '省政务服务和资源交易服务中心',
  '省人力资源社会保障厅',
  '省交通运输厅',
];
const MATTERS = [
  '乡村振兴',
  '营商环境优化',
  '生态环境保护',
  '安全生产',
  '民营经济发展',
  '城市更新',
  '政务服务“一网通办”',
  '稳就业保民生',
  '高标准农田建设',
  '防汛救灾',
  '义务教育均衡发展',
  '基层医疗卫生服务',
  '粮食安全',
  '数字政府建设',
  '成渝地区双城经济圈建设',
];
const DOCUMENTS = [
  '实施方案',
  '管理办法',
  '若干措施',
  '工作要点',
  '行动计划',
  '实施细则',
  '指导意见',
  '考核办法',
];
const MEETINGS = [
  '省政府常务会议',
  '全省安全生产电视电话会议',
  '全省经济工作会议',
  '专题推进会',
  '工作调度会',
  '座谈会',
  '新闻发布会',
];
const ACTIONS = ['开展', '部署', '推进', '召开', '调研', '督导', '启动'];

const OPENINGS = [
  '为深入贯彻落实党中央、国务院决策部署',
  '根据省委、省政府工作安排',
  '为进一步规范管理',
  '按照《中华人民共和国政府信息公开条例》有关规定',
  '近日',
  '会议指出',
  '会议强调',
  '据统计',
];
const CLAUSES = [
  '全面提升服务质量和效率',
  '切实保障人民群众合法权益',
  '加快构建现代化产业体系',
  '持续深化“放管服”改革',
  '压紧压实各方责任',
  '推动各项政策措施落地见效',
  '统筹发展和安全',
  '着力解决群众急难愁盼问题',
  '坚持问题导向和目标导向',
  '加强部门协同和信息共享',
  '完善长效机制',
  '确保各项工作任务按期完成',
];
const FIGURES = [
  '同比增长8.6%',
  '完成年度目标的103.2%',
  '累计办理事项12.7万件',
  '惠及群众46万余人',
  '新增市场主体3.1万户',
  '投入资金2.35亿元',
];

export function placeName(random: Random): string {
  return random.pick(PLACES);
}

/** An article title as lists of government news show them. */
export function articleTitle(random: Random, year: number): string {
  const place = random.pick(PLACES);
  const matter = random.pick(MATTERS);
  if (random.next() < 0.04) return wordedLikeAnError(random, place, year);
  switch (random.int(0, 7)) {
    case 0:
      return `关于印发《${place}${matter}${random.pick(DOCUMENTS)}》的通知`;
    case 1:
      return `${place}${random.pick(ACTIONS)}${matter}${random.pick(MEETINGS)}`;
    case 2:
      return `${random.pick(BODIES)}${random.pick(ACTIONS)}${matter}专项工作`;
    case 3:
      return `关于${year}年度${matter}项目拟立项名单的公示`;
    case 4:
      // Government replies cite proposal numbers: a page mentioning 第404号 or 第410号 is not a missing page.
      return `对省政协十三届${random.int(1, 3)}次会议第${random.next() < 0.25 ? random.pick([404, 410]) : random.int(1, 900)}号提案的答复`;
    case 5:
      return `${random.pick(BODIES)}${year}年政府信息公开工作年度报告`;
    case 6:
      return `${place}${matter}工作取得阶段性成效`;
    default:
      return `《${place}${matter}${random.pick(DOCUMENTS)}》政策解读`;
  }
}

/** Real titles (a few in a hundred) whose words an error page could also use. */
function wordedLikeAnError(random: Random, place: string, year: number): string {
  switch (random.int(0, 3)) {
    case 0:
      // An answer to a request for disclosure (依申请公开): 政府信息不存在 is its legal wording.
      return `${random.pick(BODIES)}政府信息不存在告知书（${year}年第${random.int(1, 60)}号）`;
    case 1:
      // Briefings number their issues: 第404期 is an issue, not a status.
      return `${place}政务信息（第${random.pick([404, 410, random.int(100, 999)])}期）`;
    case 2:
      return `关于${place}部分企业登记信息已失效的公告`;
    default:
      return `关于网站“页面不存在”等问题整改情况的报告`;
  }
}

/** One paragraph of body text, roughly `sentences` × 40 characters. */
export function paragraph(random: Random, sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const figure = random.next() < 0.3 ? `，${random.pick(FIGURES)}` : '';
    parts.push(
      `${random.pick(OPENINGS)}，${random.pick(PLACES)}围绕${random.pick(MATTERS)}，${random.pick(CLAUSES)}，${random.pick(CLAUSES)}${figure}。`,
    );
  }
  return parts.join('');
}

/** A date in the last few years, as YYYY-MM-DD. */
export function publishDate(random: Random): { year: number; month: number; day: number; text: string } {
  const year = random.int(2019, 2025);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { year, month, day, text };
}
