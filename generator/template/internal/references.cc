#include "template/internal/references.h"

#include <string_view>
#include <utility>
#include <vector>

#include "template/internal/ast.h"

namespace outcomes::tmpl::internal {
namespace {

// A partial or parent tag with its template's name written in the text.
struct Reference {
  const Node* node;
  size_t target;  // index of the named template in the map's order
};

// The static partial and parent tags of `root`, in source order, walking the tree with an
// explicit stack.
std::vector<const Node*> StaticIncludes(const Template& root) {
  std::vector<const Node*> found;
  std::vector<std::pair<const std::vector<Node>*, size_t>> stack{{&root.nodes, 0}};
  while (!stack.empty()) {
    auto& [nodes, next] = stack.back();
    if (next == nodes->size()) {
      stack.pop_back();
      continue;
    }
    const Node& node = (*nodes)[next++];
    if ((node.kind == NodeKind::kPartial || node.kind == NodeKind::kParent) && !node.dynamic) {
      found.push_back(&node);
    }
    if (!node.children.empty()) stack.emplace_back(&node.children, 0);
  }
  return found;
}

std::string What(const Node& node) { return node.kind == NodeKind::kParent ? "parent" : "partial"; }

base::Location Where(const Template& owner, const Node& node) {
  return {owner.file, node.line, node.column};
}

}  // namespace

bool CheckReferences(const Templates::Map& templates, const std::set<std::string>& unparsed,
                     const std::string& display_prefix, base::Diagnostics& diagnostics) {
  const size_t errors_before = diagnostics.error_count();
  // Templates by index (map order: sorted by name), and each one's resolved references.
  std::vector<const Template*> by_index;
  std::vector<std::string_view> names;
  for (const auto& [name, parsed] : templates) {
    by_index.push_back(parsed.get());
    names.push_back(name);
  }
  std::vector<std::vector<Reference>> edges(by_index.size());
  for (size_t template_idx = 0; template_idx < by_index.size(); ++template_idx) {
    const Template& owner = *by_index[template_idx];
    for (const Node* node : StaticIncludes(owner)) {
      const auto found = templates.find(node->text);
      if (found != templates.end()) {
        const auto target = static_cast<size_t>(std::distance(templates.begin(), found));
        edges[template_idx].push_back({node, target});
      } else if (unparsed.count(node->text) == 0) {
        const std::string file = display_prefix + node->text + ".mustache";
        diagnostics.Error(Where(owner, *node),
                          What(*node) + " '" + node->text + "' not found: there is no " + file,
                          "create " + file + ", or correct the name in the tag");
      }
    }
  }
  // Depth-first search with an explicit stack; a tag leading to a template still on the stack
  // closes a loop.
  enum class Mark : uint8_t { kNew, kOnStack, kDone };
  std::vector<Mark> marks(by_index.size(), Mark::kNew);
  struct Frame {
    size_t template_idx;
    size_t next_edge;
  };
  std::vector<Frame> stack;
  for (size_t start = 0; start < by_index.size(); ++start) {
    if (marks[start] != Mark::kNew) continue;
    marks[start] = Mark::kOnStack;
    stack.push_back({start, 0});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const std::vector<Reference>& out = edges[frame.template_idx];
      if (frame.next_edge == out.size()) {
        marks[frame.template_idx] = Mark::kDone;
        stack.pop_back();
        continue;
      }
      const Reference& reference = out[frame.next_edge++];
      if (marks[reference.target] == Mark::kNew) {
        marks[reference.target] = Mark::kOnStack;
        stack.push_back({reference.target, 0});
        continue;
      }
      if (marks[reference.target] != Mark::kOnStack) continue;
      std::string loop;
      bool in_loop = false;
      for (const Frame& outer : stack) {
        in_loop = in_loop || outer.template_idx == reference.target;
        if (in_loop) loop += std::string(names[outer.template_idx]) + " -> ";
      }
      loop += std::string(names[reference.target]);
      diagnostics.Error(
          Where(*by_index[frame.template_idx], *reference.node),
          What(*reference.node) + " '" + reference.node->text +
              "' makes templates include themselves in a loop: " + loop,
          "a template must not include itself, directly or through others: rendering it "
          "would never end");
    }
  }
  return diagnostics.error_count() == errors_before;
}

}  // namespace outcomes::tmpl::internal
