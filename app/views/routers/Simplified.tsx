import './routerPanels.css';

/**
 * A small "simplified" marker with its reason, for behaviour that rests on recalled or inferred
 * IOS facts. A native disclosure: keyboard and touch work, the reason opens in place.
 */
export function Simplified({ why }: { why: string }) {
  return (
    <details className="rp-simplified" data-testid="simplified">
      <summary title={why}>simplified</summary>
      <p className="rp-simplified-why">{why}</p>
    </details>
  );
}
