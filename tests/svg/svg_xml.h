// A small, strict XML reader for the SVG the chart and map writers produce (tests/svg/*_test.cc):
// elements, attributes with references resolved, direct text; anything malformed fails the test.
#pragma once

#include <doctest/doctest.h>

#include <cctype>
#include <map>
#include <string>
#include <vector>

namespace outcomes::svg_test {

struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;  // direct character data, references resolved
  int parent = -1;
  std::vector<int> children;
};

inline std::string Unescape(const std::string& raw) {
  std::string out;
  for (size_t idx = 0; idx < raw.size(); ++idx) {
    if (raw[idx] != '&') {
      out += raw[idx];
      continue;
    }
    size_t end = raw.find(';', idx);
    REQUIRE_MESSAGE(end != std::string::npos, "unterminated reference in " << raw);
    std::string name = raw.substr(idx + 1, end - idx - 1);
    if (name == "amp") out += '&';
    else if (name == "lt") out += '<';
    else if (name == "gt") out += '>';
    else if (name == "quot") out += '"';
    else if (name == "#39") out += '\'';
    else FAIL("unknown reference &" << name << ";");
    idx = end;
  }
  return out;
}

// Parses `xml` (one root element, nothing around it) or fails the test.
inline std::vector<Element> Parse(const std::string& xml) {
  std::vector<Element> elements;
  std::vector<int> open;
  size_t pos = 0;
  REQUIRE(xml.rfind("<svg", 0) == 0);
  while (pos < xml.size()) {
    if (xml[pos] != '<') {
      size_t end = xml.find('<', pos);
      if (end == std::string::npos) end = xml.size();
      std::string raw = xml.substr(pos, end - pos);
      REQUIRE_MESSAGE(raw.find('>') == std::string::npos, "raw > in text: " << raw);
      if (open.empty()) {
        REQUIRE_MESSAGE(raw.find_first_not_of(" \n") == std::string::npos, "text outside root");
      } else {
        elements[static_cast<size_t>(open.back())].text += Unescape(raw);
      }
      pos = end;
      continue;
    }
    if (xml.compare(pos, 2, "</") == 0) {
      size_t end = xml.find('>', pos);
      REQUIRE(end != std::string::npos);
      std::string name = xml.substr(pos + 2, end - pos - 2);
      REQUIRE_MESSAGE(!open.empty(), "stray </" << name << ">");
      const std::string& open_name = elements[static_cast<size_t>(open.back())].name;
      REQUIRE_MESSAGE(open_name == name, "</" << name << "> closes <" << open_name << ">");
      open.pop_back();
      pos = end + 1;
      continue;
    }
    REQUIRE_MESSAGE(!(elements.size() > 0 && open.empty()), "a second root element");
    Element element;
    size_t cursor = pos + 1;
    auto name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; };
    while (cursor < xml.size() && name_char(xml[cursor])) element.name += xml[cursor++];
    REQUIRE(!element.name.empty());
    bool self_closing = false;
    for (;;) {
      while (cursor < xml.size() && xml[cursor] == ' ') ++cursor;
      REQUIRE(cursor < xml.size());
      if (xml[cursor] == '>') {
        ++cursor;
        break;
      }
      if (xml.compare(cursor, 2, "/>") == 0) {
        self_closing = true;
        cursor += 2;
        break;
      }
      std::string name;
      while (cursor < xml.size() && xml[cursor] != '=' && xml[cursor] != ' ' && xml[cursor] != '>')
        name += xml[cursor++];
      REQUIRE_MESSAGE(xml[cursor] == '=', "attribute without a value: " << name);
      ++cursor;
      char quote = xml[cursor];
      REQUIRE_MESSAGE((quote == '"' || quote == '\''), "unquoted attribute " << name);
      size_t end = xml.find(quote, cursor + 1);
      REQUIRE(end != std::string::npos);
      std::string raw = xml.substr(cursor + 1, end - cursor - 1);
      REQUIRE_MESSAGE(raw.find('<') == std::string::npos, "raw < in attribute " << name);
      REQUIRE_MESSAGE(element.attributes.count(name) == 0, "duplicate attribute " << name);
      element.attributes[name] = Unescape(raw);
      cursor = end + 1;
    }
    element.parent = open.empty() ? -1 : open.back();
    int index = static_cast<int>(elements.size());
    if (element.parent >= 0)
      elements[static_cast<size_t>(element.parent)].children.push_back(index);
    elements.push_back(element);
    if (!self_closing) open.push_back(index);
    pos = cursor;
  }
  REQUIRE_MESSAGE(open.empty(), "unclosed elements");
  return elements;
}

inline std::vector<const Element*> All(const std::vector<Element>& doc,
                                       const std::string& name) {
  std::vector<const Element*> found;
  for (const auto& element : doc)
    if (element.name == name) found.push_back(&element);
  return found;
}

// The element with class containing `css_class`, or nullptr.
inline const Element* WithClass(const std::vector<Element>& doc, const std::string& css_class) {
  for (const auto& element : doc) {
    auto it = element.attributes.find("class");
    if (it == element.attributes.end()) continue;
    std::string padded = " " + it->second + " ";
    if (padded.find(" " + css_class + " ") != std::string::npos) return &element;
  }
  return nullptr;
}

}  // namespace outcomes::svg_test
