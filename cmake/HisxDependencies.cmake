# Every dependency is a Debian 12 package installed by scripts/bootstrap, linked as the
# system's shared library in the host and in plugins alike (DESIGN.md, known traps).
find_package(Poco REQUIRED COMPONENTS Foundation Util Net NetSSL JSON XML Crypto JWT)
find_package(yaml-cpp REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS filesystem)
find_package(GTest REQUIRED)
find_package(date REQUIRED)  # libhowardhinnant-date-dev: time zones from the system's tzdata
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# libhisx_documents only (QR codes, PDF pages, ESC/POS receipts): plugins that print nothing
# never load these.
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo)

# SOCI 4.0 on Debian ships no CMake package: import its core and backends by hand.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
add_library(hisx::soci INTERFACE IMPORTED)
target_include_directories(hisx::soci INTERFACE ${SOCI_INCLUDE_DIR})
target_link_libraries(hisx::soci INTERFACE ${SOCI_CORE_LIBRARY})

# The backends are linked into the host only, never loaded by name at run time.
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
find_library(SOCI_MYSQL_LIBRARY soci_mysql REQUIRED)
find_library(SOCI_ODBC_LIBRARY soci_odbc REQUIRED)
# unixODBC itself, for the driver's diagnostics the profile check reads (SQLGetDiagRec).
find_library(ODBC_LIBRARY odbc REQUIRED)
find_path(PQ_INCLUDE_DIR libpq-fe.h PATH_SUFFIXES postgresql REQUIRED)
find_path(MYSQL_INCLUDE_DIR mysql.h PATH_SUFFIXES mariadb mysql REQUIRED)
add_library(hisx::soci_backends INTERFACE IMPORTED)
target_include_directories(hisx::soci_backends INTERFACE ${PQ_INCLUDE_DIR} ${MYSQL_INCLUDE_DIR})
target_link_libraries(hisx::soci_backends INTERFACE
  ${SOCI_SQLITE3_LIBRARY} ${SOCI_POSTGRESQL_LIBRARY} ${SOCI_MYSQL_LIBRARY} ${SOCI_ODBC_LIBRARY}
  ${ODBC_LIBRARY} hisx::soci)
