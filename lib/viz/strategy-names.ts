/**
 * How a page-load strategy is named where a reader sees it (a gallery
 * caption, a chart legend, a table header). The strategy itself stays the
 * identifier code passes (`strategy: "parallel"`); Korean shows the Korean
 * edition's term with that identifier beside it.
 */
import { checkString } from "../errors";
import { messages, verbatim, type Localized, type Message } from "../i18n";

const say = messages("viz/strategy-names", {
  serial: { en: "serial", ko: "순차(serial)" },
  parallel: { en: "parallel", ko: "병렬(parallel)" },
  persistent: { en: "persistent", ko: "지속(persistent)" },
  pipelined: { en: "pipelined", ko: "파이프라인(pipelined)" },
  multiplexed: { en: "multiplexed", ko: "다중 커넥션(multiplexed)" },
});

const NAMES: Readonly<Record<string, Message>> = say;

/** A strategy's name for a reader ("병렬(parallel)"); a name it does not know, as given. */
export function strategyName(strategy: string): Localized {
  checkString("strategy", strategy);
  return Object.hasOwn(NAMES, strategy) ? NAMES[strategy]() : verbatim(strategy);
}

/** A loadTimeSweep series ("parallel x4") for a reader: the strategy named, the rest as given. */
export function seriesName(series: string): Localized {
  checkString("series", series);
  const match = /^(\w+)(.*)$/s.exec(series);
  return match && Object.hasOwn(NAMES, match[1]) ? verbatim(strategyName(match[1]) + match[2]) : verbatim(series);
}
