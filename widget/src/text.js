/**
 * Turning message text into safe pieces. Bot and patient text are always shown as text (the
 * caller puts each piece in a text node or an <a> whose href passed `safeHref`), never as HTML:
 * a message containing markup shows its characters. Only https:, tel: and mailto: links are
 * made clickable; anything else (javascript:, data:, http:) stays plain text.
 */

const LINK = /\b(https:\/\/[^\s<>"']+|mailto:[^\s<>"']+|tel:\+?[0-9][0-9 ()-]{2,}[0-9])/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;
const SAFE_SCHEMES = new Set(["https:", "tel:", "mailto:"]);

/** The href when it is a well-formed https:, tel: or mailto: link; otherwise null. */
export function safeHref(candidate) {
  if (typeof candidate !== "string" || candidate.length > 2000) return null;
  let url;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!SAFE_SCHEMES.has(url.protocol)) return null;
  if (url.protocol === "https:" && (url.username || url.password)) return null;
  return url.href;
}

/**
 * Splits text into `{text}` and `{text, href}` pieces. The pattern has no nested quantifiers,
 * so the cost grows with the length of the text only.
 */
export function linkPieces(text) {
  const pieces = [];
  let last = 0;
  for (const match of String(text).matchAll(LINK)) {
    let link = match[0];
    const trailing = link.match(TRAILING_PUNCTUATION);
    if (trailing) link = link.slice(0, -trailing[0].length);
    const href = safeHref(link.startsWith("tel:") ? link.replace(/[ ()-]/g, "") : link);
    if (!href) continue;
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
    pieces.push({ text: link, href });
    last = match.index + link.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/** A phone number as a tel: href ("+1 (555) 010-2030" -> "tel:+15550102030"), or null. */
export function telHref(phone) {
  const digits = String(phone ?? "").replace(/[^0-9+]/g, "");
  return /^\+?[0-9]{2,20}$/.test(digits) ? `tel:${digits}` : null;
}
