// Text rendering of diagnostics, and escaping of the file's text for messages.
#include "loader/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "loader/display_controls.hpp"

namespace outagesim::loader {

namespace {

// A message or expectation longer than this is cut: a safety net for text from the file that reached
// one without going through shown_text().
constexpr std::size_t kMaxMessageChars = 2000;

// Source lines longer than this (in shown characters) are shown as a window around the column.
constexpr std::size_t kShownLineChars = 160;

// The length of the valid UTF-8 character at the start of `text`, or 0 when it does not start with one.
std::size_t utf8_length(std::string_view text) {
  const auto c = static_cast<unsigned char>(text[0]);
  std::size_t length;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
  } else {
    return 0;
  }
  if (length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// One shown piece of text: a whole character, or an escape for a byte. `bytes` of the source it stands
// for; `width` in terminal columns, counted as one per character.
struct Piece {
  std::string text;
  std::size_t bytes = 0;
  std::size_t width = 0;
};

// The next piece of `text` (not empty).
Piece next_piece(std::string_view text) {
  const std::size_t length = utf8_length(text);
  // C0 controls, DEL and C1 controls move the cursor, ring the bell or start terminal escape sequences:
  // shown as their bytes. Line separators and bidirectional controls end a line or reorder the rest of it:
  // shown as their code point. None may reach the terminal from a file (loader/display_controls.hpp).
  const DisplayControl dc = display_control_at(text);
  if (dc.bytes >= 2 && dc.code > 0x9F) {
    std::string escaped = fmt::format("\\u{:04X}", dc.code);
    const std::size_t width = escaped.size();
    return {std::move(escaped), dc.bytes, width};
  }
  const bool control = dc.bytes > 0;
  if (length == 0 || control) {
    std::string escaped;
    for (std::size_t k = 0; k < std::max<std::size_t>(length, 1); ++k)
      escaped += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[k]));
    const std::size_t width = escaped.size();
    return {std::move(escaped), std::max<std::size_t>(length, 1), width};
  }
  return {std::string(text.substr(0, length)), length, 1};
}

}  // namespace

std::string escaped_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const Piece piece = next_piece(text);
    out += piece.text;
    text.remove_prefix(piece.bytes);
  }
  return out;
}

std::string shown_text(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::string_view rest = text;
  for (std::size_t shown = 0; !rest.empty(); ++shown) {
    if (shown == max_chars) return fmt::format("{}… ({} bytes)", out, text.size());
    const Piece piece = next_piece(rest);
    out += piece.text;
    rest.remove_prefix(piece.bytes);
  }
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

std::string format_diagnostic(const Diagnostic& d, const std::vector<std::string_view>& source_lines) {
  const std::string message = shown_text(d.message, kMaxMessageChars);
  const std::string expected = shown_text(d.expected, kMaxMessageChars);
  const std::string file = escaped_text(d.file);
  std::string out;
  if (d.line > 0) {
    out = fmt::format("{}:{}:{}: {}: {}\n", file, d.line, d.column, d.warning ? "warning" : "error", message);
    const bool has_line = !d.source_line.empty() || static_cast<std::size_t>(d.line) <= source_lines.size();
    if (has_line) {
      const std::string_view line_text =
          !d.source_line.empty() ? std::string_view(d.source_line) : source_lines[d.line - 1];
      // The line in pieces, and the piece the column's byte falls in.
      std::vector<Piece> pieces;
      std::size_t caret_piece = 0;
      const std::size_t caret_byte = static_cast<std::size_t>(std::max(1, d.column) - 1);
      std::size_t byte = 0;
      for (std::string_view rest = line_text; !rest.empty();) {
        pieces.push_back(next_piece(rest));
        rest.remove_prefix(pieces.back().bytes);
        byte += pieces.back().bytes;
        if (byte <= caret_byte) caret_piece = pieces.size();
      }
      // A long line is shown as a window that holds the caret, a third of the way in.
      std::size_t first = 0;
      std::size_t last = pieces.size();
      if (pieces.size() > kShownLineChars) {
        first = caret_piece > kShownLineChars / 3 ? caret_piece - kShownLineChars / 3 : 0;
        first = std::min(first, pieces.size() - kShownLineChars);
        last = first + kShownLineChars;
      }
      std::string shown = first > 0 ? "…" : "";
      std::size_t caret_column = first > 0 ? 1 : 0;
      for (std::size_t i = first; i < last; ++i) {
        shown += pieces[i].text;
        if (i < caret_piece) caret_column += pieces[i].width;
      }
      if (last < pieces.size()) shown += "…";
      const std::string number = std::to_string(d.line);
      out += fmt::format(" {} | {}\n", number, shown);
      out += fmt::format(" {} | {}^\n", std::string(number.size(), ' '), std::string(caret_column, ' '));
    }
  } else {
    out = fmt::format("{}: {}: {}\n", file, d.warning ? "warning" : "error", message);
  }
  if (!expected.empty()) out += fmt::format("  expected: {}\n", expected);
  return out;
}

}  // namespace outagesim::loader
