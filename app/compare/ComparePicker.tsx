// Choosing what to compare: ready-made questions, or a base scenario plus one difference (a
// feature of one router with two values, or a second scenario). Submitting goes to
// `#compare=<payload>`; the page follows the hash.

import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { parseIosConfig } from '../ios/parseConfig';
import { featureApplicability, featureState } from '../scenario/features';
import { findPreset, PRESETS } from '../scenario/presets';
import {
  type CompareFeature,
  type CompareSpec,
  featureOf,
  formatFeatureValue,
  parseComparePayload,
} from './payload';
import { SUGGESTIONS } from './suggestions';

const FEATURE_LABEL: Record<CompareFeature, string> = {
  'invalid-spi-recovery': 'Invalid-SPI recovery',
  keepalive: 'DPD (crypto isakmp keepalive)',
  'idle-time': 'IPsec SA idle time',
};

const FEATURE_VALUES: Record<CompareFeature, Array<{ value: string; label: string }>> = {
  'invalid-spi-recovery': [
    { value: 'off', label: 'off' },
    { value: 'on', label: 'on' },
  ],
  keepalive: [
    { value: 'off', label: 'off (no DPD)' },
    { value: 'on-demand', label: 'on-demand, 60 s, retry 2 s' },
    { value: 'periodic', label: 'periodic, 60 s, retry 2 s' },
  ],
  'idle-time': [
    { value: 'off', label: 'off (lifetime only)' },
    { value: '60', label: '60 s' },
    { value: '120', label: '120 s' },
    { value: '300', label: '300 s' },
    { value: '600', label: '600 s' },
    { value: '3600', label: '3600 s' },
  ],
};

const DEFAULT_VALUES: Record<CompareFeature, [string, string]> = {
  'invalid-spi-recovery': ['off', 'on'],
  keepalive: ['on-demand', 'periodic'],
  'idle-time': ['120', 'off'],
};

const APPLICABILITY_KEY = {
  'invalid-spi-recovery': 'invalidSpiRecovery',
  keepalive: 'keepalive',
  'idle-time': 'idleTime',
} as const;

interface FormState {
  mode: 'feature' | 'preset';
  base: string;
  router: string;
  feature: CompareFeature;
  a: string;
  b: string;
  presetA: string;
  presetB: string;
}

function routersOf(presetId: string): string[] {
  return (findPreset(presetId)?.document.nodes ?? [])
    .filter((n) => n.kind === 'router')
    .map((n) => n.id);
}

/** The router a feature matters on by default: the reloading one for recovery, else the first. */
function defaultRouter(presetId: string, feature: CompareFeature): string {
  const routers = routersOf(presetId);
  if (feature === 'invalid-spi-recovery') {
    const reload = findPreset(presetId)?.document.timeline?.find((e) => e.action === 'reload');
    if (reload && reload.action === 'reload' && routers.includes(reload.node)) return reload.node;
  }
  return routers[0] ?? '';
}

function initialState(spec: CompareSpec | null): FormState {
  const base = {
    mode: 'feature' as const,
    base: 'reload-black-hole',
    router: 'R2',
    feature: 'invalid-spi-recovery' as CompareFeature,
    a: 'off',
    b: 'on',
    presetA: 'reload-invalid-spi-recovery',
    presetB: 'dynamic-map-hub-reload',
  };
  if (!spec) return base;
  if (spec.kind === 'preset') return { ...base, mode: 'preset', presetA: spec.a, presetB: spec.b };
  return {
    ...base,
    base: spec.base,
    router: spec.router,
    feature: featureOf(spec.a),
    a: formatFeatureValue(spec.a),
    b: formatFeatureValue(spec.b),
  };
}

function payloadOf(form: FormState): string {
  return form.mode === 'preset'
    ? `${form.presetA}~${form.presetB}`
    : [form.base, form.router, form.feature, form.a, form.b].join('~');
}

/** What the chosen router has now and whether the feature can help there. */
function featureNote(form: FormState): { current: string; verdict: string; why: string } | null {
  const node = findPreset(form.base)?.document.nodes?.find((n) => n.id === form.router);
  if (node?.kind !== 'router') return null;
  const config = parseIosConfig(node.config).config;
  const state = featureState(config);
  const applicability = featureApplicability(config)[APPLICABILITY_KEY[form.feature]];
  const current =
    form.feature === 'invalid-spi-recovery'
      ? state.invalidSpiRecovery
        ? 'on'
        : 'off'
      : form.feature === 'keepalive'
        ? state.keepalive
          ? `${state.keepalive.mode} ${state.keepalive.seconds} s, retry ${state.keepalive.retrySec} s`
          : 'off'
        : state.idleTimeSec === null
          ? 'off'
          : `${state.idleTimeSec} s`;
  const verdict =
    applicability.verdict === 'yes'
      ? 'can work here'
      : applicability.verdict === 'no'
        ? 'cannot help here'
        : 'does not apply here';
  return { current, verdict, why: applicability.why };
}

interface Props {
  /** The comparison on screen, to start the form from it. */
  current: CompareSpec | null;
  /** Called with a valid payload; defaults to following `#compare=<payload>`. */
  onChoose?: (payload: string) => void;
}

