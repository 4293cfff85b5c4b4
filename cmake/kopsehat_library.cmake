# kopsehat_library(FOLDER SOURCES ... [USES folder ...] [PACKAGES target ...])
#
# One static library per folder of src/, linked only along the design's arrows (docs/architecture.md). The build
# enforces the arrows: a library's include path holds only its own folder (through a link in
# ${CMAKE_BINARY_DIR}/include/<folder>/) and, through its PUBLIC links, the folders it USES and theirs, so an
# `#include "web/…"` in assess/ fails to compile. The library is named ks_<folder>.
function(kopsehat_library folder)
  cmake_parse_arguments(L "" "" "SOURCES;USES;PACKAGES" ${ARGN})
  set(root ${CMAKE_BINARY_DIR}/include/${folder})
  file(MAKE_DIRECTORY ${root})
  if(NOT EXISTS ${root}/${folder})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${folder} ${root}/${folder} SYMBOLIC)
  endif()
  add_library(ks_${folder} STATIC ${L_SOURCES})
  target_include_directories(ks_${folder} PUBLIC ${root})
  set(deps "")
  foreach(u IN LISTS L_USES)
    list(APPEND deps ks_${u})
  endforeach()
  target_link_libraries(ks_${folder} PUBLIC ${deps} ${L_PACKAGES})
  list(JOIN L_USES " " uses)
  set_property(GLOBAL APPEND PROPERTY KOPSEHAT_LAYERS "${folder}: ${uses}")
endfunction()

# Writes the layers as declared (folder: what it uses) to ${CMAKE_BINARY_DIR}/layers.txt, for tests/layers_test.py,
# which checks the includes of every folder and docs/architecture.md against it.
function(kopsehat_write_layers)
  get_property(layers GLOBAL PROPERTY KOPSEHAT_LAYERS)
  string(REPLACE ";" "\n" text "${layers}")
  file(WRITE ${CMAKE_BINARY_DIR}/layers.txt "${text}\n")
endfunction()

# kopsehat_embed(OUT_CC SCRIPT DEPENDS files... DEFINES -DNAME=value ...): generates OUT_CC (a C++ source holding data
# files as strings) at build time by running SCRIPT (cmake/embed_*.cmake) with the definitions.
function(kopsehat_embed out script)
  cmake_parse_arguments(E "" "" "DEPENDS;DEFINES" ${ARGN})
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
    COMMAND ${CMAKE_COMMAND} "-DOUT=${out}" ${E_DEFINES} -P ${script}
    DEPENDS ${E_DEPENDS} ${script}
    COMMENT "Embedding ${out}"
    VERBATIM)
endfunction()

# kopsehat_embed_asset(VAR FILE NAMESPACE NAME): generates a C++ source defining
# `const std::string_view NAMESPACE::NAME` that holds FILE's exact bytes (cmake/embed_asset.cmake), rebuilt when FILE
# changes, and appends it to the list VAR.
function(kopsehat_embed_asset var file namespace name)
  string(REPLACE "::" "_" stem "${namespace}_${name}")
  set(out ${CMAKE_BINARY_DIR}/generated/${stem}.cc)
  kopsehat_embed(${out} ${CMAKE_SOURCE_DIR}/cmake/embed_asset.cmake DEPENDS ${file}
    DEFINES "-DIN=${file}" "-DNAMESPACE=${namespace}" "-DNAME=${name}")
  set(${var} ${${var}} ${out} PARENT_SCOPE)
endfunction()
