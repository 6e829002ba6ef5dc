/**
 * The site may choose the widget's accent colour, but not an unreadable one: a colour whose
 * contrast with white text is below WCAG AA (4.5:1) is replaced by the default.
 */

export const DEFAULT_ACCENT = "#0b5394";
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

function channel(value) {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a #rgb or #rrggbb colour, or null for anything else. */
export function luminance(color) {
  if (typeof color !== "string" || !HEX.test(color)) return null;
  let hex = color.slice(1);
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join("");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a, b) {
  const [la, lb] = [luminance(a), luminance(b)];
  if (la === null || lb === null) return 0;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The accent to use: the site's choice when white text on it is readable, else the default. */
export function accentColor(requested) {
  return contrastRatio(requested, "#ffffff") >= 4.5 ? requested.toLowerCase() : DEFAULT_ACCENT;
}
