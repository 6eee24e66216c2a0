// Placeholder: the redaction helper replaces this with the real implementation.
#include "nwaudit/redact/redactor.h"

namespace nwaudit::redact {

struct Redactor::State {};

Redactor::Redactor() : state_(new State) {}
Redactor::~Redactor() { delete state_; }
std::string Redactor::file(std::string_view, std::string_view bytes) { return std::string(bytes); }
std::string Redactor::path(std::string_view mac_path) { return std::string(mac_path); }
void Redactor::facts(pugi::xml_document&) {}
std::string Redactor::text(std::string_view text) { return std::string(text); }
std::vector<RedactedKind> Redactor::kinds() const { return {}; }

}  // namespace nwaudit::redact
