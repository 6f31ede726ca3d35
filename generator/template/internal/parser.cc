#include "template/internal/parser.h"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <utility>
#include <vector>

namespace outcomes::tmpl::internal {
namespace {

constexpr size_t kNoIndex = std::string_view::npos;

// Sections, inverted sections, parents and blocks open at once. The tree is built, rendered and
// freed recursively, so depth must be bounded; real templates nest a handful deep.
constexpr size_t kMaxNesting = 100;

enum class TokenKind : uint8_t {
  kText,
  kVariable,     // {{name}}
  kRawVariable,  // {{{name}}}, {{&name}}
  kSection,      // {{#name}}
  kInverted,     // {{^name}}
  kClose,        // {{/name}}
  kComment,      // {{!...}}
  kPartial,      // {{>name}}
  kParent,       // {{<name}}
  kBlock,        // {{$name}}
  kDelimiters,   // {{=<% %>=}}
};

// The kind of tag a sigil (the character after the opening delimiter) announces.
TokenKind KindOf(char sigil) {
  constexpr std::string_view kSigils = "{&#^/!><$=";
  constexpr TokenKind kKinds[] = {
      TokenKind::kRawVariable, TokenKind::kRawVariable, TokenKind::kSection, TokenKind::kInverted,
      TokenKind::kClose,       TokenKind::kComment,     TokenKind::kPartial, TokenKind::kParent,
      TokenKind::kBlock,       TokenKind::kDelimiters,
  };
  static_assert(std::size(kKinds) == kSigils.size());
  const size_t found = kSigils.find(sigil);
  return found == std::string_view::npos ? TokenKind::kVariable : kKinds[found];
}

bool IsOpening(TokenKind kind) {
  return kind == TokenKind::kSection || kind == TokenKind::kInverted ||
         kind == TokenKind::kParent || kind == TokenKind::kBlock;
}

struct Token {
  TokenKind kind = TokenKind::kText;
  size_t begin = 0;  // source range: the text, or the whole tag with its delimiters
  size_t end = 0;
  std::string_view content;     // tags: what follows the sigil, trimmed
  size_t partner = kNoIndex;    // an opening tag's closing tag and the reverse
  size_t container = kNoIndex;  // the innermost opening tag around this token
  // Set by the whitespace rules.
  bool standalone = false;
  BlockIndent block_indent = BlockIndent::kNone;
  std::string indent;     // partial, parent: indentation when standalone; block: see BlockIndent
  std::string intrinsic;  // block: indentation removed from each line of its content (absolute)
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool HasSpace(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return IsSpace(c); });
}

Name MakeName(std::string_view text) {
  Name name;
  name.text = std::string(text);
  if (text == ".") return name;  // the implicit iterator: no parts
  size_t start = 0;
  while (true) {
    const size_t dot = text.find('.', start);
    name.parts.emplace_back(text.substr(start, dot == kNoIndex ? kNoIndex : dot - start));
    if (dot == kNoIndex) break;
    start = dot + 1;
  }
  return name;
}

// A dynamic partial or parent names its template through the data: `{{>*name}}`.
bool IsDynamic(std::string_view content) { return !content.empty() && content.front() == '*'; }

class Parser {
 public:
  Parser(std::string_view source, const std::string& file, base::Diagnostics& diagnostics)
      : source_(source), file_(file), diagnostics_(diagnostics), dropped_(source.size(), 0) {
    line_starts_.push_back(0);
    for (size_t pos = 0; pos < source_.size(); ++pos) {
      if (source_[pos] == '\n') line_starts_.push_back(pos + 1);
    }
  }

  std::unique_ptr<Template> Run() {
    if (!Lex() || !Match()) return nullptr;
    for (size_t token_idx = 0; token_idx < tokens_.size(); ++token_idx) {
      ApplyWhitespaceRules(token_idx);
    }
    auto result = std::make_unique<Template>();
    result->source_size = source_.size();
    result->nodes = Build(0, tokens_.size());
    return result;
  }

 private:
  base::Location LocationOf(size_t offset) const {
    const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const size_t line_idx = static_cast<size_t>(after - line_starts_.begin()) - 1;
    return {file_, static_cast<uint32_t>(line_idx + 1),
            static_cast<uint32_t>(offset - line_starts_[line_idx] + 1)};
  }

  void Error(size_t offset, std::string message, std::string hint = {}) {
    diagnostics_.Error(LocationOf(offset), std::move(message), std::move(hint));
  }

  std::string_view TagText(const Token& token) const {
    return source_.substr(token.begin, token.end - token.begin);
  }

