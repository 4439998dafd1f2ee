/**
 * The text of a file the user chose: UTF-8, or UTF-16 when it begins with that encoding's byte-order
 * mark, as Windows Notepad saves "Unicode" text. Read as UTF-8, such a file has a NUL in every other
 * byte, and load would call it binary. A UTF-8 byte-order mark is dropped, as `Blob.text()` drops it.
 */
export async function fileText(file: Blob): Promise<string> {
  return bytesText(new Uint8Array(await file.arrayBuffer()));
}

/** `fileText` of bytes already read: `npm run validate` and `npm run playtest` read files so. */
export function bytesText(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}
