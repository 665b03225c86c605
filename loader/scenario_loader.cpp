// File handling and YAML parsing at the edge, for a scenario file and each part it includes
// (scenario_parts.hpp): every failure becomes a Diagnostic.
#include "loader/scenario_loader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <exception>
#include <optional>
#include <sstream>
#include <variant>
#include <vector>

#include "loader/json_document.hpp"
#include "loader/scenario_parts.hpp"
#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"
#include "loader/yaml_map.hpp"
#include "sim/stable_hash.hpp"

namespace outagesim::loader {

namespace {

// The 1-based line and (byte) column of the first byte that is not part of valid UTF-8, or {0, 0}.
std::pair<int, int> first_invalid_utf8(std::string_view text) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length;
    if (c < 0x80) {
      length = 1;
    } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
      length = 2;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
    } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
      length = 4;
    } else {
      return {line, column};
    }
    if (i + length > text.size()) return {line, column};
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return {line, column};
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      column += static_cast<int>(length);  // in bytes, as yaml-cpp counts columns
    }
    i += length;
  }
  return {0, 0};
}

// The 1-based line and (byte) column of text[offset].
std::pair<int, int> place_of(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  return {static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1,
          static_cast<int>(offset - line_start) + 1};
}

// YAML ends lines with LF, CR LF, or a lone CR (YAML 1.2, 5.4), but yaml-cpp knows only the first two:
// a file saved with old Mac line endings read as one long line. Each lone CR becomes LF, so that such a
// file reads as written, and its lines and columns are counted as an editor shows them.
std::string with_lf_line_ends(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n')) out[i] = '\n';
  }
  return out;
}

// yaml-cpp's message for a tab in indentation names its grammar rule; the user needs to hear what to
// change, at the tab itself (yaml-cpp points at the start of the line).
std::optional<Diagnostic> tab_indentation(const YAML::Exception& e, std::string_view text,
                                          const std::string& file_name) {
  if (e.msg != YAML::ErrorMsg::TAB_IN_INDENTATION) return std::nullopt;
  const auto lines = split_lines(text);
  int column = e.mark.column + 1;
  if (e.mark.line >= 0 && static_cast<std::size_t>(e.mark.line) < lines.size()) {
    const std::string_view line = lines[e.mark.line];
    const std::size_t indent_end = line.find_first_not_of(" \t");
    const std::size_t tab = line.substr(0, indent_end).find('\t');
    if (tab != std::string_view::npos) column = static_cast<int>(tab) + 1;
  }
  return Diagnostic{file_name, e.mark.line + 1, column,
                    "a tab is used for indentation; YAML indents with spaces",
                    "spaces, not tabs, before the line's text"};
}

// The first node nested more than `limit` levels deep (the whole document is level 1), or none. Only as
// deep as the limit: an alias that holds itself (&a [*a]) ends there too.
std::optional<YAML::Mark> nested_beyond(const YamlNode& root, int limit) {
  std::vector<std::pair<YamlNode, int>> pending{{root, 1}};
  std::vector<YamlNode> children;
  while (!pending.empty()) {
    const YamlNode node = pending.back().first;
    const int depth = pending.back().second;
    pending.pop_back();
    if (depth > limit) return node.mark();
    // Children pushed in reverse, so that the first too deep in the file is the one found.
    children.clear();
    if (node.is_sequence()) {
      for (const YamlNode& child : node) children.push_back(child);
    } else if (node.is_map()) {
      for (const auto& entry : node) {
        children.push_back(entry.first);
        children.push_back(entry.second);
      }
    }
    for (auto it = children.rbegin(); it != children.rend(); ++it) pending.emplace_back(*it, depth + 1);
  }
  return std::nullopt;
}

// The 1-based line of the second document's start: its '---' line, or, when the first document ends
// with '...', the first line with content from there on (the '...' line itself when yaml-cpp read more
// dots on it as the second document, or when nothing follows it: fuzzer finding
// tests/corpus/document-end-as-last-line.yaml pointed past the last line).
int second_document_line(std::string_view text) {
  int line = 1;
  bool seen_content = false;
  int document_end = 0;  // the line of a '...' marker
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view l = text.substr(start, end - start);
    const bool marker =
        l.starts_with("---") && (l.size() == 3 || l[3] == ' ' || l[3] == '\r' || l[3] == '\t');
    const bool content = !l.empty() && l[0] != '#' && l.find_first_not_of(" \t\r") != std::string_view::npos;
    if (document_end != 0 && content) return line;
    if (marker && seen_content) return line;
    if (l.starts_with("...")) {
      if (l.find_first_not_of(" \t\r", 3) != std::string_view::npos) return line;
      document_end = line;
    } else if (!marker && content) {
      seen_content = true;
    }
    if (end == text.size()) break;
    start = end + 1;
    ++line;
  }
  return document_end;
}

