// Places in a JSON file that is not a scenario (a shard of `run --shard`, a Terraform state), for messages
// about it: a syntax error at the byte the JSON parser stopped on, and a value that parsed but means the
// wrong thing at its JSON Pointer (RFC 6901, e.g. "/outcomes/3/inputs/2"), both as the loader's
// Diagnostic, so they print as file:line:column with the line and a caret like every scenario error.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "loader/diagnostic.hpp"

namespace outagesim::loader {

// 1-based line and column (in bytes) of the byte at `offset` of `text` (the end when past it).
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset);

// The offset in `text` of the first byte of the value at `pointer` ("" is the whole document), or nothing
// when `text` is not JSON or holds no such value. Found by a second parse, so only for messages.
std::optional<std::size_t> json_value_offset(std::string_view text, std::string_view pointer);

// A problem with the value at `pointer` of the JSON file `file` holding `text`: at that value's first
// byte, or at no place (line 0) when the pointer names nothing in the text.
Diagnostic json_value_diagnostic(const std::string& file, std::string_view text, std::string_view pointer,
                                 std::string message, std::string expected);

// A number the JSON parser could not hold (nlohmann's out_of_range 406, "number overflow parsing '1e400'",
// whose message `what` names the number but not its place): at the number's first appearance as a value.
Diagnostic json_number_diagnostic(const std::string& file, std::string_view text, std::string_view what,
                                  std::string expected);

// The first key given twice in one object of the JSON text, as a problem at its second occurrence;
// nothing when every object names each key once (or the text is not JSON: the parser says so). JSON
// parsers keep one of the two values without a word, so a file edited by hand could change meaning.
std::optional<Diagnostic> json_duplicate_key(const std::string& file, std::string_view text,
                                             std::string expected);

// A syntax error a JSON parser reported at the 1-based byte `byte` (nlohmann's parse_error::byte; 0 when it
// read nothing) with its message `what`. nlohmann's own "parse error at line L, column C: " is dropped:
// the diagnostic's place says it.
Diagnostic json_syntax_diagnostic(const std::string& file, std::string_view text, std::size_t byte,
                                  std::string_view what, std::string expected);

}  // namespace outagesim::loader
