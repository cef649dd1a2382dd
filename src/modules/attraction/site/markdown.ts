// Staff write page bodies in Markdown. markdown-it runs with raw HTML disabled, so no tag, attribute or
// script a writer types reaches the page: it is shown as text. Its link validator refuses javascript:,
// vbscript:, file: and data: URLs. Images may only name files uploaded to the platform (`image:<file id>`)
// and must carry alternative text.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const IMAGE_SRC = /^image:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** An image of a Markdown body that cannot be published, with why. */
export interface ImageProblem {
  src: string;
  problem: 'alt_missing' | 'not_platform_file';
}

interface Env {
  imageUrl?: (fileId: string) => string;
}

md.renderer.rules.image = (tokens, idx, _options, env) => {
  const imageUrl = (env as Env).imageUrl;
  const token = tokens[idx];
  if (!token) return '';
  const alt = md.utils.escapeHtml(token.content);
  const match = IMAGE_SRC.exec(String(token.attrGet('src') ?? ''));
  if (!match?.[1] || !imageUrl) return alt;
  return `<img src="${md.utils.escapeHtml(imageUrl(match[1].toLowerCase()))}" alt="${alt}" loading="lazy">`;
};

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx]?.attrGet('href') ?? '');
  if (/^https?:\/\//i.test(href)) tokens[idx]?.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders a page body to HTML that is safe to insert into a page. */
export function renderMarkdown(source: string, imageUrl?: (fileId: string) => string): string {
  return md.render(source, { imageUrl } satisfies Env);
}

/** The platform files a body's images name. */
export function imageFileIds(source: string): string[] {
  return walkImages(source)
    .map((i) => IMAGE_SRC.exec(i.src)?.[1]?.toLowerCase())
    .filter((x): x is string => !!x);
}

/** Images that would not be accessible or not come from the platform. */
export function imageProblems(source: string): ImageProblem[] {
  return walkImages(source).flatMap((i) => {
    const problems: ImageProblem[] = [];
    if (!IMAGE_SRC.test(i.src)) problems.push({ src: i.src, problem: 'not_platform_file' });
    if (i.alt.trim().length === 0) problems.push({ src: i.src, problem: 'alt_missing' });
    return problems;
  });
}

function walkImages(source: string): Array<{ src: string; alt: string }> {
  const out: Array<{ src: string; alt: string }> = [];
  for (const block of md.parse(source, {})) {
    for (const t of block.children ?? []) {
      if (t.type === 'image') out.push({ src: String(t.attrGet('src') ?? ''), alt: t.content });
    }
  }
  return out;
}

/** Plain text of a Markdown body (meta descriptions, e-mails). */
export function plainText(source: string, max = 200): string {
  const text = md
    .render(source)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