// Readers walk requirements and distributions recursively; past kMaxNestingDepth a file is hostile, not
// a scenario. Reports the first node that deep; returns whether there was one.
bool refused_as_too_deep(const YamlNode& root, DiagnosticSink& sink) {
  const auto deep = nested_beyond(root, kMaxNestingDepth);
  if (!deep) return false;
  sink.error(*deep, fmt::format("lists and mappings nest more than {} levels deep", kMaxNestingDepth),
             fmt::format("at most {} levels of lists and mappings inside one another", kMaxNestingDepth));
  return true;
}

// Whether walking the tree as readers do, with every alias expanded where it stands, meets more than
// `budget` nodes. The tree shares an aliased node rather than copying it, so it stays small, but
// every reader walks each repeat: a small file of nested aliases would build gigabytes of requirements.
// The walk stops at the budget, so it costs no more than the budget either.
// How far aliases may expand the scenario, all its parts together: the walks so far and the text they
// came from.
struct AliasBudget {
  std::size_t text_bytes = 0;
  std::size_t walked = 0;
  bool spent = false;  // reported at a part: the parts after it are refused without a word more
};

// Walks at most `budget` nodes; returns the number walked, or the node being walked when the budget ran
// out (an aliased node is shared, so its mark is where it is anchored).
std::variant<std::size_t, YAML::Mark> walk_within(const YamlNode& root, std::size_t budget) {
  std::vector<YamlNode> pending{root};
  std::size_t visited = 1;
  while (!pending.empty()) {
    const YamlNode node = std::move(pending.back());
    pending.pop_back();
    if (node.is_sequence()) {
      for (const YamlNode& child : node) {
        if (++visited > budget) return child.mark();
        pending.push_back(child);
      }
    } else if (node.is_map()) {
      for (const auto& entry : node) {
        visited += 2;
        if (visited > budget) return entry.second.mark();
        pending.push_back(entry.first);
        pending.push_back(entry.second);
      }
    }
  }
  return visited;
}

