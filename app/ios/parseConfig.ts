// The IOS configuration parser for the crypto-relevant subset: text in, typed RouterConfig and
// per-line diagnostics out. See config/modeEngine.ts for the mode rules.

import { lexConfig } from './config/lexer';
import { newParserState, parseLine } from './config/modeEngine';
import type { ParsedConfig } from './types';

/**
 * Parses a configuration as `show running-config` prints it (or as typed in `configure
 * terminal`). Never throws: every line that is not blank or a comment is applied, or reported
 * as 'unsupported' (kept, not simulated), or as an 'error' (the configuration is refused).
 */
export function parseIosConfig(text: string): ParsedConfig {
  const state = newParserState();
  for (const line of lexConfig(text)) parseLine(state, line);
  return { config: state.config, diagnostics: state.diagnostics };
}
