export { parseDuration } from './duration';
export { CounterCell, HistogramCell, TallyCounter, TallyHistogram, registerTally } from './tally-metrics';
