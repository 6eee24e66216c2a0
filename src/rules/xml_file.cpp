#include "nwaudit/rules/xml_file.h"

#include <algorithm>

namespace nwaudit {

XmlFile::XmlFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  const pugi::xml_parse_result result = document_.load_buffer(text_.data(), text_.size());
  well_formed_ = static_cast<bool>(result);
  if (!well_formed_) {
    parse_error_ = Error{ErrorKind::malformed, path_, line_of(result.offset),
                         std::string("not well-formed XML: ") + result.description()};
  }
}

std::string XmlFile::line_of(std::ptrdiff_t offset) const {
  const auto end = text_.begin() + std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text_.size()));
  return "line " + std::to_string(1 + std::count(text_.begin(), end, '\n'));
}

Error XmlFile::error_at(pugi::xml_node node, std::string reason) const {
  return Error{ErrorKind::malformed, path_, line_of(node.offset_debug()), std::move(reason)};
}

}  // namespace nwaudit
