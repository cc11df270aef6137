import { describe, expect, it } from "vitest";
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
