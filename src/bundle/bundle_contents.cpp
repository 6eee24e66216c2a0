#include "nwaudit/bundle/bundle_contents.h"

#include <algorithm>
#include <map>
#include <set>

#include "nwaudit/facts/snapshot_layout.h"

namespace nwaudit::bundle {
namespace {

std::string child_path(const std::string& folder, const std::string& name) {
  return folder == "/" ? "/" + name : folder + "/" + name;
}

// "/a", "/a/b" for "/a/b/c".
void add_ancestors(const std::string& path, std::set<std::string>& folders) {
  for (std::size_t slash = path.find('/', 1); slash != std::string::npos; slash = path.find('/', slash + 1)) {
    folders.insert(path.substr(0, slash));
  }
}

bool same_call(const ReadError& error, SourceCall call, const std::string& path) {
  return error.call == call && error.path == path;
}

Error over_limit(const std::string& path, std::string reason) {
  return Error{ErrorKind::too_large, path, {}, std::move(reason)};
}

// What the accesses show the collectors read, by Mac path, before anything is copied.
struct ReadPlan {
  std::vector<std::string> files;       // opened, in the order first opened
  std::set<std::string> folders;        // listed, or a folder by its status
  std::map<std::string, FileType> named;  // seen in a listing or by status only
  std::vector<std::string> links;       // read as links
  std::vector<ReadError> errors;
};

ReadPlan plan_of(const std::vector<SourceAccess>& accesses) {
  ReadPlan plan;
  std::set<std::string> opened;
  for (const SourceAccess& access : accesses) {
    if (access.error) {
      if (access.error->kind == ErrorKind::not_found) continue;  // missing stays missing
      const bool known = std::any_of(plan.errors.begin(), plan.errors.end(), [&](const ReadError& error) {
        return same_call(error, access.call, access.path);
      });
      if (!known) plan.errors.push_back({access.call, access.path, {}, *access.error});
      continue;
    }
    switch (access.call) {
      case SourceCall::open_file:
        if (opened.insert(access.path).second) plan.files.push_back(access.path);
        break;
      case SourceCall::list_directory:
        plan.folders.insert(access.path);
        for (const DirectoryEntry& entry : access.entries) {
          plan.named.emplace(child_path(access.path, entry.name), entry.type);
        }
        break;
      case SourceCall::status:
        if (access.type == FileType::directory) {
          plan.folders.insert(access.path);
        } else {
          plan.named.emplace(access.path, access.type);
        }
        break;
      case SourceCall::read_link: plan.links.push_back(access.path); break;
    }
  }
  return plan;
}

class ContentsBuilder {
 public:
  ContentsBuilder(const Source& mac, redact::Redactor* redactor, const ContentsLimits& limits)
      : mac_(mac), redactor_(redactor), limits_(limits) {}

  Expected<BundleContents> build(ReadPlan plan, const std::vector<ReadError>& unasked,
                                 const std::function<void(std::size_t, std::size_t)>& copied) {
    errors_ = std::move(plan.errors);
    for (std::size_t done = 0; done < plan.files.size(); ++done) {
      if (auto kept = copy_file(plan.files[done]); !kept) return std::move(kept).error();
      if (copied) copied(done + 1, plan.files.size());
    }
    folders_ = std::move(plan.folders);
    for (const auto& [path, member] : files_) add_ancestors(path, folders_);
    for (const auto& [path, type] : plan.named) add_ancestors(path, folders_);
    for (const std::string& path : plan.links) add_ancestors(path, folders_);
    // A path that is a folder on the way to another cannot also be a file (a Mac that changed while read).
    std::erase_if(files_, [&](const auto& file) { return folders_.count(file.first) != 0; });
    for (const auto& [path, type] : plan.named) add_name_only(path, type);
    for (const std::string& path : plan.links) add_name_only(path, FileType::symlink);
    for (const ReadError& error : unasked) errors_.push_back(error);
    return finish();
  }

