/** Placeholder: being built (issue 3). */
export function PlaybackBar() {
  return <section aria-label="Playback" className="panel-placeholder" />;
}
