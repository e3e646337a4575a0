#!/usr/bin/env node
// Validates a Frictionless Data Package with frictionlessdata's datapackage-js (and its
// tableschema-js): the descriptor against the data-package profile, then every row of every
// tabular resource cast against its Table Schema (types, constraints, enum, primary key).
// Prints one line per error — file, row, field — and exits 1 when there is any, 0 otherwise.
// Usage: .ci/datapackage-validate/validate.js FOLDER/datapackage.json
// Installed by .ci/install-test-tools (npm ci here); used by the warehouse's OpenDataTest.
'use strict';
const path = require('path');
const {Package} = require('datapackage');

async function main(descriptor) {
  const errors = [];
  const pkg = await Package.load(descriptor, {basePath: path.dirname(descriptor)});
  if (!pkg.valid) {
    pkg.errors.forEach(e => errors.push(`${descriptor}: ${e.message}`));
  }
  let rows = 0;
  for (const resource of pkg.resources) {
    if (!resource.tabular) {
      continue;
    }
    if (!resource.valid) {
      resource.errors.forEach(e => errors.push(`${resource.descriptor.path}: ${e.message}`));
      continue;
    }
    const read = await resource.read({cast: true, forceCast: true, relations: false});
    read.forEach((row, i) => {
      if (row instanceof Error) {
        (row.errors && row.errors.length ? row.errors : [row]).forEach(e => errors.push(
            `${resource.descriptor.path} row ${e.rowNumber || i + 2}` +
            (e.columnNumber ? ` field ${resource.schema.fields[e.columnNumber - 1].name}` : '') + `: ${e.message}`));
      }
    });
    rows += read.length;
  }
  errors.forEach(e => console.log(e));
  console.error(`datapackage-validate: ${pkg.resources.length} resources, ${rows} rows read, ${errors.length} errors`);
  return errors.length === 0 ? 0 : 1;
}

if (process.argv.length !== 3) {
  console.error('usage: validate.js FOLDER/datapackage.json');
  process.exit(2);
}
main(process.argv[2]).then(code => process.exit(code), e => {
  console.error(`datapackage-validate: ${e.message}`);
  process.exit(2);
});
