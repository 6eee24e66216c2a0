#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/base/error.h"
#include "nwaudit/base/xml_file.h"

namespace nwaudit {

// Who makes a component and what kind of network component it is.
struct VendorMatch {
  std::string vendor;
  std::string product;  // may be empty (team IDs name only the vendor)
  std::string kind;     // may be empty
  std::string source;   // where the identifier was seen
  std::string remedy;   // what the vendor provides to remove or replace it; may be empty
};

// The vendor knowledge files (rules/vendors.xml and users' own): bundle identifiers, prefixes
// and team IDs. Later files override earlier ones for the same identifier.
class VendorCatalog {
 public:
  // Adds the entries of a <vendors> file; returns the problems (file and line) and keeps
  // every entry it could read.
  std::vector<Error> add(const XmlFile& file);

  // An exact identifier first, then the longest matching prefix, then the team ID.
  std::optional<VendorMatch> find(std::string_view bundle_id, std::string_view team_id) const;

  std::size_t size() const { return identifiers_.size() + prefixes_.size() + teams_.size(); }

 private:
  // By identifier, prefix or team ID: a later file's entry replaces an earlier one in place.
  using Entries = std::map<std::string, VendorMatch, std::less<>>;
  Entries identifiers_;
  Entries prefixes_;
  Entries teams_;
};

}  // namespace nwaudit
