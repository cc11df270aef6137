import { afterEach, describe, expect, it } from "vitest";
import { isIdempotent } from "../../lib/http/idempotency";
import { simulatePipeline } from "../../lib/http/pipeline-retry";
import { resetLanguage, setLanguage } from "../../lib/i18n";

const reqs = (...methods: string[]) => methods.map((method, i) => ({ method, path: `/${String.fromCharCode(97 + i)}` }));

describe("isIdempotent (RFC 9110 9.2.2)", () => {
  it("knows the idempotent methods", () => {
    for (const m of ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]) expect(isIdempotent(m), m).toBe(true);
  });

  it("says no for POST, PATCH, CONNECT and unknown methods", () => {
    for (const m of ["POST", "PATCH", "CONNECT", "BREW"]) expect(isIdempotent(m), m).toBe(false);
  });

  it("treats method names as case-sensitive", () => {
    expect(isIdempotent("get")).toBe(false);
  });

  it("rejects what is not a method name", () => {
    expect(() => isIdempotent("")).toThrow(RangeError);
    expect(() => isIdempotent("GE T")).toThrow(/"method".*"GE T"/);
    expect(() => isIdempotent(5 as never)).toThrow(TypeError);
    expect(() => isIdempotent(undefined as never)).toThrow(/"method"/);
  });
});

describe("simulatePipeline: a server that closes after k responses", () => {
  it("resends the unanswered idempotent requests, one alone first after a failure", () => {
    const run = simulatePipeline({ requests: reqs("GET", "GET", "GET", "GET", "GET"), serverClosesAfter: 2 });
    expect(run).toMatchObject({ answered: [0, 1, 2, 3, 4], resent: [2, 3, 4], failed: [], connectionsOpened: 3 });
    expect(run.requests.map((r) => r.connections)).toEqual([[0], [0], [0, 1], [0, 1], [0, 1, 2]]);
    expect(run.requests[4].attempts).toBe(3);
    expect(run.log).toContain("open connection 1 (after a failure: one request alone until an answer shows the connection works)");
    // on connection 1, /c goes alone; /d and /e follow only after its answer
    const c1 = run.log.slice(
      run.log.indexOf("open connection 1 (after a failure: one request alone until an answer shows the connection works)"),
    );
    expect(c1.slice(1, 4)).toEqual(["  send #2 GET /c on connection 1", "  response to #2 GET /c", "  send #3 GET /d on connection 1"]);
  });

  it("never pipelines POST: it waits for the pipeline to drain and nothing follows it", () => {
    const run = simulatePipeline({ requests: reqs("GET", "GET", "POST", "GET"), serverClosesAfter: 3 });
    const sends = run.log.filter((l) => l.startsWith("  send "));
    expect(sends).toEqual([
      "  send #0 GET /a on connection 0",
      "  send #1 GET /b on connection 0 (pipelined, 2 unanswered)",
      "  send #2 POST /c on connection 0",
      "  send #3 GET /d on connection 0",
      "  send #3 GET /d on connection 1",
    ]);
    expect(run).toMatchObject({ answered: [0, 1, 2, 3], resent: [3], failed: [] });
  });

  it("fails, and does not resend, a POST lost to a close it could not see coming", () => {
    const run = simulatePipeline({ requests: reqs("GET", "GET", "POST"), serverClosesAfter: 2 });
    expect(run).toMatchObject({ answered: [0, 1], resent: [], failed: [2], connectionsOpened: 1 });
    expect(run.requests[2]).toMatchObject({ outcome: "failed", attempts: 1 });
    expect(run.requests[2].failReason).toMatch(/not idempotent/);
  });

  it("keeps the POST safe when the server announces its close", () => {
    const run = simulatePipeline({ requests: reqs("GET", "GET", "POST"), serverClosesAfter: 2, announcesClose: true });
    expect(run).toMatchObject({ answered: [0, 1, 2], failed: [], connectionsOpened: 2 });
    expect(run.requests[2].connections).toEqual([1]);
    expect(run.log).toContain("open connection 1"); // an announced close is no failure: no probing
  });

  it("shows why the rule exists: a pipelined POST caught by the close is lost", () => {
    const run = simulatePipeline({
      requests: reqs("GET", "POST", "GET"),
      serverClosesAfter: 1,
      announcesClose: true,
      pipelineNonIdempotent: true,
    });
    expect(run).toMatchObject({ answered: [0, 2], resent: [2], failed: [1] });
  });

  it("can wait for a first answer before pipelining on a new connection", () => {
    const run = simulatePipeline({ requests: reqs("GET", "GET", "GET"), serverClosesAfter: 5, confirmPersistenceFirst: true });
    expect(run.log.slice(0, 4)).toEqual([
      "open connection 0 (first confirm it is persistent: one request alone until an answer shows the connection works)",
      "  send #0 GET /a on connection 0",
      "  response to #0 GET /a",
      "  send #1 GET /b on connection 0",
    ]);
    expect(run.log).toContain("  send #2 GET /c on connection 0 (pipelined, 2 unanswered)");
  });

  it("gets its responses in request order", () => {
    const run = simulatePipeline({ requests: reqs("GET", "HEAD", "GET", "OPTIONS"), serverClosesAfter: 9 });
    const order = run.log.filter((l) => l.startsWith("  response to")).map((l) => l.split(" ")[4]);
    expect(order).toEqual(["#0", "#1", "#2", "#3"]);
  });

  it("counts the connections that carried one request alone first (probedConnections)", () => {
    // unannounced closes after 2 responses: connections 1 and 2 follow a failure, connection 0 does not
    expect(simulatePipeline({ requests: reqs("GET", "GET", "GET", "GET", "GET"), serverClosesAfter: 2 }).probedConnections).toBe(2);
    // asked to confirm first: connection 0 too; the server closes after 3 without warning, so connection 1 probes again
    const careful = simulatePipeline({
      requests: reqs("GET", "GET", "GET", "GET", "GET", "GET"),
      serverClosesAfter: 3,
      confirmPersistenceFirst: true,
    });
    expect(careful).toMatchObject({ connectionsOpened: 2, probedConnections: 2 });
    // an announced close is no failure: only the first connection, and only when asked
    expect(simulatePipeline({ requests: reqs("GET", "GET", "GET"), serverClosesAfter: 1, announcesClose: true }).probedConnections).toBe(0);
    expect(
      simulatePipeline({ requests: reqs("GET", "GET", "GET"), serverClosesAfter: 1, announcesClose: true, confirmPersistenceFirst: true }),
    ).toMatchObject({
      connectionsOpened: 3,
      probedConnections: 1,
    });
    // one connection, nothing to confirm
    expect(simulatePipeline({ requests: reqs("GET", "GET"), serverClosesAfter: 5 }).probedConnections).toBe(0);
  });

  it("respects maxDepth", () => {
    const run = simulatePipeline({ requests: reqs("GET", "GET", "GET", "GET"), serverClosesAfter: 10, maxDepth: 2 });
    expect(run.connectionsOpened).toBe(1);
    expect(run.log.some((l) => l.includes("3 unanswered"))).toBe(false);
    expect(run.log.filter((l) => l.includes("2 unanswered"))).toHaveLength(3);
  });

  it("answers everything on one connection when the server never reaches its limit", () => {
    const run = simulatePipeline({ requests: reqs("PUT", "DELETE", "HEAD"), serverClosesAfter: 3 });
    expect(run).toMatchObject({ answered: [0, 1, 2], resent: [], failed: [], connectionsOpened: 1 });
  });

  it("rejects bad scenarios by name and leaves the input alone", () => {
    expect(() => simulatePipeline({ requests: [], serverClosesAfter: 1 })).toThrow(/"scenario.requests"/);
    expect(() => simulatePipeline({ requests: reqs("GET"), serverClosesAfter: 0 })).toThrow(/"scenario.serverClosesAfter".*0/);
    expect(() => simulatePipeline({ requests: [{ method: "G T" }], serverClosesAfter: 1 })).toThrow(
      /"scenario.requests\[0\].method".*"G T"/,
    );
    expect(() => simulatePipeline({ requests: [{ method: 1 as never }], serverClosesAfter: 1 })).toThrow(TypeError);
    expect(() => simulatePipeline({ requests: reqs("GET"), serverClosesAfter: 1, maxDepth: 0 })).toThrow(/"scenario.maxDepth"/);
    const scenario = { requests: reqs("GET", "POST"), serverClosesAfter: 1 };
    const copy = JSON.parse(JSON.stringify(scenario));
    simulatePipeline(scenario);
    expect(scenario).toEqual(copy);
  });
});

