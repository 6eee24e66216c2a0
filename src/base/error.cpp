#include "nwaudit/base/error.h"

namespace nwaudit {

std::string Error::where() const {
  if (line == 0) return location;
  std::string text = "line " + std::to_string(line);
  if (!location.empty()) text += ", " + location;
  return text;
}

std::string Error::describe() const {
  std::string text = path.empty() ? std::string("(unnamed input)") : path;
  if (const std::string place = where(); !place.empty()) text += ": " + place;
  text += ": " + reason;
  return text;
}

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::not_found: return "not-found";
    case ErrorKind::permission_denied: return "permission-denied";
    case ErrorKind::wrong_type: return "wrong-type";
    case ErrorKind::too_large: return "too-large";
    case ErrorKind::link_loop: return "link-loop";
    case ErrorKind::malformed: return "malformed";
    case ErrorKind::io: return "io-error";
  }
  return "io-error";
}

}  // namespace nwaudit
