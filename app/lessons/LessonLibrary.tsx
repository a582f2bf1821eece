// `#lessons`: every lesson, in its group. "Where recovery works" is the configuration table of
// Cisco's tech note 115801 ("IPsec %RECVD_PKT_INV_SPI Errors and Invalid SPI Recovery Feature
// Information"), one row per configuration with the lesson that shows it.

import { SourceLink } from '../sources/SourceLink';
import { openSources } from '../sources/sourcesStore';
import { InlineCode } from '../ui/InlineCode';
import {
  LESSON_GROUPS,
  type LessonGroup,
  lessonForRow,
  lessonsInGroup,
  TABLE_ROWS,
} from './lessons';
import type { Lesson } from './types';
import './lessons.css';

const WORKS_MARK = { Yes: '✓', No: '✗', 'N/A': '–' } as const;

export function LessonLibrary() {
  return (
    <div className="lessons-library" data-testid="lessons.library">
      <header className="lessons-library-head">
        <h2 className="lessons-library-title">Lessons</h2>
        <p className="lessons-library-intro">
          Each lesson plays one scenario, stops to ask what happens next, then shows it, and ends in
          a playground of the same routers. Press P for presenter mode on a projector; → and ← (or a
          clicker) step through. Every step names the public documents its IOS facts come from:{' '}
          <button type="button" className="source-link" onClick={() => openSources()}>
            Sources
          </button>
          .
        </p>
      </header>
      {LESSON_GROUPS.map((group) => (
        <GroupSection key={group.id} group={group} />
      ))}
    </div>
  );
}

function GroupSection({ group }: { group: LessonGroup }) {
  const headingId = `lessons-group-${group.id}`;
  return (
    <section
      className="lessons-group"
      aria-labelledby={headingId}
      data-testid={`lessons.group.${group.id}`}
    >
      <h3 className="lessons-group-title" id={headingId}>
        {group.title}
      </h3>
      <p className="lessons-group-blurb">{group.blurb}</p>
      {group.id === 'where-recovery-works' ? (
        <RecoveryTable />
      ) : (
        <ul className="lessons-cards">
          {lessonsInGroup(group.id).map((lesson) => (
            <li key={lesson.id}>
              <LessonLink lesson={lesson} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RecoveryTable() {
  return (
    <table className="lessons-table">
      <caption>
        Does <code>crypto isakmp invalid-spi-recovery</code> work? The table of{' '}
        <SourceLink id="tn-115801" />
      </caption>
      <thead>
        <tr>
          <th scope="col">Configuration</th>
          <th scope="col">Recovery</th>
          <th scope="col">Lesson</th>
        </tr>
      </thead>
      <tbody>
        {TABLE_ROWS.map((row) => {
          const lesson = lessonForRow(row.row);
          return (
            <tr key={row.row} data-works={row.works}>
              <th scope="row">{row.label}</th>
              <td className="lessons-works">
                <span aria-hidden="true">{WORKS_MARK[row.works]} </span>
                {row.works}
              </td>
              <td>{lesson && <LessonLink lesson={lesson} compact />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function LessonLink({ lesson, compact = false }: { lesson: Lesson; compact?: boolean }) {
  const predictions = lesson.steps.filter((step) => step.kind === 'predict').length;
  return (
    <a
      className="lessons-card"
      href={`#lesson=${encodeURIComponent(lesson.id)}`}
      data-testid={`lesson-card.${lesson.id}`}
    >
      <span className="lessons-card-title">{lesson.title}</span>
      <span className="lessons-card-goal">
        <InlineCode text={lesson.goal} />
      </span>
      {!compact && (
        <span className="lessons-card-meta">
          {lesson.steps.length} steps · {predictions} prediction
          {predictions === 1 ? '' : 's'}
        </span>
      )}
    </a>
  );
}