// Parses one file of a scenario into its document, checking what yaml-cpp does not: the text is UTF-8
// without NUL, one document, not nested or aliased beyond the limits. Rewrites `part.source` with LF line
// ends. Its YAML is parsed after `part.first_line` blank lines, so that its marks tell the part apart
// (DiagnosticSink::add_part); places found in the text itself are counted in the part's own lines.
std::optional<YamlTree> parse_document(ScenarioPart& part, DiagnosticSink& sink, AliasBudget& aliases) {
  part.source = with_lf_line_ends(part.source);
  const std::string_view text = part.source;
  const std::string& file_name = part.file;
  const int offset = part.first_line;
  // A mark in the part's own lines and bytes, to index its text.
  const auto local = [offset](YAML::Mark mark) {
    if (mark.is_null()) return mark;
    mark.line -= offset;
    mark.pos -= offset;
    return mark;
  };

  if (const auto [line, column] = first_invalid_utf8(text); line > 0) {
    sink.error_in_file(file_name, line, column, "the file is not valid UTF-8 text", "a YAML file in UTF-8");
    return std::nullopt;
  }
  // yaml-cpp ends a scalar at a NUL without a word, so a NUL would cut a name short unseen.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    const auto [line, column] = place_of(text, nul);
    sink.error_in_file(file_name, line, column, "the file contains a NUL byte",
                       "text without NUL bytes (a file saved as UTF-16 has them; save it "
                       "as UTF-8)");
    return std::nullopt;
  }
  // A part written in JSON, which is YAML too, is read by a JSON parser many times faster than yaml-cpp's
  // scanner (json_document.hpp); when it is not JSON, as YAML, whose messages say where it goes wrong.
  if (file_name.ends_with(".json")) {
    if (std::optional<YamlTree> tree = read_json_document(text, offset)) {
      if (refused_as_too_deep(tree->root(), sink)) return std::nullopt;
      return tree;
    }
  }
  std::string padded;
  if (offset > 0) padded = std::string(static_cast<std::size_t>(offset), '\n') + part.source;
  const std::string& yaml = offset == 0 ? part.source : padded;
  ParsedYaml parsed;
  try {
    // Up to three document starts: two at one place tell yaml-cpp 0.7's endless empty documents on
    // some malformed streams (jbeder/yaml-cpp#1319, fixed after 0.8; found by the fuzzer,
    // tests/corpus/comma-before-document.yaml) apart from a real second document.
    parsed = parse_yaml(yaml, 3);
    const std::vector<YAML::Mark>& starts = parsed.document_starts;
    for (std::size_t i = 1; i < starts.size(); ++i) {
      if (starts[i].pos != starts[i - 1].pos) continue;
      const YAML::Mark mark = local(starts[i]);
      const auto at = static_cast<std::size_t>(std::max(mark.pos, 0));
      sink.error_in_file(
          file_name, mark.line + 1, mark.column + 1,
          fmt::format("YAML syntax error: '{}' cannot stand here", text.substr(std::min(at, text.size()), 1)),
          "well-formed YAML");
      return std::nullopt;
    }
    if (starts.size() > 1) {
      // A second document would otherwise be dropped unread: faults below a '---' would never happen.
      // yaml-cpp also starts one without a marker, after a top-level list, at a line starting with ': '
      // (fuzzer finding tests/corpus/second-document-without-marker.yaml): point at its content then.
      int line = second_document_line(text);
      int column = 1;
      if (const YAML::Mark mark = local(starts[1]); line == 0 && !mark.is_null()) {
        line = mark.line + 1;
        column = mark.column + 1;
      }
      sink.error_in_file(file_name, std::max(line, 1), column,
                         "a second YAML document: one file holds one scenario",
                         "no '---' line after the scenario's first key");
      return std::nullopt;
    }
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own limit, deeper than ours: its message is only "bad file".
    const YAML::Mark mark = local(e.mark);
    sink.error_in_file(
        file_name, mark.line + 1, mark.column + 1,
        fmt::format("lists and mappings nest more than {} levels deep", kMaxNestingDepth),
        fmt::format("at most {} levels of lists and mappings inside one another", kMaxNestingDepth));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    YAML::Exception here = e;
    here.mark = local(e.mark);
    if (auto tab = tab_indentation(here, text, file_name)) {
      sink.error_in_file(tab->file, tab->line, tab->column, std::move(tab->message),
                         std::move(tab->expected));
    } else {
      sink.error_in_file(file_name, here.mark.line + 1, here.mark.column + 1, "YAML syntax error: " + e.msg,
                         "well-formed YAML");
    }
    return std::nullopt;
  }
  const YamlNode root = parsed.tree.root();
  // Without a '*' there is no alias, and the tree is only as big as the file: skip the walk. A tree
  // without aliases has at most about one node per byte; twice the file's size leaves slack for that,
  // and kMaxAliasExpansion more may come through aliases.
  // The budget is the scenario's: the parts read so far have spent some of it.
  aliases.text_bytes += text.size();
  if (aliases.spent) return std::nullopt;
  if (text.find('*') != std::string_view::npos) {
    const std::size_t allowed = 2 * aliases.text_bytes + kMaxAliasExpansion;
    const std::size_t left = allowed > aliases.walked ? allowed - aliases.walked : 0;
    const auto walked = walk_within(root, left);
    if (const auto* at = std::get_if<YAML::Mark>(&walked)) {
      const std::string message = fmt::format(
          "YAML aliases (*name) repeat so much that the scenario expands to more than {} entries; the walk "
          "through the repeats passed that in the node anchored here",
          allowed);
      const std::string expected =
          fmt::format("at most {} entries added by repeating anchored (&name) nodes, all parts together",
                      kMaxAliasExpansion);
      aliases.spent = true;
      if (at->is_null()) {
        sink.error_in_file(file_name, 0, 0, message, expected);
      } else {
        sink.error(*at, message, expected);
      }
      return std::nullopt;
    }
    aliases.walked += std::get<std::size_t>(walked);
  }
  if (refused_as_too_deep(root, sink)) return std::nullopt;
  return std::move(parsed.tree);
}

// Whether the document names parts to include.
bool has_includes(const YamlNode& root) {
  if (!root.is_map()) return false;
  for (const auto& item : root) {
    if (item.first.is_scalar() && item.first.scalar() == "include") return true;
  }
  return false;
}

}  // namespace

std::string LoadResult::render() const {
  std::string out = render_list(diagnostics);
  if (!diagnostics.empty()) {
    out += fmt::format("{} problem{} found\n", diagnostics.size(), diagnostics.size() == 1 ? "" : "s");
  }
  return out;
}

std::string LoadResult::render_warnings() const {
  return render_list(warnings);
}

