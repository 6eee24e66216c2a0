#include "nwaudit/plist/keyed_archive.h"

#include <vector>

#include "nwaudit/limits.h"
#include "plist/iso8601.h"

namespace nwaudit::plist {
namespace {

std::string uuid_text(const Data& bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string text;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += kDigits[bytes[i] >> 4];
    text += kDigits[bytes[i] & 0xF];
  }
  return text;
}

class Decoder {
 public:
  Decoder(const Array& objects, const std::string& name)
      : objects_(objects), name_(name), open_(objects.size(), false) {}

  // nullopt means the value is "$null".
  Expected<std::optional<Value>> decode(const Value& value, const std::string& where, std::size_t depth) {
    if (++values_ > limits::kMaxPlistValues) {
      return fail(ErrorKind::too_large, where, "decodes to more than " + std::to_string(limits::kMaxPlistValues) + " values");
    }
    const std::optional<Uid> uid = value.uid();
    if (!uid) return std::optional<Value>(value);
    if (uid->index >= objects_.size()) {
      return fail(ErrorKind::malformed, where,
                  "UID " + std::to_string(uid->index) + " refers past the " + std::to_string(objects_.size()) + " objects");
    }
    const auto index = static_cast<std::size_t>(uid->index);
    const Value& object = objects_[index];
    if (const std::string* text = object.string(); text != nullptr && *text == "$null") return std::optional<Value>();
    if (object.dictionary() == nullptr) {
      if (object.uid()) return fail(ErrorKind::malformed, where, "object " + std::to_string(index) + " is a bare UID");
      return std::optional<Value>(object);
    }
    if (depth >= limits::kMaxNestingDepth) {
      return fail(ErrorKind::too_large, where,
                  "nested deeper than " + std::to_string(limits::kMaxNestingDepth) + " objects");
    }
    if (open_[index]) return fail(ErrorKind::malformed, where, "object " + std::to_string(index) + " contains itself (cycle)");
    open_[index] = true;
    auto decoded = decode_object(object, where + "<" + std::to_string(index) + ">", depth + 1);
    open_[index] = false;
    if (!decoded) return std::move(decoded).error();
    return std::optional<Value>(std::move(*decoded));
  }

 private:
  Error fail(ErrorKind kind, const std::string& where, std::string reason) const {
    return Error{kind, name_, where, std::move(reason)};
  }

  // An array of references, decoded; "$null" members are dropped.
  Expected<Array> decode_list(const Value* list, const std::string& where, std::size_t depth) {
    if (list == nullptr || list->array() == nullptr) return fail(ErrorKind::malformed, where, "is not an array");
    Array items;
    items.reserve(list->array()->size());
    std::size_t position = 0;
    for (const Value& member : *list->array()) {
      auto item = decode(member, where + "[" + std::to_string(position++) + "]", depth);
      if (!item) return std::move(item).error();
      if (*item) items.push_back(std::move(**item));
    }
    return items;
  }

  Expected<std::string> class_name(const Value& object, const std::string& where) const {
    const Value* reference = object.find("$class");
    if (reference == nullptr) return std::string();
    const std::optional<Uid> uid = reference->uid();
    if (!uid || uid->index >= objects_.size()) return fail(ErrorKind::malformed, where, "$class is not a valid UID");
    const Value* name = objects_[static_cast<std::size_t>(uid->index)].find("$classname");
    if (name == nullptr || name->string() == nullptr) {
      return fail(ErrorKind::malformed, where, "$class has no $classname");
    }
    return *name->string();
  }

