// The console's command line: the IOS prompt and an input with IOS's keys. RETURN runs the
// line, `?` shows help at once (IOS needs no RETURN for it), Tab completes a word, Up/Down
// (or Ctrl-P/Ctrl-N) recall the history, Ctrl-Z leaves configuration mode. While a ping runs
// IOS holds the line: no prompt, no input, until it ends or Ctrl+Shift+6 (the escape
// sequence) aborts it.

import { type KeyboardEvent, useId, useState } from 'react';
import { abortPing, askHelp, completeLine, ctrlZ, recallLine, typeLine } from './consoleCommands';

interface Props {
  node: string;
  promptText: string;
  booting: boolean;
  /** A ping runs: the line is held until it ends. */
  held: boolean;
  /** Called after a line or `?` printed something: the output follows it. */
  onTyped: () => void;
}

/** Tab completes only a word being typed; on an empty line or after a space it moves focus. */
function completable(line: string): boolean {
  return line.trim() !== '' && !/\s$/.test(line);
}

export function ConsoleInput({ node, promptText, booting, held, onTyped }: Props) {
  const inputId = useId();
  const [draft, setDraft] = useState('');
  /** How far up the history Up has gone (0: the line being edited, kept in `edited`). */
  const [back, setBack] = useState(0);
  const [edited, setEdited] = useState('');

  const recall = (to: number) => {
    if (to === 0) {
      setBack(0);
      setDraft(edited);
      return;
    }
    const line = recallLine(node, to);
    if (line === null) return;
    if (back === 0) setEdited(draft);
    setBack(to);
    setDraft(line);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const key = event.key;
    const ctrl = event.ctrlKey && !event.altKey && !event.metaKey;
    // Ctrl+Shift+6 (Ctrl+^): `key` is '^' or '6' depending on the keyboard layout.
    if (ctrl && event.shiftKey && (event.code === 'Digit6' || key === '^' || key === '6')) {
      if (abortPing(node)) onTyped();
      event.preventDefault();
      return;
    }
    if (held) {
      // IOS reads no command meanwhile; Tab still moves focus away.
      if (key !== 'Tab') event.preventDefault();
      return;
    }
    if (key === 'Enter') {
      typeLine(node, draft);
      setDraft('');
      setBack(0);
      setEdited('');
      onTyped();
    } else if (key === '?') {
      askHelp(node, draft);
      onTyped();
    } else if (key === 'Tab' && !event.shiftKey && completable(draft)) {
      const completed = completeLine(node, draft);
      if (completed !== null) setDraft(completed);
    } else if (key === 'ArrowUp' || (ctrl && key.toLowerCase() === 'p')) {
      recall(back + 1);
    } else if (key === 'ArrowDown' || (ctrl && key.toLowerCase() === 'n')) {
      if (back > 0) recall(back - 1);
    } else if (ctrl && key.toLowerCase() === 'z') {
      if (!ctrlZ(node, draft)) return;
      setDraft('');
      setBack(0);
      onTyped();
    } else {
      return;
    }
    event.preventDefault();
  };

  return (
    <div className="rc-input-row">
      <label htmlFor={inputId} className="visually-hidden">
        {node} console
      </label>
      <span className="rc-prompt" aria-hidden="true" data-testid="console.prompt">
        {booting ? `${node} is booting…` : held ? '' : promptText}
      </span>
      <input
        id={inputId}
        className="rc-input"
        type="text"
        value={draft}
        readOnly={held}
        onChange={(event) => {
          setDraft(event.target.value);
          setBack(0);
        }}
        onKeyDown={onKeyDown}
        aria-describedby={`${inputId}-prompt`}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        data-testid="console.input"
        data-prompt={promptText}
      />
      <span id={`${inputId}-prompt`} className="visually-hidden">
        {booting
          ? `${node} is booting`
          : held
            ? 'a ping runs: Ctrl+Shift+6 aborts it'
            : `prompt ${promptText}`}
      </span>
    </div>
  );
}