 private:
  Expected<void> copy_file(const std::string& path) {
    auto bytes = mac_.read_file(path, static_cast<std::size_t>(limits_.max_file_bytes));
    if (!bytes) {
      errors_.push_back({SourceCall::open_file, path, {}, bytes.error()});
      return {};
    }
    std::string content = redactor_ != nullptr ? redactor_->file(path, *bytes) : std::move(*bytes);
    total_bytes_ += content.size();
    if (total_bytes_ > limits_.max_total_bytes) {
      return over_limit(path, "the files collected reach " + std::to_string(total_bytes_) +
                                  " bytes with this one, over the limit of " +
                                  std::to_string(limits_.max_total_bytes) + " a bundle may hold");
    }
    files_.emplace(path, BundleMember{path, FileType::regular, std::move(content), {}, false});
    return {};
  }

  // A name a collector saw without reading what it holds: an empty thing of the same type.
  void add_name_only(const std::string& path, FileType type) {
    if (files_.count(path) != 0 || folders_.count(path) != 0 || names_.count(path) != 0) return;
    if (type == FileType::directory) {
      folders_.insert(path);
      return;
    }
    BundleMember member{path, FileType::regular, {}, {}, true};
    if (type == FileType::symlink) {
      if (auto target = mac_.read_link(path)) {
        member.type = FileType::symlink;
        member.link_target = redactor_ != nullptr ? redactor_->path(*target) : *target;
      }
    }
    names_.emplace(path, std::move(member));
  }

  std::string name_of(const std::string& path) { return redactor_ != nullptr ? redactor_->path(path) : path; }
  std::string words_of(const std::string& text) { return redactor_ != nullptr ? redactor_->text(text) : text; }

  Expected<BundleContents> finish() {
    std::map<std::string, BundleMember> by_name;
    auto place = [&](BundleMember member, const std::string& mac_path) -> Expected<void> {
      member.path = name_of(mac_path);
      const std::string name = member.path;
      if (!by_name.emplace(name, std::move(member)).second) {
        return Error{ErrorKind::malformed, mac_path, {}, "another path of the Mac has the same name once redacted"};
      }
      return {};
    };
    for (auto& [path, member] : files_) {
      if (auto placed = place(std::move(member), path); !placed) return std::move(placed).error();
    }
    for (auto& [path, member] : names_) {
      if (auto placed = place(std::move(member), path); !placed) return std::move(placed).error();
    }
    for (const std::string& folder : folders_) {
      if (folder == "/") continue;  // the bundle's top folder
      by_name.try_emplace(name_of(folder), BundleMember{name_of(folder), FileType::directory, {}, {}, false});
    }

    BundleContents contents;
    for (const ReadError& error : errors_) {
      ReadError kept = error;
      kept.path = name_of(error.path);
      kept.error.path = name_of(error.error.path);
      kept.error.reason = words_of(error.error.reason);
      kept.error.location = words_of(error.error.location);
      contents.read_errors.push_back(std::move(kept));
    }
    if (!contents.read_errors.empty()) {
      const std::string capture = collector::capture_path(kReadErrorsCapture);
      by_name.try_emplace("/.nwaudit", BundleMember{"/.nwaudit", FileType::directory, {}, {}, false});
      by_name.insert_or_assign(capture, BundleMember{capture, FileType::regular,
                                                     read_errors_plist(contents.read_errors), {}, false});
    }
    if (by_name.size() > limits_.max_members) {
      return over_limit("/", std::to_string(by_name.size()) + " files and folders, over the limit of " +
                                 std::to_string(limits_.max_members) + " a bundle may hold");
    }
    for (auto& [name, member] : by_name) {
      if (member.type == FileType::regular) contents.content_bytes += member.content.size();
      contents.members.push_back(std::move(member));
    }
    return contents;
  }

  const Source& mac_;
  redact::Redactor* redactor_;
  const ContentsLimits& limits_;
  std::uint64_t total_bytes_ = 0;
  std::map<std::string, BundleMember> files_;
  std::set<std::string> folders_;
  std::map<std::string, BundleMember> names_;
  std::vector<ReadError> errors_;
};

}  // namespace

Expected<BundleContents> copy_what_was_read(const Source& mac, const std::vector<SourceAccess>& accesses,
                                            const std::vector<ReadError>& unasked, redact::Redactor* redactor,
                                            const ContentsLimits& limits,
                                            const std::function<void(std::size_t, std::size_t)>& copied) {
  return ContentsBuilder(mac, redactor, limits).build(plan_of(accesses), unasked, copied);
}

}  // namespace nwaudit::bundle
