// The simulation core's public surface.
export { type SimResult, Simulation, simulate, simulateStreaming } from './simulate';
export type { IkeSaView, IpsecFlowView, NhrpEntryView, RouterView, SaEntryView } from './snapshot';
export { formatSpi, type TraceRecord } from './trace';
