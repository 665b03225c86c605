// A scenario made of parts: follows `include` from file to file, then merges the documents into one,
// joining lists and refusing any other key given twice. Each part keeps its own marks, so problems are
// still reported at the part's file:line:column.
#include "loader/scenario_parts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "loader/relative_paths.hpp"
#include "loader/scenario_loader.hpp"
#include "sim/stable_hash.hpp"

namespace outagesim::loader {

namespace fs = std::filesystem;

namespace {

// One place a top-level key is given.
struct Occurrence {
  YamlNode key;
  YamlNode value;
  std::size_t part = 0;  // 0: the scenario file; then the included files in the order read
};

// A top-level key and every place it is given, in merge order.
struct Entry {
  std::string name;
  std::vector<Occurrence> at;
};

class Assembler {
 public:
  Assembler(DiagnosticSink& sink, const ParseDocument& parse, Assembled& out, int first_free_line)
      : sink_(sink), parse_(parse), out_(out), next_line_(first_free_line) {}

  // Adds the keys of `doc` (part `part` of the scenario, from `file`) after those of the parts it includes.
  // `chain` holds the files that include this one, itself last, to find cycles.
  void add_document(const YamlNode& doc, const std::string& file, std::size_t part, int depth,
                    std::vector<std::string>& chain, const std::vector<std::string>& extra) {
    if (!doc.is_map()) {
      const char* expected = "a part of a scenario: top-level keys such as 'components' or 'faults'";
      if (doc.mark().is_null()) {
        sink_.error_in_file(file, 0, 0, "the included part is empty", expected);  // no place to point at
      } else {
        sink_.error(doc.mark(), "an included part is not a mapping of keys to values", expected);
      }
      return;
    }
    for (const auto& item : doc) {
      if (!item.first.is_scalar() || item.first.scalar() != "include") continue;
      const YamlNode& list = item.second;
      if (list.is_scalar()) {
        include(list.scalar(), list.mark(), folder_for_relative_paths(file), depth + 1, chain);
      } else if (list.is_sequence()) {
        for (const YamlNode& path : list) {
          if (!path.is_scalar() || path.scalar().empty()) {
            sink_.error(path.mark(), "an entry of 'include' is not a file path",
                        "the path of a YAML file, relative to the including file");
            continue;
          }
          include(path.scalar(), path.mark(), folder_for_relative_paths(file), depth + 1, chain);
        }
      } else {
        sink_.error(list.mark(), "'include' is not a list of file paths",
                    "a list of YAML files, relative to the including file");
      }
    }
    for (const auto& item : doc) {
      const bool named = item.first.is_scalar();
      if (named && item.first.scalar() == "include") continue;
      if (named && item.first.scalar() == kMergeKey) {
        // The parts' keys are joined by name, before any mapping is read: a merge here would be read
        // as one more key of the whole scenario, and its keys lost to the parts' own.
        sink_.error(item.first.mark(), "a merge key ('<<') at the top level of a scenario made of parts",
                    "the top-level keys written out (templates serve the mappings inside them)");
        continue;
      }
      auto it = named ? std::find_if(entries_.begin(), entries_.end(),
                                     [&](const Entry& e) { return e.name == item.first.scalar(); })
                      : entries_.end();
      // A key that is not a name is kept on its own, for the reader to report.
      if (it == entries_.end())
        it = entries_.insert(entries_.end(), Entry{std::string(named ? item.first.scalar() : ""), {}});
      it->at.push_back(Occurrence{item.first, item.second, part});
    }
    // Parts named on the command line come after the scenario's own keys: they add to it.
    for (const std::string& path : extra) include(path, YAML::Mark::null_mark(), fs::path(), 1, chain);
  }

  // The merged document: lists given in several parts joined in order, any other key once.
  // Moves the parts' trees into `tree`, which then holds the merged document.
  void merge_into(YamlTree& tree) {
    std::vector<std::pair<YamlNode, YamlNode>> root;
    for (const Entry& entry : entries_) {
      const Occurrence& first = entry.at.front();
      bool joinable = entry.at.size() > 1 && !entry.name.empty();
      for (std::size_t i = 0; i < entry.at.size(); ++i) {
        joinable = joinable && entry.at[i].value.is_sequence() &&
                   (i == 0 || entry.at[i].part != entry.at[i - 1].part);
      }
      if (!joinable) {
        // Templates (`x-` keys) are never read, and their anchors serve only their own file: each part
        // may hold its own of the same name, though one file may not hold it twice.
        const bool template_key = entry.name.rfind("x-", 0) == 0;
        for (std::size_t i = 1; i < entry.at.size(); ++i) {
          // The earlier place to name: for a template, the one in the same part (another part's is allowed).
          const auto before = entry.at.begin() + static_cast<std::ptrdiff_t>(i);
          const auto earlier =
              template_key ? std::find_if(entry.at.begin(), before,
                                          [&](const Occurrence& o) { return o.part == entry.at[i].part; })
                           : entry.at.begin();
          if (earlier == before) continue;
          sink_.error(entry.at[i].key.mark(),
                      fmt::format("'{}' is given twice: here and at {}", entry.name,
                                  sink_.place_of(earlier->key.mark())),
                      "each key once in the scenario and its parts, but for lists, which are joined");
        }
        root.emplace_back(first.key, first.value);
        continue;
      }
      std::vector<YamlNode> list;
      for (const Occurrence& occurrence : entry.at) {
        for (const YamlNode& item : occurrence.value) list.push_back(item);
      }
      root.emplace_back(first.key, tree.make_sequence(YAML::Mark::null_mark(), list));
    }
    tree.set_root(tree.make_map(YAML::Mark::null_mark(), root));
    for (YamlTree& part : trees_) tree.adopt(std::move(part));
    trees_.clear();
  }

