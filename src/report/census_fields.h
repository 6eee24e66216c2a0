#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "nwaudit/probe/census.h"

namespace nwaudit::report {

// One count of a DescriptorCensus, as each format names it.
struct CensusField {
  std::string_view key;          // the JSON key
  std::string_view label;        // in running text: "other sockets"
  std::string_view table_label;  // in a table row: "Other sockets"
  std::uint64_t DescriptorCensus::*count;
  bool part_of_previous;         // a subset of the field before it (flow-switch channels of channels)
};

// Every count, in the order every format shows them.
inline constexpr std::array<CensusField, 9> kCensusFields{{
    {"tcp", "TCP", "TCP sockets", &DescriptorCensus::tcp, false},
    {"udp", "UDP", "UDP sockets", &DescriptorCensus::udp, false},
    {"other_sockets", "other sockets", "Other sockets", &DescriptorCensus::other_sockets, false},
    {"npolicy", "NECP", "NECP descriptors (NPOLICY)", &DescriptorCensus::npolicy, false},
    {"channels", "channels", "Skywalk channels (CHAN)", &DescriptorCensus::channels, false},
    {"flowswitch_channels", "flow-switch", "of which flow-switch", &DescriptorCensus::flowswitch_channels, true},
    {"files", "files", "Files", &DescriptorCensus::files, false},
    {"other", "other", "Other", &DescriptorCensus::other, false},
    {"total", "total", "Total", &DescriptorCensus::total, false},
}};

}  // namespace nwaudit::report
