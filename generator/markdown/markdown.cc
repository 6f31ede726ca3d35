#include "markdown/markdown.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "markdown/internal/footnotes.h"
#include "markdown/internal/gfm.h"
#include "markdown/internal/slots.h"
#include "markdown/internal/slug.h"
#include "markdown/internal/url.h"

namespace outcomes::markdown {

using internal::NodePtr;

struct Document::Tree {
  // Heading nodes taken out of the tree (their inlines now sit in a custom node that writes the
  // id). cmark-gfm's text nodes point into their block's own text buffer instead of copying it,
  // so a heading must outlive the inlines it lent: declared before `gfm`, these are destroyed
  // after the tree.
  std::vector<NodePtr> detached;
  internal::Gfm gfm;
  int render_options = 0;
  std::vector<cmark_node*> link_nodes;    // parallel to Document::links_
  std::vector<cmark_node*> figure_nodes;  // parallel to Document::figures_: custom blocks
  std::string table_label;          // Options' words for screen readers, HTML-escaped
  std::string footnotes_heading;
  std::string footnote_back_label;
};

namespace {

bool IsBlock(cmark_node* node) {
  return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

std::string Literal(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal ? literal : "";
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Every run of ASCII white space becomes one space; none at either end.
std::string CollapseSpace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (IsAsciiSpace(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out += c;
    }
  }
  return out;
}

// The text a reader sees in `node`'s inlines: text and code spans; breaks as spaces; raw HTML
// and footnote references left out.
std::string InlineText(cmark_node* node) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* current = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(current)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        text += Literal(current);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return CollapseSpace(text);
}

// True when raw HTML `html` is nothing but one comment ("<!-- … -->", "<!-->" included).
bool IsHtmlComment(std::string_view html) {
  while (!html.empty() && IsAsciiSpace(html.back())) html.remove_suffix(1);
  while (!html.empty() && IsAsciiSpace(html.front())) html.remove_prefix(1);
  if (html.substr(0, 4) != "<!--") return false;
  // HTML ends a comment at the first "-->" after "<!-" ("<!-->" is an empty comment), so what
  // follows that first "-->" is not comment any more.
  const size_t close = html.find("-->", 2);
  return close != std::string_view::npos && close + 3 == html.size();
}

// Raw HTML when it is not allowed: a comment is dropped; anything else becomes text (escaped
// when rendered), inline as a text node and a block as a paragraph of text.
void NeutraliseRawHtml(cmark_node* node) {
  std::string literal = Literal(node);
  if (IsHtmlComment(literal)) {
    cmark_node_free(node);  // unlinks it first
    return;
  }
  cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node* replacement = text;
  if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
    while (!literal.empty() && (literal.back() == '\n' || literal.back() == '\r')) {
      literal.pop_back();
    }
    replacement = cmark_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node_append_child(replacement, text);
  }
  cmark_node_set_literal(text, literal.c_str());
  cmark_node_replace(node, replacement);
  cmark_node_free(node);
}

// cmark-gfm renders a task item as <li><input type="checkbox" disabled="" /> text</li>: a form
// control with no accessible name, which axe-core's `label` rule (WCAG 4.1.2) fails even though
// it is disabled. Render the item as a plain <li> whose first paragraph's inlines sit inside a
// <label> that also holds the checkbox, so the item's text names it.
void LabelTaskItem(cmark_node* item) {
  const bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
  cmark_node_set_syntax_extension(item, nullptr);  // from now on an ordinary list item
  const std::string on_enter =
      std::string("<label class=\"task-item\"><input type=\"checkbox\" class=\"task-checkbox\"") +
      (checked ? " checked=\"\"" : "") + " disabled=\"\" /> ";
  cmark_node* label = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
  cmark_node_set_on_enter(label, on_enter.c_str());
  cmark_node_set_on_exit(label, "</label>");
  cmark_node* first = cmark_node_first_child(item);
  if (first != nullptr && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
    while (cmark_node* child = cmark_node_first_child(first)) {
      cmark_node_unlink(child);
      cmark_node_append_child(label, child);
    }
    cmark_node_append_child(first, label);
  } else {
    // No text to name the checkbox (the item starts with another block): still give it a
    // paragraph of its own so the markup is the same shape.
    cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node_append_child(paragraph, label);
    if (first != nullptr) {
      cmark_node_insert_before(first, paragraph);
    } else {
      cmark_node_append_child(item, paragraph);
    }
  }
}

// Heading ids unique within a document: a repeated slug gets the first free "-2", "-3", ….
// Each slug remembers the suffix it reached: ids are only ever added, so every smaller suffix
// is still taken, and 20,000 equal headings cost 20,000 steps instead of 200 million. (An id
// "x-7" can only collide with slug "x", once, so the total work is linear.)
class UniqueIds {
 public:
  explicit UniqueIds(const std::vector<std::string>& reserved)
      : used_(reserved.begin(), reserved.end()) {}