describe("simulatePipeline in Korean", () => {
  afterEach(() => resetLanguage());

  it("logs, explains a failure and refuses in Korean, with the same outcome", () => {
    const scenario = { requests: reqs("GET", "GET", "POST", "GET"), serverClosesAfter: 2 };
    const english = simulatePipeline(scenario);
    setLanguage("ko");
    const run = simulatePipeline(scenario);
    expect(run.log).toContain("1번 커넥션 열기(실패 뒤: 응답이 와서 커넥션이 동작함을 보일 때까지 요청 하나만 보냄)");
    expect(run.log).toContain("  0번 커넥션으로 #1 GET /b 전송(파이프라인, 응답 대기 2개)");
    expect(run.log).toContain("  #2 POST /c 응답 없음: POST 메서드는 멱등이 아니므로 다시 보내지 않고 실패를 알림");
    expect(run.log.join("\n")).not.toMatch(/\b(send|open|response to|unanswered)\b/);
    expect(run.requests[2].failReason).toMatch(/^응답이 오기 전에 커넥션이 닫혔습니다\. POST 메서드는 멱등이 아니므로/);
    const { log: _ko, requests: koRequests, ...koFields } = run;
    const { log: _en, requests: enRequests, ...enFields } = english;
    expect(koFields).toEqual(enFields);
    expect(koRequests.map(({ failReason: _f, ...r }) => r)).toEqual(enRequests.map(({ failReason: _f, ...r }) => r));
    expect(() => simulatePipeline({ requests: [], serverClosesAfter: 1 })).toThrow(
      '"scenario.requests" 값이 허용 범위를 벗어났습니다. 허용되는 값: 요청 1개 이상.',
    );
    expect(() => isIdempotent("GE T")).toThrow(/"method".*메서드 이름\(RFC 9110 토큰\).*"GE T"/);
  });
});
