/** Placeholder: being built (issue 3). */
export function TopologyView() {
  return <section aria-label="Topology" className="panel-placeholder" />;
}
