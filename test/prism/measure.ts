import { FIXTURES, githubSlice, OAS_EXAMPLES, OWN } from "./corpus";
import { runAgainstPrism } from "./run";

// `npx tsx test/prism/measure.ts`: requests Prism accepted / sent, per corpus, static and -d.
const corpora: Record<string, string[]> = {
  "oas-examples": OAS_EXAMPLES,
  github: [await githubSlice()],
  elcies: OWN,
  fixtures: FIXTURES,
};
const only = process.argv[2];
for (const [name, files] of Object.entries(corpora)) {
  if (only && only !== name) continue;
  for (const dynamic of [false, true]) {
    let sent = 0;
    let accepted = 0;
    let unauthorised = 0;
    let marked = 0;
    for (const file of files) {
      try {
        const run = await runAgainstPrism(file, { dynamic });
        sent += run.sent;
        accepted += run.accepted;
        unauthorised += run.unauthorised.length;
        marked += run.marked.length;
        for (const item of run.marked)
          console.log(`  MARKED ${file} ${dynamic ? "-d" : ""} ${item}`);
        for (const [item, why] of Object.entries(run.rejected))
          console.log(`  REJ ${file} ${dynamic ? "-d" : ""} ${item}: ${why.slice(0, 300)}`);
        for (const e of run.scriptErrors) console.log(`  SCRIPT ${file}: ${e}`);
      } catch (error) {
        console.log(`  ERR ${file}: ${String(error).slice(0, 300)}`);
      }
    }
    console.log(
      `${name}${dynamic ? " -d" : ""}: ${accepted}/${sent} accepted, ${unauthorised} refused for credentials, ${marked} marked beforehand, ${sent - accepted - unauthorised - marked} rejected unexpectedly`,
    );
  }
}
