import { useSimStore } from '../store/simStore';
import { frameFor } from '../store/useFrame';
import { showOutputs } from './showSnapshot';
import type { ShowSnapshot } from './types';

/** The routers' `show` output at the cursor, one column per router, as their consoles print it. */
export function ShowSnapshotPanel({ snapshots }: { snapshots: readonly ShowSnapshot[] }) {
  const run = useSimStore((s) => s.run);
  const t = useSimStore((s) => s.t);
  if (run === null) return null;
  const routers = showOutputs(run, t, snapshots, frameFor(run, t));
  return (
    <div className="lesson-focus lesson-show" data-testid="lesson.focus" data-focus="show">
      {routers.map(({ node, commands }) => (
        <section key={node} className="lesson-show-router" data-testid={`lesson.show.${node}`}>
          <h3 className="lesson-show-title">{node}</h3>
          <pre className="lesson-show-output">
            {commands.map(({ echo, output }) => [echo, ...output].join('\n')).join('\n\n')}
          </pre>
        </section>
      ))}
    </div>
  );
}
