// JSON.parse says where a syntax error is only sometimes ("position N"); a person fixing a 50 MiB GeoJSON
// file needs the line. This scanner follows the JSON grammar just far enough to find the first bad offset.

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const LITERAL = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;

/** The offset of the first JSON syntax error in a text, or -1 when it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && WHITESPACE.has(text.charAt(i))) i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fail();
      i += c === '\\' ? 2 : 1;
    }
    fail();
  };
  const container = (close: string, member: () => void) => {
    i++;
    ws();
    if (text.charAt(i) === close) {
      i++;
      return;
    }
    for (;;) {
      member();
      ws();
      const c = text.charAt(i);
      i++;
      if (c === close) return;
      if (c !== ',') {
        i--;
        fail();
      }
    }
  };
  const value = (): void => {
    ws();
    const c = text.charAt(i);
    if (c === '{') {
      container('}', () => {
        ws();
        if (text.charAt(i) !== '"') fail();
        string();
        ws();
        if (text.charAt(i) !== ':') fail();
        i++;
        value();
      });
    } else if (c === '[') container(']', value);
    else if (c === '"') string();
    else {
      LITERAL.lastIndex = i;
      if (!LITERAL.test(text)) fail();
      i = LITERAL.lastIndex;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (offset) {
    // A nesting deep enough to exhaust the stack is reported at the start.
    return typeof offset === 'number' ? offset : 0;
  }
}

/** The 1-based line of the first JSON syntax error (1 when it cannot be told). */
export function jsonErrorLine(text: string): number {
  const offset = jsonErrorOffset(text);
  if (offset <= 0) return 1;
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
