// Markdown: parses content pages and narrative fields (GitHub-flavoured Markdown) and renders
// them to HTML fragments.
//
// This module is the only code that includes cmark-gfm; nothing of cmark leaks through this
// header. A Document is parsed once (headings, links and figure blocks are found then, with
// FILE line numbers so diagnostics point into the .md file) and rendered later, when the caller
// knows where each link points and what each figure block becomes.
//
// What the rendered HTML contains (the contract templates and CSS rely on):
//   * GFM tables, strikethrough (<del>), autolinks (www.example.com gets "http://", as GitHub
//     does), task lists and footnotes. Table cell alignment is an inline style
//     (style="text-align: right"), never the obsolete align attribute.
//   * Headings carry ids: <h2 id="why-it-matters">…</h2> (see Heading::id).
//   * Task list items are <li><label class="task-item"><input type="checkbox"
//     class="task-checkbox" disabled="" /> text</label></li> (checked="" when done): the
//     label names the checkbox, as the axe `label` rule requires; cmark's bare checkbox fails it.
//   * Footnotes: references <sup class="footnote-ref"><a href="#Pfn-L" id="Pfnref-L" …> and a
//     closing <section class="footnotes" data-footnotes><ol><li id="Pfn-L">…, where P is the
//     footnote prefix given to RenderHtml and L the label written after ^ ([^src] -> fn-src;
//     a second reference to it gets id Pfnref-L-2).
//   * Figure blocks (a fenced code block whose info string's first word is in
//     Options::figure_kinds) are replaced by the caller's HTML, as a block of their own.
//   * Raw HTML: see Options::allow_raw_html.
//   * Link targets are whatever the caller's rewrite returns, except that javascript:,
//     vbscript:, file: and data: URLs (data:image/png|gif|jpeg|webp allowed for images) are
//     replaced by "" (so <a href="">), whatever allow_raw_html says.
//   * Text is HTML-escaped; nothing else is changed, so "{{mustache}}" in Markdown comes out as
//     the literal text {{mustache}}: insert the HTML into a template unescaped ({{{html}}}) and
//     never expand templates over it a second time.
//
// Thread safety: Parse, PlainText and RenderHtml of DIFFERENT documents may run on several
// threads at once (cmark-gfm keeps global state while parsing inlines; parsing takes a process-
// wide lock around it, rendering needs none). One Document must not be rendered from two threads
// at once: RenderHtml writes the rewritten URLs and figure HTML into its tree.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace outcomes::markdown {

struct Options {
  // Default false: raw HTML in the Markdown is never output as HTML. HTML comments
  // (<!-- … -->, blocks or inline) are dropped; any other raw HTML is shown as text (so
  // `<script>alert(1)</script>` appears on the page as those characters, escaped, and the
  // author sees there is something to fix). True (site.yaml may allow it): raw HTML passes
  // through, except that GFM's tagfilter escapes <script>, <style>, <iframe>, <textarea>,
  // <title>, <xmp>, <noembed>, <noframes> and <plaintext>. Other raw HTML (event-handler
  // attributes, javascript: links inside it) is NOT sanitised, and links inside raw HTML are
  // not reported by links(): only turn this on for trusted authors.
  bool allow_raw_html = false;
  // Info strings (first word, case-sensitive) of fenced code blocks that are figure blocks.
  std::vector<std::string> figure_kinds{"chart", "status", "table", "map"};
  // Ids the page already uses (e.g. "main", "content" from the template, or the heading ids of
  // another document shown on the same page); headings never get one of these. Default empty.
  std::vector<std::string> reserved_ids;
  // The words the rendered HTML adds for screen readers, in the site's language: a table's
  // label ("{number}" is the table's number in the document), the footnotes' (visually
  // hidden) heading, and the label of a footnote's link back to where it is referred to.
  std::string table_label = "Table {number}";
  std::string footnotes_heading = "Footnotes";
  std::string footnote_back_label = "Back to content";
};

struct Heading {
  int level = 0;  // 1 to 6
  // Plain text of the heading as a reader sees it: raw HTML shown as text (not allowed) counts,
  // allowed raw HTML is left out.
  std::string text;
  // Slug of `text`: ASCII letters (lower-cased) and digits, every other run of characters one
  // hyphen, no leading or trailing hyphen; apostrophes dropped ("children's" → "childrens");
  // accented Latin letters (U+00C0 to U+017F) lose their accents ("Café" → "cafe", "Ŵyl" →
  // "wyl"). "section" when nothing is left. Unique within the document
  // and not in Options::reserved_ids: repeats get "-2", "-3", … in document order.
  std::string id;
  uint32_t line = 0;  // file line of the heading (its first line for a setext heading)
};

struct LinkRef {
  std::string destination;  // as written (entities and escapes decoded, reference links resolved)
  bool is_image = false;
  std::string alt_text;  // images only: plain text of the alt; "" when the image has none
  uint32_t line = 0;     // file line of the link's `[` (or of `<` / `www.` for autolinks)
  // 1-based byte column on that line; 0 when cmark-gfm records no position (e-mail autolinks
  // such as foo@example.org), and `line` is then the line of the text around it.
  uint32_t column = 0;
};

struct FigureRef {
  std::string kind;   // the info string's first word, one of Options::figure_kinds
  std::string body;   // the text inside the fence (YAML), ending in "\n" unless empty
  uint32_t line = 0;  // file line of the opening fence
};