  std::string Make(std::string base) {
    if (base.empty()) base = "section";
    if (used_.insert(base).second) return base;
    int& suffix = next_suffix_.try_emplace(base, 2).first->second;
    while (true) {
      std::string candidate = base + "-" + std::to_string(suffix++);
      if (used_.insert(candidate).second) return candidate;
    }
  }

 private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, int> next_suffix_;  // slug -> the next suffix to try
};

// The first word of a fence's info string ("chart" for "chart  {.wide}").
std::string FenceKind(cmark_node* code_block) {
  const char* info = cmark_node_get_fence_info(code_block);
  const std::string_view view = info ? info : "";
  return std::string(view.substr(0, view.find_first_of(" \t")));
}

// Sorts `items` and `nodes` (parallel vectors) by each item's line, keeping the order of equal
// lines. Tree order is source order except that cmark-gfm moves footnote definitions to the end.
template <typename Item>
void SortByLine(std::vector<Item>* items, std::vector<cmark_node*>* nodes) {
  std::vector<size_t> order(items->size());
  for (size_t index = 0; index < order.size(); ++index) order[index] = index;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return (*items)[a].line < (*items)[b].line; });
  std::vector<Item> sorted_items;
  std::vector<cmark_node*> sorted_nodes;
  for (size_t index : order) {
    sorted_items.push_back(std::move((*items)[index]));
    sorted_nodes.push_back((*nodes)[index]);
  }
  *items = std::move(sorted_items);
  *nodes = std::move(sorted_nodes);
}

// Keeps the characters of a footnote prefix that are safe in an id and in an attribute.
std::string SafePrefix(std::string_view prefix) {
  std::string safe;
  for (char c : prefix) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_') {
      safe += c;
    }
  }
  return safe;
}

// Maps cmark-gfm's 1-based lines (of the Markdown alone) to lines of the source file.
struct FileLines {
  uint32_t first_line;  // the file line of Markdown line 1
  uint32_t operator()(int line) const {
    return line > 0 ? first_line + static_cast<uint32_t>(line) - 1 : first_line;
  }
};

// The nodes Parse changes, in tree order. Collected first and changed after, because the tree
// must not change under an iterator.
struct NodesToChange {
  std::vector<cmark_node*> raw_html;
  std::vector<cmark_node*> code_blocks;
  std::vector<cmark_node*> task_items;
  std::vector<cmark_node*> headings;
};

NodesToChange CollectNodesToChange(cmark_node* root) {
  NodesToChange nodes;
  cmark_syntax_extension* tasklist = internal::TasklistExtension();
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        nodes.raw_html.push_back(node);
        break;
      case CMARK_NODE_CODE_BLOCK:
        nodes.code_blocks.push_back(node);
        break;
      case CMARK_NODE_HEADING:
        nodes.headings.push_back(node);
        break;
      case CMARK_NODE_ITEM:
        if (cmark_node_get_syntax_extension(node) == tasklist) nodes.task_items.push_back(node);
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return nodes;
}

// Replaces each figure block among `code_blocks` by an empty custom block (RenderHtml fills in
// the caller's HTML); adds what it found to `figures` and the custom blocks to `figure_nodes`.
void ReplaceFigureBlocks(const std::vector<cmark_node*>& code_blocks, const Options& options,
                         FileLines file_line, std::vector<FigureRef>* figures,
                         std::vector<cmark_node*>* figure_nodes) {
  for (cmark_node* code_block : code_blocks) {
    std::string kind = FenceKind(code_block);
    if (kind.empty() || std::find(options.figure_kinds.begin(), options.figure_kinds.end(), kind) ==
                            options.figure_kinds.end()) {
      continue;
    }
    figures->push_back(FigureRef{std::move(kind), Literal(code_block),
                                 file_line(cmark_node_get_start_line(code_block))});
    cmark_node* figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_replace(code_block, figure);
    cmark_node_free(code_block);
    figure_nodes->push_back(figure);
  }
  SortByLine(figures, figure_nodes);
}

