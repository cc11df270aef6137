// Entry of `npm run workbook -- <command>` (run by ts-node; see lib/workbook/cli.ts).
import { main } from "../lib/workbook/cli";

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