  std::string Quote(const Token& token) const { return "`" + std::string(TagText(token)) + "`"; }

  // ---- Lexing: text and tags, following delimiter changes. ----

  bool Lex() {
    std::string open = "{{";
    std::string close = "}}";
    size_t pos = 0;
    while (pos < source_.size()) {
      const size_t tag = source_.find(open, pos);
      if (tag == kNoIndex) {
        AddText(pos, source_.size());
        break;
      }
      AddText(pos, tag);
      const size_t inner = tag + open.size();
      const char sigil = inner < source_.size() ? source_[inner] : '\0';
      Token token;
      token.kind = KindOf(sigil);
      const size_t content_begin = token.kind == TokenKind::kVariable ? inner : inner + 1;
      // `{{{name}}}` and `{{=<% %>=}}` end with their sigil's partner before the delimiter.
      const std::string closing = sigil == '{' ? "}" + close : sigil == '=' ? "=" + close : close;
      const size_t closing_at = source_.find(closing, std::min(content_begin, source_.size()));
      const auto unclosed = [&](const std::string& where) {
        Error(tag, "unclosed tag: `" + open + "` is not closed by `" + closing + "`" + where,
              "close it with `" + closing + "`, or change the delimiters first (`" + open +
                  "=<% %>=" + close + "`) to write `" + open + "` as text");
        return false;
      };
      if (closing_at == kNoIndex) return unclosed("");
      token.begin = tag;
      token.end = closing_at + closing.size();
      const std::string_view raw = source_.substr(content_begin, closing_at - content_begin);
      if (token.kind != TokenKind::kComment) {
        token.content = Trim(raw);
        // `{{name` followed, lines later, by another tag's `}}`.
        if (token.content.find(open) != kNoIndex || token.content.find('\n') != kNoIndex) {
          return unclosed(" on its line");
        }
        if (token.kind == TokenKind::kDelimiters) {
          if (!ChangeDelimiters(token, open, close)) return false;
        } else if (!CheckName(token)) {
          return false;
        }
      }
      tokens_.push_back(token);
      pos = token.end;
    }
    return true;
  }

  void AddText(size_t begin, size_t end) {
    if (begin >= end) return;
    Token token;
    token.kind = TokenKind::kText;
    token.begin = begin;
    token.end = end;
    tokens_.push_back(token);
  }

  bool CheckName(const Token& token) {
    std::string_view name = token.content;
    if ((token.kind == TokenKind::kPartial || token.kind == TokenKind::kParent) &&
        IsDynamic(name)) {
      name = Trim(name.substr(1));
    }
    if (name.empty()) {
      Error(token.begin, "empty tag " + Quote(token) + ": expected a name");
      return false;
    }
    if (HasSpace(name)) {
      Error(token.begin, "the name in " + Quote(token) + " contains a space",
            "names are written without spaces, e.g. `page.title`");
      return false;
    }
    return true;
  }

  bool ChangeDelimiters(const Token& token, std::string& open, std::string& close) {
    const std::string_view content = token.content;
    size_t split = 0;
    while (split < content.size() && !IsSpace(content[split])) ++split;
    const std::string_view new_open = content.substr(0, split);
    const std::string_view new_close = Trim(content.substr(split));
    if (new_open.empty() || new_close.empty() || HasSpace(new_close) ||
        new_open.find('=') != kNoIndex || new_close.find('=') != kNoIndex) {
      Error(token.begin, "bad delimiter change " + Quote(token),
            "write the two new delimiters separated by a space, e.g. `" + open + "=<% %>=" + close +
                "`");
      return false;
    }
    open = std::string(new_open);
    close = std::string(new_close);
    return true;
  }

  // ---- Structure: pair opening and closing tags. ----

