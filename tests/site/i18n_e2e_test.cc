// `language: cy` gives a Welsh interface: the example site built in Welsh shows none of the
// English catalogue's text, carries lang="cy" and shows the Welsh catalogue's.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "e2e_util.h"
#include "load/internal/loaders.h"

namespace outcomes::e2e {

namespace {

// The readable text of a page: text between tags and the values of the attributes a reader
// hears (aria-label, title, alt, data-label), entities decoded, white space collapsed.
std::string PageText(const std::string& html) {
  std::string text;
  static const std::regex kAttribute("(?:aria-label|title|alt|data-label)=\"([^\"]*)\"");
  for (std::sregex_iterator it(html.begin(), html.end(), kAttribute), end; it != end; ++it)
    text += " " + (*it)[1].str() + " ";
  bool in_tag = false;
  for (char ch : html) {
    if (ch == '<') {
      in_tag = true;
      text += ' ';
    } else if (ch == '>') {
      in_tag = false;
      text += ' ';
    } else if (!in_tag) {
      text += ch;
    }
  }
  for (auto [from, to] : {std::pair{"&#39;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"},
                          {"&amp;", "&"}}) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
      text.replace(at, std::string(from).size(), to);
  }
  std::string collapsed;
  for (char ch : text) {
    bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : ch;
  }
  return collapsed;
}

// The fixed text of a catalogue entry: the pieces between its placeholders, markup removed.
std::vector<std::string> Fragments(const std::string& text) {
  std::vector<std::string> pieces;
  std::string piece;
  auto flush = [&] {
    size_t first = piece.find_first_not_of(" .,:;()");
    size_t last = piece.find_last_not_of(" .,:;()");
    if (first != std::string::npos) pieces.push_back(piece.substr(first, last - first + 1));
    piece.clear();
  };
  for (size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '{' || text[at] == '<') {
      flush();
      at = text.find(text[at] == '{' ? '}' : '>', at);
      if (at == std::string::npos) break;
      continue;
    }
    piece += text[at];
  }
  flush();
  return pieces;
}

}  // namespace

TEST_CASE("language: cy pages contain no English interface text") {
  fs::path site = CopyExample("welsh");
  std::string config = ReadAll(site / "site.yaml");
  config = std::regex_replace(config, std::regex("\nlanguage: [^\n]*"), "\nlanguage: cy");
  REQUIRE(config.find("\nlanguage: cy") != std::string::npos);
  WriteAll(site / "site.yaml", config);
  fs::path out = FreshFolder("welsh-out");
  fs::remove_all(out);
  Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);

  // Text the site's own inputs hold (names, titles, content) may be English: it is the
  // council's, not the interface's.
  std::string inputs = ReadAll(site / "site.yaml");
  for (const auto& [path, bytes] : Tree(site / "data")) inputs += "\n" + bytes;
  for (const auto& [path, bytes] : Tree(site / "content")) inputs += "\n" + bytes;

  base::Diagnostics diagnostics;
  model::Site welsh_site;
  welsh_site.root = site.string();
  welsh_site.config.language = "cy";
  load::internal::LoadInterfaceText(welsh_site, diagnostics);
  const i18n::Catalogue& english = load::internal::ReferenceCatalogue();
  const i18n::Catalogue& welsh = welsh_site.text;

  // Every fixed piece of English text longer than three characters that Welsh does not share.
  std::set<std::string> english_pieces;
  std::set<std::string> welsh_pieces;
  for (const auto& [key, entry] : english.entries()) {
    const i18n::Entry& cy = welsh.entries().find(key)->second;
    std::vector<std::string> texts;
    std::vector<std::string> cy_texts;
    if (entry.plural()) {
      for (const auto& [form, text] : entry.forms) texts.push_back(text);
      for (const auto& [form, text] : cy.forms) cy_texts.push_back(text);
    } else {
      texts.push_back(entry.text);
      cy_texts.push_back(cy.text);
    }
    std::set<std::string> shared;
    for (const auto& text : cy_texts)
      for (const auto& piece : Fragments(text)) {
        shared.insert(piece);
        if (piece.size() > 12) welsh_pieces.insert(piece);
      }
    for (const auto& text : texts)
      for (const auto& piece : Fragments(text))
        if (piece.size() > 3 && !shared.contains(piece) && inputs.find(piece) == std::string::npos)
          english_pieces.insert(piece);
  }
  REQUIRE(english_pieces.size() > 200);

  size_t pages = 0;
  std::set<std::string> welsh_seen;
  for (const auto& [path, html] : Tree(out)) {
    if (!path.ends_with(".html")) continue;
    ++pages;
    INFO(path);
    CHECK(html.find("<html lang=\"cy\">") != std::string::npos);
    const std::string text = " " + PageText(html) + " ";
    for (const auto& piece : english_pieces) {
      // Whole words only: "Area" inside "Areas" of a council's own heading is not ours.
      for (size_t at = text.find(piece); at != std::string::npos; at = text.find(piece, at + 1)) {
        auto letter = [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) != 0; };
        bool whole = !letter(text[at - 1]) && !letter(text[at + piece.size()]);
        if (!whole) continue;
        FAIL_CHECK("English interface text \"" << piece << "\" in "
                                               << text.substr(at > 60 ? at - 60 : 0, 160));
        break;
      }
    }
    for (const auto& piece : welsh_pieces)
      if (text.find(piece) != std::string::npos) welsh_seen.insert(piece);
  }
  CHECK(pages > 50);
  // Welsh shows: the skip link and footer on every page, statuses, trends, sentences.
  for (const char* expected : {"Neidio i'r prif gynnwys", "Cyhoeddwyd gan", "Datganiad hygyrchedd",
                               "Targed wedi'i gyrraedd", "Dim newid clir"})
    CHECK_MESSAGE(welsh_seen.contains(expected), expected);
  CHECK(welsh_seen.size() > 100);
}

}  // namespace outcomes::e2e
