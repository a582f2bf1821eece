import { useId } from 'react';
import { PRESET_CATALOG, presetEntry } from '../scenario/presets/catalog';

/**
 * The built-in scenarios, by title; choosing one reruns the simulation. `value` is the store's
 * presetId: null (an edited scenario, or one from a link or a file) shows "Custom scenario".
 */
export function PresetPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string) => void;
}) {
  const id = useId();
  const known = value !== null && presetEntry(value) !== undefined;
  return (
    <div className="field">
      <label htmlFor={id}>Scenario</label>
      <select
        id={id}
        value={known ? value : ''}
        onChange={(event) => onChange(event.target.value)}
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
      </select>
    </div>
  );
}