// Gives each heading its id, in source order, and replaces it by a custom block holding a
// custom inline that writes <hN id="…"> … </hN> around the heading's inlines. The heading nodes
// go to `detached`, which must outlive the tree (see Document::Tree).
std::vector<Heading> ReplaceHeadings(std::vector<cmark_node*> heading_nodes, const Options& options,
                                     FileLines file_line, std::vector<NodePtr>* detached) {
  std::vector<Heading> headings;
  for (cmark_node* node : heading_nodes) {
    headings.push_back(Heading{cmark_node_get_heading_level(node), InlineText(node), "",
                               file_line(cmark_node_get_start_line(node))});
  }
  SortByLine(&headings, &heading_nodes);
  UniqueIds ids(options.reserved_ids);
  for (size_t heading_idx = 0; heading_idx < headings.size(); ++heading_idx) {
    Heading& heading = headings[heading_idx];
    heading.id = ids.Make(internal::Slugify(heading.text));
    cmark_node* node = heading_nodes[heading_idx];
    const std::string tag = "h" + std::to_string(heading.level);
    cmark_node* wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
    cmark_node_set_on_enter(wrapper, ("<" + tag + " id=\"" + heading.id + "\">").c_str());
    cmark_node_set_on_exit(wrapper, ("</" + tag + ">").c_str());
    while (cmark_node* child = cmark_node_first_child(node)) {
      cmark_node_unlink(child);
      cmark_node_append_child(wrapper, child);
    }
    cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_append_child(block, wrapper);
    cmark_node_replace(node, block);
    detached->emplace_back(node);
  }
  return headings;
}

// Every link and image under `root`, with the nodes in `link_nodes`. cmark-gfm gives most
// inlines a position; e-mail autolinks have none, so they get the line of the last positioned
// node, counting line breaks since, and column 0.
void CollectLinks(cmark_node* root, FileLines file_line, std::vector<LinkRef>* links,
                  std::vector<cmark_node*>* link_nodes) {
  int last_line = 1;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    const int line = cmark_node_get_start_line(node);
    if (line > 0) {
      last_line = line;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      ++last_line;
    }
    if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE) continue;
    LinkRef link;
    const char* url = cmark_node_get_url(node);
    link.destination = url ? url : "";
    link.is_image = type == CMARK_NODE_IMAGE;
    if (link.is_image) link.alt_text = InlineText(node);
    link.line = file_line(line > 0 ? line : last_line);
    link.column =
        line > 0 ? static_cast<uint32_t>(std::max(cmark_node_get_start_column(node), 0)) : 0;
    links->push_back(std::move(link));
    link_nodes->push_back(node);
  }
  cmark_iter_free(iter);
  SortByLine(links, link_nodes);
}

// `text` safe in HTML text and in a double- or single-quoted attribute value.
std::string EscapeAttribute(const std::string& text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

}  // namespace

Document::Document() = default;
Document::Document(Document&& other) noexcept = default;
Document& Document::operator=(Document&& other) noexcept = default;
Document::~Document() = default;

Document Document::Parse(std::string_view markdown, uint32_t first_line, const Options& options) {
  const FileLines file_line{first_line == 0 ? 1 : first_line};
  Document document;
  document.tree_ = std::make_unique<Tree>();
  Tree& tree = *document.tree_;
  tree.gfm = internal::ParseGfm(markdown, CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8);
  tree.render_options = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES |
                        (options.allow_raw_html ? CMARK_OPT_UNSAFE : 0);
  tree.table_label = EscapeAttribute(options.table_label);
  tree.footnotes_heading = EscapeAttribute(options.footnotes_heading);
  tree.footnote_back_label = EscapeAttribute(options.footnote_back_label);
  cmark_node* root = tree.gfm.root.get();

  NodesToChange nodes = CollectNodesToChange(root);
  // Raw HTML first, so that HTML shown as text is part of a heading's text and slug.
  if (!options.allow_raw_html) {
    for (cmark_node* node : nodes.raw_html) NeutraliseRawHtml(node);
  }
  ReplaceFigureBlocks(nodes.code_blocks, options, file_line, &document.figures_,
                      &tree.figure_nodes);
  for (cmark_node* item : nodes.task_items) LabelTaskItem(item);
  document.headings_ =
      ReplaceHeadings(std::move(nodes.headings), options, file_line, &tree.detached);
  // Last: the changes above move inlines around but never free a link or image.
  CollectLinks(root, file_line, &document.links_, &tree.link_nodes);
  return document;
}

