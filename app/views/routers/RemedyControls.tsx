// The three remedies as real form controls, showing the router's running-config at the cursor
// (wherever its lines were typed) and editing its startup-config (setFeature: the scenario
// re-runs, the cursor stays). Each says whether it can help on this router's crypto
// configuration, and why.

import { useState } from 'react';
import type { IsakmpKeepalive, RouterConfig } from '../../ios/types';
import {
  type Applicability,
  type FeatureChange,
  featureApplicability,
  featureState,
} from '../../scenario/features';
import { SourceList } from '../../sources/SourceLink';
import type { SourceId } from '../../sources/sources';
import { setFeature } from '../../store/actions';
import { Simplified } from './Simplified';

/**
 * IOS ranges and defaults, from Cisco's "IPsec Dead Peer Detection Periodic Message Option" guide
 * and the "IPsec Security Association Idle Timers" guide; the idle-time range is recalled, and
 * listed as simplified in the Sources.
 */
export const KEEPALIVE_SECONDS = { min: 10, max: 3600, fallback: 60 } as const;
export const KEEPALIVE_RETRY = { min: 2, max: 60, fallback: 2 } as const;
export const IDLE_SECONDS = { min: 60, max: 86_400, fallback: 120 } as const;

const VERDICT_TEXT: Record<Applicability['verdict'], { icon: string; label: string }> = {
  yes: { icon: '✓', label: 'Can help here' },
  no: { icon: '⚠', label: 'Cannot help here' },
  'n/a': { icon: '–', label: 'Not applicable here' },
};

/** The verdict, and the public document behind it (a citation to the Sources list). */
function Verdict({
  applicability,
  testId,
  source,
}: {
  applicability: Applicability;
  testId: string;
  source: SourceId;
}) {
  const text = VERDICT_TEXT[applicability.verdict];
  return (
    <>
      <p
        className={`rp-verdict verdict-${applicability.verdict === 'n/a' ? 'na' : applicability.verdict}`}
        data-testid={testId}
        data-verdict={applicability.verdict}
      >
        <span aria-hidden="true">{text.icon} </span>
        <strong>{text.label}:</strong> {applicability.why}
      </p>
      <p className="rp-source">
        <SourceList ids={[source]} />
      </p>
    </>
  );
}

function inRange(draft: string, range: { min: number; max: number }): number | null {
  const value = Number(draft);
  return draft.trim() !== '' && Number.isInteger(value) && value >= range.min && value <= range.max
    ? value
    : null;
}

/** A seconds field that commits on Enter or when it loses focus, only with a valid value. */
function SecondsField({
  id,
  label,
  draft,
  range,
  disabled,
  onDraft,
  onCommit,
  testId,
}: {
  id: string;
  label: string;
  draft: string;
  range: { min: number; max: number };
  disabled: boolean;
  onDraft: (draft: string) => void;
  onCommit: () => void;
  testId: string;
}) {
  const valid = inRange(draft, range) !== null;
  return (
    <span className="rp-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={range.min}
        max={range.max}
        step={1}
        value={draft}
        disabled={disabled}
        aria-invalid={!valid}
        aria-describedby={`${id}-range`}
        data-testid={testId}
        onChange={(event) => onDraft(event.target.value)}
        onBlur={onCommit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onCommit();
        }}
      />
      <span id={`${id}-range`} className={valid ? 'rp-range' : 'rp-range rp-invalid'}>
        {valid ? '' : 'enter '}
        {range.min}–{range.max} s
      </span>
    </span>
  );
}

/**
 * `config`: the router's running-config at the cursor. Remount it (key) when the router or its
 * feature state changes: the drafts start from the config as it now is.
 */
