/** Saves a file the backend produced (base64) through the browser's download: a Blob and a link. */
export function downloadBase64(file: { fileName: string; mime: string; contentBase64: string }): void {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to take the data before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
