// The Mustache engine: templates parsed once, rendered many times against JSON view models.
//
// Implements the Mustache spec (https://github.com/mustache/spec) modules comments, delimiters,
// interpolation, inverted, partials, sections, ~inheritance and ~dynamic-names; lambdas are
// not supported (view models are plain data). Templates see only `nlohmann::json` view models,
// built in `view/` (STYLE.md habit 4).
//
// Semantics worth knowing:
// - `{{name}}` HTML-escapes & < > " ' (as &amp; &lt; &gt; &quot; &#39;); `{{{name}}}` and
//   `{{& name}}` do not. Text that comes from data is never parsed as a template.
// - Interpolating null or a missing name gives ""; a string is written as is; a number as JSON
//   writes it (85, 1.21); a bool as true/false. Interpolating an object or an array is a render
//   error: it is a bug in the view model, not something to print.
// - Falsey values, for sections and inverted sections, follow the spec's `!!data` rule: a
//   missing name, null, false, 0, "" and []. Everything else is truthy, including {} and "0".
//   A non-empty list repeats the section once per item; any other truthy value is pushed on
//   the context stack for one pass. Views should still emit explicit booleans for decisions.
// - `{{> name}}` includes template `name`; `{{< name}}...{{/name}}` includes it as a parent
//   whose `{{$ block}}` parameters are replaced by the blocks given between the tags (the
//   outermost template's block wins). `{{>* name}}` and `{{<* name}}` take the template's name
//   from the data.
// - Standalone tags and indentation follow the spec, including the ~inheritance rules for
//   standalone parent/block pairs and block re-indentation. For multi-line content, put a
//   layout's `{{$content}}` and `{{/content}}` on lines of their own, indented as the content
//   should be: the page's argument is then re-indented to match, with no blank line added.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace outcomes::tmpl {

namespace internal {
struct Template;
}  // namespace internal

struct RenderOptions {
  // Default true: a partial or parent that names no loaded template (or a dynamic name that
  // resolves to no string) is a render error. false gives the spec's behaviour: it renders as "".
  bool missing_partial_is_error = true;
  // When set, a context below `data` at the bottom of the stack: a name that `data` (and every
  // context pushed over it) lacks is looked up here. It lets many renders share one large
  // object (a page's interface text) instead of each copying it into its data. Not owned; must
  // outlive the render.
  const nlohmann::json* globals = nullptr;
};

// A set of named templates. Add and LoadDirectory must not run concurrently with anything
// else; once loading is done, Has and Render may be called from any number of threads at once
// (they are const and share no mutable state).
class Templates {
 public:
  Templates();
  Templates(Templates&&) noexcept;
  Templates& operator=(Templates&&) noexcept;
  ~Templates();

  // Parses `text` as template `name` (e.g. "layouts/base", "page"); `file` names it in
  // diagnostics. On a syntax error (an unclosed tag, an unclosed or mismatched section, a bad
  // delimiter change, an empty tag, sections/parents/blocks nested more than 100 deep) adds an
  // error at its line and byte column to `diagnostics`
  // and returns false, leaving any template already loaded under `name` in place; warnings
  // (e.g. text in a parent tag, which is ignored) do not fail. A later Add of the same name
  // replaces the template.
  bool Add(const std::string& name, std::string_view text, const std::string& file,
           base::Diagnostics& diagnostics);

  // Loads every *.mustache file under `dir`, recursively, in sorted order. The name is the path
  // relative to `dir` without ".mustache", '/' separated ("layouts/base"); diagnostics name the
  // file `display_prefix` + that relative path ("templates/layouts/base.mustache"). Then checks
  // what the loaded templates include: a partial or parent tag naming a template that is not in
  // `dir`, or templates that include themselves (directly or through others, even inside a
  // section), is an error at the tag. Returns false if `dir` cannot be read, any file fails to
  // read or parse (every file is still tried) or a check fails.
  bool LoadDirectory(const std::string& dir, const std::string& display_prefix,
                     base::Diagnostics& diagnostics);

  // Whether a template called `name` is loaded.
  bool Has(const std::string& name) const;

  // Renders template `name` with `data` as the root context and appends the result to `out`.
  // Returns false on a render error, with `out` restored to its size on entry and `error` (when
  // not null) set to a message naming the template and place, e.g.
  // "template 'page': partial 'nav' not found (templates/page.mustache:3:5)".
  // Render errors: `name` itself or (with missing_partial_is_error) a partial or parent not
  // loaded; interpolating an object or array; nesting deeper than 200 partials/parents, or
  // than 1000 sections, partials, parents and blocks in all.
  bool Render(const std::string& name, const nlohmann::json& data, std::string& out,
              std::string* error, const RenderOptions& options = {}) const;

  // Implementation detail (the renderer resolves partials in it): name → parsed template.
  using Map = std::map<std::string, std::unique_ptr<const internal::Template>, std::less<>>;

 private:
  Map templates_;
};

}  // namespace outcomes::tmpl
