// The scenario's own fields: title, description, duration and the seed of its random choices.

import { fieldErrors } from './fieldErrors';
import { NumberField, TextField } from './fields';
import type { PanelProps } from './panelProps';

export function ScenarioPanel({ document, errors, edit, closeStep }: PanelProps) {
  return (
    <div className="ed-form" data-testid="editor.scenario-panel">
      <TextField
        label="Title"
        value={document.title}
        errors={fieldErrors(errors, 'title')}
        onChange={(title) => edit({ kind: 'set-scenario', fields: { title } }, 'title')}
        onDone={closeStep}
      />
      <TextField
        label="Description"
        multiline
        value={document.description ?? ''}
        errors={fieldErrors(errors, 'description')}
        onChange={(text) =>
          edit(
            { kind: 'set-scenario', fields: { description: text === '' ? undefined : text } },
            'description',
          )
        }
        onDone={closeStep}
      />
      <div className="ed-row">
        <NumberField
          label="Duration (ms)"
          value={document.durationMs}
          errors={fieldErrors(errors, 'durationMs')}
          onChange={(durationMs) =>
            edit({ kind: 'set-scenario', fields: { durationMs } }, 'durationMs')
          }
          onDone={closeStep}
        />
        <NumberField
          label="Seed"
          value={document.seed}
          errors={fieldErrors(errors, 'seed')}
          onChange={(seed) => edit({ kind: 'set-scenario', fields: { seed } }, 'seed')}
          onDone={closeStep}
        />
      </div>
    </div>
  );
}
