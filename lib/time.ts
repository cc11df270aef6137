/** Times in ms, rounded to the microsecond: enough to see a loopback RTT, without float noise (40.074999...). */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
