# Mirrors the pure-Python package into the build tree as symbolic links, beside the _core module built there:
#   cmake -DSOURCE=<repo>/python/coopecon -DDESTINATION=<build>/python/coopecon -P link_python_package.cmake
# Each build directory thus has its own importable package, edits to .py files take effect without a
# rebuild, and nothing is written into the source tree. Runs on every build, so added and removed files
# are picked up without reconfiguring.

cmake_minimum_required(VERSION 3.25)

file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${SOURCE}" "${SOURCE}/*")
foreach(file IN LISTS files)
    if(file MATCHES "(^|/)__pycache__/" OR file MATCHES "\\.pyc$")
        continue()
    endif()
    set(link "${DESTINATION}/${file}")
    if(NOT IS_SYMLINK "${link}")
        get_filename_component(dir "${link}" DIRECTORY)
        file(MAKE_DIRECTORY "${dir}")
        file(CREATE_LINK "${SOURCE}/${file}" "${link}" SYMBOLIC)
    endif()
endforeach()

# Links whose source file has gone would otherwise still import.
file(GLOB_RECURSE entries LIST_DIRECTORIES false "${DESTINATION}/*")
foreach(entry IN LISTS entries)
    if(IS_SYMLINK "${entry}" AND NOT EXISTS "${entry}")
        file(REMOVE "${entry}")
    endif()
endforeach()
