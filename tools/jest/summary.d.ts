import type { RealPeerSuite } from './real-peers';

export function realPeerLine(suites: RealPeerSuite[]): string;
export function tierLine(runs: Array<{ tier?: string; passed: number }>): string;
