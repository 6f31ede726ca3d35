#include "template/internal/render.h"

#include <charconv>
#include <cstdint>
#include <string_view>
#include <vector>

namespace outcomes::tmpl::internal {
namespace {

using Json = nlohmann::json;

// Partials and parents may recurse over data (a tree rendered by a partial that includes
// itself), but a template that includes itself unconditionally must stop with an error, not
// by running out of stack.
constexpr int kMaxDepth = 200;
// Every section, partial, parent and block being rendered takes a few stack frames; the parser
// bounds each template's own nesting (100), this bounds their sum across included templates.
constexpr int kMaxNesting = 1000;

// The spec's `!!data`: missing, null, false, 0, "" and [] are falsey (see template.h).
bool IsFalsey(const Json* value) {
  if (value == nullptr) return true;
  switch (value->type()) {
    case Json::value_t::null:
      return true;
    case Json::value_t::boolean:
      return !value->get<bool>();
    case Json::value_t::number_integer:
      return value->get<int64_t>() == 0;
    case Json::value_t::number_unsigned:
      return value->get<uint64_t>() == 0;
    case Json::value_t::number_float:
      return value->get<double>() == 0.0;
    case Json::value_t::string:
      return value->get_ref<const std::string&>().empty();
    case Json::value_t::array:
      return value->empty();
    default:
      return false;  // objects (even empty ones), binary
  }
}

void AppendEscaped(std::string& out, std::string_view text) {
  size_t run_start = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    std::string_view entity;
    switch (text[pos]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text, run_start, pos - run_start);
    out.append(entity);
    run_start = pos + 1;
  }
  out.append(text, run_start, text.size() - run_start);
}

// An argument block given to a parent, with the template that wrote it (for error messages).
struct Argument {
  const Node* block;
  const Template* owner;
};

class Renderer {
 public:
  Renderer(const Templates::Map& templates, const RenderOptions& options, std::string& out,
           std::string& error)
      : templates_(templates), options_(options), out_(out), error_(error) {}

  bool Render(const Template& root, const Json& data) {
    stack_.reserve(16);
    if (options_.globals != nullptr) stack_.push_back(options_.globals);
    stack_.push_back(&data);
    template_ = &root;
    return Nodes(root.nodes);
  }

 private:
  bool Nodes(const std::vector<Node>& nodes) {
    for (const Node& node : nodes) {
      if (!RenderNode(node)) return false;
    }
    return true;
  }

  bool RenderNode(const Node& node) {
    switch (node.kind) {
      case NodeKind::kText:
        Write(node.text);
        return true;
      case NodeKind::kVariable:
      case NodeKind::kRawVariable:
        return Interpolate(node);
      default:
        break;
    }
    if (nesting_ == kMaxNesting) {
      return Fail(node, "sections, partials, parents and blocks nested more than " +
                            std::to_string(kMaxNesting) + " deep");
    }
    ++nesting_;
    const bool ok = RenderNested(node);
    --nesting_;
    return ok;
  }

  // A node with children or an included template: the recursive cases.
  bool RenderNested(const Node& node) {
    switch (node.kind) {
      case NodeKind::kSection:
        return Section(node);
      case NodeKind::kInverted:
        return IsFalsey(Lookup(node.name)) ? Nodes(node.children) : true;
      case NodeKind::kPartial:
      case NodeKind::kParent:
        return Include(node);
      case NodeKind::kBlock:
        return Block(node);
      default:
        return true;
    }
  }

  // The spec's name resolution: the first part is looked up from the top of the context stack
  // down; the other parts only inside what it found.
  const Json* Lookup(const Name& name) const {
    if (name.parts.empty()) return stack_.back();  // "."
    const Json* value = nullptr;
    for (auto frame = stack_.rbegin(); frame != stack_.rend(); ++frame) {
      if (!(*frame)->is_object()) continue;
      const auto found = (*frame)->find(name.parts.front());
      if (found != (*frame)->end()) {
        value = &*found;
        break;
      }
    }
    for (size_t part_idx = 1; value != nullptr && part_idx < name.parts.size(); ++part_idx) {
      if (!value->is_object()) return nullptr;
      const auto found = value->find(name.parts[part_idx]);
      value = found == value->end() ? nullptr : &*found;
    }
    return value;
  }

  // Template text: indentation (inside standalone partials, parents and blocks) goes before
  // each line the text starts.
  void Write(std::string_view text) {
    if (indent_.empty()) {
      out_.append(text);
      return;
    }
    size_t pos = 0;
    while (pos < text.size()) {
      if (at_line_start_) {
        out_.append(indent_);
        at_line_start_ = false;
      }
      const size_t newline = text.find('\n', pos);
      const size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
      out_.append(text, pos, end - pos);
      at_line_start_ = newline != std::string_view::npos;
      pos = end;
    }
  }

  // Data: indented where it starts a line, but line ends inside it are the data's own.
  void WriteValue(std::string_view value, bool escape) {
    if (value.empty()) return;
    if (at_line_start_ && !indent_.empty()) {
      out_.append(indent_);
      at_line_start_ = false;
    }
    if (escape) {
      AppendEscaped(out_, value);
    } else {
      out_.append(value);
    }
  }

