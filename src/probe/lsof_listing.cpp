#include "nwaudit/probe/lsof_listing.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace nwaudit::capture {
namespace {

// Where FD and TYPE sit among a row's fields: macOS prints COMMAND PID USER FD TYPE ...
struct Columns {
  std::size_t fd = 3;
  std::size_t type = 4;
};

std::optional<Columns> header_columns(const std::vector<std::string_view>& fields) {
  if (fields.empty() || fields[0] != "COMMAND") return std::nullopt;
  const auto fd = std::find(fields.begin(), fields.end(), "FD");
  const auto type = std::find(fields.begin(), fields.end(), "TYPE");
  if (fd == fields.end() || type != fd + 1) return std::nullopt;
  return Columns{static_cast<std::size_t>(fd - fields.begin()), static_cast<std::size_t>(type - fields.begin())};
}

// A descriptor's FD column is its number, then its access mode and lock ("3", "252u", "7r");
// cwd, txt, mem and the like are not descriptors.
bool is_descriptor(std::string_view fd) {
  const auto digits = std::find_if_not(fd.begin(), fd.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (digits == fd.begin()) return false;
  const std::string_view rest(digits, fd.end());
  return rest.size() <= 2 && std::all_of(rest.begin(), rest.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == ' '; });
}

// "lsof -p 84766" or "sudo lsof -p 31970" typed above the output, without a prompt.
bool is_lsof_command(const std::vector<std::string_view>& fields) {
  const std::size_t program = !fields.empty() && fields[0] == "sudo" ? 1 : 0;
  return fields.size() > program && fields[program] == "lsof" &&
         (fields.size() == program + 1 || fields[program + 1].starts_with('-'));
}

bool is_one_of(std::string_view value, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

// For IPv4/IPv6 rows the NODE column names the protocol; DEVICE and SIZE/OFF come before it
// and may be blank.
std::string_view internet_protocol(const std::vector<std::string_view>& fields, std::size_t type) {
  const std::size_t last = std::min(fields.size(), type + 4);
  for (std::size_t i = type + 1; i < last; ++i) {
    if (is_one_of(fields[i], {"TCP", "UDP"})) return fields[i];
  }
  return {};
}

void count(const std::vector<std::string_view>& fields, std::size_t type_column, DescriptorCensus& census) {
  const std::string_view type = fields[type_column];
  ++census.total;
  if (type == "IPv4" || type == "IPv6") {
    const std::string_view protocol = internet_protocol(fields, type_column);
    if (protocol == "TCP") ++census.tcp;
    else if (protocol == "UDP") ++census.udp;
    else ++census.other_sockets;
  } else if (is_one_of(type, {"unix", "systm", "key", "rte", "ndrv", "sock", "vsock", "raw"})) {
    ++census.other_sockets;
  } else if (type == "NPOLICY") {
    ++census.npolicy;
  } else if (type == "CHAN") {
    ++census.channels;
    if (type_column + 1 < fields.size() && fields[type_column + 1] == "flowsw") ++census.flowswitch_channels;
  } else if (is_one_of(type, {"REG", "DIR", "CHR", "BLK", "FIFO", "LINK", "VREG", "VDIR", "VCHR", "VBLK", "VFIFO", "VLNK"})) {
    ++census.files;
  } else {
    ++census.other;
  }
}

}  // namespace

LsofListing parse_lsof(std::string_view text) {
  LsofListing listing;
  Columns columns;
  for (const Line& line : split_lines(text)) {
    const auto fields = split_fields(line.text);
    if (auto header = header_columns(fields)) {
      columns = *header;
      continue;
    }
    if (fields.empty() || fields[0].starts_with("lsof:") || is_lsof_command(fields)) continue;
    if (fields.size() <= columns.type) {
      listing.problems.push_back(line_problem(line.number, "not an lsof row: " + quoted_excerpt(line.text)));
      continue;
    }
    std::string process = std::string(fields[0]) + " " + std::string(fields[1]);
    if (std::find(listing.processes.begin(), listing.processes.end(), process) == listing.processes.end()) {
      listing.processes.push_back(std::move(process));
    }
    if (is_descriptor(fields[columns.fd])) count(fields, columns.type, listing.census);
  }
  return listing;
}

}  // namespace nwaudit::capture
