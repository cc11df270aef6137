/**
 * What a stub throws until the student writes the exercise. The grader
 * recognises it by its code and reports "not started" instead of a failure.
 */
export const NOT_IMPLEMENTED = "ERR_WORKBOOK_NOT_IMPLEMENTED";

export class NotImplementedError extends Error {
  readonly code = NOT_IMPLEMENTED;
  constructor(readonly exerciseId: string) {
    super(`Exercise ${exerciseId} is not implemented yet: replace the notImplemented("${exerciseId}") line with your code.`);
    this.name = "NotImplementedError";
  }
}

/** The body of every stub: `return notImplemented("4.1a");` */
export function notImplemented(exerciseId: string): never {
  throw new NotImplementedError(exerciseId);
}

/** True for a NotImplementedError, also one thrown in another realm (worker). */
export function isNotImplemented(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === NOT_IMPLEMENTED;
}
