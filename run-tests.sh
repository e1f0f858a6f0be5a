#!/usr/bin/env bash
# Builds the agent and runs every test: unit, instrumentation (real libraries, agent attached),
# smoke tests (forked JVMs with the packaged agent jar) and the example's tests.
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B -ntp verify "$@"
