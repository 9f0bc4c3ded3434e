#!/usr/bin/env bash
# The project's test command: every test, the ones that drive the Docker engine included.
# Exits with dotnet test's code and closes with one line of totals over all test projects.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# The engine tests need a running engine, and build their own tiny image from busybox-static,
# which this also installs when missing.
scripts/ensure-docker.sh
# The crash-safety engine test runs the real pipeline in the wine/*:0.1 step images (the version
# the orchestrator defaults to): built here when one is missing, in 2 to 5 minutes.
IMAGE_PREFIX=wine ./build-task-images.sh --if-missing 0.1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# The classic console output, so that each test project ends with its "Passed!/Failed!" line.
dotnet test WinePipeline.slnx -c Release -tl:off 2>&1 | tee "$log" || status=$?

# e.g. "Passed!  - Failed:     0, Passed:    42, Skipped:     1, Total:    43, Duration: ..."; a project that
# did not build has no such line, so its compiler errors are counted and named before the totals.
awk -F'[:,]' '/^(Passed|Failed)! +- Failed:/ { failed += $2; passed += $4; skipped += $6 }
  / error [A-Z]+[0-9]+: / && !seen[$0]++ { errors++; if (!first) first = $0 }
  END {
    if (errors) printf "test.sh: the build failed (%d errors), so the projects that did not build ran no tests; the first error:\n%s\n", errors, first
    printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped
  }' "$log"
exit "$status"
