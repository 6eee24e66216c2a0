#!/bin/sh
# The README's test command must stay the first command .ci/run runs.
top=$1
command=$(grep -v '^#' "$top/.ci/run" | grep -v '^set ' | grep -v '^cd ' | grep -v '^$' | head -n 1)
if grep -qxF -- "$command" "$top/README.md"; then
  echo "README.md carries the test command of .ci/run"
  exit 0
fi
echo "FAIL: README.md does not contain, on a line of its own, the first command .ci/run runs:"
echo "  $command"
exit 1