// Makes cmark-gfm's blocks usable by keyboard and screen reader: a Markdown table (cmark writes
// it as a bare "<table>") goes in a focusable, labelled scroll region so a wide one scrolls on
// a phone without widening the page; the footnotes section gets a (visually hidden) heading.
std::string AccessibleBlocks(const std::string& html, const std::string& table_label,
                             const std::string& footnotes_heading,
                             const std::string& footnote_back_label) {
  std::string out;
  out.reserve(html.size() + 256);
  size_t position = 0;
  int table_number = 0;
  while (true) {
    size_t open = html.find("<table>", position);
    if (open == std::string::npos) break;
    size_t close = html.find("</table>", open);
    if (close == std::string::npos) break;
    close += 8;
    out.append(html, position, open - position);
    std::string label = table_label;
    if (size_t at = label.find("{number}"); at != std::string::npos)
      label.replace(at, 8, std::to_string(++table_number));
    out += "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"" + label +
           "\">";
    out.append(html, open, close - open);
    out += "</div>";
    position = close;
  }
  out.append(html, position, std::string::npos);
  const std::string section = "<section class=\"footnotes\" data-footnotes>";
  if (size_t at = out.find(section); at != std::string::npos)
    out.insert(at + section.size(),
               "\n<h2 class=\"visually-hidden\">" + footnotes_heading + "</h2>");
  // cmark-gfm labels each footnote's link back in English.
  const std::string back = "aria-label=\"Back to content\"";
  const std::string ours = "aria-label=\"" + footnote_back_label + "\"";
  for (size_t at = out.find(back); at != std::string::npos; at = out.find(back, at + ours.size()))
    out.replace(at, back.size(), ours);
  return out;
}

std::string Document::RenderHtml(const std::function<std::string(const std::string&)>& rewrite,
                                 const std::vector<std::string>& figure_html,
                                 const std::string& footnote_prefix) {
  if (!tree_) return "";
  return Prepare().Render(rewrite, figure_html, footnote_prefix);
}

namespace internal {

const std::string& SlotPrefix() {
  static const std::string prefix = [] {
    std::random_device random;
    const uint64_t nonce = (static_cast<uint64_t>(random()) << 32) ^ random();
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(nonce));
    return "outcomes-slot-" + std::string(hex) + "-";
  }();
  return prefix;
}

}  // namespace internal

