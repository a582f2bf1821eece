/** Placeholder: being built (issue 3). */
export function LogView() {
  return <section aria-label="Log" className="panel-placeholder" />;
}
