# SPDX-License-Identifier: GPL-3.0-or-later
# Compile settings every Pilvi target shares, as one interface target (no directory-wide flags).

add_library(pilvi-defaults INTERFACE)
add_library(Pilvi::defaults ALIAS pilvi-defaults)

target_compile_definitions(pilvi-defaults INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_NO_CONTEXTLESS_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060700)

target_compile_options(pilvi-defaults INTERFACE
    -Wall -Wextra -pedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough
    $<$<BOOL:${PILVI_WERROR}>:-Werror>)

if(PILVI_SANITIZERS)
    list(JOIN PILVI_SANITIZERS "," _pilvi_sanitizers)
    target_compile_options(pilvi-defaults INTERFACE -fsanitize=${_pilvi_sanitizers} -fno-omit-frame-pointer)
    target_link_options(pilvi-defaults INTERFACE -fsanitize=${_pilvi_sanitizers})
    if("undefined" IN_LIST PILVI_SANITIZERS)
        target_compile_options(pilvi-defaults INTERFACE -fno-sanitize-recover=undefined)
    endif()
endif()
