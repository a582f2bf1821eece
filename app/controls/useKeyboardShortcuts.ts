/** Placeholder: global keyboard shortcuts (issue 3). */
export function useKeyboardShortcuts(): void {}
