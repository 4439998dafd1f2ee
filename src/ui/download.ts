/** Hands `text` to the browser as a file to save: nothing leaves the machine. The type follows the name. */
export function downloadText(file: string, text: string): void {
  const type = file.endsWith('.csv') ? 'text/csv;charset=utf-8' : 'application/json';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.click();
  // Revoked later: some browsers start the download only after this task.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name with the local date, as the trainee would write it. */
export function datedName(prefix: string, now: Date, extension: 'json' | 'csv' = 'json'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
