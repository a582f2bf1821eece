import type { ScenarioError } from '../scenario/types';

/**
 * Each error as its path and message. Everything is text: a link's or a file's content reaches
 * the page only through React's text escaping.
 */
export function ErrorList({ errors }: { errors: readonly ScenarioError[] }) {
  return (
    <ul className="share-errors">
      {errors.map((error, i) => (
        // Errors may repeat; their order is stable for one list.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={i} data-testid="share.error" data-path={error.path}>
          <code className="share-error-path">{error.path}</code>{' '}
          <span className="share-error-message">{error.message}</span>
        </li>
      ))}
    </ul>
  );
}
