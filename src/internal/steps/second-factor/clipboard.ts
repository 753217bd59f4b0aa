/** Copies text to the clipboard; false when the browser refuses (no permission, insecure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offers text as a file download made in the browser: a `data:` URL on a detached link (never in the document, so
 * the text is in no attribute a page script or the DOM shows; `blob:` URLs are kept out of the sources).
 */
export function downloadText(text: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  a.download = fileName;
  a.click();
}
