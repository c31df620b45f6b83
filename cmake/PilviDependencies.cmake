# SPDX-License-Identifier: GPL-3.0-or-later
# Every dependency is required. A missing one stops the configure step with the Debian 13 package
# that provides it (tools/dev builds in a Debian 13 root where all of them are installed).

function(pilvi_missing what debian_package)
    message(FATAL_ERROR
        "Pilvi needs ${what}, which was not found.\n"
        "On Debian 13 install: ${debian_package}\n"
        "(or use tools/dev, which builds inside a Debian 13 root with everything installed)")
endfunction()

find_package(Qt6 6.7 QUIET COMPONENTS Core)
if(NOT Qt6_FOUND)
    pilvi_missing("Qt >= 6.7" "qt6-base-dev")
endif()

# Qt module -> Debian package that ships its CMake files.
set(_pilvi_qt_modules
    Core qt6-base-dev Gui qt6-base-dev Widgets qt6-base-dev Network qt6-base-dev
    Concurrent qt6-base-dev Sql qt6-base-dev Test qt6-base-dev
    Svg qt6-svg-dev Charts qt6-charts-dev)
set(_pilvi_qt_list ${_pilvi_qt_modules})
while(_pilvi_qt_list)
    list(POP_FRONT _pilvi_qt_list _module _package)
    find_package(Qt6${_module} ${Qt6_VERSION} QUIET)
    if(NOT Qt6${_module}_FOUND)
        pilvi_missing("Qt6 ${_module}" "${_package}")
    endif()
endwhile()
message(STATUS "Qt ${Qt6_VERSION}")

find_package(KF6SyntaxHighlighting QUIET)
if(NOT KF6SyntaxHighlighting_FOUND)
    pilvi_missing("KF6 SyntaxHighlighting" "libkf6syntaxhighlighting-dev")
endif()

find_package(Qt6Keychain QUIET)
if(NOT Qt6Keychain_FOUND)
    pilvi_missing("QtKeychain for Qt 6" "qtkeychain-qt6-dev")
endif()

find_package(PkgConfig QUIET)
if(NOT PkgConfig_FOUND)
    pilvi_missing("pkg-config" "pkg-config")
endif()
pkg_check_modules(FYAML QUIET IMPORTED_TARGET libfyaml)
if(NOT FYAML_FOUND)
    pilvi_missing("libfyaml" "libfyaml-dev")
endif()
pkg_check_modules(GRAPHVIZ QUIET IMPORTED_TARGET libgvc libcgraph)
if(NOT GRAPHVIZ_FOUND)
    pilvi_missing("Graphviz (gvc, cgraph)" "libgraphviz-dev")
endif()