  bool Match() {
    std::vector<size_t> open;
    for (size_t token_idx = 0; token_idx < tokens_.size(); ++token_idx) {
      Token& token = tokens_[token_idx];
      token.container = open.empty() ? kNoIndex : open.back();
      if (IsOpening(token.kind)) {
        if (open.size() == kMaxNesting) {
          Error(token.begin,
                Quote(token) + " is nested more than " + std::to_string(kMaxNesting) +
                    " deep in sections, parents and blocks",
                "close sections before opening more: no page needs this depth");
          return false;
        }
        open.push_back(token_idx);
      } else if (token.kind == TokenKind::kClose) {
        if (open.empty()) {
          Error(token.begin,
                Quote(token) + " closes nothing: no section `" + std::string(token.content) +
                    "` is open",
                "remove it, or open the section before it");
          return false;
        }
        Token& opening = tokens_[open.back()];
        if (opening.content != token.content) {
          const base::Location where = LocationOf(opening.begin);
          Error(token.begin,
                Quote(token) + " does not match " + Quote(opening) + " opened at line " +
                    std::to_string(where.line) + ", column " + std::to_string(where.column),
                "close `" + std::string(opening.content) + "` first");
          return false;
        }
        opening.partner = token_idx;
        token.partner = open.back();
        open.pop_back();
      }
    }
    for (const size_t opening_idx : open) {
      const Token& opening = tokens_[opening_idx];
      Error(opening.begin, Quote(opening) + " is never closed",
            "add the closing tag for `" + std::string(opening.content) + "` where it ends");
    }
    return open.empty();
  }

  // ---- Whitespace: standalone lines and indentation. ----
  //
  // A tag "clears left" when only blanks stand between it and the start of its line, and
  // "clears right" when only blanks stand between it and the end of its line. Positions are in
  // the source; removed bytes are marked in dropped_ and left out when text nodes are built.

  // The start of `pos`'s line if only blanks precede `pos` on it, else kNoIndex.
  size_t ClearLeft(size_t pos) const {
    while (pos > 0 && IsBlank(source_[pos - 1])) --pos;
    return pos == 0 || source_[pos - 1] == '\n' ? pos : kNoIndex;
  }

  // Just past the end of `pos`'s line (its "\n" or "\r\n", or the end of the text) if only
  // blanks follow `pos` on it, else kNoIndex.
  size_t ClearRight(size_t pos) const {
    while (pos < source_.size() && IsBlank(source_[pos])) ++pos;
    if (pos == source_.size()) return pos;
    if (source_[pos] == '\n') return pos + 1;
    if (source_[pos] == '\r' && pos + 1 < source_.size() && source_[pos + 1] == '\n') {
      return pos + 2;
    }
    return kNoIndex;
  }

  std::string_view LeadingBlanks(size_t pos, size_t limit) const {
    size_t end = pos;
    while (end < limit && IsBlank(source_[end])) ++end;
    return source_.substr(pos, end - pos);
  }

  void Drop(size_t begin, size_t end) {
    std::fill(dropped_.begin() + static_cast<std::ptrdiff_t>(begin),
              dropped_.begin() + static_cast<std::ptrdiff_t>(end), 1);
  }

  // Drops `indentation` from the start of every line in [begin, end), `begin` being a line start.
  void DropIndentation(size_t begin, size_t end, std::string_view indentation) {
    if (indentation.empty()) return;
    size_t line = begin;
    while (line < end) {
      if (line + indentation.size() <= end &&
          source_.compare(line, indentation.size(), indentation) == 0) {
        Drop(line, line + indentation.size());
      }
      const size_t newline = source_.find('\n', line);
      if (newline == kNoIndex) break;
      line = newline + 1;
    }
  }

  // `indentation` (leading blanks in the source) relative to the innermost block around
  // `token_idx` whose intrinsic indentation was removed from its lines: blocks are re-indented
  // where they are expanded, so what is inside them is indented relative to them.
  std::string Relative(std::string_view indentation, size_t token_idx) const {
    for (size_t outer = tokens_[token_idx].container; outer != kNoIndex;
         outer = tokens_[outer].container) {
      const Token& block = tokens_[outer];
      if (block.kind != TokenKind::kBlock || block.intrinsic.empty()) continue;
      if (indentation.substr(0, block.intrinsic.size()) == block.intrinsic) {
        indentation.remove_prefix(block.intrinsic.size());
      }
      break;
    }
    return std::string(indentation);
  }

  void ApplyWhitespaceRules(size_t token_idx) {
    Token& token = tokens_[token_idx];
    switch (token.kind) {
      case TokenKind::kText:
      case TokenKind::kVariable:
      case TokenKind::kRawVariable:
        return;  // interpolation is never standalone
      case TokenKind::kParent:
        ApplyParentRules(token_idx);
        return;
      case TokenKind::kBlock:
        ApplyBlockRules(token_idx);
        return;
      case TokenKind::kClose: {
        const TokenKind opening = tokens_[token.partner].kind;
        if (opening == TokenKind::kParent || opening == TokenKind::kBlock) return;  // done
        break;
      }
      default:
        break;
    }
    // Sections, inverted sections, their closing tags, comments, partials, delimiter changes:
    // a tag alone on its line takes the whole line (blanks and line end) with it.
    const size_t line_start = ClearLeft(token.begin);
    const size_t line_end = ClearRight(token.end);
    if (line_start == kNoIndex || line_end == kNoIndex) return;
    token.standalone = true;
    if (token.kind == TokenKind::kPartial) {
      token.indent = Relative(source_.substr(line_start, token.begin - line_start), token_idx);
    }
    Drop(line_start, token.begin);
    Drop(token.end, line_end);
  }

