/** Placeholder: being built (issue 3). */
export function TimelineBar() {
  return <section aria-label="Timeline" className="panel-placeholder" />;
}
