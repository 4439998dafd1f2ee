import { describe, expect, it } from 'vitest';
import { fileText } from './file-text';

const text = '{"title": "不明原因肺炎"}';

/** `text` in UTF-16, little- or big-endian, after its byte-order mark. */
function utf16(s: string, littleEndian: boolean): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(2 + s.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), littleEndian);
  return bytes;
}

describe('fileText', () => {
  it('reads UTF-8, with or without its byte-order mark, as Blob.text() does', async () => {
    const plain = new TextEncoder().encode(text);
    expect(await fileText(new Blob([plain]))).toBe(text);
    expect(await fileText(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), plain]))).toBe(text);
    expect(await fileText(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), plain]))).toBe(
      await new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), plain]).text(),
    );
  });

  it('reads UTF-16 after its byte-order mark, either way round (Notepad’s “Unicode”)', async () => {
    expect(await fileText(new Blob([utf16(text, true)]))).toBe(text);
    expect(await fileText(new Blob([utf16(text, false)]))).toBe(text);
    // What reading it as UTF-8 gave: a NUL after every ASCII character, which load calls binary.
    expect(await new Blob([utf16(text, true)]).text()).toContain('\u0000');
  });
});
