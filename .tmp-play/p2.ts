import { labs } from "../lib/lab/index";
(async () => { const r = await labs["keep-alive"].run({ quick: true }); console.log(labs["keep-alive"].format(r)); console.log(JSON.stringify(r, null, 1)); })();
