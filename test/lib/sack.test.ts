import { describe, expect, it } from "vitest";
import { Scoreboard } from "../../lib/tcp/sack";

const MSS = 100;

describe("SACK scoreboard (RFC 6675)", () => {
  it("merges blocks and forgets what the cumulative ACK covers", () => {
    const b = new Scoreboard();
    b.add([[300, 400]], 0);
    b.add(
      [
        [500, 600],
        [350, 450],
      ],
      0,
    );
    expect(b.ranges).toEqual([
      [300, 450],
      [500, 600],
    ]);
    b.pruneBelow(400);
    expect(b.ranges).toEqual([
      [400, 450],
      [500, 600],
    ]);
    b.add([[100, 200]], 400); // below SND.UNA: ignored
    expect(b.ranges).toEqual([
      [400, 450],
      [500, 600],
    ]);
  });

  it("calls a byte lost once more than two segments' worth, or three blocks, are SACKed above it", () => {
    const b = new Scoreboard();
    b.add([[100, 300]], 0); // two segments above 0: not yet
    expect(b.isLost(0, MSS)).toBe(false);
    b.add([[300, 301]], 0); // 201 bytes above
    expect(b.isLost(0, MSS)).toBe(true);
    const three = new Scoreboard();
    three.add(
      [
        [100, 110],
        [200, 210],
        [300, 310],
      ],
      0,
    );
    expect(three.isLost(0, MSS)).toBe(true);
    expect(three.isLost(150, MSS)).toBe(false);
  });

  it("pipe counts what is still in flight: not SACKed, not lost, plus what was resent", () => {
    const b = new Scoreboard();
    b.add([[100, 400]], 0); // segment [0,100) lost, 3 SACKed, [400,600) in flight
    expect(b.pipe(0, 600, 0, MSS)).toBe(200);
    expect(b.pipe(0, 600, 100, MSS)).toBe(300); // the lost segment resent: in flight again
    expect(b.nextLost(0, 600, MSS)).toBe(0);
    expect(b.nextLost(100, 600, MSS)).toBeUndefined();
  });
});
