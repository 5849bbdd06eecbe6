# Installs a build tree into an emptied prefix, so files since deleted from the sources cannot linger there:
#   cmake -DBUILD_DIR=<build> -DPREFIX=<prefix> -P install_fresh.cmake
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" COMMAND_ERROR_IS_FATAL ANY)
