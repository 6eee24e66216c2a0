#!/bin/sh
# The README's test command and .ci/run must stay the same command.
top=$1
command=$(grep -v '^#' "$top/.ci/run" | grep -v '^set ' | grep -v '^cd ' | grep -v '^$')
if grep -qxF -- "$command" "$top/README.md"; then
  echo "README.md carries the test command of .ci/run"
  exit 0
fi
echo "FAIL: README.md does not contain, on a line of its own, the command .ci/run runs:"
echo "  $command"
exit 1
