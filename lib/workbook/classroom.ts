/**
 * The GitHub Classroom workflow a student copy carries
 * (.github/workflows/classroom.yml): on every push, one step per exercise
 * with GitHub's command grader (its points are the catalogue's), then the
 * grading reporter that sums them for Classroom. It runs the public checks
 * only: a student copy has no hidden cases. Step names and the grader's
 * messages are in the language of the teacher who wrote the release
 * (WORKBOOK_LANG in the job: a student's saved choice is not committed).
 */
import { language, tr } from "../i18n";
import { catalogue } from "./catalogue";

/** A step id GitHub accepts and the reporter can name: "4.1a" → "ex-4-1a". */
export const stepId = (id: string): string => `ex-${id.replace(/\./g, "-")}`;

export function classroomWorkflow(): string {
  const steps = catalogue.map((e) =>
    [
      `      - name: ${e.id} ${tr(e.title).replace(/[:#]/g, " ")}`,
      `        id: ${stepId(e.id)}`,
      "        uses: classroom-resources/autograding-command-grader@v1",
      "        with:",
      `          test-name: "${e.id}"`,
      `          command: npm run --silent workbook -- check ${e.id}`,
      "          timeout: 5",
      `          max-score: ${e.points}`,
    ].join("\n"),
  );
  const env = catalogue.map((e) => `          ${stepId(e.id).toUpperCase()}_RESULTS: "\${{ steps.${stepId(e.id)}.outputs.result }}"`);
  return `# Written by \`npm run workbook -- release\`: one graded step per exercise.
name: Autograding Tests
"on":
  - push
  - workflow_dispatch
  - repository_dispatch
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    env:
      WORKBOOK_LANG: ${language()}
    steps:
      - name: Checkout code
        uses: actions/checkout@v4
      - name: Set up Node.js
        uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install
        run: npm ci --no-audit --no-fund
${steps.join("\n")}
      - name: Autograding Reporter
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
${env.join("\n")}
        with:
          runners: ${catalogue.map((e) => stepId(e.id)).join(",")}
`;
}
