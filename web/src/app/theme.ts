// An organisation's branding becomes CSS custom properties. Its primary colour carries white text and is
// used for links on white, so it is darkened until both reach WCAG AA contrast (4.5:1).

/** Civique's own colours, used before a town is chosen. */
export const DEFAULT_BRANDING = { primaryColor: '#1d4f7c', accentColor: '#e0a526' };

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return null;
  const n = Number.parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance (WCAG 2). */
export function luminance(hex: string): number {
  const rgb = parseHex(hex);
  if (!rgb) return 0;
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

/** Contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The colour, darkened step by step until white text on it reaches the ratio. */
export function darkenForContrast(hex: string, against = '#ffffff', ratio = 4.5): string {
  let rgb = parseHex(hex);
  if (!rgb) return DEFAULT_BRANDING.primaryColor;
  for (let i = 0; i < 100 && contrastRatio(toHex(rgb), against) < ratio; i++) {
    rgb = [rgb[0] * 0.95, rgb[1] * 0.95, rgb[2] * 0.95];
  }
  return toHex(rgb);
}

function mix(hex: string, other: string, weight: number): string {
  const a = parseHex(hex) ?? [0, 0, 0];
  const b = parseHex(other) ?? [255, 255, 255];
  return toHex([0, 1, 2].map((i) => (a[i] ?? 0) * (1 - weight) + (b[i] ?? 0) * weight) as Rgb);
}

/** The CSS custom properties of a branding, with contrast-safe text colours. */
export function themeVariables(branding: {
  primaryColor: string;
  accentColor: string;
}): Record<string, string> {
  const primary = darkenForContrast(branding.primaryColor, '#ffffff', 4.5);
  const accent = parseHex(branding.accentColor) ? branding.accentColor : DEFAULT_BRANDING.accentColor;
  return {
    '--brand-primary': primary,
    // Darker than the primary, so its contrast with white is higher still.
    '--brand-primary-hover': mix(primary, '#000000', 0.2),
    '--brand-primary-tint': mix(primary, '#ffffff', 0.92),
    '--brand-accent': accent,
    '--brand-on-primary': '#ffffff',
  };
}

/** Applies a branding to the whole document. */
export function applyTheme(branding: { primaryColor: string; accentColor: string } | undefined): void {
  const variables = themeVariables(branding ?? DEFAULT_BRANDING);
  const style = document.documentElement.style;
  for (const [name, value] of Object.entries(variables)) style.setProperty(name, value);
  document
    .querySelector('meta[name="theme-color"]')
    ?.setAttribute('content', variables['--brand-primary'] ?? '');
}
