#include "nwaudit/facts/private_relay_status.h"

#include <string>

#include "nwaudit/plist/keyed_archive.h"
#include "nwaudit/plist/parse.h"

namespace nwaudit::private_relay {

Expected<std::int64_t> service_status(const plist::Value& preferences, std::string_view path) {
  const std::string where = std::string(path) + " " + std::string(kStatusKey);
  const auto fail = [&](ErrorKind kind, std::string reason) { return Error{kind, where, {}, std::move(reason)}; };
  if (preferences.kind() != plist::Kind::dictionary) {
    return fail(ErrorKind::malformed, std::string("the top level is a ") + plist::to_string(preferences.kind()));
  }
  const plist::Value* blob = preferences.find(kStatusKey);
  if (blob == nullptr) return fail(ErrorKind::not_found, "the key is absent");
  const plist::Data* bytes = blob->data();
  if (bytes == nullptr) return fail(ErrorKind::malformed, std::string("a ") + plist::to_string(blob->kind()) + " where data belongs");
  auto archived = plist::parse(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), where);
  if (!archived) return std::move(archived).error();
  auto archive = plist::KeyedArchive::open(*archived, where);
  if (!archive) return std::move(archive).error();
  const auto top = archive->top().find(std::string(kStatusObject));
  if (top == archive->top().end()) return fail(ErrorKind::malformed, "its archive has no $top." + std::string(kStatusObject));
  auto status_object = archive->decode(top->second, "$top." + std::string(kStatusObject));
  if (!status_object) return std::move(status_object).error();
  const plist::Value* status = status_object->find(kStatusField);
  const auto value = status != nullptr ? status->integer() : std::nullopt;
  if (!value) return fail(ErrorKind::malformed, "its status object has no integer " + std::string(kStatusField));
  return *value;
}

}  // namespace nwaudit::private_relay
