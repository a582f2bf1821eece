/** The play / pause / step icons of a playback bar (the studio's and the compare screen's). */
export function TransportIcon({
  name,
  className,
}: {
  name: 'play' | 'pause' | 'back' | 'forward';
  className: string;
}) {
  const paths = {
    play: 'M7 4.5v15l12.5-7.5z',
    pause: 'M6.5 4.5h4v15h-4zM13.5 4.5h4v15h-4z',
    back: 'M5 5h2.6v14H5zM19.5 5v14L9 12z',
    forward: 'M16.4 5H19v14h-2.6zM4.5 5v14L15 12z',
  } as const;
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[name]} />
    </svg>
  );
}
