import { useId } from 'react';
import { findPreset, PRESETS } from '../scenario/presets';

/** The built-in scenarios, by title; choosing one reruns the simulation. */
export function PresetPicker({
  value,
  onChange,
}: {
  value: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Scenario</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {!findPreset(value) && (
          <option value={value} disabled>
            Choose a scenario
          </option>
        )}
        {PRESETS.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.title}
          </option>
        ))}
      </select>
    </div>
  );
}
