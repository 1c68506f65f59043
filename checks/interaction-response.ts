import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { shanghaiDay } from './lib/calendar.ts';
import { CHANNEL_WORDS, type Channel, consultationChannels } from './lib/consultation-channel.ts';
import { type LetterWait, letterWaits, REPLY_MONTHS } from './lib/letter-wait.ts';
import { pageKey } from './lib/pages.ts';

const MAX_LISTED = 10;
const NO_CHANNEL_VETO =
  '网站没有网上咨询建言渠道（网上信访、纪检举报渠道除外），属于国家检查指标“互动回应差”中的“未提供网上有效咨询建言渠道”，单项否决，网站评为不合格。';
const UPHELD_VETO =
  '经人工复核，网站的政务咨询类栏目存在超过3个月未回应的有效留言，或未提供网上有效咨询建言渠道，属于国家检查指标“互动回应差”，单项否决，网站评为不合格。';

const channelEvidence = (channels: readonly Channel[]) =>
  channels.slice(0, MAX_LISTED).map(({ url, label, on }) => ({ url, label, on }));

/**
 * The national indicator 互动回应差 (国办秘函〔2019〕19号): "未提供网上有效咨询建言渠道" (网上信访、纪检举报
 * excepted) and, within the year before the check, "政务咨询类栏目…存在超过3个月未回应有效留言". Channels
 * are links on the rendered homepage and the crawled pages whose label names one (咨询, 留言, 信箱, 问政,
 * 民意征集, 建言, 互动交流); letters are read from the crawled letter lists and detail pages. No channel
 * at all fails with a single veto, and so does a letter of the past year answered after more than 3
 * months or still unanswered after them. Channels whose letters could not be read are `review`.
 */
export const interactionResponse = defineCheck({
  meta: {
    id: 'interaction-response',
    clause: '4.5',
    title: '互动交流渠道有效、留言及时回应',
    description: `依据国家《政府网站与政务新媒体检查指标》“互动回应差”：首页和抓取的网页中没有任何网上咨询建言渠道（咨询、留言、信箱、问政、民意征集、意见征集、建言、互动交流等；网上信访、纪检举报渠道不算）的，单项否决；检查日前1年内的留言超过${REPLY_MONTHS}个月才回复或至今超过${REPLY_MONTHS}个月未回复的，单项否决。留言列表和详情页读取留言时间、回复时间或办理状态；有渠道但读不到留言的，列出待人工确认。`,
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['renderedHomepage', 'siteCrawl'],
    // One finding per overdue letter (its address and title), or the one finding of a site without a
    // channel or without readable letters; it rests on the dates and state read.
    identity: {
      key: ['evidence.problem', 'evidence.letterTitle'],
      digest: [
        'evidence.problem',
        'evidence.letterUrl',
        'evidence.asked',
        'evidence.replied',
        'evidence.state',
        'evidence.channels.*.url',
      ],
    },
    singleVeto: { reason: UPHELD_VETO },
  },
  run({ renderedHomepage, siteCrawl }, ctx): CheckResult {
    const { channels, excepted } = consultationChannels(renderedHomepage, siteCrawl);
    if (channels.length === 0) {
      return {
        outcome: 'fail',
        findings: [
          {
            url: renderedHomepage.finalUrl,
            message: `首页和抓取的网页中没有网上咨询建言渠道（查找了：${CHANNEL_WORDS.join('、')}）${excepted.length > 0 ? `，只有${excepted.map((c) => `“${c.label}”`).join('、')}等网上信访、举报渠道，不能算作咨询建言渠道` : ''}。`,
            evidence: {
              problem: 'no-channel',
              lookedFor: CHANNEL_WORDS.join('、'),
              excepted: channelEvidence(excepted),
            },
          },
        ],
        singleVeto: NO_CHANNEL_VETO,
      };
    }
    const letters = letterWaits(siteCrawl, shanghaiDay(ctx.now));
    const overdue = letters.filter((letter) => letter.inWindow && letter.overdue);
    if (overdue.length > 0) {
      return {
        outcome: 'fail',
        findings: overdue.map((letter) => overdueFinding(letter, channels)),
        singleVeto: `检查日前1年内有${overdue.length}条留言超过${REPLY_MONTHS}个月未回应（如“${overdue[0]!.title}”，等待${overdue[0]!.waitDays}天），属于国家检查指标“互动回应差”，单项否决，网站评为不合格。`,
      };
    }
    if (!letters.some((letter) => letter.answer !== 'unknown')) {
      return {
        outcome: 'review',
        findings: [
          {
            url: channels[0]!.url,
            message: `找到${channels.length}个咨询建言渠道（${channels
              .slice(0, 3)
              .map((c) => `“${c.label}”`)
              .join(
                '、',
              )}${channels.length > 3 ? '等' : ''}），但没有读到留言的时间和回复情况，需人工查看留言是否在${REPLY_MONTHS}个月内得到回应。`,
            evidence: {
              problem: 'letters-unread',
              channels: channelEvidence(channels),
              lettersRead: letters.length,
            },
          },
        ],
      };
    }
    return { outcome: 'pass', findings: [] };
  },
});

function overdueFinding(letter: LetterWait, channels: readonly Channel[]): Finding {
  const listed = new Set(letter.listedOn.map((url) => pageKey(url)));
  const channel = channels.find((c) => listed.has(pageKey(c.url)));
  const waited =
    letter.answer === 'pending' || letter.replied === undefined
      ? `至今${letter.state ? `仍为“${letter.state}”` : '未回复'}，已等待${letter.waitDays}天`
      : `${letter.replied}才回复，等待${letter.waitDays}天`;
  return {
    url: letter.url,
    message: `留言“${letter.title}”${letter.asked}提交，${waited}，超过${REPLY_MONTHS}个月未回应。`,
    evidence: {
      problem: 'overdue',
      letterUrl: letter.url,
      letterTitle: letter.title,
      asked: letter.asked,
      ...(letter.replied ? { replied: letter.replied } : {}),
      ...(letter.state ? { state: letter.state } : {}),
      waitDays: letter.waitDays,
      listedOn: letter.listedOn,
      ...(channel ? { channel: { url: channel.url, label: channel.label } } : {}),
    },
  };
}
