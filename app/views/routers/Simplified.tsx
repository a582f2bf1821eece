import { SIMPLIFICATIONS, type SimplificationId } from '../../sources/simplifications';
import { openSources } from '../../sources/sourcesStore';
import { InlineCode } from '../../ui/InlineCode';
import './routerPanels.css';

/**
 * A small "simplified" marker with its reason, for behaviour where the simulator guesses at IOS.
 * A native disclosure: keyboard and touch work, the reason opens in place, with a way on to the
 * Sources list.
 */
export function Simplified({ what }: { what: SimplificationId }) {
  const { why } = SIMPLIFICATIONS[what];
  return (
    <details className="rp-simplified" data-testid="simplified" data-simplification={what}>
      <summary title={why}>simplified</summary>
      <p className="rp-simplified-why">
        <InlineCode text={why} />{' '}
        <button
          type="button"
          className="source-link"
          onClick={() => openSources({ kind: 'simplification', id: what })}
        >
          Sources
        </button>
      </p>
    </details>
  );
}
