// The lesson player: title and goal, the topology with the narration card beside it, the panel
// the step focuses on, and Back / Next. Presenter mode keeps only the topology, the card and the
// focused panel, in large type, over the whole window: the topology fills the left of it, the card
// and the panel share the right, so that neither covers the other at any size. The last step is a
// playground with the full set of views and controls. The address bar follows the step.

import { useEffect, useRef } from 'react';
import { PlaybackBar } from '../controls/PlaybackBar';
import { type ScreenKeys, ShortcutsDialog } from '../controls/ShortcutsDialog';
import { TimelineBar } from '../controls/TimelineBar';
import { cutForEcho } from '../ios/echo';
import { findPreset } from '../scenario/presets';
import type { LessonRoute } from '../share/hashRoute';
import { openSources } from '../sources/sourcesStore';
import { useSimStore } from '../store/simStore';
import { InlineCode } from '../ui/InlineCode';
import { LessonStageView } from '../ui/StageViewSwitch';
import { HealthView } from '../views/health/HealthView';
import { LogView } from '../views/log/LogView';
import { RouterPanels } from '../views/routers/RouterPanels';
import { TopologyView } from '../views/topology/TopologyView';
import { FocusPanel } from './FocusPanel';
import {
  dismissLinkNotice,
  followPlayback,
  goToStep,
  openLessonLink,
  togglePresenter,
} from './lessonActions';
import { linkedStep } from './lessonLink';
import { useLessonStore } from './lessonStore';
import { findLesson } from './lessons';
import { focusAt } from './progress';
import { StepCard } from './StepCard';
import { StepNav } from './StepNav';
import type { Lesson } from './types';
import { useLessonAddress } from './useLessonAddress';
import { GUIDED_STEP_KEYS, PLAYGROUND_KEYS, useLessonKeys } from './useLessonKeys';
import './lessons.css';

/** `#lesson=<id>&step=N`: one lesson, at the link's step. */
export function LessonScreen({ route }: { route: LessonRoute }) {
  const lesson = findLesson(route.id);
  if (!lesson) {
    return (
      <div className="lesson lesson-missing" data-testid="lesson.screen">
        <h2>No lesson is called “{cutForEcho(route.id)}”</h2>
        <p>
          <a href="#lessons">See all lessons</a>
        </p>
      </div>
    );
  }
  return <LessonPlayer key={lesson.id} lesson={lesson} route={route} />;
}

