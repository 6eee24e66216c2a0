#include "nwaudit/source/archive_source.h"

#include "archive_index.h"
#include "archive_reader.h"
#include "archive_tree.h"
#include "memory_file.h"

namespace nwaudit {
namespace {

using archive::ArchiveIndex;
using archive::FinalLink;
using archive::Node;
using archive::NodeId;

Error error_of(ErrorKind kind, std::string_view path, std::string reason) {
  return Error{kind, std::string(path), {}, std::move(reason)};
}

// The node a path names. In an archive not read to the end, a path among the entries left
// unread is not known to be missing: its Error says why they were not read.
Expected<NodeId> find(const ArchiveIndex& index, std::string_view path, FinalLink final_link) {
  auto found = index.tree.resolve(path, final_link);
  if (found || found.error().kind != ErrorKind::not_found || index.read_to_end) return found;
  const Error& stopped = index.refused.back();
  return error_of(stopped.kind, path, "not among the archive's entries read: " + stopped.reason);
}

FileType type_of(const Node& node) {
  switch (node.kind) {
    case Node::Kind::directory: return FileType::directory;
    case Node::Kind::file: return FileType::regular;
    case Node::Kind::symlink: return FileType::symlink;
    case Node::Kind::refused: return FileType::other;
  }
  return FileType::other;
}

std::string type_name(const Node& node) {
  switch (node.kind) {
    case Node::Kind::directory: return "a directory";
    case Node::Kind::symlink: return "a symbolic link";
    default: return "not a regular file";
  }
}

Expected<std::unique_ptr<ArchiveIndex>> index_of(Expected<std::unique_ptr<archive::ArchiveReader>> reader,
                                                 const ArchiveLimits& limits) {
  if (!reader) return std::move(reader).error();
  auto index = archive::index_archive(**reader, limits);
  if (!index) return std::move(index).error();
  return std::make_unique<ArchiveIndex>(std::move(*index));
}

}  // namespace

ArchiveSource::ArchiveSource(std::string description, std::unique_ptr<ArchiveIndex> index)
    : description_(std::move(description)), index_(std::move(index)) {}

ArchiveSource::~ArchiveSource() = default;

Expected<std::unique_ptr<ArchiveSource>> ArchiveSource::open(const std::string& archive_path, const ArchiveLimits& limits) {
  auto index = index_of(archive::ArchiveReader::open_file(archive_path, limits), limits);
  if (!index) return std::move(index).error();
  return std::unique_ptr<ArchiveSource>(new ArchiveSource("the archive at " + archive_path, std::move(*index)));
}

Expected<std::unique_ptr<ArchiveSource>> ArchiveSource::from_bytes(std::string bytes, const std::string& name,
                                                                   const ArchiveLimits& limits) {
  auto index = index_of(archive::ArchiveReader::open_memory(std::move(bytes), name, limits), limits);
  if (!index) return std::move(index).error();
  return std::unique_ptr<ArchiveSource>(new ArchiveSource("the archive " + name, std::move(*index)));
}

const std::vector<Error>& ArchiveSource::refused() const { return index_->refused; }

std::string ArchiveSource::description() const { return description_; }

Expected<std::unique_ptr<RandomAccessFile>> ArchiveSource::open_file(std::string_view path) const {
  auto found = find(*index_, path, FinalLink::follow);
  if (!found) return std::move(found).error();
  const Node& node = index_->tree.node(*found);
  if (node.kind != Node::Kind::file) return error_of(ErrorKind::wrong_type, path, "is " + type_name(node));
  return std::unique_ptr<RandomAccessFile>(new archive::MemoryFile(node.content, std::string(path)));
}

Expected<std::vector<DirectoryEntry>> ArchiveSource::list_directory(std::string_view path) const {
  auto found = find(*index_, path, FinalLink::follow);
  if (!found) return std::move(found).error();
  const Node& folder = index_->tree.node(*found);
  if (folder.kind != Node::Kind::directory) return error_of(ErrorKind::wrong_type, path, "is not a directory");
  if (folder.children.size() > limits::kMaxDirectoryEntries) {
    return error_of(ErrorKind::too_large, path, "more than " + std::to_string(limits::kMaxDirectoryEntries) + " entries");
  }
  std::vector<DirectoryEntry> entries;
  entries.reserve(folder.children.size());
  for (const auto& [name, id] : folder.children) entries.push_back({name, type_of(index_->tree.node(id))});
  return entries;
}

Expected<FileStatus> ArchiveSource::status(std::string_view path) const {
  auto found = find(*index_, path, FinalLink::follow);
  if (!found) return std::move(found).error();
  const Node& node = index_->tree.node(*found);
  FileStatus status;
  status.type = type_of(node);
  status.size = node.content ? node.content->size() : 0;
  status.mode = node.mode;
  status.modified_unix_seconds = node.modified_unix_seconds;
  return status;
}

Expected<std::string> ArchiveSource::read_link(std::string_view path) const {
  auto found = find(*index_, path, FinalLink::keep);
  if (!found) return std::move(found).error();
  const Node& node = index_->tree.node(*found);
  if (node.kind != Node::Kind::symlink) return error_of(ErrorKind::wrong_type, path, "is not a symbolic link");
  return node.target;
}

}  // namespace nwaudit
