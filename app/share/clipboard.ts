// Copying text from a click: the async clipboard API when the browser lets the page use it.

/**
 * true once `text` is on the clipboard; false when the API is missing (an insecure page, some
 * headless browsers) or refuses (no permission). The caller then offers the text to copy by hand.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (clipboard?.writeText === undefined) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