  // A parent pair is standalone when its opening tag clears left and its closing tag clears
  // right, even on one line (`  {{<layout}}{{/layout}}`): what lies between is not output.
  void ApplyParentRules(size_t opening_idx) {
    Token& opening = tokens_[opening_idx];
    const Token& closing = tokens_[opening.partner];
    const size_t line_start = ClearLeft(opening.begin);
    const size_t line_end = ClearRight(closing.end);
    if (line_start == kNoIndex || line_end == kNoIndex) return;
    opening.standalone = true;
    opening.indent = Relative(source_.substr(line_start, opening.begin - line_start), opening_idx);
    Drop(line_start, opening.begin);
    Drop(closing.end, line_end);
  }

  void ApplyBlockRules(size_t opening_idx) {
    Token& opening = tokens_[opening_idx];
    const Token& closing = tokens_[opening.partner];
    const bool is_argument =
        opening.container != kNoIndex && tokens_[opening.container].kind == TokenKind::kParent;
    if (is_argument) {
      // An argument block is an inline template: a line end right after its opening tag
      // belongs to the tag, the indentation of its first line is removed from all its lines,
      // and blanks before its closing tag are not content. Text around it is ignored anyway.
      size_t content_begin = opening.end;
      const size_t line_end = ClearRight(opening.end);
      if (line_end != kNoIndex) {
        Drop(opening.end, line_end);
        content_begin = line_end;
        opening.intrinsic = std::string(LeadingBlanks(line_end, closing.begin));
        DropIndentation(line_end, closing.begin, opening.intrinsic);
      }
      const size_t last_line = ClearLeft(closing.begin);
      if (last_line != kNoIndex && last_line >= content_begin) Drop(last_line, closing.begin);
      return;
    }
    // A parameter block: each tag alone on its line takes the line with it, as a section's.
    // The pair is standalone when the opening tag clears left and the closing tag clears
    // right; then an argument that replaces it is indented like the block (see BlockIndent).
    const size_t open_start = ClearLeft(opening.begin);
    const size_t open_end = ClearRight(opening.end);
    const size_t close_start = ClearLeft(closing.begin);
    const size_t close_end = ClearRight(closing.end);
    const bool pair_standalone = open_start != kNoIndex && close_end != kNoIndex;
    if (pair_standalone && open_end != kNoIndex) {
      opening.block_indent = BlockIndent::kIntrinsic;
      opening.intrinsic = std::string(LeadingBlanks(open_end, closing.begin));
      opening.indent = Relative(opening.intrinsic, opening_idx);
      DropIndentation(open_end, closing.begin, opening.intrinsic);
    } else if (pair_standalone) {
      opening.block_indent = BlockIndent::kLeading;
      opening.indent =
          Relative(source_.substr(open_start, opening.begin - open_start), opening_idx);
      Drop(open_start, opening.begin);
    }
    if (open_start != kNoIndex && open_end != kNoIndex) {
      Drop(open_start, opening.begin);
      Drop(opening.end, open_end);
    }
    if (close_start != kNoIndex && close_end != kNoIndex) {
      Drop(close_start, closing.begin);
      Drop(closing.end, close_end);
    }
  }

  // ---- Tree: tokens [first, last) → nodes. ----

  Node MakeNode(NodeKind kind, const Token& token) const {
    Node node;
    node.kind = kind;
    const base::Location where = LocationOf(token.begin);
    node.line = where.line;
    node.column = where.column;
    return node;
  }

  void AppendText(std::vector<Node>& nodes, const Token& token) const {
    std::string text;
    for (size_t pos = token.begin; pos < token.end; ++pos) {
      if (!dropped_[pos]) text += source_[pos];
    }
    if (text.empty()) return;
    if (!nodes.empty() && nodes.back().kind == NodeKind::kText) {
      nodes.back().text += text;  // across a comment or a standalone line
      return;
    }
    Node node = MakeNode(NodeKind::kText, token);
    node.text = std::move(text);
    nodes.push_back(std::move(node));
  }

  void SetTemplateName(Node& node, const Token& token) const {
    if (IsDynamic(token.content)) {
      node.dynamic = true;
      node.name = MakeName(Trim(token.content.substr(1)));
    } else {
      node.text = std::string(token.content);
    }
  }

