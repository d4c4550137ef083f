/*
 * The text of a precompiled validator module (scripts/compile-schemas.js): ajv's standalone code,
 * without the schema constants nothing reads, written in ASCII. test/schema/schemas.test.ts
 * checks that a module made here reports what the run-time compiler reports.
 */
'use strict';
const standaloneCode = require('ajv/dist/standalone').default;

/**
 * The code with every character outside ASCII written as a \uXXXX escape, which means the same
 * in JavaScript strings, template literals, regular expressions and identifiers: the CLI reads an
 * ASCII validator as latin1, a copy of its bytes (src/schema/registry.ts runWithCodeCache).
 */
function asciiOnly(code) {
  // An odd run of backslashes before the character ends in an identity escape (the character
  // itself): that backslash goes, or the new escape would read as a backslash and a `u`.
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Where the JSON value that starts at `start` ends (one past its last character). ajv writes
 * schema constants as JSON: objects, arrays, double-quoted strings with backslash escapes, and
 * scalars that contain no `;`.
 */
function jsonEnd(code, start) {
  if (code[start] !== '{' && code[start] !== '[') {
    const semi = code.indexOf(';', start);
    return semi < 0 ? code.length : semi;
  }
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      for (i++; code[i] !== '"'; i++) if (code[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('validator code: a schema constant does not end');
}

/**
 * The code without the `const schemaN = <JSON>;` declarations whose name appears nowhere else.
 * ajv declares the schema of every `$ref` target it compiles, read or not: the Deployment
 * validator carried 94 unread ones (55 of its 389 KB, among them a 34 KB copy of the whole
 * schema), which V8 built as objects every time the module loaded.
 */
function withoutUnusedSchemas(code) {
  const declaration = /const (schema\d+) = /g;
  let out = '';
  let copied = 0;
  for (let m; (m = declaration.exec(code)); ) {
    const end = jsonEnd(code, m.index + m[0].length);
    if (code[end] !== ';') throw new Error(`validator code: ${m[1]} is not followed by ;`);
    const uses = code.match(new RegExp(`\\b${m[1]}\\b`, 'g')).length;
    if (uses > 1) continue;
    out += code.slice(copied, m.index);
    copied = end + 1;
    declaration.lastIndex = copied;
  }
  return out + code.slice(copied);
}

/** The module text of `validate` (compiled by `ajv` with `code.source`), after a one-line `header` comment. */
function validatorCode(ajv, validate, header) {
  return asciiOnly(`// ${header}\n${withoutUnusedSchemas(standaloneCode(ajv, validate))}\n`);
}

module.exports = { validatorCode, withoutUnusedSchemas, asciiOnly };
