import { useId } from 'react';
import { PRESET_CATALOG, presetEntry } from '../scenario/presets/catalog';

/** The option that opens Paste configs: not a preset id (those are ids, no colon). */
const PASTE_CONFIGS = ':paste-configs';

/**
 * The built-in scenarios, by title; choosing one reruns the simulation. `value` is the store's
 * presetId: null (an edited scenario, or one from a link or a file) shows "Custom scenario".
 * The last option, "Paste IOS configs…", opens that dialog and leaves the choice as it was.
 */
export function PresetPicker({
  value,
  onChange,
  onPasteConfigs,
}: {
  value: string | null;
  onChange: (id: string) => void;
  onPasteConfigs: () => void;
}) {
  const id = useId();
  const known = value !== null && presetEntry(value) !== undefined;
  return (
    <div className="field">
      <label htmlFor={id}>Scenario</label>
      <select
        id={id}
        value={known ? value : ''}
        onChange={(event) => {
          if (event.target.value === PASTE_CONFIGS) onPasteConfigs();
          else onChange(event.target.value);
        }}
        data-custom={value === null || undefined}
      >
        {!known && (
          <option value="" disabled>
            {value === null ? 'Custom scenario (edited, linked or opened)' : 'Choose a scenario'}
          </option>
        )}
        {PRESET_CATALOG.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.title}
          </option>
        ))}
        <optgroup label="Your own routers">
          <option value={PASTE_CONFIGS}>Paste IOS configs…</option>
        </optgroup>
      </select>
    </div>
  );
}
