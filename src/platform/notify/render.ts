import type { Locale } from '../http/locale.ts';
import type { EmailTemplate } from './templates.ts';

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Renders subject, plain text and HTML; the HTML wraps the text in a simple accessible layout. */
export function renderEmail(
  template: EmailTemplate<Record<string, unknown>>,
  params: Record<string, unknown>,
  locale: Locale,
): { subject: string; text: string; html: string } {
  const subject = template.subject(params, locale);
  const text = template.text(params, locale);
  const body =
    template.html?.(params, locale) ??
    text
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40rem;margin:auto;padding:1rem">${body}</body></html>`;
  return { subject, text, html };
}
