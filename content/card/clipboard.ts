/**
 * Writes text to the clipboard from a page the extension does not own: the page's permissions policy
 * decides (`clipboard-write`), so a refusal is an answer to report, never an error to hide.
 */
export type CopyOutcome = 'copied' | 'forbidden' | 'failed';

interface PolicyDocument {
  featurePolicy?: { allowsFeature(feature: string): boolean };
}

/** Whether the document's permissions policy forbids writing to the clipboard (Chromium says so). */
export function clipboardForbidden(doc: Document): boolean {
  try {
    const policy = (doc as Document & PolicyDocument).featurePolicy;
    return policy ? !policy.allowsFeature('clipboard-write') : false;
  } catch {
    return false;
  }
}

export async function copyText(doc: Document, text: string): Promise<CopyOutcome> {
  if (clipboardForbidden(doc)) return 'forbidden';
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (!clipboard) return 'failed';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch (error) {
    // A policy refusal is a NotAllowedError; so is a missing user gesture, which a click rules out.
    return (error as { name?: unknown } | null)?.name === 'NotAllowedError'
      ? 'forbidden'
      : 'failed';
  }
}
