import type { Locale } from '../http/locale.ts';
import type { EmailTemplate } from './templates.ts';

/** Who sends a message: the organisation's name and colour, or the installation's when there is none. */
export interface EmailBranding {
  name: string;
  primaryColor: string;
  /** How to reach the sender (Canada's anti-spam law): an e-mail or web address. */
  contact?: string;
}

/** The one-click unsubscribe of a message: its address and the category it stops. */
export interface UnsubscribeInfo {
  url: string;
  categoryLabel: string;
  channelLabel: string;
}

/** The installation's own look, for messages that belong to no organisation (sign-up, codes). */
export const INSTALLATION_BRANDING: EmailBranding = { name: 'Civique', primaryColor: '#1f3a5f' };

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function channel(hex: string, offset: number): number {
  const v = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** White or near-black, whichever reads better on the colour (WCAG contrast), so any brand colour works. */
export function readableTextOn(color: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return '#ffffff';
  const l = 0.2126 * channel(color, 1) + 0.7152 * channel(color, 3) + 0.0722 * channel(color, 5);
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / 0.0603; // #1a1a1a has a relative luminance of about 0.0103
  return onWhite >= onDark ? '#ffffff' : '#1a1a1a';
}

const FOOTER: Record<Locale, (name: string) => string> = {
  fr: (name) => `Ce message vous est envoyé par ${name}. Merci de ne pas y répondre directement.`,
  en: (name) => `This message is sent to you by ${name}. Please do not reply to it directly.`,
};
const CONTACT: Record<Locale, (contact: string) => string> = {
  fr: (contact) => `Pour nous joindre : ${contact}`,
  en: (contact) => `To reach us: ${contact}`,
};
const UNSUBSCRIBE: Record<Locale, (u: UnsubscribeInfo) => string> = {
  fr: (u) =>
    `Vous recevez ce message pour la catégorie « ${u.categoryLabel} ». Pour ne plus la recevoir par ${u.channelLabel} : ${u.url}`,
  en: (u) =>
    `You receive this message for the category “${u.categoryLabel}”. To stop receiving it by ${u.channelLabel}: ${u.url}`,
};

/** The footer lines of every message: who sends it, how to reach them, and how to unsubscribe. */
export function footerLines(
  locale: Locale,
  branding: EmailBranding,
  unsubscribe?: UnsubscribeInfo,
): string[] {
  return [
    FOOTER[locale](branding.name),
    ...(branding.contact ? [CONTACT[locale](branding.contact)] : []),
    ...(unsubscribe ? [UNSUBSCRIBE[locale](unsubscribe)] : []),
  ];
}

function footerHtml(locale: Locale, branding: EmailBranding, unsubscribe?: UnsubscribeInfo): string {
  const lines = [FOOTER[locale](branding.name)].map(escapeHtml);
  if (branding.contact) {
    const c = branding.contact;
    const href = c.includes('@') && !c.includes('/') ? `mailto:${c}` : c;
    const label = locale === 'fr' ? 'Pour nous joindre : ' : 'To reach us: ';
    lines.push(`${escapeHtml(label)}<a href="${escapeHtml(href)}">${escapeHtml(c)}</a>`);
  }
  if (unsubscribe) {
    const text =
      locale === 'fr'
        ? `Vous recevez ce message pour la catégorie « ${unsubscribe.categoryLabel} ». `
        : `You receive this message for the category “${unsubscribe.categoryLabel}”. `;
    const link =
      locale === 'fr'
        ? `Ne plus la recevoir par ${unsubscribe.channelLabel}`
        : `Stop receiving it by ${unsubscribe.channelLabel}`;
    lines.push(`${escapeHtml(text)}<a href="${escapeHtml(unsubscribe.url)}">${escapeHtml(link)}</a>`);
  }
  return lines.join('<br>');
}

/**
 * Renders subject, plain text and HTML. The plain text is always there (screen readers, text-only
 * clients); the HTML wraps it with the sender's name and colour in a header and a footer naming them.
 */
export function renderEmail(
  template: EmailTemplate<Record<string, unknown>>,
  params: Record<string, unknown>,
  locale: Locale,
  branding: EmailBranding = INSTALLATION_BRANDING,
  unsubscribe?: UnsubscribeInfo,
): { subject: string; text: string; html: string } {
  const subject = template.subject(params, locale);
  const text = `${template.text(params, locale)}\n\n-- \n${footerLines(locale, branding, unsubscribe).join('\n')}`;
  const body =
    template.html?.(params, locale) ??
    template
      .text(params, locale)
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
  const color = /^#[0-9a-fA-F]{6}$/.test(branding.primaryColor)
    ? branding.primaryColor
    : INSTALLATION_BRANDING.primaryColor;
  const name = escapeHtml(branding.name);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head><body style="margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#ffffff"><div style="max-width:40rem;margin:auto"><header style="background:${color};color:${readableTextOn(color)};padding:1rem;font-size:1.25rem;font-weight:bold">${name}</header><main style="padding:1rem">${body}</main><footer style="padding:1rem;border-top:1px solid #d0d0d0;font-size:0.875rem;color:#4a4a4a">${footerHtml(locale, branding, unsubscribe)}</footer></div></body></html>`;
  return { subject, text, html };
}
