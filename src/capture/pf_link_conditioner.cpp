#include "nwaudit/capture/pf_link_conditioner.h"

namespace nwaudit::capture {
namespace {

bool is_at_or_below(std::string_view path, std::string_view anchor) {
  return path.starts_with(anchor) && (path.size() == anchor.size() || path[anchor.size()] == '/');
}

}  // namespace

bool is_link_conditioner_anchor(std::string_view path) {
  return is_at_or_below(path, "com.apple.nlc") || is_at_or_below(path, "com.apple/300.NetworkLinkConditioner");
}

}  // namespace nwaudit::capture