function LessonPlayer({ lesson, route }: { lesson: Lesson; route: LessonRoute }) {
  const index = useLessonStore((s) => s.index);
  const picks = useLessonStore((s) => s.picks);
  const revealed = useLessonStore((s) => s.revealed);
  const presenter = useLessonStore((s) => s.presenter);
  const linkNotice = useLessonStore((s) => s.linkNotice);
  const ownRun = useSimStore((s) => s.presetId === lesson.presetId && s.run !== null);
  const hasRun = useSimStore((s) => s.run !== null);

  // The player opens the lesson afresh at the link's step; a later link to the same lesson (the
  // address edited, Back or Forward) moves it to that step and keeps the answers given.
  const opened = useRef(false);
  useEffect(() => {
    openLessonLink(lesson, linkedStep(lesson, route), !opened.current);
    opened.current = true;
  }, [lesson, route]);
  useLessonAddress(lesson);
  // The step follows playback; and if something else loads another preset while a guided step
  // shows (the page's own preset loader, say), the lesson's run comes back.
  useEffect(
    () =>
      useSimStore.subscribe((state, previous) => {
        const { index: current, lessonId } = useLessonStore.getState();
        if (lessonId !== lesson.id) return;
        const guided = lesson.steps[current]?.kind !== 'playground';
        const otherPreset =
          state.presetId !== previous.presetId &&
          state.presetId !== null &&
          state.presetId !== lesson.presetId;
        if (guided && otherPreset) goToStep(lesson, current);
        else followPlayback(lesson);
      }),
    [lesson],
  );
  useLessonKeys(lesson);

  const step = lesson.steps[index];
  const playground = step?.kind === 'playground';
  const focus = focusAt(lesson, index);
  const preset = findPreset(lesson.presetId);
  const screenKeys = playground ? PLAYGROUND_KEYS : GUIDED_STEP_KEYS;
  const showsPlayback = !presenter || playground;
  const show = step?.kind === 'narrate' ? step.show : undefined;
  // In presenter mode a side-by-side `show` snapshot of several routers is a cell of its own in
  // the body's grid: under the card on a wide screen, across the whole width on a 1024 px
  // projector (lessons.css). One router's output stays in the card's column.
  const showRow = presenter && show !== undefined && show.length > 1;

  return (
    <div
      className="lesson"
      data-testid="lesson.screen"
      data-lesson={lesson.id}
      data-presenter={presenter}
      data-playground={playground}
    >
      <header className="lesson-head">
        {!presenter && (
          <a className="lesson-back-link" href="#lessons">
            <span aria-hidden="true">← </span>All lessons
          </a>
        )}
        <div className="lesson-titles">
          <h2 className="lesson-title">{lesson.title}</h2>
          {!presenter && (
            <p className="lesson-goal">
              <span className="lesson-goal-label">Goal:</span> <InlineCode text={lesson.goal} />{' '}
              <button
                type="button"
                className="source-link lesson-source"
                onClick={() => openSources()}
              >
                Sources
              </button>
            </p>
          )}
        </div>
        <button
          type="button"
          className="lesson-button lesson-presenter-toggle"
          data-testid="lesson.presenter"
          aria-pressed={presenter}
          onClick={togglePresenter}
          title="Presenter mode: large type for a projector (P)"
        >
          {presenter ? 'Exit presenter' : 'Presenter mode'}
        </button>
      </header>

      <StepNav lesson={lesson} index={index} revealed={revealed} />

      {linkNotice !== null && (
        <div className="lesson-notice" role="status" data-testid="lesson.link-notice">
          <p>
            {linkNotice}{' '}
            <button type="button" className="lesson-button" onClick={dismissLinkNotice}>
              OK
            </button>
          </p>
        </div>
      )}

      {!playground && !ownRun && hasRun && (
        <div className="lesson-edited" role="alert">
          <p>
            The scenario was changed, so the lesson’s cues no longer fit it.{' '}
            <button type="button" className="lesson-button" onClick={() => goToStep(lesson, index)}>
              Back to the lesson’s run
            </button>{' '}
            <button
              type="button"
              className="lesson-button"
              onClick={() => goToStep(lesson, lesson.steps.length - 1)}
            >
              Keep it, go to the playground
            </button>
          </p>
        </div>
      )}

      {hasRun && (
        <div
          className="lesson-body"
          data-focus={playground ? 'playground' : focus}
          data-show-row={showRow || undefined}
        >
          <div className="lesson-stage">
            <LessonStageView
              step={index}
              view={(step?.kind !== 'playground' && step?.view) || 'topology'}
              chart={(step?.kind !== 'playground' && step?.chart) || 'ike'}
              topology={<TopologyView fill={presenter} />}
            />
            {!presenter && <Playback screenKeys={screenKeys} />}
          </div>
          <div className="lesson-side">
            <div className="lesson-card">
              <StepCard
                lesson={lesson}
                index={index}
                picks={picks}
                revealed={revealed}
                presenter={presenter}
              />
            </div>
            {presenter && playground && <Playback screenKeys={screenKeys} />}
            {playground ? (
              <div className="lesson-focus" data-focus="routers">
                <RouterPanels />
              </div>
            ) : (
              !showRow && <FocusPanel focus={focus} show={show} />
            )}
            {playground && presenter && <PlaygroundLogs />}
          </div>
          {showRow && <FocusPanel focus={focus} show={show} />}
          {playground && !presenter && <PlaygroundLogs />}
        </div>
      )}
      {/* Without the playback bar, the shortcuts help (?) is the player's to mount. */}
      {!showsPlayback && <ShortcutsDialog screenKeys={screenKeys} />}
      {!presenter && preset && (
        <p className="lesson-footer">
          Scenario: <a href={`#preset=${encodeURIComponent(preset.id)}`}>{preset.title}</a> — open
          it in the studio.
        </p>
      )}
    </div>
  );
}

/**
 * The playback bar and the timeline: under the topology, or in presenter mode's playground under
 * the card (so that the topology keeps the whole left column there too).
 */
function Playback({ screenKeys }: { screenKeys: ScreenKeys }) {
  return (
    <>
      <PlaybackBar screenKeys={screenKeys} />
      <TimelineBar />
    </>
  );
}

/** The playground's log and health views: under the rest, or in presenter mode under the card. */
function PlaygroundLogs() {
  return (
    <div className="lesson-bottom">
      <LogView />
      <HealthView />
    </div>
  );
}
