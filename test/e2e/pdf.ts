/**
 * A printed PDF read back: its text, for the tests to look for what the page printed, and its
 * pages as PNG images, written beside the test's results for a person to look at.
 */
import { writeFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * CJK Radicals Supplement forms a printed PDF's text may hold where the page had the character
 * (Chromium names a glyph by the first code point the font maps to it). NFKC folds the Kangxi
 * radicals (⼯ → 工) but not these.
 */
const RADICAL_FORMS: Record<string, string> = {
  '⺟': '母',
  '⺠': '民',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻊': '足',
  '⻋': '车',
  '⻓': '长',
  '⻔': '门',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻨': '麦',
  '⻩': '黄',
  '⻬': '齐',
  '⻮': '齿',
  '⻯': '龙',
  '⻳': '龟',
};

/**
 * Text as a PDF and a page compare equal: NFKC (full-width punctuation and Kangxi radicals), the
 * radical forms above, and no spaces, which a PDF puts between text runs where the page had none.
 */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2E80-\u2EFF]/g, (c) => RADICAL_FORMS[c] ?? c)
    .replace(/\s+/g, '');
}

async function open(pdf: Buffer) {
  return getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
}

/** The text of every page, in order, made `comparable`. */
export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await open(pdf);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return { pages: doc.numPages, text: comparable(pages.join('')) };
}

/** Writes the first `count` pages as PNG files named by `pathOf(n)`; returns how many it wrote. */
export async function pdfPageImages(pdf: Buffer, count: number, pathOf: (n: number) => string): Promise<number> {
  const doc = await open(pdf);
  let written = 0;
  for (let n = 1; n <= Math.min(count, doc.numPages); n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1.2 });
    // In Node pdf.js draws with @napi-rs/canvas, made by the document's canvas factory.
    const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: unknown } };
    const { canvas } = factory.create(viewport.width, viewport.height);
    await page.render({ canvas: canvas as HTMLCanvasElement, viewport }).promise;
    writeFileSync(pathOf(n), (canvas as unknown as { toBuffer(type: string): Buffer }).toBuffer('image/png'));
    written++;
  }
  return written;
}
