/** Text where `backticked` parts are IOS commands, shown as code. */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        // Odd parts sat between backticks. The index is a stable key: parts never reorder.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        i % 2 === 1 ? <code key={i}>{part}</code> : <span key={i}>{part}</span>,
      )}
    </>
  );
}
