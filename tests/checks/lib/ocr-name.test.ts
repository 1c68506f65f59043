import { describe, expect, it } from 'vitest';
import { judgeOcr, ocrTexts } from '../../../checks/lib/ocr-name.ts';
import type { HeaderOcr, OcrWord } from '../../../crawlers/artifacts.ts';

const REGION = { x: 83, y: 42, width: 720, height: 110 };

/**
 * A word as tesseract's TSV gives it: `成(96)` is 成 read with confidence 96; height 44 unless given,
 * as wide as it is tall per character (`丰(0)` is one square box, an emblem read as noise).
 */
function words(spec: string, height = 44): OcrWord[] {
  return [...spec.matchAll(/([^()\s]+)\((\d+)\)/g)].map(([, text, confidence]) => ({
    text: text!,
    confidence: Number(confidence),
    height,
    width: height * Array.from(text!).length,
  }));
}

/** A word tesseract could not read, `chars` characters wide. */
function unread(chars: number, height = 44): OcrWord[] {
  return [{ text: '~', confidence: 0, height, width: height * chars }];
}

function ocr(...lines: OcrWord[][]): HeaderOcr {
  return {
    engine: 'tesseract chi_sim',
    durationMs: 150,
    readings: [{ region: REGION, psm: 11, scale: 1, lines: lines.map((w) => ({ words: w })) }],
  };
}

const CITY = '成都市人民政府';

