#include "nwaudit/rules/xml_file.h"

#include <algorithm>

namespace nwaudit {

XmlFile::XmlFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  const pugi::xml_parse_result result = document_.load_buffer(text_.data(), text_.size());
  well_formed_ = static_cast<bool>(result);
  if (!well_formed_) {
    parse_error_ = Error{ErrorKind::malformed, path_, "line " + std::to_string(line_at(result.offset)),
                         std::string("not well-formed XML: ") + result.description()};
  }
}

std::size_t XmlFile::line_at(std::ptrdiff_t offset) const {
  const auto end = text_.begin() + std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text_.size()));
  return 1 + static_cast<std::size_t>(std::count(text_.begin(), end, '\n'));
}

Error XmlFile::error_at(pugi::xml_node node, std::string reason) const {
  return Error{ErrorKind::malformed, path_, "line " + std::to_string(line_of(node)), std::move(reason)};
}

}  // namespace nwaudit
