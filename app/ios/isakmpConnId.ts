// Pure. The conn-id IOS prints for an IKE SA, in `debug crypto isakmp` (`ISAKMP:(N):`,
// `ISAKMP (0:N):`) and in `show crypto isakmp sa`.

/** An IKE SA as far as its printed conn-id goes. */
export interface IsakmpConnIdSource {
  /** The id the router allocated when it created the SA (1001, 1002, …). */
  connId: number;
  /**
   * Whether the SA's keys are derived: the initiator from its processing of MM4 on, the
   * responder once it has processed MM3 (ios-behavior.md 8.1 [C-2]).
   */
  keysDerived: boolean;
}

/**
 * 0 until the keys are derived, then the allocated id: the debug prints `ISAKMP:(0):` through
 * the first half of main mode, and `show crypto isakmp sa` shows conn-id 0 while main mode is
 * still failing (`MM_NO_STATE          0    0 ACTIVE`, ios-behavior.md 8.1, 8.5 [C-2]).
 */
export function isakmpConnId(sa: IsakmpConnIdSource): number {
  return sa.keysDerived ? sa.connId : 0;
}
