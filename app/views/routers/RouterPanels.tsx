/** Placeholder: being built (issue 3). */
export function RouterPanels() {
  return <section aria-label="Routers" className="panel-placeholder" />;
}
