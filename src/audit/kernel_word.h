#pragma once

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "nwaudit/rules/finding.h"

namespace nwaudit {

// What the kernel's captured state says about user-space networking for the whole Mac:
// net.filter_state (the filters that switch it off) and enable_netagent (its switch).
struct KernelWord {
  bool read = false;           // both were captured
  bool user_space_on = false;  // enable_netagent 1 and no filter in net.filter_state
  std::string state;           // "net.filter_state empty, enable_netagent 1", for sentences
};

KernelWord kernel_word(pugi::xml_node facts);

// Marks each finding that predicts sockets for every connection, from anything but the kernel's
// own state, as contradicted when the kernel says user-space networking is on.
// Returns how many it marked.
std::size_t mark_contradicted_by_kernel(std::vector<Finding>& findings, const KernelWord& kernel);

}  // namespace nwaudit
