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
  // Style sheets and scripts are not read out.
  std::string shown = std::regex_replace(
      html, std::regex("<(style|script)[^>]*>[^<]*</(style|script)>"), " ");
  bool in_tag = false;
  for (char ch : shown) {
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

// `text` with every run of ASCII letters outside placeholders and markup replaced by "ŵŵ", and
// every space by a no-break space: the text of a made-up language in which no English word
// survives.
std::string Pseudo(const std::string& text) {
  std::string out;
  for (size_t at = 0; at < text.size(); ++at) {
    char ch = text[at];
    if (ch == '{' || ch == '<' || ch == '&') {
      size_t end = text.find(ch == '{' ? '}' : ch == '<' ? '>' : ';', at);
      if (end == std::string::npos) end = text.size() - 1;
      out += text.substr(at, end - at + 1);
      at = end;
    } else if (std::isalpha(static_cast<unsigned char>(ch))) {
      while (at + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[at + 1]))) ++at;
      out += "\u0175\u0175";
    } else if (ch == ' ') {
      out += "\u00a0";  // so that two placeholders side by side do not read as a pair of words
    } else {
      out += ch;
    }
  }
  return out;
}

std::string YamlQuoted(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

// Every word of three or more ASCII letters in `text`, lower-cased.
std::set<std::string> Words(const std::string& text) {
  std::set<std::string> words;
  std::string word;
  for (char ch : text + " ") {
    if (std::isalpha(static_cast<unsigned char>(ch))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else {
      if (word.size() >= 3) words.insert(word);
      word.clear();
    }
  }
  return words;
}

// The text a reader meets, in chunks: block elements, table cells and read-out attributes end a
// chunk ("|"), inline elements (links, emphasis) do not. A span does, as it may hold a separate
// name (the council beside the site title). Style sheets and scripts are dropped.
std::string Chunks(const std::string& html) {
  static const std::set<std::string> kInline = {"a", "abbr", "b", "strong", "em", "i",
                                                "code", "small", "time", "mark", "q", "cite"};
  static const std::regex kAttribute("(?:aria-label|title|alt|data-label)=\"([^\"]*)\"");
  std::string text;
  for (std::sregex_iterator it(html.begin(), html.end(), kAttribute), end; it != end; ++it)
    text += "|" + (*it)[1].str() + "|";
  const std::string shown = std::regex_replace(
      html, std::regex("<(style|script)[^>]*>[^<]*</(style|script)>"), "|");
  for (size_t at = 0; at < shown.size(); ++at) {
    if (shown[at] != '<') {
      text += shown[at];
      continue;
    }
    size_t end = shown.find('>', at);
    if (end == std::string::npos) break;
    size_t name_at = at + 1 + (shown[at + 1] == '/');
    size_t name_end = shown.find_first_of(" \t\n/>", name_at);
    const std::string name = shown.substr(name_at, name_end - name_at);
    text += kInline.contains(name) ? " " : "|";
    at = end;
  }
  for (auto [from, to] : {std::pair{"&#39;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"},
                          {"&amp;", "&"}, {"\u2019", "'"}}) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
      text.replace(at, std::string(from).size(), to);
  }
  // A name cut short to fit a chart ("free scho…") is the input's, shortened.
  return std::regex_replace(text, std::regex("[A-Za-z]+\u2026"), "\u2026");
}

// Every pair of ASCII words (letters and apostrophes) in `text` with only spaces between them,
// lower-cased: "shaded dark" in "Belfairs shaded dark." Anything else between two words (a
// number, punctuation, a letter outside ASCII) keeps them apart.
std::set<std::string> Pairs(const std::string& text) {
  std::set<std::string> pairs;
  std::string previous;
  std::string word;
  bool spaced = false;  // only spaces since `previous` ended
  auto letter = [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) || ch == '\''; };
  for (char ch : text + "|") {
    if (letter(ch)) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      continue;
    }
    while (!word.empty() && word.back() == '\'') word.pop_back();  // "Leigh's" → "leigh'"
    if (!word.empty()) {
      if (!previous.empty() && spaced) pairs.insert(previous + " " + word);
      previous = word;
      word.clear();
      spaced = true;
    }
    if (ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r') spaced = false;
  }
  return pairs;
}

}  // namespace

// The whole class of English left in code rather than in the catalogue: built in a made-up
// language whose catalogue has no English word, a page may show only that language's text,
// numbers and the site's own inputs. Any other English word was written by the program.
TEST_CASE("built in a made-up language, pages show no English the catalogue does not give") {
  fs::path site = CopyExample("pseudo");
  std::string config = ReadAll(site / "site.yaml");
  config = std::regex_replace(config, std::regex("\nlanguage: [^\n]*"), "\nlanguage: ga");
  WriteAll(site / "site.yaml", config);
  fs::remove_all(site / "i18n");
  fs::create_directories(site / "i18n");
  std::string catalogue;
  for (const auto& [key, entry] : load::internal::ReferenceCatalogue().entries()) {
    if (!entry.plural()) {
      catalogue += key + ": " + YamlQuoted(Pseudo(entry.text)) + "\n";
      continue;
    }
    catalogue += key + ":\n";
    for (const auto& [form, text] : entry.forms)
      catalogue += "  " + std::string(i18n::PluralName(form)) + ": " + YamlQuoted(Pseudo(text)) + "\n";
  }
  WriteAll(site / "i18n/ga.yaml", catalogue);
  fs::path out = FreshFolder("pseudo-out");
  fs::remove_all(out);
  Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  INFO(run.output);
  REQUIRE(run.exit_code == 0);

  std::string inputs = ReadAll(site / "site.yaml");
  for (const auto& [path, bytes] : Tree(site / "data")) inputs += "\n" + bytes;
  for (const auto& [path, bytes] : Tree(site / "content")) inputs += "\n" + bytes;
  const std::set<std::string> input_words = Words(inputs);
  // Markdown's own marks are not text: emphasis, code, headings, link targets.
  inputs = std::regex_replace(inputs, std::regex("\\]\\([^)]*\\)"), "");
  inputs = std::regex_replace(inputs, std::regex("[*_`#>\\[\\]]"), "");
  const std::set<std::string> input_pairs = Pairs(inputs);

  size_t pages = 0;
  std::map<std::string, std::string> leaks;  // word → where it was first seen
  for (const auto& [path, html] : Tree(out)) {
    if (!path.ends_with(".html")) continue;
    ++pages;
    const std::string text = PageText(html);
    for (const auto& word : Words(text))
      if (!input_words.contains(word) && !leaks.contains(word)) {
        std::string lower = text;
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        size_t at = lower.find(word);
        if (at == std::string::npos) at = 0;
        leaks[word] = path + ": " + text.substr(at > 60 ? at - 60 : 0, 140);
      }
    const std::string chunks = Chunks(html);
    for (const auto& pair : Pairs(chunks))
      if (!input_pairs.contains(pair) && !leaks.contains(pair)) {
        std::string lower = chunks;
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        size_t at = lower.find(pair);
        if (at == std::string::npos) at = 0;
        leaks[pair] = path + ": " + chunks.substr(at > 60 ? at - 60 : 0, 140);
      }
  }
  CHECK(pages > 50);
  for (const auto& [word, where] : leaks) FAIL_CHECK("English \"" << word << "\" in " << where);
}

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
