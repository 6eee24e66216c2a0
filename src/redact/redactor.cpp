#include "nwaudit/redact/redactor.h"

#include <cstdint>
#include <cstring>

#include "capture_redaction.h"
#include "facts_redaction.h"
#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/write_xml.h"
#include "nwaudit/facts/snapshot_layout.h"
#include "plist_redaction.h"
#include "relay_preferences_redaction.h"
#include "pseudonyms.h"
#include "text_scan.h"

namespace nwaudit::redact {
namespace {

constexpr std::string_view kProfilesCapture = "profiles.xml";
constexpr std::string_view kComputerLevel = "_computerlevel";

bool is_property_list(std::string_view bytes) {
  if (bytes.starts_with("bplist")) return true;
  const std::size_t start = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string_view::npos) return false;
  const std::string_view head = bytes.substr(start, 64);
  return head.starts_with("<?xml") || head.starts_with("<plist") || head.starts_with("<!DOCTYPE plist");
}

bool is_mach_o(std::string_view bytes) {
  if (bytes.size() < 4) return false;
  std::uint32_t magic = 0;
  std::memcpy(&magic, bytes.data(), sizeof magic);
  for (std::uint32_t known : {0xFEEDFACEu, 0xFEEDFACFu, 0xCAFEBABEu, 0xCAFEBABFu}) {
    if (magic == known || magic == __builtin_bswap32(known)) return true;
  }
  return false;
}

std::string_view file_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// `profiles show -output stdout-xml` keys each user's profiles by the user's short name.
void redact_profile_owners(plist::Value& root, Pseudonyms& names) {
  plist::Dictionary* owners = root.dictionary();
  if (owners == nullptr) return;
  plist::Dictionary renamed;
  for (auto& [owner, profiles] : *owners) {
    renamed.emplace(owner == kComputerLevel ? owner : names.of(Kind::user, owner), std::move(profiles));
  }
  *owners = std::move(renamed);
}

}  // namespace

struct Redactor::State {
  Pseudonyms names;
};

Redactor::Redactor() : state_(new State) {}
Redactor::~Redactor() { delete state_; }

std::string Redactor::file(std::string_view mac_path, std::string_view bytes) {
  Pseudonyms& names = state_->names;
  const std::string_view name = file_name(mac_path);
  if (is_property_list(bytes)) {
    if (auto value = plist::parse(bytes, mac_path)) {
      if (name == kProfilesCapture) redact_profile_owners(*value, names);
      if (is_relay_preferences(name)) keep_only_relay_status(*value);
      redact_plist(*value, names);
      return plist::write_xml(*value);
    }
    // A broken property list stays broken, so that its audit says so; its readable text is redacted.
    return redact_text(bytes, names);
  }
  if (is_mach_o(bytes)) return std::string(bytes);  // a vendor's code: the same on every Mac
  if (mac_path == collector::capture_path("net.api_stats")) return std::string(bytes);  // counters only
  if (mac_path.starts_with("/etc/pf")) return redact_pf_text(bytes, names);
  return redact_capture(name, bytes, names);
}

std::string Redactor::path(std::string_view mac_path) { return redact_path(mac_path, state_->names); }

void Redactor::facts(pugi::xml_document& facts) { redact_facts(facts, state_->names); }

std::string Redactor::text(std::string_view text) { return redact_text(text, state_->names); }

std::vector<RedactedKind> Redactor::kinds() const { return state_->names.kinds(); }

}  // namespace nwaudit::redact
