#include "archive_index.h"

#include <set>

#include "archive_entry_name.h"
#include "archive_top_folder.h"

namespace nwaudit::archive {
namespace {

const char* name_of(const LibArchiveApi& api, archive_entry* entry) {
  const char* name = api.archive_entry_pathname_utf8(entry);
  return name != nullptr ? name : api.archive_entry_pathname(entry);
}

const char* symlink_of(const LibArchiveApi& api, archive_entry* entry) {
  const char* target = api.archive_entry_symlink_utf8(entry);
  return target != nullptr ? target : api.archive_entry_symlink(entry);
}

const char* hardlink_of(const LibArchiveApi& api, archive_entry* entry) {
  const char* target = api.archive_entry_hardlink_utf8(entry);
  return target != nullptr ? target : api.archive_entry_hardlink(entry);
}

std::string type_name(unsigned type) {
  switch (type) {
    case AE_IFCHR: return "a character device";
    case AE_IFBLK: return "a block device";
    case AE_IFIFO: return "a FIFO";
    case AE_IFSOCK: return "a socket";
    default: return "of a type";
  }
}

// A refused entry, where it would be below the archive's top.
struct Refusal {
  std::vector<std::string> components;
  Error error;
};

class Indexer {
 public:
  Indexer(ArchiveReader& reader, const ArchiveLimits& limits) : api_(reader.api()), reader_(reader), limits_(limits) {}

  Expected<ArchiveIndex> run() {
    ArchiveIndex index;
    std::string last_name;
    for (;;) {
      auto entry = reader_.next();
      if (!entry && reader_.entries() == 0) return std::move(entry).error();
      if (!entry) {
        stop(std::move(entry).error(), last_name);
        break;
      }
      if (*entry == nullptr) break;
      const char* name = name_of(api_, *entry);
      last_name = name != nullptr ? name : "";
      index_entry(*entry, name);
      if (reader_.stopped()) {
        stop(last_failure_, last_name);
        break;
      }
    }
    if (auto top = folder_to_enter(top_names_)) {
      tree_.enter(*top);
      entered_ = *top;
    }
    index.read_to_end = read_to_end_;
    for (Refusal& refusal : refusals_) {
      if (!refusal.components.empty() || refusal.error.path.empty()) refusal.error.path = mac_path(refusal.components);
      index.refused.push_back(std::move(refusal.error));
    }
    index.tree = std::move(tree_);
    return index;
  }

 private:
  void index_entry(archive_entry* entry, const char* raw_name) {
    if (raw_name == nullptr) {
      refuse({}, "#" + std::to_string(reader_.entries()), ErrorKind::malformed, "its name cannot be read");
      return skip();
    }
    const std::string stored = raw_name;
    const EntryName name = parse_entry_name(stored);
    if (!name.refusal.empty()) {
      refuse(name.components, stored, ErrorKind::malformed, name.refusal);
      return skip();
    }
    if (name.components.empty()) return skip();  // "./": the top itself
    if (const char* target = hardlink_of(api_, entry)) {
      add_hard_link(name, stored, target);
      return skip();
    }
    Node node;
    node.mode = static_cast<std::uint32_t>(api_.archive_entry_perm(entry)) & 07777;
    node.modified_unix_seconds = api_.archive_entry_mtime(entry);
    const unsigned type = api_.archive_entry_filetype(entry);
    if (type == AE_IFDIR) {
      node.kind = Node::Kind::directory;
    } else if (type == AE_IFLNK) {
      const char* target = symlink_of(api_, entry);
      if (target == nullptr || *target == '\0') {
        refuse(name.components, stored, ErrorKind::malformed, "it is a symbolic link without a target");
        return skip();
      }
      node.kind = Node::Kind::symlink;
      node.target = target;
    } else if (type == AE_IFREG) {
      const bool sized = api_.archive_entry_size_is_set(entry) != 0;
      if (sized && static_cast<std::uint64_t>(api_.archive_entry_size(entry)) > limits_.max_entry_bytes) {
        refuse(name.components, stored, ErrorKind::too_large,
               "its " + std::to_string(api_.archive_entry_size(entry)) + " bytes are over the limit of " +
                   std::to_string(limits_.max_entry_bytes) + " bytes for one entry");
        return skip();
      }
      auto content = reader_.read_data(limits_.max_entry_bytes);
      if (!content) return refuse(name.components, stored, content.error().kind, remember(std::move(content).error()));
      node.kind = Node::Kind::file;
      node.content = std::make_shared<const std::string>(std::move(*content));
    } else {
      refuse(name.components, stored, ErrorKind::wrong_type, "it is " + type_name(type) + " nwaudit does not read");
      return skip();
    }
    const bool data_read = node.kind == Node::Kind::file;
    add(name, stored, std::move(node));
    if (!data_read) skip();
  }

