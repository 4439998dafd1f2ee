/** A button-looking label around a hidden file input: the one way the app asks for a drill file. */
export function FilePicker({ label, onFile }: { label: string; onFile: (file: File) => void }) {
  return (
    <label className="secondary file-button">
      {label}
      <input
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so choosing the same file again is a change too.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
