// The ping flows, one form each: source and destination hosts (addresses on routers' subnets,
// the .10 host of each offered as a suggestion), one echo every N ms from start to stop (or the
// end), the payload size, and `repeat` for a router's `ping … repeat N`. Add and remove; removing
// a flow removes its traffic start/stop entries.

import { useId, useMemo } from 'react';
import { pingFlows } from '../scenario/flows';
import { DOCUMENT_DEFAULTS, type PingFlow, type Scenario } from '../scenario/types';
import { freshId } from './documentEdits';
import { fieldErrors } from './fieldErrors';
import { NumberField, OptionalNumberField, TextField } from './fields';
import { hostSuggestions } from './hostSuggestions';
import { IdField } from './IdField';
import type { PanelProps } from './panelProps';

function newFlow(document: Scenario): PingFlow {
  const last = pingFlows(document.traffic).at(-1);
  return {
    id: freshId(document, 'ping'),
    kind: 'ping',
    src: last?.src ?? '192.168.1.10',
    dst: last?.dst ?? '192.168.2.10',
    everyMs: 1_000,
    startMs: 5_000,
    sizeBytes: DOCUMENT_DEFAULTS.sizeBytes,
  };
}

export function FlowsPanel({ document, errors, edit, closeStep }: PanelProps) {
  const hostsId = useId();
  const hosts = useMemo(() => hostSuggestions(document.nodes), [document.nodes]);
  return (
    <div className="ed-list" data-testid="editor.flows">
      <datalist id={hostsId}>
        {hosts.map((host) => (
          <option key={`${host.address} ${host.label}`} value={host.address}>
            {host.label}
          </option>
        ))}
      </datalist>
      {document.traffic.length === 0 && (
        <p className="ed-hint">No pings: nothing crosses a tunnel, so none comes up.</p>
      )}
      {document.traffic.map((flow, index) => {
        // A scanner (esp-scan) stays in the document as it is: this panel edits pings.
        if (flow.kind !== 'ping') return null;
        const at = (field: string) => fieldErrors(errors, 'traffic', index, field);
        const set = (fields: Partial<PingFlow>, key: string) =>
          edit({ kind: 'set-flow', id: flow.id, fields }, `flow:${flow.id}:${key}`);
        return (
          <fieldset key={flow.id} className="ed-item" data-testid={`editor.flow.${flow.id}`}>
            <legend>Ping {index + 1}</legend>
            <div className="ed-row">
              <IdField
                label="Id"
                id={flow.id}
                errors={at('id')}
                onRename={(to) => edit({ kind: 'rename-flow', id: flow.id, to })}
              />
              <TextField
                label="Source"
                value={flow.src}
                suggestions={hostsId}
                errors={at('src')}
                onChange={(src) => set({ src }, 'src')}
                onDone={closeStep}
              />
              <TextField
                label="Destination"
                value={flow.dst}
                suggestions={hostsId}
                errors={at('dst')}
                onChange={(dst) => set({ dst }, 'dst')}
                onDone={closeStep}
              />
            </div>
            <div className="ed-row">
              <NumberField
                label="Every (ms)"
                value={flow.everyMs}
                errors={at('everyMs')}
                onChange={(everyMs) => set({ everyMs }, 'every')}
                onDone={closeStep}
              />
              <NumberField
                label="Start (ms)"
                value={flow.startMs}
                errors={at('startMs')}
                onChange={(startMs) => set({ startMs }, 'start')}
                onDone={closeStep}
              />
              <OptionalNumberField
                label="Stop (ms)"
                value={flow.stopMs}
                errors={at('stopMs')}
                onChange={(stopMs) => set({ stopMs }, 'stop')}
                onDone={closeStep}
              />
              <NumberField
                label="Size (bytes)"
                value={flow.sizeBytes}
                errors={at('sizeBytes')}
                onChange={(sizeBytes) => set({ sizeBytes }, 'size')}
                onDone={closeStep}
              />
              <OptionalNumberField
                label="Repeat"
                value={flow.repeat}
                errors={at('repeat')}
                onChange={(repeat) => set({ repeat }, 'repeat')}
                onDone={closeStep}
              />
              <button
                type="button"
                className="share-button ed-remove"
                onClick={() => edit({ kind: 'remove-flow', id: flow.id })}
              >
                Remove
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="share-button"
        onClick={() => edit({ kind: 'add-flow', flow: newFlow(document) })}
      >
        Add ping
      </button>
    </div>
  );
}
