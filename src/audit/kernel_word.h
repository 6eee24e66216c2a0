#pragma once

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "nwaudit/rules/finding.h"

namespace nwaudit {

// What the kernel's captured state says about user-space networking for the whole Mac:
// net.filter_state (the filters that switch it off) and enable_netagent (its switch); without
// them, the flow switches' flows (skywalkctl flow): a flow a process owns is a user-space flow
// in use, which only happens with user-space networking on.
struct KernelWord {
  bool read = false;           // both sysctls were captured, or flows show user space in use
  bool user_space_on = false;  // enable_netagent 1 and no filter in net.filter_state, or user-space flows
  std::string state;           // "net.filter_state empty, enable_netagent 1", for sentences
  // The flow table, when captured: it can show user space in use; it cannot prove it off (an idle
  // Mac has no user-space flows), but none beside kernel flows fits sockets.
  bool flows_read = false;
  std::size_t user_space_flows = 0;
  std::size_t kernel_flows = 0;
  std::string flows;  // "skywalkctl flow: 3 user-space flows (apsd, nsurlsessiond and 1 more), 2 kernel flows"
};

KernelWord kernel_word(pugi::xml_node facts);

// Marks each finding that predicts sockets for every connection, from anything but the kernel's
// own state, as contradicted when the kernel says user-space networking is on.
// Returns how many it marked.
std::size_t mark_contradicted_by_kernel(std::vector<Finding>& findings, const KernelWord& kernel);

}  // namespace nwaudit
