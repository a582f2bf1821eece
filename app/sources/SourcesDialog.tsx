// The Sources list: every public document the app cites, with what it is taken for, and every
// place the simulator simplifies, with why. A modal <dialog> (Escape closes, focus returns to
// the citation that opened it); its list scrolls inside, the page never does.

import { useEffect, useId } from 'react';
import { InlineCode } from '../ui/InlineCode';
import { useModalDialog } from '../ui/useModalDialog';
import { SIMPLIFICATION_IDS, SIMPLIFICATIONS } from './simplifications';
import { SOURCE_IDS, SOURCES, type SourceId, sourceKindLine } from './sources';
import { closeSources, entryAnchor, openSources, useSourcesStore } from './sourcesStore';
import './sources.css';

const GROUPS: { title: string; ids: SourceId[] }[] = [
  { title: 'Cisco', ids: SOURCE_IDS.filter((id) => SOURCES[id].publisher !== 'IETF') },
  { title: 'IETF RFCs', ids: SOURCE_IDS.filter((id) => SOURCES[id].publisher === 'IETF') },
];

function SourceEntry({ id, current }: { id: SourceId; current: boolean }) {
  const source = SOURCES[id];
  const part = 'part' in source ? source.part : undefined;
  const url = 'url' in source ? source.url : undefined;
  return (
    <li
      id={entryAnchor({ kind: 'source', id })}
      className="sources-entry"
      data-testid="sources.entry"
      data-source={id}
      data-current={current || undefined}
      tabIndex={-1}
    >
      <p className="sources-entry-title">
        {url ? (
          <a href={url} target="_blank" rel="noreferrer">
            <cite>{source.title}</cite>
          </a>
        ) : (
          <cite>{source.title}</cite>
        )}
      </p>
      <p className="sources-entry-meta">
        {sourceKindLine(source)}
        {part && <> · the part “{part}”</>}
        {!url && ' · find it by its title'}
      </p>
      <p className="sources-entry-about">
        <InlineCode text={source.about} />
      </p>
    </li>
  );
}

export function SourcesDialog() {
  const open = useSourcesStore((s) => s.open);
  const target = useSourcesStore((s) => s.target);
  const { ref, restoreFocus } = useModalDialog(open);
  const titleId = useId();
  const currentAnchor = target ? entryAnchor(target) : null;

  // The entry asked for: scrolled into the middle of the list and focused, so a screen reader
  // starts there too.
  useEffect(() => {
    if (!open || currentAnchor === null) return;
    const entry = document.getElementById(currentAnchor);
    entry?.scrollIntoView({ block: 'center' });
    entry?.focus({ preventScroll: true });
  }, [open, currentAnchor]);

  const onClose = () => {
    closeSources();
    restoreFocus();
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click is a mouse extra; Escape and the Close button close it from the keyboard.
    <dialog
      ref={ref}
      className="modal-dialog sources-dialog"
      aria-labelledby={titleId}
      data-testid="sources.dialog"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === event.currentTarget) closeSources();
      }}
    >
      {open && (
        <div className="sources-body">
          <header className="sources-head">
            <h2 id={titleId} className="sources-title">
              Sources
            </h2>
            <p className="sources-intro">
              TunnelScope reproduces Cisco IOS 12.4(15)T as these public documents describe it.
              Where none of them says what IOS does, the simulator makes a choice and marks it
              “simplified”; each such choice is listed at the end, with its reason.
            </p>
          </header>
          <div className="sources-scroll">
            {GROUPS.map((group) => (
              <section key={group.title} className="sources-group">
                <h3 className="sources-group-title">{group.title}</h3>
                <ol className="sources-list">
                  {group.ids.map((id) => (
                    <SourceEntry
                      key={id}
                      id={id}
                      current={currentAnchor === entryAnchor({ kind: 'source', id })}
                    />
                  ))}
                </ol>
              </section>
            ))}
            <section className="sources-group">
              <h3 className="sources-group-title">Where the simulator simplifies</h3>
              <ul className="sources-list">
                {SIMPLIFICATION_IDS.map((id) => {
                  const item = SIMPLIFICATIONS[id];
                  const anchor = entryAnchor({ kind: 'simplification', id });
                  return (
                    <li
                      key={id}
                      id={anchor}
                      className="sources-entry"
                      data-testid="sources.simplification"
                      data-simplification={id}
                      data-current={currentAnchor === anchor || undefined}
                      tabIndex={-1}
                    >
                      <p className="sources-entry-title">
                        <span aria-hidden="true">≈ </span>
                        <InlineCode text={item.title} />
                      </p>
                      <p className="sources-entry-about">
                        <InlineCode text={item.why} />
                      </p>
                      <p className="sources-entry-meta">
                        See{' '}
                        {item.related.map((source, i) => (
                          <span key={source}>
                            {i > 0 && ', '}
                            <button
                              type="button"
                              className="source-link"
                              onClick={() => openSources({ kind: 'source', id: source })}
                            >
                              {SOURCES[source].title}
                            </button>
                          </span>
                        ))}
                      </p>
                    </li>
                  );
                })}
              </ul>
            </section>
            <section className="sources-group">
              <h3 className="sources-group-title">IOS message wording</h3>
              <p className="sources-note">
                Syslog and debug lines follow real IOS output from public captures where one exists.
                The rest (the DPD, legacy keepalive, idle-timer and retransmission debug lines among
                them) are worded after similar IOS lines: expect small differences on a real router.
              </p>
            </section>
          </div>
          <div className="sources-actions">
            <button
              type="button"
              className="pb-button"
              // biome-ignore lint/a11y/noAutofocus: a modal dialog puts focus on its close button unless an entry was asked for.
              autoFocus={currentAnchor === null}
              onClick={() => closeSources()}
            >
              Close <kbd>Esc</kbd>
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
