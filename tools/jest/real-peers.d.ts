// Types of the CommonJS reporter helpers, for tools/jest/summary.spec.ts.
export interface RealPeerSuite {
  peers: string[];
  ran: boolean;
}
