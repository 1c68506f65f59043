import { articlePage } from '../gov-page.ts';
import type { Route, Routes } from '../route-server.ts';
import { printedDate } from './common.ts';

/** A letter of a demo letter box: asked `asked` days before the demo's day, answered `replied` days before it (or not yet). */
export interface DemoLetter {
  title: string;
  asked: number;
  replied?: number;
}

export interface LetterBox {
  /** The box's list page, e.g. '/hdjl/xzxx/'; its letters' pages lie under it. */
  path: string;
  /** 县长信箱, 厅长信箱… */
  name: string;
  siteName: string;
  letters: DemoLetter[];
  /** How the platform prints its list: a TRS table, 大汉 `<li>` rows under a header, 开普云 labelled rows. */
  style: 'trs' | 'hanweb' | 'kaipu';
  charset?: 'utf-8' | 'gbk';
}

/** The letter box's list page and one detail page per letter (来信时间, 答复时间, 办理状态), dated back from `today`. */
export function letterBoxRoutes(box: LetterBox, today: Date): Routes {
  const route = (body: string): Route => (box.charset === 'gbk' ? { body, encoding: 'gbk' } : { body });
  const detailPath = (i: number) => `${box.path}${i + 1}.html`;
  const routes: Routes = {
    [box.path]: route(articlePage(box.name, box.siteName, list(box, today, detailPath), box.charset)),
  };
  box.letters.forEach((letter, i) => {
    const replied = letter.replied === undefined ? '' : printedDate(today, letter.replied);
    const body = `<table class="xjxq"><tr><td>信件标题</td><td>${letter.title}</td></tr>
      <tr><td>来信时间</td><td>${printedDate(today, letter.asked)} 09:30:00</td></tr>
      <tr><td>答复时间</td><td>${replied}</td></tr><tr><td>办理状态</td><td>${state(letter)}</td></tr></table>`;
    routes[detailPath(i)] = route(articlePage(letter.title, box.siteName, body, box.charset));
  });
  return routes;
}

const state = (letter: DemoLetter) => (letter.replied === undefined ? '办理中' : '已办结');

function list(box: LetterBox, today: Date, detailPath: (i: number) => string): string {
  const asked = (l: DemoLetter) => printedDate(today, l.asked);
  const replied = (l: DemoLetter) => (l.replied === undefined ? '' : printedDate(today, l.replied));
  const rows = box.letters.map((l, i) => {
    const title = `<a href="${detailPath(i)}">${l.title}</a>`;
    if (box.style === 'trs') {
      return `<tr><td>${title}</td><td>${asked(l)}</td><td>${replied(l)}</td><td>${state(l)}</td></tr>`;
    }
    if (box.style === 'hanweb') {
      return `<li><span>${title}</span><span>${asked(l)}</span><span>${replied(l)}</span><span>${state(l)}</span></li>`;
    }
    const reply = l.replied === undefined ? '' : `<span>回复时间：${replied(l)}</span>`;
    return `<div class="item">${title}<div class="info"><span>留言时间：${asked(l)}</span>${reply}<em>${state(l)}</em></div></div>`;
  });
  if (box.style === 'trs') {
    return `<table class="xxlb"><tr><td>标题</td><td>来信时间</td><td>回复时间</td><td>状态</td></tr>${rows.join('')}</table>`;
  }
  if (box.style === 'hanweb') {
    return `<div class="th"><span>信件标题</span><span>留言时间</span><span>回复时间</span><span>状态</span></div><ul class="xjlb">${rows.join('')}</ul>`;
  }
  return `<div class="hdjl-list">${rows.join('')}</div>`;
}
