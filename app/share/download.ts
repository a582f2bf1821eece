// Offering a file to the browser as a download, from a click: the scenario file, the capture.

/** How long the download's object URL is kept for the browser to start the download. */
const OBJECT_URL_LIFETIME_MS = 30_000;

/** Offers `blob` to the browser as a download named `name`, through a temporary link. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = window.document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  window.document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}
