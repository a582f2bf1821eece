// The scenario document's limits: sizes and ranges that keep a hostile document from making us
// work for long. The schema (schema.ts) enforces them on what comes from outside; the console and
// the built-in topologies respect them; none of this module needs zod.

export const TITLE_MAX_CHARS = 200;
export const DESCRIPTION_MAX_CHARS = 10_000;
/** 64 KiB of (ASCII) IOS text, counted in characters. */
export const CONFIG_MAX_CHARS = 64 * 1024;
export const CONFIG_LINE_MAX_CHARS = 1024;
export const CONFIG_ACTION_LINES_MAX = 1000;
export const NODES_MAX = 200;
export const LINKS_MAX = 400;
export const FLOWS_MAX = 200;
export const TIMELINE_ENTRIES_MAX = 2000;
export const DURATION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
export const LATENCY_MAX_MS = 10_000;
/** The longest crypto-engine programming delay a router may have (`saInstallDelayMs`). */
export const SA_INSTALL_DELAY_MAX_MS = 10_000;
export const PING_INTERVAL_MIN_MS = 10;
/**
 * A scanner's shortest interval: each of its packets carries a new SPI, so each one may cost the
 * receiver a syslog line and an IKE DELETE (more work per packet than a ping).
 */
export const SCAN_INTERVAL_MIN_MS = 100;
/** IOS `ping ... size` accepts 36..18024 bytes. */
export const PING_SIZE_MIN_BYTES = 36;
export const PING_SIZE_MAX_BYTES = 18_024;
/** At most this many echoes in a flow with `repeat` (a console `ping … repeat N`). */
export const PING_REPEAT_MAX = 100_000;
export const UINT32_MAX = 0xffff_ffff;
