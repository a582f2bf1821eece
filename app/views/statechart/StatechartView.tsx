// The live statechart view of the stage (issue 11): built on its own branch. Until it arrives,
// the stage says so rather than drawing a partial chart.

export function StatechartView() {
  return (
    <section className="stage-view-pending" data-testid="statechart">
      <p>The statechart view is not in this build yet.</p>
    </section>
  );
}
