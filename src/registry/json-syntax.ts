/** Where a JSON text stops being valid JSON, and what was expected there. */
export interface JsonSyntaxFault {
  offset: number;
  expected: string;
}

class Fault extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Finds the first syntax fault of a JSON text. Node 20's `JSON.parse` names no position for many
 * errors ("Unexpected token 'x', … is not valid JSON"), so this small scanner locates it instead.
 * Returns undefined when the text is valid JSON.
 */
export function findJsonSyntaxFault(text: string): JsonSyntaxFault | undefined {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (char: string, expected: string) => {
    skipSpace();
    if (text[i] !== char) throw new Fault(i, expected);
    i++;
  };
  const string = () => {
    i++;
    for (;;) {
      const char = text[i];
      if (char === undefined || char < ' ') throw new Fault(i, '字符串结尾的双引号 "');
      i++;
      if (char === '"') return;
      if (char !== '\\') continue;
      if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 5;
      else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]!)) i++;
      else throw new Fault(i, '有效的转义字符（\\" \\\\ \\/ \\n \\uXXXX 等）');
    }
  };
  const member = () => {
    skipSpace();
    if (text[i] !== '"') throw new Fault(i, '用双引号括起来的键名');
    string();
    expect(':', '冒号 :');
    value();
  };
  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '"') string();
    else if (char === '{') members('}', member);
    else if (char === '[') members(']', value);
    else scalar();
  };
  const scalar = () => {
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
    if (literal === undefined)
      throw new Fault(i, '一个值（带双引号的文本、数字、true、false、null、{ 或 [）');
    i += literal.length;
  };
  const members = (close: string, item: () => void) => {
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      skipSpace();
      if (text[i] === close) {
        i++;
        return;
      }
      expect(',', `逗号 , 或 ${close}`);
    }
  };
  try {
    value();
    skipSpace();
    if (i < text.length) throw new Fault(i, '文件结束（最外层括号之后不能再有内容）');
    return undefined;
  } catch (error) {
    if (error instanceof Fault) return { offset: error.offset, expected: error.expected };
    throw error;
  }
}