  void add_hard_link(const EntryName& name, const std::string& stored, const std::string& target) {
    const EntryName to = parse_entry_name(target);
    if (!to.refusal.empty()) {
      return refuse(name.components, stored, ErrorKind::malformed,
                    "it is a hard link to " + quoted_entry(target) + ", which leaves the archive");
    }
    const Node* linked = tree_.find(to.components);
    if (linked == nullptr || linked->kind != Node::Kind::file) {
      return refuse(name.components, stored, ErrorKind::malformed,
                    "it is a hard link to " + quoted_entry(target) + ", which is not a file earlier in the archive");
    }
    Node copy = *linked;
    add(name, stored, std::move(copy));
  }

  void add(const EntryName& name, const std::string& stored, Node node) {
    switch (tree_.add(name.components, std::move(node))) {
      case Placement::added: top_names_.insert(name.components.front()); return;
      case Placement::duplicate:
        return refuse(name.components, stored, ErrorKind::malformed, "another entry has the same name");
      case Placement::folder_of_others:
        return refuse(name.components, stored, ErrorKind::malformed, "other entries are inside a folder of that name");
      case Placement::inside_non_folder:
        return refuse(name.components, stored, ErrorKind::malformed, "a part of its name is an entry that is not a folder");
    }
  }

  // Reads past the rest of an entry's data; when that fails, the entry is refused for it.
  void skip() {
    if (auto skipped = reader_.skip_data(); !skipped) last_failure_ = std::move(skipped).error();
  }

  std::string remember(Error error) {
    last_failure_ = error;
    return error.reason;
  }

  void refuse(const std::vector<std::string>& components, const std::string& stored, ErrorKind kind, const std::string& why) {
    std::string reason = "the archive's entry " + quoted_entry(stored) + " is refused: " + why;
    tree_.refuse(components, kind, reason);
    refusals_.push_back({components, Error{kind, {}, {}, std::move(reason)}});
  }

  void stop(Error why, const std::string& last_name) {
    read_to_end_ = false;
    std::string reason = why.reason + "; the entries after " +
                         (last_name.empty() ? std::string("the first") : quoted_entry(last_name)) + " were not read";
    refusals_.push_back({{}, Error{why.kind, reader_.name(), "entry " + std::to_string(reader_.entries()), std::move(reason)}});
  }

  // Where the components are on the Mac once the top folder is entered.
  std::string mac_path(const std::vector<std::string>& components) const {
    if (!entered_.empty() && !components.empty() && components.front() == entered_) {
      return path_of(std::vector<std::string>(components.begin() + 1, components.end()));
    }
    return path_of(components);
  }

  const LibArchiveApi& api_;
  ArchiveReader& reader_;
  const ArchiveLimits& limits_;
  ArchiveTree tree_;
  std::vector<Refusal> refusals_;
  std::set<std::string> top_names_;
  std::string entered_;
  Error last_failure_;
  bool read_to_end_ = true;
};

}  // namespace

Expected<ArchiveIndex> index_archive(ArchiveReader& reader, const ArchiveLimits& limits) {
  return Indexer(reader, limits).run();
}

}  // namespace nwaudit::archive
