/**
 * What the close models in lib/http predict for the close lab: with unread
 * input, an abrupt close sends RST and the client loses the response; a half
 * close (FIN, keep reading) delivers it whole. Only adapts inputs.
 */

export interface CloseModel {
  expected: { abruptLost: number | null; gracefulLost: number | null; abruptBytes: number | null; gracefulBytes: number | null };
  notes: string[];
}

export function modelClose(_setup: { runs: number; responseBytes: number; unreadBytes: number }): CloseModel {
  return {
    expected: { abruptLost: null, gracefulLost: null, abruptBytes: null, gracefulBytes: null },
    notes: ["model missing: lib/http has no close model yet"],
  };
}
