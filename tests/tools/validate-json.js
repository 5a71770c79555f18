#!/usr/bin/env node
// Validates a JSON document, or every line of a JSON Lines file, against a
// JSON Schema (draft 2020-12) with ajv, an implementation independent of
// ours, so a test can't pass because our writer and our reader share a bug.
// Used for `aiprov check --format json`, `aiprov export --format json` and
// the ledger's Agent Trace records.
//
//   node validate-json.js SCHEMA FILE [--jsonl]
//
// Exit status: 0 valid; 1 the file is not valid (each problem printed as
// FILE[:LINE]: at JSON-POINTER: MESSAGE); 2 usage error, unreadable file or
// a schema ajv cannot compile.
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

function usage(message) {
  if (message) console.error(`validate-json: ${message}`);
  console.error('usage: node validate-json.js SCHEMA FILE [--jsonl]');
  process.exit(2);
}

function parseArguments(argv) {
  const positional = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  for (const flag of flags)
    if (flag !== '--jsonl') usage(`unknown option ${flag}`);
  if (positional.length !== 2) usage();
  return { schemaPath: positional[0], filePath: positional[1],
           jsonl: flags.includes('--jsonl') };
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`validate-json: cannot read ${file}: ${e.message}`);
    process.exit(2);
  }
}

// Node reports a syntax error as "... at position N"; a line and column are
// what a person can find in an editor.
function describeSyntaxError(text, error) {
  const match = /at position (\d+)/.exec(error.message);
  if (!match) return error.message;
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const place = text.includes('\n') ? `line ${line}, column ${column}`
                                    : `column ${column}`;
  return `${place}: ${error.message}`;
}

function describeSchemaError(error) {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  let detail = error.message;
  if (error.keyword === 'additionalProperties')
    detail += ` '${error.params.additionalProperty}'`;
  else if (error.keyword === 'enum')
    detail += `: ${JSON.stringify(error.params.allowedValues)}`;
  else if (error.keyword === 'const')
    detail += `: ${JSON.stringify(error.params.allowedValue)}`;
  return `at ${where}: ${detail} (schema ${error.schemaPath})`;
}

function main() {
  const { schemaPath, filePath, jsonl } = parseArguments(process.argv.slice(2));

  let validate;
  try {
    const schema = JSON.parse(readText(schemaPath));
    // Strict mode rejects unknown keywords and other schema mistakes that
    // would otherwise make a constraint silently check nothing.
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
  } catch (e) {
    console.error(`validate-json: bad schema ${schemaPath}: ${e.message}`);
    process.exit(2);
  }

  const text = readText(filePath);
  // [location suffix, text] per document; a final newline ends the last
  // line of a JSON Lines file and starts no new one.
  let documents;
  if (jsonl) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    documents = lines.map((line, i) => [`:${i + 1}`, line]);
  } else {
    documents = [['', text]];
  }

  let problems = 0;
  const report = (where, message) => {
    console.error(`${filePath}${where}: ${message}`);
    ++problems;
  };
  for (const [where, docText] of documents) {
    let value;
    try {
      value = JSON.parse(docText);
    } catch (e) {
      report(where, `not JSON: ${describeSyntaxError(docText, e)}`);
      continue;
    }
    if (!validate(value))
      for (const error of validate.errors)
        report(where, describeSchemaError(error));
  }

  const what = jsonl ? `${documents.length} record(s)` : 'document';
  if (problems !== 0) {
    console.error(`validate-json: ${filePath}: ${problems} problem(s) ` +
                  `against ${path.basename(schemaPath)}`);
    process.exit(1);
  }
  console.log(`validate-json: ${filePath}: ${what} valid against ` +
              `${path.basename(schemaPath)}`);
}

main();
