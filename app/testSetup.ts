// Every test file starts with every built-in preset loaded, as the CLI does (importing the full
// list registers them in the library); the browser loads them on demand (presets/library.ts).
import './scenario/presets';
