import type { RealPeerSuite } from './real-peers';

interface TestFileResults {
  testFilePath: string;
  testResults: { ancestorTitles: string[]; status: string }[];
}
export function realPeerSuites(results: { testResults: TestFileResults[] }): RealPeerSuite[];