 private:
  void include(std::string_view path_text, const YAML::Mark& at, const fs::path& base, int depth,
               std::vector<std::string>& chain) {
    const fs::path path = base / path_text;
    const std::string shown = path.lexically_normal().string();
    const auto fail = [&](std::string message, std::string expected) {
      if (at.is_null()) {
        sink_.error_in_file(shown, 0, 0, std::move(message), std::move(expected));
      } else {
        sink_.error(at, std::move(message), std::move(expected));
      }
    };
    if (depth > kMaxIncludeDepth) {
      fail(fmt::format("included parts nest more than {} levels deep", kMaxIncludeDepth),
           fmt::format("at most {} levels of parts that include parts", kMaxIncludeDepth));
      return;
    }
    std::error_code ec;
    std::string canonical = fs::weakly_canonical(path, ec).string();
    if (ec) canonical = shown;
    if (const auto it = std::find(chain.begin(), chain.end(), canonical); it != chain.end()) {
      std::string cycle;
      for (auto i = it; i != chain.end(); ++i) cycle += fs::path(*i).filename().string() + " -> ";
      fail(fmt::format("including '{}' makes a cycle: {}{}", shown, cycle, path.filename().string()),
           "parts that do not include themselves, directly or through others");
      return;
    }
    if (out_.parts.size() + 1 >= kMaxScenarioParts) {
      fail(fmt::format("more than {} files make the scenario", kMaxScenarioParts),
           fmt::format("at most {} files, the scenario's own included", kMaxScenarioParts));
      return;
    }
    // A scenario file may be a pipe; a part is named by a file, which may come from anyone: a FIFO or a
    // device there would block or never end.
    if (fs::exists(path, ec) && !fs::is_directory(path, ec) && !fs::is_regular_file(path, ec)) {
      fail(fmt::format("included file '{}' is not a regular file", shown), "the path of a YAML file");
      return;
    }
    FileText read =
        read_file_text(path.string(), kMaxScenarioBytes - std::min(out_.bytes, kMaxScenarioBytes));
    if (!read.text) {
      // Relative to the including file's folder, which the message names (blind trial N: a scenario
      // copied one folder down kept the path that worked from its old place).
      const std::string from = base.empty() ? std::string(".") : base.lexically_normal().string();
      fail(fmt::format(
               "included file '{}': {} (the path '{}' is taken from '{}', the including file's folder)",
               shown, read.problem, path_text, from),
           read.expected);
      return;
    }
    out_.bytes += read.text->size();
    out_.content_hash = sim::fnv1a64(*read.text, sim::fnv1a64("include:", out_.content_hash));
    ScenarioPart part{shown, std::move(*read.text), next_line_};
    sink_.add_part(shown, part.first_line);
    std::optional<YamlTree> doc = parse_(part, sink_);
    next_line_ =
        part.first_line + static_cast<int>(std::count(part.source.begin(), part.source.end(), '\n')) + 2;
    out_.parts.push_back(std::move(part));
    if (!doc) return;
    chain.push_back(canonical);
    const YamlNode root = doc->root();
    trees_.push_back(std::move(*doc));
    add_document(root, shown, out_.parts.size(), depth, chain, {});
    chain.pop_back();
  }

  DiagnosticSink& sink_;
  const ParseDocument& parse_;
  Assembled& out_;
  int next_line_;
  std::vector<Entry> entries_;
  std::vector<YamlTree> trees_;  // of the included files, until merge_into() takes them
};

}  // namespace

FileText read_file_text(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  const auto fail = [](std::string problem, std::string expected) {
    return FileText{std::nullopt, std::move(problem), std::move(expected)};
  };
  if (ec || !fs::exists(status)) return fail("no such file", "the path of a scenario YAML file");
  if (fs::is_directory(status)) return fail("is a directory, not a file", "the path of a scenario YAML file");
  const auto size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    return fail(fmt::format("the file is {} bytes, over the limit of {}", size, max_bytes),
                "a scenario under 64 MiB, its parts included");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot be opened for reading", "a readable file");
  std::string text;
  std::vector<char> chunk(1 << 16);
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      return fail(
          fmt::format("the input goes on past the limit of {} bytes; reading stopped there", max_bytes),
          "a scenario under 64 MiB, its parts included");
    }
  }
  if (in.bad()) return fail("could not be read", "a readable file");
  return FileText{std::move(text), {}, {}};
}

Assembled assemble_parts(const YamlNode& main, const std::string& file, std::size_t main_bytes,
                         std::uint64_t main_hash, int main_lines, const std::vector<std::string>& extra,
                         DiagnosticSink& sink, const ParseDocument& parse) {
  Assembled out;
  out.bytes = main_bytes;
  out.content_hash = main_hash;
  Assembler assembler(sink, parse, out, main_lines + 1);
  std::error_code ec;
  std::vector<std::string> chain{fs::weakly_canonical(fs::path(file), ec).string()};
  if (ec) chain.front() = fs::path(file).lexically_normal().string();
  assembler.add_document(main, file, 0, 0, chain, extra);
  assembler.merge_into(out.tree);
  return out;
}

}  // namespace outagesim::loader
