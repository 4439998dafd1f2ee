import { describe, expect, it } from 'vitest';
import { utf16 } from '../../test/utf16';
import { bytesText, fileText } from './file-text';

const text = '{"title": "不明原因肺炎"}';

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

  it('reads bytes already read the same way (npm run validate and playtest)', () => {
    expect(bytesText(utf16(text, true))).toBe(text);
    expect(bytesText(utf16(text, false))).toBe(text);
    expect(bytesText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
  });
});
