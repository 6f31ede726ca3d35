# Fails when a file under generator/render/xlsx/ includes a header of model/, compute/, load/ or
# view/ other than view/pack.h: the xlsx writer lays out the packs' view types and sees nothing
# of the stages that make them (STYLE.md: render/* never includes model/ or compute/). The
# render_xlsx library links only outcomes_view_types for the same reason; this catches a header
# that would compile through the shared include path all the same.
#
#   cmake -DSOURCE_DIR=<repository> -P tests/tools/check_xlsx_includes.cmake
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "check_xlsx_includes: pass -DSOURCE_DIR=<repository>")
endif()
set(folder ${SOURCE_DIR}/generator/render/xlsx)
file(GLOB_RECURSE files ${folder}/*)
if(NOT files)
  message(FATAL_ERROR "check_xlsx_includes: no files under ${folder}")
endif()

set(includes 0)
set(problems "")
foreach(file ${files})
  file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"]([^\">]+)[\">]")
      continue()
    endif()
    math(EXPR includes "${includes} + 1")
    # A path written relative to the file ("../../view/x.h") names the same header.
    set(header ${CMAKE_MATCH_1})
    while(header MATCHES "^(\\./|\\.\\./)(.*)$")
      set(header ${CMAKE_MATCH_2})
    endwhile()
    string(REGEX REPLACE "^generator/" "" header "${header}")
    if(header MATCHES "^(model|compute|load|view)/" AND NOT header STREQUAL "view/pack.h")
      file(RELATIVE_PATH where ${SOURCE_DIR} ${file})
      string(APPEND problems "\n  ${where}: #include of ${CMAKE_MATCH_1}/ (${header})")
    endif()
  endforeach()
endforeach()

if(includes EQUAL 0)
  message(FATAL_ERROR "check_xlsx_includes: found no #include under ${folder}")
endif()
if(problems)
  message(FATAL_ERROR "the xlsx writer may include only view/pack.h of the view, model, compute "
                      "and load stages:${problems}")
endif()
message(STATUS "check_xlsx_includes: ${includes} includes under generator/render/xlsx/, none "
               "beyond view/pack.h")
