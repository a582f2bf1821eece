// The timeline: what happens when, one row per entry in the document's order (the reader sorts
// them by time, keeping that order at equal times). Each action's target is chosen from what the
// scenario has: routers for reload, config and exec; links for link down/up; pings for traffic.

import { EXEC_COMMANDS, type Scenario, type TimelineEntry } from '../scenario/types';
import { fieldErrors } from './fieldErrors';
import { NumberField, SelectField, TextField } from './fields';
import type { PanelProps } from './panelProps';

type Action = TimelineEntry['action'];

const ACTIONS: ReadonlyArray<readonly [Action, string]> = [
  ['reload', 'Reload router'],
  ['link-down', 'Link down'],
  ['link-up', 'Link up'],
  ['config', 'Config lines'],
  ['exec', 'Exec command'],
  ['traffic', 'Ping start/stop'],
];

const REMOTE_PREFIX = 'clear crypto session remote ';
const REMOTE = 'remote';
const EXEC_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ...EXEC_COMMANDS.map((command) => [command, command] as const),
  [REMOTE, 'clear crypto session remote …'],
];

/** A new entry of `action` at `atMs`, on the first router, link or ping of the scenario. */
export function entryOf(document: Scenario, action: Action, atMs: number): TimelineEntry {
  const router = document.nodes.find((node) => node.kind === 'router')?.id ?? '';
  switch (action) {
    case 'reload':
      return { atMs, action, node: router };
    case 'link-down':
    case 'link-up':
      return { atMs, action, link: document.links[0]?.id ?? '' };
    case 'config':
      return { atMs, action, node: router, lines: ['crypto isakmp invalid-spi-recovery'] };
    case 'exec':
      return { atMs, action, node: router, command: 'clear crypto sa' };
    case 'traffic':
      return { atMs, action, flow: document.traffic[0]?.id ?? '', state: 'stop' };
  }
}

export function TimelinePanel({ document, errors, edit, closeStep }: PanelProps) {
  const routers = document.nodes.flatMap((node) =>
    node.kind === 'router' ? [[node.id, node.id] as const] : [],
  );
  const links = document.links.map(
    (link) => [link.id, `${link.id} (${link.a}–${link.b})`] as const,
  );
  const flows = document.traffic.map(
    (flow) => [flow.id, `${flow.id} (${flow.src} → ${flow.dst})`] as const,
  );
  return (
    <div className="ed-list" data-testid="editor.timeline">
      {document.timeline.length === 0 && (
        <p className="ed-hint">Nothing happens yet: add a reload, a link going down, a command…</p>
      )}
      {document.timeline.map((entry, index) => {
        const at = (field: string) => fieldErrors(errors, 'timeline', index, field);
        const set = (next: TimelineEntry, key?: string) =>
          edit(
            { kind: 'set-entry', index, entry: next },
            key === undefined ? undefined : `entry:${index}:${key}`,
          );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the index is their place.
          <fieldset key={index} className="ed-item" data-testid={`editor.entry.${index}`}>
            <legend>Event {index + 1}</legend>
            <div className="ed-row">
              <NumberField
                label="At (ms)"
                value={entry.atMs}
                errors={at('atMs')}
                onChange={(atMs) => set({ ...entry, atMs }, 'at')}
                onDone={closeStep}
              />
              <SelectField
                label="Action"
                value={entry.action}
                options={ACTIONS}
                errors={at('action')}
                onChange={(choice) => {
                  const action = ACTIONS.find(([value]) => value === choice)?.[0];
                  if (action !== undefined) set(entryOf(document, action, entry.atMs));
                }}
              />
              {(entry.action === 'reload' ||
                entry.action === 'config' ||
                entry.action === 'exec') && (
                <SelectField
                  label="Router"
                  value={entry.node}
                  options={routers}
                  errors={at('node')}
                  onChange={(node) => set({ ...entry, node })}
                />
              )}
              {(entry.action === 'link-down' || entry.action === 'link-up') && (
                <SelectField
                  label="Link"
                  value={entry.link}
                  options={links}
                  errors={at('link')}
                  onChange={(link) => set({ ...entry, link })}
                />
              )}
              {entry.action === 'traffic' && (
                <>
                  <SelectField
                    label="Ping"
                    value={entry.flow}
                    options={flows}
                    errors={at('flow')}
                    onChange={(flow) => set({ ...entry, flow })}
                  />
                  <SelectField
                    label="Start or stop"
                    value={entry.state}
                    options={[
                      ['start', 'start'],
                      ['stop', 'stop'],
                    ]}
                    errors={at('state')}
                    onChange={(state) =>
                      set({ ...entry, state: state === 'start' ? 'start' : 'stop' })
                    }
                  />
                </>
              )}
              {entry.action === 'exec' && (
                <ExecFields entry={entry} errors={at('command')} set={set} closeStep={closeStep} />
              )}
              <button
                type="button"
                className="share-button ed-remove"
                onClick={() => edit({ kind: 'remove-entry', index })}
              >
                Remove
              </button>
            </div>
            {entry.action === 'config' && (
              <TextField
                label="Config lines (global configuration mode, one a line)"
                multiline
                value={entry.lines.join('\n')}
                errors={at('lines')}
                onChange={(text) => set({ ...entry, lines: text.split('\n') }, 'lines')}
                onDone={closeStep}
              />
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        className="share-button"
        onClick={() => {
          const last = document.timeline.at(-1);
          edit({
            kind: 'add-entry',
            entry: entryOf(document, 'reload', (last?.atMs ?? 0) + 30_000),
          });
        }}
      >
        Add event
      </button>
    </div>
  );
}

function ExecFields({
  entry,
  errors,
  set,
  closeStep,
}: {
  entry: Extract<TimelineEntry, { action: 'exec' }>;
  errors: ReturnType<typeof fieldErrors>;
  set: (entry: TimelineEntry, key?: string) => void;
  closeStep: () => void;
}) {
  const remote = entry.command.startsWith(REMOTE_PREFIX);
  return (
    <>
      <SelectField
        label="Command"
        value={remote ? REMOTE : entry.command}
        options={EXEC_OPTIONS}
        errors={remote ? [] : errors}
        onChange={(choice) =>
          set({
            ...entry,
            command:
              choice === REMOTE
                ? REMOTE_PREFIX
                : (EXEC_COMMANDS.find((command) => command === choice) ?? entry.command),
          })
        }
      />
      {remote && (
        <TextField
          label="Remote peer"
          value={entry.command.slice(REMOTE_PREFIX.length)}
          errors={errors}
          onChange={(peer) => set({ ...entry, command: `${REMOTE_PREFIX}${peer}` }, 'peer')}
          onDone={closeStep}
        />
      )}
    </>
  );
}
