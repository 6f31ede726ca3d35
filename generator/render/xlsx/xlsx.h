// The Excel writer: lays out a pack (view/pack.h) as an .xlsx workbook with libxlsxwriter, the
// only code that includes <xlsxwriter.h>. It sees the pack's types and nothing else of the view,
// model or compute stages (tests/base/layering_test.cc).
//
// What the writer decides is presentation only: row positions (title in A1, the sheet's lines
// below it, the table straight after them with no blank rows or columns), column widths that
// fit the content, fonts and the colours of status tones, frozen header rows, print set-up
// (A4 landscape, one page wide, the header row repeated, "sheet name" and "Page n of m" in the
// footer) and chart placement. Every text goes in with worksheet_write_string, so a label that
// starts with "=", "+", "-" or "@" stays text; nothing is ever written as a formula.
//
// Same view in, same bytes out: the creation time comes from the view, never the clock.
#pragma once

#include <string>

#include "view/pack.h"

namespace outcomes::render {

// Writes `pack` as a workbook at `path` (libxlsxwriter 1.1.4 can only write to a path).
// Returns false with `error` set when the pack breaks view/pack.h's contract (a row of the
// wrong length, a duplicate header or sheet name, a chart range outside its table ...) —
// nothing is written then — or when the file cannot be written.
//
// Threads: packs may be written on several threads at once, each to its own path, as long as
// nothing else in the process calls gmtime() or localtime() meanwhile. libxlsxwriter 1.1.4
// formats the creation time with the non-reentrant gmtime(); every pack of a site carries the
// same creation time (view::PackView takes it from the data date), so packs written together
// format the same text.
bool WriteWorkbook(const view::Pack& pack, const std::string& path, std::string* error);

}  // namespace outcomes::render
