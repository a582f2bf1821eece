// Pure. From the text after `#compare=` to everything the compare screen shows: the spec, the
// two documents, their runs, outcomes, table, headline and timeline markers, or the errors that
// stop it. Simulates both runs (tens of ms for the presets); call once per payload.

import { parseScenario } from '../scenario/parseScenario';
import { buildRun, type Run } from '../sim/run';
import { type Comparison, compareOutcomes } from './comparison';
import { type TimelineMarker, timelineMarkers } from './markers';
import { type RunOutcome, runOutcome } from './outcome';
import { type CompareSpec, parseComparePayload } from './payload';
import { buildVariants, type Side, type Variant, type VariantPair } from './variants';

export interface PreparedCompare {
  spec: CompareSpec;
  pair: VariantPair;
  runs: readonly [Run, Run];
  outcomes: Record<Side, RunOutcome>;
  comparison: Comparison;
  markers: TimelineMarker[];
}

export type Prepared =
  | { kind: 'picker' }
  | { kind: 'error'; errors: string[]; spec: CompareSpec | null }
  | { kind: 'ready'; compare: PreparedCompare };

function simulate(variant: Variant): { run: Run } | { errors: string[] } {
  const side = variant.side.toUpperCase();
  const parsed = parseScenario(variant.document);
  if (!parsed.ok) return { errors: parsed.errors.map((e) => `${side}: ${e.path}: ${e.message}`) };
  try {
    return { run: buildRun(parsed.loaded) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { errors: [`${side}: the simulation failed: ${message}`] };
  }
}

/** null or blank: the picker. Never throws. */
export function prepareCompare(payload: string | null): Prepared {
  if (payload === null || payload.trim() === '') return { kind: 'picker' };
  const parsed = parseComparePayload(payload);
  if (!parsed.ok) return { kind: 'error', errors: [parsed.error], spec: null };
  const spec = parsed.value;
  const built = buildVariants(spec);
  if (!built.ok) return { kind: 'error', errors: built.errors, spec };
  const { pair } = built;
  const a = simulate(pair.a);
  const b = simulate(pair.b);
  if ('errors' in a || 'errors' in b) {
    const errors = [...('errors' in a ? a.errors : []), ...('errors' in b ? b.errors : [])];
    return { kind: 'error', errors, spec };
  }
  const outcomes = { a: runOutcome(a.run), b: runOutcome(b.run) };
  return {
    kind: 'ready',
    compare: {
      spec,
      pair,
      runs: [a.run, b.run],
      outcomes,
      comparison: compareOutcomes(outcomes.a, outcomes.b, { a: pair.a.phrase, b: pair.b.phrase }),
      markers: timelineMarkers(outcomes.a, outcomes.b),
    },
  };
}