describe('judgeOcr', () => {
  const cases: [string, HeaderOcr, string, ReturnType<typeof judgeOcr>][] = [
    [
      'the name read cleanly beside an emblem read as a stray character',
      ocr(words('让(0)成(96)都(97)市(97)人(97)民政(93)府(93)')),
      CITY,
      { kind: 'full-name', text: CITY, confidence: 95, edits: 0, region: REGION },
    ],
    [
      'tesseract spaces inside the name are ignored',
      ocr(words('成都(92) 市(90) 人(88) 民政府(91)')),
      CITY,
      { kind: 'full-name', text: CITY, confidence: 91, edits: 0, region: REGION },
    ],
    [
      'one misread character of seven is OCR noise',
      ocr(words('咸(81)都(95)市(97)人(97)民政(93)府(93)')),
      CITY,
      { kind: 'full-name', text: '咸都市人民政府', confidence: 93, edits: 1, region: REGION },
    ],
    [
      'the name followed by the site address on the same line',
      ocr(words('成(97)都(97)市(97)人(97)民政(93)府(92)www.chengdu.gov.cn(76)')),
      CITY,
      { kind: 'full-name', text: CITY, confidence: 95, edits: 0, region: REGION },
    ],
    [
      'a name set on two lines',
      ocr(words('四川省(95)人民政府(94)'), words('办公厅(93)')),
      '四川省人民政府办公厅',
      { kind: 'full-name', text: '四川省人民政府办公厅', confidence: 94, edits: 0, region: REGION },
    ],
    [
      '川 cut into pieces at a small size is one misread character',
      ocr(words('四(93)l(61)|(92)|(81)省(97)教育(93)厅(92)', 22)),
      '四川省教育厅',
      { kind: 'full-name', text: '四l||省教育厅', confidence: 88, edits: 1, region: REGION },
    ],
    [
      'a sure shortened reading also keeps the characters it holds as sure',
      ocr(words('四(93)l(61)|(92)|(81)省(97)政府(97)', 22)),
      '四川省人民政府',
      { kind: 'undecided' },
    ],
    [
      "an unread word cut off where the name's first character would be",
      ocr(words('咸(5)都市(90)人民(92)政府(91)')),
      CITY,
      { kind: 'undecided' },
    ],
    [
      'an unread word cut off the start, the shortened name starting with the first character',
      ocr(words('咸(5)成都市(95)政府(95)')),
      CITY,
      { kind: 'shortened', text: '成都市政府', confidence: 95, region: REGION },
    ],
    [
      'a blurred name read unsurely is not taken for the name',
      ocr(words('咸(14)都(56)市(82)人(97)民政(86)府(82)')),
      CITY,
      { kind: 'undecided' },
    ],
    [
      'two misread characters of seven are too many',
      ocr(words('成(95)华(95)市(97)人(97)民政(93)府(93)'), words('区(20)')),
      '成都区人民政府',
      { kind: 'undecided' },
    ],
    [
      'a shortened name read surely fails',
      ocr(words('丰(0)成(96)都(97)市(97)政府(97)')),
      CITY,
      { kind: 'shortened', text: '成都市政府', confidence: 97, region: REGION },
    ],
    [
      'a shortened name read surely beside a wider line tesseract could not read (a calligraphic full name)',
      ocr(unread(7, 60), words('成都市(96)政府(95)门户(94)网站(95)', 40)),
      CITY,
      { kind: 'undecided' },
    ],
    [
      'a shortened name read surely beside a small unread line (an English subtitle) still fails',
      ocr(words('成都市(96)政府(95)'), unread(8, 20)),
      CITY,
      { kind: 'shortened', text: '成都市政府', confidence: 96, region: REGION },
    ],
    [
      'a shortened name with 门户网站 after it',
      ocr(words('成都市(96)政府(95)门户(94)网站(95)')),
      CITY,
      { kind: 'shortened', text: '成都市政府门户网站', confidence: 95, region: REGION },
    ],
    [
      'a shortened name read unsurely decides nothing',
      ocr(words('成(80)都(75)市(82)政府(84)')),
      CITY,
      { kind: 'undecided' },
    ],
    [
      'a shortened name with an unsure character inside it decides nothing',
      ocr(words('成(96)都(97)市(30)政府(97)')),
      CITY,
      { kind: 'undecided' },
    ],
    [
      'every character of the name with others between them decides nothing',
      ocr(words('四川省(96)人民政府(96)'), words('教育厅(95)')),
      '四川省教育厅',
      { kind: 'undecided' },
    ],
    [
      "another body's name read surely, nothing else in the image",
      ocr(words('四(93)川(93)省(97)人(97)民政(93)府(93)')),
      CITY,
      { kind: 'other-body', text: '四川省人民政府', confidence: 94, region: REGION },
    ],
    [
      "another body's name beside something as tall that could not be read",
      ocr(words('不(0)四(93)川(93)省(97)人(97)民政(93)府(93)')),
      CITY,
      { kind: 'undecided' },
    ],
    [
      "another body's name above a line that keeps most of the registered one",
      ocr(words('四川省(96)人民政府(96)', 30), words('教育(40)厅(45)', 60)),
      '四川省教育厅',
      { kind: 'undecided' },
    ],
    [
      'a slogan read surely is not a name',
      ocr(words('治蜀(95)兴川(96)再(94)出发(95)')),
      CITY,
      { kind: 'undecided' },
    ],
    ['nothing read', ocr(), CITY, { kind: 'undecided' }],
    ['only a stray character', ocr(words('合(0)')), CITY, { kind: 'undecided' }],
  ];

  it.each(cases)('%s', (_case, reading, name, expected) => {
    expect(judgeOcr(reading, name)).toEqual(expected);
  });

  it('reads the name in any region of several', () => {
    const two: HeaderOcr = {
      ...ocr(words('合(0)')),
      readings: [
        { region: REGION, psm: 11, scale: 1, lines: [{ words: words('合(0)') }] },
        {
          region: { x: 900, y: 60, width: 300, height: 50 },
          psm: 11,
          scale: 2,
          lines: [{ words: words('成都市人民政府(91)', 22) }],
        },
      ],
    };
    expect(judgeOcr(two, CITY)).toMatchObject({ kind: 'full-name', region: { x: 900 } });
  });
});

describe('ocrTexts', () => {
  it('lists each line read, its unsure words left out', () => {
    expect(ocrTexts(ocr(words('让(0)成都市(96)人民政府(93)'), words('THE(92)PEOPLE(90)')))).toEqual([
      { text: '成都市 人民政府', confidence: 94, region: REGION },
      { text: 'THE PEOPLE', confidence: 91, region: REGION },
    ]);
  });
});
