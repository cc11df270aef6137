/**
 * What a stub throws until the student writes the exercise. The grader
 * recognises it by its code and reports "not started" instead of a failure.
 * Every sandbox has this module, and so lib/i18n.ts (it only reads files
 * inside a try/catch, and takes the language from WORKBOOK_LANG there).
 */
import { messages } from "../i18n";

const say = messages("workbook/not-implemented", {
  notImplemented: {
    en: 'Exercise {id} is not implemented yet: replace the notImplemented("{id}") line with your code.',
    ko: '{id} 문제는 아직 구현하지 않았습니다. notImplemented("{id}") 줄을 여러분의 코드로 바꾸세요.',
  },
});
export const NOT_IMPLEMENTED = "ERR_WORKBOOK_NOT_IMPLEMENTED";

export class NotImplementedError extends Error {
  readonly code = NOT_IMPLEMENTED;
  constructor(readonly exerciseId: string) {
    super(say.notImplemented({ id: exerciseId }));
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