  Expected<Value> decode_object(const Value& object, const std::string& where, std::size_t depth) {
    auto name = class_name(object, where);
    if (!name) return std::move(name).error();

    const Value* keys = object.find("NS.keys");
    const Value* members = object.find("NS.objects");
    if (keys != nullptr) {
      auto key_list = decode_list(keys, where + ".NS.keys", depth);
      if (!key_list) return std::move(key_list).error();
      auto value_list = decode_list(members, where + ".NS.objects", depth);
      if (!value_list) return std::move(value_list).error();
      if (key_list->size() != value_list->size()) {
        return fail(ErrorKind::malformed, where, "NS.keys and NS.objects differ in length");
      }
      Dictionary entries;
      for (std::size_t i = 0; i < key_list->size(); ++i) {
        const std::string* key = (*key_list)[i].string();
        if (key == nullptr) return fail(ErrorKind::malformed, where, "a key in NS.keys is not a string");
        entries.insert_or_assign(*key, std::move((*value_list)[i]));
      }
      return Value(std::move(entries));
    }
    if (members != nullptr) {
      auto items = decode_list(members, where + ".NS.objects", depth);
      if (!items) return std::move(items).error();
      return Value(std::move(*items));
    }
    if (const Value* text = object.find("NS.string")) {
      auto decoded = decode(*text, where + ".NS.string", depth);
      if (!decoded) return std::move(decoded).error();
      if (!*decoded || (*decoded)->string() == nullptr) return fail(ErrorKind::malformed, where, "NS.string is not a string");
      return std::move(**decoded);
    }
    for (const char* field : {"NS.bytes", "NS.data"}) {
      if (const Value* bytes = object.find(field)) {
        auto decoded = decode(*bytes, where + "." + field, depth);
        if (!decoded) return std::move(decoded).error();
        if (!*decoded || (*decoded)->data() == nullptr) return fail(ErrorKind::malformed, where, std::string(field) + " is not data");
        return std::move(**decoded);
      }
    }
    if (const Value* bytes = object.find("NS.uuidbytes")) {
      if (bytes->data() == nullptr || bytes->data()->size() != 16) {
        return fail(ErrorKind::malformed, where, "NS.uuidbytes is not 16 bytes of data");
      }
      return Value(uuid_text(*bytes->data()));
    }
    if (const Value* time = object.find("NS.time")) {
      const std::optional<double> seconds = time->real();
      if (!seconds) return fail(ErrorKind::malformed, where, "NS.time is not a number");
      return Value(Date{kAppleEpochUnixSeconds + *seconds});
    }

    Dictionary fields;
    for (const auto& [key, member] : *object.dictionary()) {
      if (key == "$class") continue;
      auto decoded = decode(member, where + "." + key, depth);
      if (!decoded) return std::move(decoded).error();
      if (*decoded) fields.insert_or_assign(key, std::move(**decoded));
    }
    if (!name->empty()) fields.insert_or_assign("$classname", Value(std::move(*name)));
    return Value(std::move(fields));
  }

  const Array& objects_;
  const std::string& name_;
  std::vector<bool> open_;  // objects being decoded on the current path
  std::size_t values_ = 0;
};

}  // namespace

Expected<KeyedArchive> KeyedArchive::open(const Value& root, std::string_view name) {
  auto fail = [&](std::string reason) {
    return Error{ErrorKind::malformed, std::string(name), {}, "not a keyed archive: " + std::move(reason)};
  };
  const Value* archiver = root.find("$archiver");
  if (archiver == nullptr || archiver->string() == nullptr) return fail("no $archiver");
  const Value* objects = root.find("$objects");
  if (objects == nullptr || objects->array() == nullptr) return fail("no $objects array");
  const Value* top = root.find("$top");
  if (top == nullptr || top->dictionary() == nullptr) return fail("no $top dictionary");
  return KeyedArchive(*objects->array(), *top->dictionary(), name);
}

Expected<Value> KeyedArchive::decode(const Value& value, const std::string& where) const {
  Decoder decoder(*objects_, name_);
  auto decoded = decoder.decode(value, where, 0);
  if (!decoded) return std::move(decoded).error();
  if (!*decoded) return Error{ErrorKind::not_found, name_, where, "is $null"};
  return std::move(**decoded);
}

Expected<Value> KeyedArchive::decode_top() const {
  Decoder decoder(*objects_, name_);
  Dictionary entries;
  for (const auto& [key, value] : *top_) {
    auto decoded = decoder.decode(value, "$top." + key, 0);
    if (!decoded) return std::move(decoded).error();
    if (*decoded) entries.insert_or_assign(key, std::move(**decoded));
  }
  return Value(std::move(entries));
}

}  // namespace nwaudit::plist
