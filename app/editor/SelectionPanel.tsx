import type { PlacedError } from './errorPlaces';
import { fieldErrors } from './fieldErrors';
import { NumberField, SelectField } from './fields';
import { IdField } from './IdField';
import { IosConfigEditor } from './iosEditor/IosConfigEditor';
import type { PanelProps } from './panelProps';
import type { Selection } from './TopologyCanvas';

interface SelectionProps extends PanelProps {
  onSelect: (selection: Selection) => void;
  /** After a Remove: nothing selected any more. */
  onRemoved: () => void;
}

/** Renames the selected item (and keeps it selected); the refusal's message, or null. */
function renameSelected(props: SelectionProps, kind: 'node' | 'link', id: string, to: string) {
  const refused = props.edit({ kind: kind === 'node' ? 'rename-node' : 'rename-link', id, to });
  if (refused === null) props.onSelect({ kind, id: to });
  return refused;
}

function RemoveButton({
  props,
  kind,
  id,
  label,
}: {
  props: SelectionProps;
  kind: 'node' | 'link';
  id: string;
  label: string;
}) {
  return (
    <button
      type="button"
      className="share-button ed-remove"
      onClick={() => {
        props.edit({ kind: kind === 'node' ? 'remove-node' : 'remove-link', id });
        props.onRemoved();
      }}
    >
      {label}
    </button>
  );
}

export function SelectionPanel({ selection, ...props }: SelectionProps & { selection: Selection }) {
  if (selection === null)
    return (
      <p className="ed-hint">
        Select a router, a cloud or a link on the topology to edit it; Add router, Add cloud and
        Draw link are above it.
      </p>
    );
  return selection.kind === 'node' ? (
    <NodePanel id={selection.id} {...props} />
  ) : (
    <LinkPanel id={selection.id} {...props} />
  );
}

function NodePanel({ id, ...props }: SelectionProps & { id: string }) {
  const { document, errors, edit, closeStep } = props;
  const index = document.nodes.findIndex((node) => node.id === id);
  const node = document.nodes[index];
  if (node === undefined) return null;
  return (
    <div className="ed-form ed-node-form" data-testid="editor.node-panel">
      <div className="ed-row">
        <IdField
          label={node.kind === 'router' ? 'Router id' : 'Cloud id'}
          id={node.id}
          onRename={(to) => renameSelected(props, 'node', id, to)}
          errors={fieldErrors(errors, 'nodes', index, 'id')}
        />
        {node.kind === 'router' && (
          <NumberField
            label="Boot time (ms)"
            value={node.bootMs}
            errors={fieldErrors(errors, 'nodes', index, 'bootMs')}
            onChange={(bootMs) =>
              edit({ kind: 'set-router', id, fields: { bootMs } }, `boot:${id}`)
            }
            onDone={closeStep}
          />
        )}
        <RemoveButton props={props} kind="node" id={id} label={`Remove ${node.kind}`} />
      </div>
      {node.kind === 'router' && (
        <RouterConfig
          id={id}
          config={node.config}
          errors={fieldErrors(errors, 'nodes', index, 'config')}
          onChange={(config) =>
            edit({ kind: 'set-router', id, fields: { config } }, `config:${id}`)
          }
        />
      )}
    </div>
  );
}

/**
 * A router's startup-config in the IOS editor, which marks each error on its line; the count
 * is said above it (where it shifts nothing while one types at the bottom).
 */
function RouterConfig({
  id,
  config,
  errors,
  onChange,
}: {
  id: string;
  config: string;
  errors: readonly PlacedError[];
  onChange: (config: string) => void;
}) {
  return (
    <div className="ed-config">
      <span className="ed-config-title">
        Startup-config
        {errors.length > 0 && (
          <span className="ed-config-count" data-testid="editor.config-errors">
            {' · '}
            {errors.length === 1 ? '1 error' : `${errors.length} errors`}, marked in the text
          </span>
        )}
      </span>
      <IosConfigEditor
        className="ed-config-editor"
        label={`${id} startup-config`}
        routerId={id}
        value={config}
        onChange={onChange}
      />
    </div>
  );
}

function LinkPanel({ id, ...props }: SelectionProps & { id: string }) {
  const { document, errors, edit, closeStep } = props;
  const index = document.links.findIndex((link) => link.id === id);
  const link = document.links[index];
  if (link === undefined) return null;
  const nodes = document.nodes.map((node) => [node.id, `${node.id} (${node.kind})`] as const);
  return (
    <div className="ed-form" data-testid="editor.link-panel">
      <div className="ed-row">
        <IdField
          label="Link id"
          id={link.id}
          onRename={(to) => renameSelected(props, 'link', id, to)}
          errors={fieldErrors(errors, 'links', index, 'id')}
        />
        <NumberField
          label="Latency (ms)"
          value={link.latencyMs}
          errors={fieldErrors(errors, 'links', index, 'latencyMs')}
          onChange={(latencyMs) =>
            edit({ kind: 'set-link', id, fields: { latencyMs } }, `latency:${id}`)
          }
          onDone={closeStep}
        />
      </div>
      <div className="ed-row">
        <SelectField
          label="From"
          value={link.a}
          options={nodes}
          errors={fieldErrors(errors, 'links', index, 'a')}
          onChange={(a) => edit({ kind: 'set-link', id, fields: { a } })}
        />
        <SelectField
          label="To"
          value={link.b}
          options={nodes}
          errors={fieldErrors(errors, 'links', index, 'b')}
          onChange={(b) => edit({ kind: 'set-link', id, fields: { b } })}
        />
      </div>
      <div className="ed-row">
        <RemoveButton props={props} kind="link" id={id} label="Remove link" />
      </div>
    </div>
  );
}
