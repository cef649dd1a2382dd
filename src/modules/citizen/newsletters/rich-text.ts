import MarkdownIt from 'markdown-it';

// Staff write issues in Markdown: headings, lists, emphasis and links, never raw HTML (it is escaped),
// and markdown-it refuses javascript:, vbscript: and data: links. The Markdown source is the plain-text
// alternative as it stands.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Safe HTML of a Markdown text. */
export function richTextHtml(markdown: string): string {
  return md.render(markdown);
}

/** The plain-text alternative: the Markdown source with link targets spelled out. */
export function richTextPlain(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)');
}
