#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "nwaudit/base/expected.h"

namespace nwaudit {

// Runs a program (argv[0] is an absolute path; no shell, no PATH lookup) with standard input
// from /dev/null, and returns its standard output. An Error (ErrorKind::io, path = argv[0] and
// its arguments) when it cannot start, runs longer than `timeout` (it and its process group
// are killed), writes more than `max_output` bytes, is killed by a signal, or exits non-zero
// (the reason quotes the first line it wrote to standard error).
Expected<std::string> run_command(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                                  std::size_t max_output);

}  // namespace nwaudit
