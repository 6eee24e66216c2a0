#include "nwaudit/capture/ifconfig_capture.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <utility>

namespace nwaudit::capture {
namespace {

// The bits behind the names ifconfig prints (network_cmds ifconfig.c: IFEFBITS, IFXFBITS, IFCAPBITS)
// and NETAGENT_FLAG_NEXUS_PROVIDER. An older ifconfig may print a bit without knowing its name.
constexpr std::uint64_t kEflagTxStart = 0x80;
constexpr std::uint64_t kEflagChannelDriver = 0x04000000;
constexpr std::uint64_t kXflagNoAutoNexus = 0x4;
constexpr std::uint64_t kXflagLegacy = 0x8;
constexpr std::uint64_t kXflagAllocKpi = 0x40;
constexpr std::uint64_t kXflagLowLatency = 0x400;
constexpr std::uint64_t kCapabilityChannelIo = 0x400;
constexpr std::uint32_t kAgentNexusProvider = 0x80;

bool has_flag(const std::optional<FlagBits>& bits, std::string_view name, std::uint64_t bit) {
  return bits && (bits->has(name) || (bits->value & bit) != 0);
}

bool is_interface_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
  });
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_position ? text[i] != '-' : std::isxdigit(static_cast<unsigned char>(text[i])) == 0) return false;
  }
  return true;
}

