// Checks the machine formats of one or more output folders of `crosscheck run --format
// csv,html,jsonl,sarif`: every line of findings.jsonl parses as a JSON object with the
// documented members, and findings.sarif validates against the SARIF 2.1.0 JSON schema
// (the final 2.1.0 schema, "rtm.5", as shipped in the npm package @microsoft/jest-sarif,
// checked with ajv; all offline). A deliberately broken copy must fail validation, so the
// validator is known to be live.
//   node check_outputs.js OUTDIR [OUTDIR...]
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');

const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ schemaId: 'auto', validateSchema: false, allErrors: true });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
const validate = ajv.compile(schema);

const kMembers = ['id', 'kind', 'type', 'rule', 'confidence', 'fingerprint', 'cues',
  'explanation', 'a', 'b'];
const kSide = ['source', 'doc', 'line', 'col', 'begin', 'end', 'text', 'sentence',
  'asserted_by', 'polarity', 'modality', 'entities', 'times', 'quantities'];
let failures = 0;
function check(ok, message) {
  console.log((ok ? 'ok - ' : 'not ok - ') + message);
  if (!ok) failures++;
}

for (const dir of process.argv.slice(2)) {
  const lines = fs.readFileSync(path.join(dir, 'findings.jsonl'), 'utf8').split('\n');
  check(lines.pop() === '', `${dir}/findings.jsonl ends with a newline`);
  let parsed = 0;
  lines.forEach((line, i) => {
    let finding;
    try {
      finding = JSON.parse(line);
    } catch (e) {
      check(false, `${dir}/findings.jsonl line ${i + 1} parses: ${e.message}`);
      return;
    }
    const missing = kMembers.filter((m) => !(m in finding))
      .concat(['a', 'b'].flatMap((s) => kSide.filter((m) => !(m in (finding[s] || {})))
        .map((m) => `${s}.${m}`)));
    if (missing.length) check(false, `${dir}/findings.jsonl line ${i + 1} lacks ${missing}`);
    else parsed++;
  });
  check(lines.length > 0 && parsed === lines.length,
    `${dir}/findings.jsonl: ${parsed} of ${lines.length} lines parse with every member`);

  const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'findings.sarif'), 'utf8'));
  const valid = validate(sarif);
  check(valid, `${dir}/findings.sarif validates against SARIF 2.1.0` +
    (valid ? '' : ': ' + ajv.errorsText(validate.errors)));
  const conflicts = lines.filter((l) => JSON.parse(l).kind === 'conflict').length;
  check(sarif.runs[0].results.length === conflicts,
    `${dir}/findings.sarif has one result per conflict (${conflicts})`);
  const broken = JSON.parse(JSON.stringify(sarif));
  broken.runs[0].results.push({ ruleId: 'x', locations: 'not an array' });
  check(!validate(broken), `${dir}: a broken copy fails validation (the validator is live)`);
}
process.exit(failures ? 1 : 0);
