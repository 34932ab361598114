/** Hands a downloaded file to the browser's save dialog under a name, then lets the memory go. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; revoke once they have.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