std::string LoadResult::render_list(const std::vector<Diagnostic>& list) const {
  const auto lines = split_lines(source);
  // Each part's lines, split once when a problem is first in it (not once per problem: 20,000 problems
  // in a part took seconds).
  std::vector<std::optional<std::vector<std::string_view>>> part_lines(parts.size());
  const std::vector<std::string_view> none;
  std::string out;
  // A problem in another file (a CSV of samples) is shown without a source line; one in an included
  // part with the part's.
  for (const Diagnostic& d : list) {
    if (d.file == file) {
      out += format_diagnostic(d, lines);
      continue;
    }
    const auto part =
        std::find_if(parts.begin(), parts.end(), [&](const auto& p) { return p.first == d.file; });
    if (part == parts.end()) {
      out += format_diagnostic(d, none);
      continue;
    }
    auto& split = part_lines[static_cast<std::size_t>(part - parts.begin())];
    if (!split) split = split_lines(part->second);
    out += format_diagnostic(d, *split);
  }
  return out;
}

LoadResult load_scenario_text(std::string_view text, std::string file_name,
                              const std::vector<std::string>& extra) {
  const SuggestionBudget suggestions(kSuggestionCandidates);
  LoadResult result;
  result.file = file_name;
  result.content_hash = sim::fnv1a64(text);  // of the bytes as they are, before line ends change
  DiagnosticSink sink(file_name);
  sink.add_part(file_name, 0);
  ScenarioPart main{file_name, std::string(text), 0};
  AliasBudget aliases;
  const std::optional<YamlTree> parsed = parse_document(main, sink, aliases);
  result.source = std::move(main.source);
  if (!parsed) {
    result.diagnostics = sink.take();
    return result;
  }
  YamlNode root = parsed->root();
  Assembled assembled;  // holds the included parts' trees while the scenario is read
  if (has_includes(root) || !extra.empty()) {
    const int lines = static_cast<int>(std::count(result.source.begin(), result.source.end(), '\n')) + 1;
    assembled = assemble_parts(root, file_name, text.size(), result.content_hash, lines, extra, sink,
                               [&aliases](ScenarioPart& part, DiagnosticSink& part_sink) {
                                 return parse_document(part, part_sink, aliases);
                               });
    for (ScenarioPart& part : assembled.parts) result.parts.emplace_back(part.file, std::move(part.source));
    result.content_hash = assembled.content_hash;
    root = assembled.tree.root();
    if (!sink.empty()) {
      result.diagnostics = sink.take();
      return result;
    }
  }
  if (root.is_null() || !root.defined()) {
    sink.error_without_place("the scenario is empty",
                             "a mapping with at least 'scenario', 'start' and 'components'");
    result.diagnostics = sink.take();
    return result;
  }
  {
    ScenarioReader reader(sink);
    // Profiles repeat their keys in every component that takes one, as aliases repeat a node: the two
    // share one budget (what the aliases left of it).
    const std::size_t allowed = 2 * aliases.text_bytes + kMaxAliasExpansion;
    reader.set_expansion_budget(allowed > aliases.walked ? allowed - aliases.walked : 0);
    models::ScenarioSpec spec = reader.read(root);
    // A tenant table is part of the scenario: a result names both by one hash.
    if (reader.table_hash() != 0) {
      result.content_hash =
          sim::fnv1a64(fmt::format("tenant_table:{:016x}", reader.table_hash()), result.content_hash);
    }
    // So are the CSVs of samples, which change the draws.
    for (const std::uint64_t hash : sink.read_file_hashes()) {
      result.content_hash = sim::fnv1a64(fmt::format("samples:{:016x}", hash), result.content_hash);
    }
    result.read_files = sink.read_files();
    spec.inputs = sink.take_inputs();
    if (sink.empty()) {
      result.spec = std::move(spec);
      result.warnings = sink.take_warnings();
    }
  }
  result.diagnostics = sink.take();
  // In file order, as a reader goes through the file; problems without a place first. The scenario
  // file first, then its parts in the order they were read; another file (a CSV) counts as the scenario.
  const auto part_rank = [&](const std::string& file) {
    const auto part = std::find_if(result.parts.begin(), result.parts.end(),
                                   [&](const auto& p) { return p.first == file; });
    return part == result.parts.end() ? std::size_t{0}
                                      : static_cast<std::size_t>(part - result.parts.begin()) + 1;
  };
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     const std::size_t rank_a = part_rank(a.file);
                     const std::size_t rank_b = part_rank(b.file);
                     if (rank_a != rank_b) return rank_a < rank_b;
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
  return result;
}

LoadResult load_scenario_file(const std::string& path, const std::vector<std::string>& extra) {
  FileText read = read_file_text(path, kMaxScenarioBytes);
  if (!read.text) {
    LoadResult result;
    result.diagnostics.push_back(Diagnostic{path, 0, 0, std::move(read.problem), std::move(read.expected)});
    return result;
  }
  return load_scenario_text(*read.text, path, extra);
}

}  // namespace outagesim::loader