  bool Interpolate(const Node& node) {
    const Json* value = Lookup(node.name);
    if (value == nullptr) return true;
    const bool escape = node.kind == NodeKind::kVariable;
    char digits[24];
    switch (value->type()) {
      case Json::value_t::null:
        return true;
      case Json::value_t::string:
        WriteValue(value->get_ref<const std::string&>(), escape);
        return true;
      case Json::value_t::boolean:
        WriteValue(value->get<bool>() ? "true" : "false", false);
        return true;
      case Json::value_t::number_integer: {
        const auto end = std::to_chars(digits, digits + sizeof digits, value->get<int64_t>()).ptr;
        WriteValue(std::string_view(digits, static_cast<size_t>(end - digits)), false);
        return true;
      }
      case Json::value_t::number_unsigned: {
        const auto end = std::to_chars(digits, digits + sizeof digits, value->get<uint64_t>()).ptr;
        WriteValue(std::string_view(digits, static_cast<size_t>(end - digits)), false);
        return true;
      }
      case Json::value_t::number_float:
        WriteValue(value->dump(), false);  // shortest round-trip form: 1.21
        return true;
      default:
        // A view model bug: print one of its fields, or use a section.
        return Fail(node, "`" + node.name.text + "` is " +
                              (value->is_array() ? "a list" : "an object") +
                              ", which cannot be written as text");
    }
  }

  bool Section(const Node& node) {
    const Json* value = Lookup(node.name);
    if (IsFalsey(value)) return true;
    if (value->is_array()) {
      for (const Json& item : *value) {
        stack_.push_back(&item);
        const bool ok = Nodes(node.children);
        stack_.pop_back();
        if (!ok) return false;
      }
      return true;
    }
    stack_.push_back(value);
    const bool ok = Nodes(node.children);
    stack_.pop_back();
    return ok;
  }

  // Renders `nodes` with `indent` added before every line they start.
  bool Indented(const std::string& indent, const std::vector<Node>& nodes) {
    const size_t outer_size = indent_.size();
    indent_ += indent;
    at_line_start_ = true;
    const bool ok = Nodes(nodes);
    indent_.resize(outer_size);
    return ok;
  }

  // A partial, or a parent (a partial whose blocks the tag's arguments replace).
  bool Include(const Node& node) {
    const char* what = node.kind == NodeKind::kParent ? "parent" : "partial";
    std::string_view name = node.text;
    if (node.dynamic) {
      const Json* value = Lookup(node.name);
      if (value == nullptr || !value->is_string()) {
        if (!options_.missing_partial_is_error) return true;
        return Fail(node, std::string("the name of dynamic ") + what + " `*" + node.name.text +
                              "` is not a string in the data");
      }
      name = value->get_ref<const std::string&>();
    }
    const auto found = templates_.find(name);
    if (found == templates_.end()) {
      if (!options_.missing_partial_is_error) return true;
      return Fail(node, std::string(what) + " '" + std::string(name) + "' not found");
    }
    if (depth_ == kMaxDepth) {
      return Fail(node, "partials and parents nested more than " + std::to_string(kMaxDepth) +
                            " deep: does a template include itself whatever the data?");
    }
    ++depth_;
    const size_t outer_arguments = arguments_.size();
    for (const Node& block : node.children) arguments_.push_back({&block, template_});
    const Template* outer_template = template_;
    template_ = found->second.get();
    const bool ok =
        node.standalone ? Indented(node.indent, template_->nodes) : Nodes(template_->nodes);
    template_ = outer_template;
    arguments_.resize(outer_arguments);
    --depth_;
    return ok;
  }

  bool Block(const Node& node) {
    // The outermost template's argument wins: it was pushed first.
    const Argument* argument = nullptr;
    for (const Argument& candidate : arguments_) {
      if (candidate.block->text == node.text) {
        argument = &candidate;
        break;
      }
    }
    if (argument == nullptr) {
      switch (node.block_indent) {
        case BlockIndent::kNone:
          return Nodes(node.children);
        case BlockIndent::kIntrinsic:
          return Indented(node.indent, node.children);
        case BlockIndent::kLeading:
          Write(node.indent);
          return Nodes(node.children);
      }
    }
    if (depth_ == kMaxDepth) {
      return Fail(node, "blocks nested more than " + std::to_string(kMaxDepth) +
                            " deep: does block `" + node.text + "` contain itself?");
    }
    ++depth_;
    const Template* outer_template = template_;
    template_ = argument->owner;
    const bool ok = node.block_indent == BlockIndent::kNone
                        ? Nodes(argument->block->children)
                        : Indented(node.indent, argument->block->children);
    template_ = outer_template;
    --depth_;
    return ok;
  }

  bool Fail(const Node& node, const std::string& message) {
    error_ = "template '" + template_->name + "': " + message + " (" + template_->file + ":" +
             std::to_string(node.line) + ":" + std::to_string(node.column) + ")";
    return false;
  }

  const Templates::Map& templates_;
  const RenderOptions& options_;
  std::string& out_;
  std::string& error_;
  const Template* template_ = nullptr;  // the template the nodes being rendered come from
  std::vector<const Json*> stack_;      // the context stack; top at the back
  std::vector<Argument> arguments_;     // block arguments in force, outermost first
  std::string indent_;                  // added before each line of template text
  bool at_line_start_ = false;          // the next text starts a line (kept when indent_ is set)
  int depth_ = 0;                       // partials, parents and argument blocks being rendered
  int nesting_ = 0;                     // every node with children or an include being rendered
};

}  // namespace

bool RenderTemplate(const Templates::Map& templates, const Template& root, const Json& data,
                    const RenderOptions& options, std::string& out, std::string& error) {
  out.reserve(out.size() + 2 * root.source_size);
  return Renderer(templates, options, out, error).Render(root, data);
}

}  // namespace outcomes::tmpl::internal
