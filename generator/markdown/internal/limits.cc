// Markdown::CheckLimits: one pass over the text, line by line, before cmark-gfm sees it.
#include <optional>
#include <string>
#include <string_view>

#include "markdown/markdown.h"

namespace outcomes::markdown {
namespace {

// cmark-gfm's table extension keeps a row's cells in a linked list it appends to from the
// head, so a row costs time quadratic in its cells: a 20,000-column table took 17 s.
constexpr size_t kMaxTableCells = 200;
// cmark-gfm walks every open block quote and list item for each following line, so a line
// nested d deep makes every later line cost d: 100,000 nested quotes and as many lazy lines
// took 97 s.
constexpr size_t kMaxNesting = 100;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The length of a list item marker at `pos` ("-", "+", "*", or up to 9 digits and "." or ")"),
// when followed by a blank or the end of the line; 0 otherwise.
size_t ListMarkerLength(std::string_view line, size_t pos) {
  size_t end = pos;
  if (end < line.size() && (line[end] == '-' || line[end] == '+' || line[end] == '*')) {
    ++end;
  } else {
    while (end < line.size() && end - pos < 9 && IsDigit(line[end])) ++end;
    if (end == pos || end == line.size() || (line[end] != '.' && line[end] != ')')) return 0;
    ++end;
  }
  return end == line.size() || IsBlank(line[end]) ? end - pos : 0;
}

// An upper bound on how deeply `line` sits in block quotes and list items: its container
// markers ('>' and list markers) before the text, plus half of the indentation between them
// that is not the one blank a marker needs (a nested list item is indented at least two
// columns under its parent's text). Returns the bound and, in `*where`, the byte offset of
// the marker or blank at which it passed kMaxNesting.
size_t NestingBound(std::string_view line, size_t* where) {
  size_t markers = 0;
  size_t blank_columns = 0;
  size_t pos = 0;
  while (pos < line.size()) {
    if (IsBlank(line[pos])) {
      blank_columns += line[pos] == '\t' ? 4 : 1;
      ++pos;
    } else if (line[pos] == '>') {
      ++markers;
      ++pos;
    } else if (const size_t length = ListMarkerLength(line, pos); length > 0) {
      ++markers;
      pos += length;
    } else {
      break;
    }
    const size_t extra = blank_columns > markers ? blank_columns - markers : 0;
    if (markers + extra / 2 > kMaxNesting) {
      *where = pos - 1;
      return markers + extra / 2;
    }
  }
  return 0;
}

// The offset of the '|' past kMaxTableCells + 1 on `line` (backslash-escaped ones do not
// separate cells), or npos.
size_t TooManyCells(std::string_view line) {
  size_t pipes = 0;
  for (size_t pos = 0; pos < line.size(); ++pos) {
    if (line[pos] == '\\') {
      ++pos;
    } else if (line[pos] == '|' && ++pipes > kMaxTableCells + 1) {
      return pos;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<LimitProblem> CheckLimits(std::string_view markdown, uint32_t first_line) {
  uint32_t line_number = first_line == 0 ? 1 : first_line;
  size_t start = 0;
  while (start < markdown.size()) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    const std::string_view line = markdown.substr(start, end - start);
    size_t where = 0;
    if (NestingBound(line, &where) > 0) {
      return LimitProblem{
          line_number, static_cast<uint32_t>(where + 1),
          "block quotes and lists nested more than " + std::to_string(kMaxNesting) + " levels deep",
          "a few levels are all a page needs: look for '>', list markers or "
          "indentation repeated by mistake"};
    }
    if (const size_t pipe = TooManyCells(line); pipe != std::string_view::npos) {
      return LimitProblem{line_number, static_cast<uint32_t>(pipe + 1),
                          "more than " + std::to_string(kMaxTableCells + 1) +
                              " '|' on one line: a table may have at most " +
                              std::to_string(kMaxTableCells) + " columns",
                          "split the table into narrower ones; write \\| for a | that does not "
                          "separate cells"};
    }
    start = end + 1;
    ++line_number;
  }
  return std::nullopt;
}

}  // namespace outcomes::markdown
