import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { cwndChart } from "../../lib/viz/cwnd-chart";
import { slowStart } from "../../lib/tcp/slow-start";

describe("cwndChart", () => {
  it("draws a staircase with the largest window on the top row and the rounds underneath", () => {
    const chart = cwndChart(slowStart({ bytes: 100_000, rttMs: 100 }), { height: 8, columnsPerRound: 5 });
    const lines = chart.split("\n");
    expect(lines[0]).toBe("cwnd (segments) per round");
    expect(lines).toHaveLength(1 + 9 + 2);
    expect(lines[1]).toMatch(/^\s+40 /);
    expect(lines.at(-2)!.trim()).toBe("1    2    3");
    expect(lines.at(-1)!.trim()).toBe("round");
  });

  it("takes a plain list and a title", () => {
    const chart = cwndChart([10, 15, 23], { title: "with delayed ACK" });
    expect(chart.startsWith("with delayed ACK\n")).toBe(true);
    expect(chart).toMatch(/\s23 /);
  });

  it("refuses an empty or broken series", () => {
    expect(() => cwndChart([])).toThrow(/"cwndPerRound"/);
    expect(() => cwndChart([1, NaN])).toThrow(/"cwndPerRound\[1\]"/);
    expect(() => cwndChart([1, 2], { height: 1 })).toThrow(/"height"/);
  });
});

describe("cwndChart in Korean", () => {
  afterEach(() => resetLanguage());

  it("the default title and the axis label follow the language; the plot is the same", () => {
    const input = slowStart({ bytes: 100_000, rttMs: 100 });
    const en = cwndChart(input, { height: 8, columnsPerRound: 5 }).split("\n");
    setLanguage("ko");
    const ko = cwndChart(input, { height: 8, columnsPerRound: 5 }).split("\n");
    expect(ko[0]).toBe("라운드별 혼잡 윈도(cwnd, 세그먼트 수)");
    expect(ko.at(-1)!.trim()).toBe("라운드");
    expect(ko.slice(1, -1)).toEqual(en.slice(1, -1));
  });

  it("prints a Korean title above the plot as given, and refuses bad input in Korean", () => {
    setLanguage("ko");
    const chart = cwndChart([10, 15, 23], { title: "확인응답 지연이 있을 때: 라운드마다 약 1.5배" });
    expect(chart.split("\n")[0]).toBe("확인응답 지연이 있을 때: 라운드마다 약 1.5배");
    expect(chart.split("\n")[1]).toMatch(/^\s+23 /);
    expect(() => cwndChart([])).toThrow(/"cwndPerRound" 값이 허용 범위를 벗어났습니다. 허용되는 값: 비어 있지 않은 배열/);
  });
});
