#include "plist_redaction.h"

#include <string>
#include <utility>

#include "personal_keys.h"
#include "text_scan.h"

namespace nwaudit::redact {
namespace {

constexpr int kMaxReferenceDepth = 8;

plist::Data bytes_of(std::string_view text) { return plist::Data(text.begin(), text.end()); }

std::string text_of(const plist::Data& data) { return std::string(data.begin(), data.end()); }

// A personal value held as data (IOMACAddress, a raw SSID): its pseudonym's bytes.
std::string data_value_text(Kind kind, const plist::Data& data) {
  if (kind != Kind::mac || data.size() != 6) return text_of(data);
  std::string text;
  for (std::uint8_t byte : data) {
    static constexpr char kHex[] = "0123456789abcdef";
    if (!text.empty()) text += ':';
    text += kHex[byte >> 4];
    text += kHex[byte & 0xF];
  }
  return text;
}

class PlistRedaction {
 public:
  explicit PlistRedaction(Pseudonyms& names) : names_(names) {}

  void run(plist::Value& root) {
    if (plist::Array* objects = archive_objects(root)) redact_archive(*objects);
    walk(root, {});
  }

 private:
  // A keyed archive's $objects, or nullptr for a plain property list.
  static plist::Array* archive_objects(plist::Value& root) {
    plist::Dictionary* top = root.dictionary();
    if (top == nullptr || !top->contains("$archiver")) return nullptr;
    const auto objects = top->find("$objects");
    return objects == top->end() ? nullptr : objects->second.array();
  }

  // Every value of the plist, by the key it is under (an array's members under the array's key).
  void walk(plist::Value& value, std::string_view key) {
    const KeyRule rule = rule_for_key(key);
    if (plist::Dictionary* dictionary = value.dictionary()) {
      plist::Dictionary renamed;
      for (auto& [name, member] : *dictionary) {
        walk(member, name);
        renamed.emplace(redact_text(name, names_), std::move(member));
      }
      *dictionary = std::move(renamed);
    } else if (plist::Array* array = value.array()) {
      for (plist::Value& member : *array) walk(member, key);
    } else if (const std::string* text = value.string()) {
      value = plist::Value(redact_string(rule, *text));
    } else if (const plist::Data* data = value.data()) {
      if (rule.what == KeyKind::personal) {
        value = plist::Value(bytes_of(redact_value(rule.kind, data_value_text(rule.kind, *data), names_)));
      } else if (std::string raw = text_of(*data), redacted = redact_text(raw, names_); redacted != raw) {
        value = plist::Value(bytes_of(redacted));  // an alias or certificate naming a user, an address
      }
    }
  }

  std::string redact_string(const KeyRule& rule, const std::string& text) {
    switch (rule.what) {
      case KeyKind::personal:
      case KeyKind::label: return redact_value(rule.kind, text, names_);
      case KeyKind::url: return redact_server(text, names_);
      case KeyKind::exceptions:
        return text == "*.local" || text == "169.254/16" ? text : redact_server(text, names_);
      case KeyKind::version: names_.keep(text); return text;
      case KeyKind::other: break;
    }
    // A whole string that is a value replaced elsewhere (a name someone gave, used again) is that value.
    if (const std::string* pseudonym = names_.given(text)) return *pseudonym;
    return redact_text(text, names_);
  }

  // The string a reference leads to: a string object, or an NSString's NS.string.
  static plist::Value* referenced_string(plist::Array& objects, const plist::Value& reference) {
    const auto uid = reference.uid();
    // Object 0 is the archive's "$null", which every absent value refers to.
    if (!uid || uid->index == 0 || uid->index >= objects.size()) return nullptr;
    plist::Value& object = objects[uid->index];
    if (object.string() != nullptr) return &object;
    if (plist::Dictionary* fields = object.dictionary()) {
      const auto inner = fields->find("NS.string");
      if (inner != fields->end() && inner->second.string() != nullptr) return &inner->second;
    }
    return nullptr;
  }

  // Replaces the value a reference leads to: a string, or each member of an NSArray of them.
  void redact_reference(plist::Array& objects, const plist::Value& reference, const KeyRule& rule, int depth) {
    if (depth > kMaxReferenceDepth) return;
    if (plist::Value* target = referenced_string(objects, reference)) {
      *target = plist::Value(redact_string(rule, *target->string()));
      return;
    }
    const auto uid = reference.uid();
    if (!uid || uid->index >= objects.size()) return;
    const plist::Dictionary* fields = objects[uid->index].dictionary();
    if (fields == nullptr) return;
    const auto members = fields->find("NS.objects");
    if (members == fields->end() || members->second.array() == nullptr || fields->contains("NS.keys")) return;
    const plist::Array copy = *members->second.array();
    for (const plist::Value& member : copy) redact_reference(objects, member, rule, depth + 1);
  }

  // A referenced string's text, for comparing; empty when the reference leads to none.
  static std::string referenced_text(plist::Array& objects, const plist::Value* reference) {
    if (reference == nullptr) return {};
    const plist::Value* target = referenced_string(objects, *reference);
    return target == nullptr ? std::string() : *target->string();
  }

  void redact_archive(plist::Array& objects) {
    for (std::size_t index = 0; index < objects.size(); ++index) {
      const plist::Dictionary* fields = objects[index].dictionary();
      if (fields == nullptr) continue;
      std::vector<std::pair<std::string, plist::Value>> references;
      const auto keys = fields->find("NS.keys");
      const auto values = fields->find("NS.objects");
      if (keys != fields->end() && values != fields->end() && keys->second.array() && values->second.array()) {
        const plist::Array& key_list = *keys->second.array();
        const plist::Array& value_list = *values->second.array();
        for (std::size_t i = 0; i < key_list.size() && i < value_list.size(); ++i) {
          references.emplace_back(referenced_text(objects, &key_list[i]), value_list[i]);
        }
      } else {
        for (const auto& [name, value] : *fields) {
          if (value.uid() && !name.starts_with("$")) references.emplace_back(name, value);
        }
      }
      // An NEConfiguration's name is its app's name, or one someone gave.
      const std::string configuration_name = referenced_text(objects, objects[index].find("Name"));
      const bool named_by_app = !configuration_name.empty() &&
                                configuration_name == referenced_text(objects, objects[index].find("ApplicationName"));
      if (named_by_app) names_.keep(configuration_name);
      for (const auto& [name, reference] : references) {
        KeyRule rule = rule_for_key(name);
        if (name == "Name" && objects[index].find("ApplicationName") != nullptr && !named_by_app) {
          rule = {KeyKind::label, Kind::name};
        }
        if (rule.what != KeyKind::other) redact_reference(objects, reference, rule, 0);
      }
    }
  }

  Pseudonyms& names_;
};

}  // namespace

void redact_plist(plist::Value& root, Pseudonyms& names) { PlistRedaction(names).run(root); }

}  // namespace nwaudit::redact
