import type { RealPeerSuite } from './real-peers';

export function realPeerLine(suites: RealPeerSuite[]): string;
