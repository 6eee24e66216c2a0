#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"
#include "nwaudit/probe/census.h"

namespace nwaudit::capture {

// `lsof -p PID` output, as pasted into a ticket: its descriptors counted by kind.
struct LsofListing {
  DescriptorCensus census;
  std::vector<std::string> processes;  // "Test751581 84766", in order of appearance
  std::vector<Error> problems;  // lines that could not be read
};

LsofListing parse_lsof(std::string_view text);

}  // namespace nwaudit::capture
