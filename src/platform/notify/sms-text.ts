// Text messages are billed and split by segment: 160 GSM-7 characters alone or 153 per part, but only
// 70 (67 per part) as soon as one character is outside GSM-7, as many French letters are (ê, ç, ô…).

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

/** The most segments a message of Civique may take. */
export const MAX_SMS_SEGMENTS = 2;

/** The encoding a text needs and how many segments it takes. */
export function smsSegments(text: string): { encoding: 'gsm7' | 'ucs2'; units: number; segments: number } {
  let septets = 0;
  let gsm = true;
  for (const c of text) {
    if (basic.has(c)) septets += 1;
    else if (extended.has(c)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm)
    return { encoding: 'gsm7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  // UCS-2 counts UTF-16 code units (an emoji takes two).
  const units = text.length;
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

// Typography that has a plain GSM-7 twin; replacing it keeps the meaning and often the cheaper encoding.
const PUNCTUATION: Record<string, string> = {
  '’': "'",
  '‘': "'",
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
};

// French letters GSM-7 lacks, and their closest GSM-7 letter (used only when the accents do not fit).
const LETTERS: Record<string, string> = {
  à: 'à',
  â: 'a',
  ä: 'ä',
  ç: 'Ç',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  ô: 'o',
  û: 'u',
  ù: 'ù',
  ü: 'ü',
  ÿ: 'y',
  À: 'A',
  Â: 'A',
  È: 'E',
  Ê: 'E',
  Ë: 'E',
  Î: 'I',
  Ï: 'I',
  Ô: 'O',
  Û: 'U',
  Ù: 'U',
  Œ: 'OE',
  œ: 'oe',
  æ: 'æ',
};

function replaceAll(text: string, table: Record<string, string>): string {
  return [...text].map((c) => table[c] ?? c).join('');
}

function cut(text: string, fits: (t: string) => boolean): string {
  if (fits(text)) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(`${chars.slice(0, mid).join('').trimEnd()}...`)) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}...`;
}

/**
 * Fits a text message into at most two segments: the body as written if it fits; else with plain
 * punctuation; else without the accents GSM-7 lacks; else shortened with "...". The suffix (the
 * unsubscribe link) is never cut.
 */
export function fitSms(body: string, suffix = ''): string {
  const fits = (t: string) => smsSegments(`${t}${suffix}`).segments <= MAX_SMS_SEGMENTS;
  if (fits(body)) return `${body}${suffix}`;
  const plain = replaceAll(body, PUNCTUATION);
  if (fits(plain)) return `${plain}${suffix}`;
  const gsm = replaceAll(plain, LETTERS);
  if (smsSegments(`${gsm}${suffix}`).encoding === 'gsm7') return `${cut(gsm, fits)}${suffix}`;
  return `${cut(plain, fits)}${suffix}`;
}