function go(payload: string): void {
  window.location.hash = `compare=${payload}`;
}

export function ComparePicker({ current, onChoose = go }: Props) {
  const [form, setForm] = useState<FormState>(() => initialState(current));
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const payload = payloadOf(form);
  const parsed = parseComparePayload(payload);
  const note = form.mode === 'feature' ? featureNote(form) : null;
  const update = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const chooseBase = (presetId: string) =>
    update({ base: presetId, router: defaultRouter(presetId, form.feature) });
  const chooseFeature = (feature: CompareFeature) => {
    const [a, b] = DEFAULT_VALUES[feature];
    update({ feature, a, b, router: defaultRouter(form.base, feature) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsed.ok) onChoose(payload);
  };

  return (
    <div className="cmp-picker" data-testid="compare.picker">
      <section aria-labelledby={id('suggested')}>
        <h3 id={id('suggested')} className="cmp-picker-title">
          Ready-made comparisons
        </h3>
        <ul className="cmp-suggestions">
          {SUGGESTIONS.map((s) => (
            <li key={s.payload}>
              <a
                className="cmp-suggestion"
                href={`#compare=${s.payload}`}
                data-testid={`compare.suggestion.${s.payload}`}
              >
                <span className="cmp-suggestion-title">{s.title}</span>
                <span className="cmp-suggestion-question">{s.question}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <form className="cmp-form" onSubmit={submit} aria-labelledby={id('own')}>
        <h3 id={id('own')} className="cmp-picker-title">
          Or choose the difference
        </h3>
        <fieldset className="cmp-mode">
          <legend>Compare</legend>
          <label className="cmp-radio">
            <input
              type="radio"
              name={id('mode')}
              checked={form.mode === 'feature'}
              onChange={() => update({ mode: 'feature' })}
            />
            one feature of one router, two values
          </label>
          <label className="cmp-radio">
            <input
              type="radio"
              name={id('mode')}
              checked={form.mode === 'preset'}
              onChange={() => update({ mode: 'preset' })}
            />
            two scenarios (crypto configurations)
          </label>
        </fieldset>

        {form.mode === 'feature' ? (
          <div className="cmp-fields">
            <Field label="Scenario" htmlFor={id('base')}>
              <select
                id={id('base')}
                value={form.base}
                onChange={(e) => chooseBase(e.target.value)}
              >
                {PRESETS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Router" htmlFor={id('router')}>
              <select
                id={id('router')}
                value={form.router}
                onChange={(e) => update({ router: e.target.value })}
              >
                {routersOf(form.base).map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Feature" htmlFor={id('feature')}>
              <select
                id={id('feature')}
                value={form.feature}
                onChange={(e) => chooseFeature(e.target.value as CompareFeature)}
              >
                {(Object.keys(FEATURE_LABEL) as CompareFeature[]).map((f) => (
                  <option key={f} value={f}>
                    {FEATURE_LABEL[f]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="A" htmlFor={id('a')}>
              <ValueSelect
                id={id('a')}
                feature={form.feature}
                value={form.a}
                onChange={(a) => update({ a })}
              />
            </Field>
            <Field label="B" htmlFor={id('b')}>
              <ValueSelect
                id={id('b')}
                feature={form.feature}
                value={form.b}
                onChange={(b) => update({ b })}
              />
            </Field>
          </div>
        ) : (
          <div className="cmp-fields">
            <Field label="A" htmlFor={id('pa')}>
              <PresetSelect
                id={id('pa')}
                value={form.presetA}
                onChange={(presetA) => update({ presetA })}
              />
            </Field>
            <Field label="B" htmlFor={id('pb')}>
              <PresetSelect
                id={id('pb')}
                value={form.presetB}
                onChange={(presetB) => update({ presetB })}
              />
            </Field>
          </div>
        )}

        {note && (
          <p className="cmp-note" data-testid="compare.picker.note">
            On {form.router} now: <b>{note.current}</b>. {FEATURE_LABEL[form.feature]}{' '}
            {note.verdict}: {note.why}.
          </p>
        )}
        <div className="cmp-form-actions">
          <button
            type="submit"
            className="cmp-submit"
            disabled={!parsed.ok}
            data-testid="compare.picker.go"
          >
            Compare side by side
          </button>
          <code className="cmp-link-preview">#compare={payload}</code>
        </div>
        {!parsed.ok && (
          <p className="cmp-form-error" role="status">
            {parsed.error}
          </p>
        )}
      </form>
    </div>
  );
}

function Field({
  label,
  htmlFor,
  children,
}: {
  label: string;
  htmlFor: string;
  children: ReactNode;
}) {
  return (
    <div className="cmp-field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  );
}

function ValueSelect({
  id,
  feature,
  value,
  onChange,
}: {
  id: string;
  feature: CompareFeature;
  value: string;
  onChange: (value: string) => void;
}) {
  const options = FEATURE_VALUES[feature];
  const known = options.some((o) => o.value === value);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {!known && <option value={value}>{value}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function PresetSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {PRESETS.map((p) => (
        <option key={p.id} value={p.id}>
          {p.title}
        </option>
      ))}
    </select>
  );
}
