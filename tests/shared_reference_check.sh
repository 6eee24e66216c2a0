#!/bin/sh
# Makes the absence of ../shared visible in CTest's summary: without it, the tests that read
# real samples (plists, captures, SARIF schema) skip those parts, and this test is "Skipped".
shared="$1/../shared"
if [ -d "$shared/reference" ] && [ -d "$shared/schemas" ]; then
  echo "../shared is present: real samples and the SARIF schema are used"
  exit 0
fi
echo "SKIPPED: $shared not found; tests ran without the real reference samples and the SARIF schema"
exit 77
