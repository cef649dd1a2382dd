// Control characters, path separators and characters Windows refuses in names.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
const MAX_LENGTH = 180;

/**
 * A client-given file name made safe to keep as metadata and to offer back on download: no path, no
 * control, bidirectional-override or lone surrogate characters, NFC accents kept, at most 180
 * characters with the extension preserved. Never used to name anything on disk.
 */
export function sanitizeFileName(raw: string | undefined, fallback = 'fichier'): string {
  const base = (raw ?? '').toWellFormed().normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    .replace(UNSAFE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  // Counted in code points so that cutting never splits an emoji into a lone surrogate.
  const chars = Array.from(name);
  if (chars.length > MAX_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? Array.from(name.slice(dot)) : [];
    name =
      chars
        .slice(0, MAX_LENGTH - extension.length)
        .join('')
        .trimEnd() + extension.join('');
  }
  return name || fallback;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A size limit as people read it, in French and in English (`1,5 Mo` / `1.5 MB`). */
export function formatSizeLimit(bytes: number): { maxFr: string; maxEn: string } {
  const mega = bytes >= 1024 * 1024;
  const value = mega ? bytes / (1024 * 1024) : Math.max(bytes / 1024, 0.1);
  const fr = new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 1 }).format(value);
  const en = new Intl.NumberFormat('en-CA', { maximumFractionDigits: 1 }).format(value);
  return { maxFr: `${fr} ${mega ? 'Mo' : 'ko'}`, maxEn: `${en} ${mega ? 'MB' : 'KB'}` };
}