// Markdown that cmark-gfm would take far too long over, found by CheckLimits.
struct LimitProblem {
  uint32_t line = 0;    // file line, as Parse counts them
  uint32_t column = 0;  // 1-based byte column
  std::string message;
  std::string hint;
};

// Checks `markdown` (its first line being file line `first_line`, as for Parse) in one pass,
// before it is parsed, for what would make Parse slow out of all proportion to its size, and
// returns the first problem found, or nullopt:
//  - a line more than 100 levels deep in block quotes and list items (cmark-gfm walks every
//    open container for each following line). The depth is over-estimated from the line's
//    '>' and list markers and its indentation (a nested list item is indented two columns),
//    so a line is refused when its markers, plus half of its indentation beyond one blank
//    per marker, pass 100: e.g. 101 '>', or a line indented 202 columns;
//  - a line with more than 201 '|' not escaped by a backslash (cmark-gfm's table extension
//    takes time quadratic in a row's cells): a table may have at most 200 columns. Lines in
//    code blocks are not told apart: write \| there too.
// Loaders call it on every Markdown text before parsing it (Parse itself accepts anything).
std::optional<LimitProblem> CheckLimits(std::string_view markdown, uint32_t first_line);

class Document;

// A document rendered once with the places its link targets and figure blocks go left open
// (Document::Prepare): what a site keeps of a page between reading it and writing it, a
// fraction of the parsed tree's memory, and never parsed again. Immutable: Render may run on
// any number of threads at once, for several pages (a content page's body is also shown on
// its outcome's page).
class Prepared {
 public:
  // The bytes Document::RenderHtml(rewrite, figure_html, footnote_prefix) gives for the
  // document this was prepared from.
  std::string Render(const std::function<std::string(const std::string&)>& rewrite,
                     const std::vector<std::string>& figure_html,
                     const std::string& footnote_prefix) const;

 private:
  friend class Document;
  struct Slot {
    bool figure = false;  // figure_html[index], else link `index`'s escaped URL
    uint32_t index = 0;
  };
  std::vector<std::string> pieces_;  // pieces_[i] comes before slots_[i]; one more piece at the end
  std::vector<Slot> slots_;
  std::vector<std::string> destinations_;  // parallel to Document::links()
  std::vector<bool> is_image_;
  std::string table_label;  // Options' words for screen readers, HTML-escaped
  std::string footnotes_heading;
  std::string footnote_back_label;
};

class Document {
 public:
  // Parses GFM (table, strikethrough, autolink, tagfilter, tasklist extensions, footnotes).
  // `first_line` is the 1-based line of the source file where `markdown` starts (after the
  // front matter), so every line reported is a FILE line (0 is taken as 1). Never fails: any
  // text is valid Markdown. Invalid UTF-8 is replaced by U+FFFD (loaders reject it first).
  static Document Parse(std::string_view markdown, uint32_t first_line, const Options& options);

  Document(Document&& other) noexcept;
  Document& operator=(Document&& other) noexcept;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  ~Document();  // frees the cmark-gfm tree

  // Every heading, in source order.
  const std::vector<Heading>& headings() const { return headings_; }
  // Every link and image destination, in source order (by line, and as written within a line;
  // links inside footnote definitions are where the definition is written). Footnote references
  // are not links; links in footnote definitions nothing refers to are not rendered and not
  // listed.
  const std::vector<LinkRef>& links() const { return links_; }
  // Figure blocks in source order; RenderHtml's figure_html[i] replaces figures()[i].
  const std::vector<FigureRef>& figures() const { return figures_; }

  // Renders the document as an HTML fragment (see the file comment for what it contains).
  // links()[i].destination is replaced by rewrite(destination) (unsafe results become "");
  // figures()[i] by figure_html[i] verbatim (a missing entry renders as nothing; entries beyond
  // figures().size() are ignored). Footnote ids and the links between them get
  // `footnote_prefix` in front ("intro_" gives id="intro_fn-1"); only ASCII letters, digits,
  // '-' and '_' of it are used. Give each document on a page its own non-empty prefix; one
  // containing '_' can never equal a heading id either (slugs have no '_'). May be called more
  // than once; each call starts from the destinations as parsed. A moved-from Document
  // renders "".
  std::string RenderHtml(const std::function<std::string(const std::string&)>& rewrite,
                         const std::vector<std::string>& figure_html,
                         const std::string& footnote_prefix);

  // The document rendered with its links and figure blocks left open, to be finished by
  // Prepared::Render (RenderHtml is Prepare().Render(…)). The tree may be dropped afterwards.
  Prepared Prepare();

 private:
  struct Tree;  // the cmark-gfm parser and tree, and the nodes RenderHtml rewrites
  Document();

  std::unique_ptr<Tree> tree_;
  std::vector<Heading> headings_;
  std::vector<LinkRef> links_;
  std::vector<FigureRef> figures_;
};

// The plain text of a Markdown fragment (for summaries and meta descriptions): the words a
// reader sees, with entities decoded and image alt text kept; raw HTML, code blocks (so figure
// blocks too), footnote references and footnote definitions left out; every run of white space
// (line and block breaks included) one space; no leading or trailing space. The result is TEXT,
// not HTML: escape it for wherever it goes.
std::string PlainText(std::string_view markdown);

}  // namespace outcomes::markdown
