import { useState } from 'react';

/**
 * Where a class's results files come in: a picker that takes many at once, and a drop zone for a
 * folder's worth dragged from the desktop. While they are read it says how many.
 */
export function ClassIntakePanel({ busy, onFiles }: { busy: number | null; onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  return (
    <section
      aria-label="载入结果文件"
      className={`class-intake no-print${over ? ' drop-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onFiles([...e.dataTransfer.files]);
      }}
    >
      <label className="primary file-button">
        选择结果文件（可多选）
        <input
          type="file"
          multiple
          accept=".json,application/json"
          className="visually-hidden"
          disabled={busy !== null}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            onFiles(files);
          }}
        />
      </label>
      <span className="muted">或把文件拖到这里</span>
      {busy !== null && (
        <p role="status" aria-busy="true">
          正在读取 {busy} 个文件……
        </p>
      )}
    </section>
  );
}
