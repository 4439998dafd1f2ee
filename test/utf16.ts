/** `s` in UTF-16, little- or big-endian, after its byte-order mark: a file Notepad saved as "Unicode". */
export function utf16(s: string, littleEndian: boolean): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(2 + s.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), littleEndian);
  return bytes;
}
