import { useCallback, useEffect, useState } from 'react';

const PREFIX = '#preset=';

function fromHash(fallback: string): string {
  const { hash } = window.location;
  return hash.startsWith(PREFIX) ? decodeURIComponent(hash.slice(PREFIX.length)) : fallback;
}

/**
 * The chosen preset id, kept in the URL as `#preset=<id>` so that a link opens the same
 * scenario; the browser's back button and hand edits of the hash are followed too.
 */
export function usePresetHash(fallback: string): [string, (id: string) => void] {
  const [id, setId] = useState(() => fromHash(fallback));
  useEffect(() => {
    const follow = () => setId(fromHash(fallback));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [fallback]);
  const choose = useCallback((next: string) => {
    setId(next);
    window.history.replaceState(null, '', `${PREFIX}${encodeURIComponent(next)}`);
  }, []);
  return [id, choose];
}