export function RemedyControls({ router, config }: { router: string; config: RouterConfig }) {
  const applicability = featureApplicability(config);
  const state = featureState(config);
  const [errors, setErrors] = useState<string[]>([]);
  const [keepalive, setKeepalive] = useState({
    seconds: String(state.keepalive?.seconds ?? KEEPALIVE_SECONDS.fallback),
    retry: String(state.keepalive?.retrySec ?? KEEPALIVE_RETRY.fallback),
    mode: state.keepalive?.mode ?? ('on-demand' as IsakmpKeepalive['mode']),
  });
  const [idle, setIdle] = useState(String(state.idleTimeSec ?? IDLE_SECONDS.fallback));

  const apply = (change: FeatureChange) => setErrors(setFeature(router, change));

  const keepaliveValue = (draft = keepalive): IsakmpKeepalive | null => {
    const seconds = inRange(draft.seconds, KEEPALIVE_SECONDS);
    const retrySec = inRange(draft.retry, KEEPALIVE_RETRY);
    return seconds === null || retrySec === null ? null : { seconds, retrySec, mode: draft.mode };
  };
  const commitKeepalive = (draft = keepalive) => {
    const value = keepaliveValue(draft);
    const current = state.keepalive;
    if (!current || !value) return;
    if (
      value.seconds !== current.seconds ||
      value.retrySec !== current.retrySec ||
      value.mode !== current.mode
    ) {
      apply({ feature: 'keepalive', value });
    }
  };
  const commitIdle = () => {
    const seconds = inRange(idle, IDLE_SECONDS);
    if (state.idleTimeSec !== null && seconds !== null && seconds !== state.idleTimeSec) {
      apply({ feature: 'idleTime', seconds });
    }
  };
  const id = (name: string) => `rp-${router}-${name}`;

  return (
    <div className="rp-remedies" data-testid={`remedies.${router}`}>
      <fieldset className="rp-remedy" data-verdict={applicability.invalidSpiRecovery.verdict}>
        <legend>Invalid SPI recovery</legend>
        <label className="rp-toggle">
          <input
            type="checkbox"
            checked={state.invalidSpiRecovery}
            data-testid={`feature.${router}.invalid-spi-recovery`}
            onChange={(event) => apply({ feature: 'invalidSpiRecovery', on: event.target.checked })}
          />
          <code>crypto isakmp invalid-spi-recovery</code>
        </label>
        <Verdict
          applicability={applicability.invalidSpiRecovery}
          testId={`verdict.${router}.invalid-spi-recovery`}
          source="tn-115801"
        />
      </fieldset>

      <fieldset className="rp-remedy" data-verdict={applicability.keepalive.verdict}>
        <legend>IKE keepalives (DPD)</legend>
        <label className="rp-toggle">
          <input
            type="checkbox"
            checked={state.keepalive !== null}
            data-testid={`feature.${router}.keepalive`}
            onChange={(event) =>
              apply({
                feature: 'keepalive',
                value: event.target.checked
                  ? (keepaliveValue() ?? {
                      seconds: KEEPALIVE_SECONDS.fallback,
                      retrySec: KEEPALIVE_RETRY.fallback,
                      mode: keepalive.mode,
                    })
                  : null,
              })
            }
          />
          <code>crypto isakmp keepalive</code>
        </label>
        <div className="rp-fields">
          <SecondsField
            id={id('keepalive-seconds')}
            label="seconds"
            draft={keepalive.seconds}
            range={KEEPALIVE_SECONDS}
            disabled={state.keepalive === null}
            onDraft={(seconds) => setKeepalive({ ...keepalive, seconds })}
            onCommit={() => commitKeepalive()}
            testId={`feature.${router}.keepalive.seconds`}
          />
          <SecondsField
            id={id('keepalive-retry')}
            label="retry"
            draft={keepalive.retry}
            range={KEEPALIVE_RETRY}
            disabled={state.keepalive === null}
            onDraft={(retry) => setKeepalive({ ...keepalive, retry })}
            onCommit={() => commitKeepalive()}
            testId={`feature.${router}.keepalive.retry`}
          />
          <span className="rp-field">
            <label htmlFor={id('keepalive-mode')}>mode</label>
            <select
              id={id('keepalive-mode')}
              value={keepalive.mode}
              disabled={state.keepalive === null}
              data-testid={`feature.${router}.keepalive.mode`}
              onChange={(event) => {
                const next = { ...keepalive, mode: event.target.value as IsakmpKeepalive['mode'] };
                setKeepalive(next);
                commitKeepalive(next);
              }}
            >
              <option value="on-demand">on-demand</option>
              <option value="periodic">periodic</option>
            </select>
          </span>
          <Simplified what="dpdRetry" />
        </div>
        <Verdict
          applicability={applicability.keepalive}
          testId={`verdict.${router}.keepalive`}
          source="cg-dpd-periodic"
        />
      </fieldset>

      <fieldset className="rp-remedy" data-verdict={applicability.idleTime.verdict}>
        <legend>IPsec SA idle timer</legend>
        <label className="rp-toggle">
          <input
            type="checkbox"
            checked={state.idleTimeSec !== null}
            data-testid={`feature.${router}.idle-time`}
            onChange={(event) =>
              apply({
                feature: 'idleTime',
                seconds: event.target.checked
                  ? (inRange(idle, IDLE_SECONDS) ?? IDLE_SECONDS.fallback)
                  : null,
              })
            }
          />
          <code>crypto ipsec security-association idle-time</code>
        </label>
        <div className="rp-fields">
          <SecondsField
            id={id('idle-seconds')}
            label="seconds"
            draft={idle}
            range={IDLE_SECONDS}
            disabled={state.idleTimeSec === null}
            onDraft={setIdle}
            onCommit={commitIdle}
            testId={`feature.${router}.idle-time.seconds`}
          />
          <Simplified what="idleTimer" />
        </div>
        <Verdict
          applicability={applicability.idleTime}
          testId={`verdict.${router}.idle-time`}
          source="cg-idle-timers"
        />
      </fieldset>
      {errors.length > 0 && (
        <div className="rp-errors" role="alert">
          {errors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      )}
    </div>
  );
}
