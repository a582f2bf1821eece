/** Placeholder: the requestAnimationFrame loop that moves the cursor (issue 3). */
export function usePlaybackLoop(): void {}
