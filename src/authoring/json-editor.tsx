import { type Ref, useImperativeHandle, useRef } from 'react';

export interface JsonEditorHandle {
  /** Puts the caret at the start of a line (1-based) and column, scrolled into view. */
  goTo: (line: number, column: number) => void;
}

interface Props {
  text: string;
  onChange: (text: string) => void;
  ref?: Ref<JsonEditorHandle>;
}

/** Offset in `text` of a 1-based line and column. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  return Math.min(offset + Math.max(0, column - 1), end < 0 ? text.length : end);
}

/**
 * The drill's JSON as plain text. A textarea rather than a code editor: it costs nothing to load,
 * works with every assistive technology, and the problems list beside it does the checking.
 */
export function JsonEditor({ text, onChange, ref }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => ({
    goTo: (line, column) => {
      const el = area.current;
      if (!el) return;
      const at = offsetOf(el.value, line, column);
      el.focus();
      el.setSelectionRange(at, at);
      // A textarea scrolls to the caret only when typing: place the line near the top by hand.
      const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 20;
      el.scrollTop = Math.max(0, (line - 3) * lineHeight);
    },
  }));
  return (
    <textarea
      ref={area}
      className="json-editor"
      aria-label="剧本 JSON"
      value={text}
      onChange={(e) => onChange(e.target.value)}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      wrap="off"
    />
  );
}
