#include "nwaudit/base/xml_file.h"

#include <algorithm>

namespace nwaudit {

XmlFile::XmlFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  for (std::size_t at = text_.find('\n'); at != std::string::npos; at = text_.find('\n', at + 1)) {
    line_ends_.push_back(at);
  }
}

Expected<XmlFile> XmlFile::parse(std::string path, std::string text) {
  XmlFile file(std::move(path), std::move(text));
  const pugi::xml_parse_result result = file.document_.load_buffer(file.text_.data(), file.text_.size());
  if (!result) {
    return Error{ErrorKind::malformed, file.path_, {}, std::string("not well-formed XML: ") + result.description(),
                 file.line_at(result.offset)};
  }
  return file;
}

std::size_t XmlFile::line_at(std::ptrdiff_t offset) const {
  const auto before = static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0));
  return 1 + static_cast<std::size_t>(std::lower_bound(line_ends_.begin(), line_ends_.end(), before) - line_ends_.begin());
}

Error XmlFile::error_at(pugi::xml_node node, std::string reason) const {
  return Error{ErrorKind::malformed, path_, {}, std::move(reason), line_of(node)};
}

}  // namespace nwaudit
