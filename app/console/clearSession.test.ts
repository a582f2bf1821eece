import { describe, expect, it } from 'vitest';
import { help } from './help';
import { openSession, type } from './testRouter';

describe('clear crypto session', () => {
  it('clears every session, or one peer’s, silently, as a timeline command', () => {
    const session = openSession();
    expect(
      type(
        session,
        'clear crypto session',
        'clear cry sess rem 20.1.1.2',
        'clear crypto session remote 300.1.1.1',
      ),
    ).toEqual([
      'R1#clear crypto session',
      'R1#clear cry sess rem 20.1.1.2',
      'R1#clear crypto session remote 300.1.1.1',
      '                               ^',
      "% Invalid input detected at '^' marker.",
      '',
    ]);
    expect(session.effects).toEqual([
      { kind: 'exec', command: 'clear crypto session' },
      { kind: 'exec', command: 'clear crypto session remote 20.1.1.2' },
    ]);
  });

  it('offers session after clear crypto, and remote after session', () => {
    const { state, context } = openSession();
    expect(help(state, 'clear crypto ', context)).toContain(
      '  session  Clear crypto sessions (tunnels)',
    );
    expect(help(state, 'clear crypto session ', context).join('\n')).toMatch(
      /remote\s+Remote IKE peer/,
    );
  });
});
