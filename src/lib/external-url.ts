/**
 * A link or image address supplied by a third party, used only when it is http(s): a registration
 * could hold `javascript:` or `data:` text, which must never become a clickable link.
 */
export function safeExternalUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A contact as a link target: an e-mail address gets `mailto:`, a web address stays, anything else none. */
export function contactHref(contact: string): string | undefined {
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(contact)) return `mailto:${contact}`;
  return safeExternalUrl(contact);
}