  std::vector<Node> Build(size_t first, size_t last) {
    std::vector<Node> nodes;
    for (size_t token_idx = first; token_idx < last; ++token_idx) {
      const Token& token = tokens_[token_idx];
      switch (token.kind) {
        case TokenKind::kText:
          AppendText(nodes, token);
          break;
        case TokenKind::kVariable:
        case TokenKind::kRawVariable: {
          Node node = MakeNode(
              token.kind == TokenKind::kVariable ? NodeKind::kVariable : NodeKind::kRawVariable,
              token);
          node.name = MakeName(token.content);
          nodes.push_back(std::move(node));
          break;
        }
        case TokenKind::kComment:
        case TokenKind::kDelimiters:
          break;
        case TokenKind::kSection:
        case TokenKind::kInverted: {
          Node node = MakeNode(
              token.kind == TokenKind::kSection ? NodeKind::kSection : NodeKind::kInverted, token);
          node.name = MakeName(token.content);
          node.children = Build(token_idx + 1, token.partner);
          nodes.push_back(std::move(node));
          token_idx = token.partner;
          break;
        }
        case TokenKind::kPartial: {
          Node node = MakeNode(NodeKind::kPartial, token);
          SetTemplateName(node, token);
          node.standalone = token.standalone;
          node.indent = token.indent;
          nodes.push_back(std::move(node));
          break;
        }
        case TokenKind::kParent: {
          Node node = MakeNode(NodeKind::kParent, token);
          SetTemplateName(node, token);
          node.standalone = token.standalone;
          node.indent = token.indent;
          node.children = BuildArguments(token_idx, token.partner);
          nodes.push_back(std::move(node));
          token_idx = token.partner;
          break;
        }
        case TokenKind::kBlock: {
          Node node = MakeNode(NodeKind::kBlock, token);
          node.text = std::string(token.content);
          node.block_indent = token.block_indent;
          node.indent = token.indent;
          node.children = Build(token_idx + 1, token.partner);
          nodes.push_back(std::move(node));
          token_idx = token.partner;
          break;
        }
        case TokenKind::kClose:
          // Build is called on ranges between matched tags, which skip their closing tags.
          assert(false && "unmatched closing tag after Match()");
          break;
      }
    }
    return nodes;
  }

  // The argument blocks of the parent tag `parent_idx`; anything else inside it is ignored,
  // as the spec says, with one warning since it is probably a mistake.
  std::vector<Node> BuildArguments(size_t parent_idx, size_t closing_idx) {
    std::vector<Node> blocks;
    bool warned = false;
    auto warn = [&](size_t offset) {
      if (warned) return;
      warned = true;
      diagnostics_.Warning(LocationOf(offset),
                           "ignored: inside " + Quote(tokens_[parent_idx]) +
                               " only `{{$block}}...{{/block}}` arguments count",
                           "move it into a block, or out of the parent tag");
    };
    for (size_t token_idx = parent_idx + 1; token_idx < closing_idx; ++token_idx) {
      const Token& token = tokens_[token_idx];
      if (token.kind == TokenKind::kBlock) {
        std::vector<Node> one = Build(token_idx, token.partner + 1);
        blocks.push_back(std::move(one.front()));
        token_idx = token.partner;
        continue;
      }
      if (token.kind == TokenKind::kText) {
        const std::string_view text = source_.substr(token.begin, token.end - token.begin);
        const auto visible =
            std::find_if(text.begin(), text.end(), [](char c) { return !IsSpace(c); });
        if (visible != text.end()) warn(token.begin + static_cast<size_t>(visible - text.begin()));
      } else if (token.kind != TokenKind::kComment && token.kind != TokenKind::kDelimiters) {
        warn(token.begin);
      }
      if (IsOpening(token.kind)) token_idx = token.partner;
    }
    return blocks;
  }

  std::string_view source_;
  const std::string& file_;
  base::Diagnostics& diagnostics_;
  std::vector<size_t> line_starts_;
  std::vector<Token> tokens_;
  std::vector<char> dropped_;  // per source byte: removed by the whitespace rules
};

}  // namespace

std::unique_ptr<Template> Parse(const std::string& name, std::string_view source,
                                const std::string& file, base::Diagnostics& diagnostics) {
  std::unique_ptr<Template> result = Parser(source, file, diagnostics).Run();
  if (result) {
    result->name = name;
    result->file = file;
  }
  return result;
}

}  // namespace outcomes::tmpl::internal