std::optional<std::uint32_t> parse_u32(std::string_view text) {
  const auto value = parse_integer(text);
  if (!value || *value < 0 || *value > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
  return static_cast<std::uint32_t>(*value);
}

// The rest of the line after `key`, trimmed, when the line starts with it.
std::optional<std::string_view> value_after(std::string_view line, std::string_view key) {
  line = trim(line);
  if (!line.starts_with(key)) return std::nullopt;
  return trim(line.substr(key.size()));
}

// "en0: flags=8863<...> mtu 1500 index 11": the first line of a block, however it is indented.
bool is_header(const std::vector<std::string_view>& fields) {
  return fields.size() >= 2 && fields[0].size() >= 2 && fields[0].back() == ':' &&
         is_interface_name(fields[0].substr(0, fields[0].size() - 1)) && fields[1].starts_with("flags=");
}

// ifconfig -vv appends the numbers: "Wi-Fi (0x6) family: 2 subfamily: 3".
std::string_view type_name(std::string_view value) {
  return trim(value.substr(0, std::min(value.find(" ("), value.find(" family:"))));
}

// agent domain:%s type:%s flags:0x%x desc:"%s" (network_cmds ifconfig.c); the description may hold
// anything, so each marker is looked for after the one before.
std::optional<NetworkAgent> parse_agent(std::string_view text) {
  constexpr std::string_view kDomain = "agent domain:", kType = " type:", kFlags = " flags:", kDesc = " desc:";
  text = trim(text);
  const auto type_at = text.find(kType);
  const auto flags_at = type_at == std::string_view::npos ? type_at : text.find(kFlags, type_at);
  if (!text.starts_with(kDomain) || flags_at == std::string_view::npos) return std::nullopt;
  const auto desc_at = text.find(kDesc, flags_at);
  const auto flags = parse_hex(trim(text.substr(flags_at + kFlags.size(), desc_at - flags_at - kFlags.size())));
  if (!flags || *flags > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;

  NetworkAgent agent;
  agent.domain = text.substr(kDomain.size(), type_at - kDomain.size());
  agent.type = text.substr(type_at + kType.size(), flags_at - type_at - kType.size());
  agent.flags = static_cast<std::uint32_t>(*flags);
  if (desc_at != std::string_view::npos) {
    std::string_view desc = text.substr(desc_at + kDesc.size());
    if (desc.starts_with('"')) desc.remove_prefix(1);
    if (desc.ends_with('"')) desc.remove_suffix(1);
    agent.description = desc;
  }
  return agent;
}

enum class Field { none, eflags, xflags, options, type, netif, flowswitch, agent, member, status, inet, inet6 };

Field field_of(const std::vector<std::string_view>& fields) {
  if (fields.empty()) return Field::none;
  const std::string_view key = fields[0];
  if (key.starts_with("eflags=")) return Field::eflags;
  if (key.starts_with("xflags=")) return Field::xflags;
  if (key.starts_with("options=")) return Field::options;
  if (key == "agent" && fields.size() > 1 && fields[1].starts_with("domain:")) return Field::agent;
  static constexpr std::pair<std::string_view, Field> kKeys[] = {
      {"type:", Field::type},     {"netif:", Field::netif},   {"flowswitch:", Field::flowswitch},
      {"member:", Field::member}, {"status:", Field::status}, {"inet", Field::inet},
      {"inet6", Field::inet6},
  };
  for (const auto& [name, field] : kKeys) {
    if (key == name) return field;
  }
  return Field::none;
}

// The flag words of one interface block, which its booleans are derived from.
struct FlagWords {
  std::optional<FlagBits> eflags;
  std::optional<FlagBits> xflags;
  std::optional<FlagBits> options;
};

void derive(IfconfigInterface& interface, const FlagWords& words) {
  for (const NetworkAgent& agent : interface.agents) {
    if (agent.domain != "Skywalk" || agent.type != "FlowSwitch") continue;
    interface.skywalk_flowswitch_agent = true;
    interface.nexus_provider = interface.nexus_provider || (agent.flags & kAgentNexusProvider) != 0;
  }
  interface.txstart = has_flag(words.eflags, "TXSTART", kEflagTxStart);
  interface.native = has_flag(words.eflags, "CHANNEL_DRV", kEflagChannelDriver);
  interface.channel_io = has_flag(words.options, "CHANNEL_IO", kCapabilityChannelIo);
  interface.no_auto_nexus = has_flag(words.xflags, "NOAUTONX", kXflagNoAutoNexus);
  interface.legacy = has_flag(words.xflags, "LEGACY", kXflagLegacy);
  interface.allocated_by_kpi = has_flag(words.xflags, "ALLOCKPI", kXflagAllocKpi);
  interface.low_latency = has_flag(words.xflags, "LOWLAT", kXflagLowLatency);
}

class IfconfigParser {
 public:
  IfconfigCapture parse(std::string_view text);

 private:
  void start_block(const Line& line, const std::vector<std::string_view>& fields);
  bool read_route_line(const std::vector<std::string_view>& fields);
  void read_field(const Line& line, const std::vector<std::string_view>& fields);
  std::optional<FlagBits> flag_word(const Line& line, std::string_view field);
  void problem(const Line& line, std::string reason) {
    capture_.problems.push_back(line_problem(line.number, std::move(reason)));
  }
  void finish();

  IfconfigCapture capture_;
  std::vector<FlagWords> words_;         // one per interface in capture_
  std::string default_route_interface_;  // empty without a `route -n get default` block
  bool in_block_ = false;  // capture_.interfaces.back() is the block being read
  bool in_route_ = false;
  bool route_is_default_ = false;
};

IfconfigCapture IfconfigParser::parse(std::string_view text) {
  // A pasted "ifconfig -v" or "host:~ user$ route -n get default" line is neither a header nor a
  // collected field, so it is skipped with the other lines.
  for (const Line& line : split_lines(text)) {
    const auto fields = split_fields(line.text);
    if (is_header(fields)) {
      start_block(line, fields);
    } else if (!read_route_line(fields)) {
      read_field(line, fields);
    }
  }
  finish();
  return std::move(capture_);
}

void IfconfigParser::start_block(const Line& line, const std::vector<std::string_view>& fields) {
  in_route_ = false;
  in_block_ = true;
  IfconfigInterface& interface = capture_.interfaces.emplace_back();
  words_.emplace_back();
  interface.name = fields[0].substr(0, fields[0].size() - 1);
  for (std::size_t i = 2; i < fields.size(); ++i) {
    if (fields[i] == "index") interface.verbose = true;
    if (fields[i] != "mtu") continue;  // also "metric N", "rtref N", "constrained"
    const std::string_view number_text = i + 1 < fields.size() ? fields[++i] : std::string_view();
    interface.mtu = parse_u32(number_text);
    if (!interface.mtu) problem(line, "mtu " + quoted_excerpt(number_text) + " is not a number");
  }
}

// `route -n get default` prints right-aligned "key: value" lines, "route to:" first; every line up to
// the next interface header belongs to it. "route to: 1.1.1.1" resolved through the default route
// says "destination: default", which counts too.
bool IfconfigParser::read_route_line(const std::vector<std::string_view>& fields) {
  if (fields.size() >= 2 && fields[0] == "route" && fields[1] == "to:") {
    in_route_ = true;
    in_block_ = false;
    route_is_default_ = fields.size() > 2 && fields[2] == "default";
    return true;
  }
  if (!in_route_) return false;
  if (fields.size() == 2 && fields[0] == "destination:") {
    route_is_default_ = route_is_default_ || fields[1] == "default";
  } else if (fields.size() == 2 && fields[0] == "interface:" && route_is_default_) {
    default_route_interface_ = fields[1];
  }
  return true;
}

std::optional<FlagBits> IfconfigParser::flag_word(const Line& line, std::string_view field) {
  auto bits = parse_flag_bits(field.substr(field.find('=') + 1));
  if (!bits) problem(line, "not a flag word (hex<NAME,...>): " + quoted_excerpt(field));
  return bits;
}

void IfconfigParser::read_field(const Line& line, const std::vector<std::string_view>& fields) {
  const Field field = field_of(fields);
  if (field == Field::none) return;  // ifconfig prints much more than is collected here
  if (!in_block_) {
    problem(line, quoted_excerpt(fields[0]) + " line with no interface header above it");
    return;
  }
  IfconfigInterface& interface = capture_.interfaces.back();
  FlagWords& words = words_.back();
  const std::string_view value = fields.size() > 1 ? fields[1] : std::string_view();
  switch (field) {
    case Field::eflags: words.eflags = flag_word(line, fields[0]); break;
    case Field::xflags: words.xflags = flag_word(line, fields[0]); break;
    case Field::options: words.options = flag_word(line, fields[0]); break;
    case Field::type: interface.type = type_name(*value_after(line.text, "type:")); break;
    case Field::netif:
    case Field::flowswitch:
      if (fields.size() != 2 || !is_uuid(value)) {
        problem(line, "not a UUID after " + std::string(fields[0]));
      } else {
        (field == Field::netif ? interface.has_netif : interface.has_flowswitch) = true;
      }
      break;
    case Field::agent:
      if (auto agent = parse_agent(line.text)) {
        interface.agents.push_back(std::move(*agent));
      } else {
        problem(line, "agent line without a type or a hex flags value");
      }
      break;
    case Field::member:
      if (is_interface_name(value)) {
        interface.bridge_members.emplace_back(value);
      } else {
        problem(line, "member line without an interface name");
      }
      break;
    case Field::status: interface.status = *value_after(line.text, "status:"); break;
    case Field::inet: if (!value.empty()) interface.inet.emplace_back(value); break;
    case Field::inet6: if (!value.empty()) interface.inet6.emplace_back(value); break;
    case Field::none: break;
  }
}

void IfconfigParser::finish() {
  for (std::size_t i = 0; i < capture_.interfaces.size(); ++i) {
    IfconfigInterface& interface = capture_.interfaces[i];
    derive(interface, words_[i]);
    interface.carries_default_route = interface.name == default_route_interface_;
  }
  // By name, the first block of each: a lookup per bridge member, not a scan.
  std::map<std::string_view, IfconfigInterface*> by_name;
  for (IfconfigInterface& interface : capture_.interfaces) by_name.emplace(interface.name, &interface);
  for (const IfconfigInterface& bridge : capture_.interfaces) {
    for (const std::string& member : bridge.bridge_members) {
      if (auto found = by_name.find(member); found != by_name.end()) found->second->member_of_bridge = bridge.name;
    }
  }
}

}  // namespace

IfconfigCapture parse_ifconfig(std::string_view text) { return IfconfigParser().parse(text); }

}  // namespace nwaudit::capture
