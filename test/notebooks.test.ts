// The notebooks: every one exists in English and Korean with the same code,
// and the English ones run (the Korean ones: notebooks-ko.test.ts).
import { describe, expect, it } from "vitest";
import { compareAll } from "../scripts/notebook-pairs";
import { describeNotebookRuns } from "./notebook-runs";

describe("notebook pairs", () => {
  it("exist in English and Korean with the same code cells and one markdown cell for another", () => {
    expect(compareAll()).toEqual([]);
  });
});

describeNotebookRuns("en");
