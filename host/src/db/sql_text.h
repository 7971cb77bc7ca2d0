#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hisx::host {

/// Splits an SQL script into statements on ';' outside quoted strings and identifiers,
/// comments and PostgreSQL dollar-quoted blocks ($$ … $$, $fn$ … $fn$), so that a function
/// body keeps its semicolons. Statements holding only blanks and comments are dropped; the
/// others are returned trimmed, without the ';'.
std::vector<std::string> split_sql_statements(std::string_view script);

/// The named parameters (`:name`) of `sql`, each once, in order of first use. A PostgreSQL
/// cast (`x::int`), an assignment (`:=`) and anything inside quotes or comments is not one.
std::vector<std::string> sql_parameters(std::string_view sql);

/// `sql` with each repeated use of a parameter given a name of its own (`:q`, `:q__hisx2`,
/// `:q__hisx3`), for drivers that bind a name at its first place only (SOCI's ODBC backend);
/// parameter_of() gives back the parameter a bound name stands for.
std::string with_distinct_parameters(std::string_view sql);

/// The parameter `bound_name` (a name of with_distinct_parameters()) stands for: `q` for
/// `q__hisx2`, the name itself otherwise.
std::string parameter_of(std::string_view bound_name);

}  // namespace hisx::host
