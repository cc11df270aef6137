/** Type helper for a checks file: exercise id → function that grades the student's export. */
export type Check = (impl: any) => unknown;

export function defineChecks<T extends Record<string, Check>>(checks: T): T {
  return checks;
}