Prepared Document::Prepare() {
  Prepared prepared;
  if (!tree_) {
    prepared.pieces_.emplace_back();
    return prepared;
  }
  const std::string& prefix = internal::SlotPrefix();
  for (size_t link_idx = 0; link_idx < links_.size(); ++link_idx) {
    const std::string token = prefix + "L" + std::to_string(link_idx) + "-";
    cmark_node_set_url(tree_->link_nodes[link_idx], token.c_str());
    prepared.destinations_.push_back(links_[link_idx].destination);
    prepared.is_image_.push_back(links_[link_idx].is_image);
  }
  for (size_t figure_idx = 0; figure_idx < tree_->figure_nodes.size(); ++figure_idx) {
    // Ends in a line break, as figure HTML does: cmark-gfm then adds none after the block
    // (Render adds it for figure HTML that lacks one, as cmark-gfm would).
    const std::string token = prefix + "F" + std::to_string(figure_idx) + "-\n";
    cmark_node_set_on_enter(tree_->figure_nodes[figure_idx], token.c_str());
  }
  const std::string html = internal::RenderGfmHtml(tree_->gfm, tree_->render_options);
  // Cut the HTML at each slot. A slot cmark-gfm did not write (a link inside an image's alt
  // text, in a footnote nothing refers to) simply has no place. Only a well-formed slot of a
  // link or figure block the document has, the first time it is seen, is one: anything else
  // that starts with the prefix is the page's own text, and is kept as text. (A page can only
  // hold the prefix if it knows this run's random number; fuzzing finds it from the program's
  // own comparisons, and a slot number past the end was then read out of bounds.)
  std::vector<bool> link_done(links_.size(), false);
  std::vector<bool> figure_done(tree_->figure_nodes.size(), false);
  size_t position = 0;  // where the text not yet in a piece starts
  size_t search = 0;    // where to look for the next slot
  std::string piece;
  while (true) {
    const size_t at = html.find(prefix, search);
    if (at == std::string::npos) break;
    search = at + prefix.size();
    size_t cursor = search;
    if (cursor >= html.size() || (html[cursor] != 'L' && html[cursor] != 'F')) continue;
    const bool figure = html[cursor++] == 'F';
    const size_t digits_start = cursor;
    uint64_t index = 0;
    while (cursor < html.size() && html[cursor] >= '0' && html[cursor] <= '9' &&
           cursor - digits_start < 10)
      index = index * 10 + static_cast<uint64_t>(html[cursor++] - '0');
    if (cursor == digits_start || cursor >= html.size() || html[cursor] != '-') continue;
    ++cursor;  // the closing '-'
    std::vector<bool>& done = figure ? figure_done : link_done;
    if (index >= done.size() || done[index]) continue;
    done[index] = true;
    if (figure && cursor < html.size() && html[cursor] == '\n') ++cursor;  // and line break
    piece.append(html, position, at - position);
    prepared.pieces_.push_back(std::move(piece));
    piece.clear();
    prepared.slots_.push_back({figure, static_cast<uint32_t>(index)});
    position = cursor;
    search = cursor;
  }
  piece.append(html, position, std::string::npos);
  prepared.pieces_.push_back(std::move(piece));
  prepared.table_label = tree_->table_label;
  prepared.footnotes_heading = tree_->footnotes_heading;
  prepared.footnote_back_label = tree_->footnote_back_label;
  return prepared;
}

std::string Prepared::Render(const std::function<std::string(const std::string&)>& rewrite,
                             const std::vector<std::string>& figure_html,
                             const std::string& footnote_prefix) const {
  std::string html;
  size_t size = 0;
  for (const std::string& piece : pieces_) size += piece.size();
  html.reserve(size + 64 * slots_.size());
  for (size_t slot_idx = 0; slot_idx < slots_.size(); ++slot_idx) {
    html += pieces_[slot_idx];
    const Slot& slot = slots_[slot_idx];
    if (slot.figure) {
      if (slot.index < figure_html.size() && !figure_html[slot.index].empty()) {
        html += figure_html[slot.index];
        if (html.back() != '\n') html += '\n';
      }
      continue;
    }
    const std::string& destination = destinations_[slot.index];
    std::string url = rewrite ? rewrite(destination) : destination;
    // Checked after rewriting, on what is actually written; cmark-gfm checks too, but not with
    // CMARK_OPT_UNSAFE (raw HTML allowed), and not file: URLs.
    if (internal::IsUnsafeUrl(url, is_image_[slot.index])) url.clear();
    internal::AppendEscapedHref(url, html);
  }
  if (!pieces_.empty()) html += pieces_.back();
  return AccessibleBlocks(internal::PrefixFootnoteIds(html, SafePrefix(footnote_prefix)),
                          table_label, footnotes_heading, footnote_back_label);
}

std::string PlainText(std::string_view markdown) {
  const internal::Gfm gfm =
      internal::ParseGfm(markdown, CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8);
  std::string text;
  cmark_node* skipping = nullptr;  // a footnote definition whose contents are left out
  cmark_iter* iter = cmark_iter_new(gfm.root.get());
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (skipping != nullptr) {
      if (node == skipping && event == CMARK_EVENT_EXIT) skipping = nullptr;
      continue;
    }
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        if (event == CMARK_EVENT_ENTER) skipping = node;
        break;
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        text += Literal(node);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += ' ';
        break;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        break;
      default:
        if (IsBlock(node)) text += ' ';  // paragraphs, list items, table cells, …
        break;
    }
  }
  cmark_iter_free(iter);
  return CollapseSpace(text);
}

}  // namespace outcomes::markdown
