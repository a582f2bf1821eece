/** Placeholder: being built (issue 3). */
export function HealthView() {
  return <section aria-label="Health" className="panel-placeholder" />;
}
