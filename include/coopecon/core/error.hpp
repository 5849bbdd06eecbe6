#pragma once
// Errors a person can act on: every problem says where (file line:column or field path), which organisation,
// which event on which date, which rule and which legal basis. Bulk operations collect all problems and
// throw one Error carrying them, after leaving every piece of state as it was.

#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>

#include <boost/describe/enum.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace coopecon {

enum class ErrorCode {
    syntax,             // the text is not well-formed (JSON, CSV)
    invalid_value,      // a value of the right type that is not allowed (2023-02-30, a negative count)
    wrong_type,         // a string where a number is expected, …
    missing_field,      // a required key or column is absent
    unknown_field,      // a key or column that the format does not define
    unknown_name,       // a reference to an enumerator, organisation, member or area that does not exist
    duplicate,          // an id, member or record given twice
    rule_violation,     // a legal rule or the transition table forbids it
    integrity,          // the event log would contradict itself (event after termination, member leaving twice)
    io,                 // a file cannot be read or written
    usage,              // an API or command-line call that cannot be carried out as asked
};
BOOST_DESCRIBE_ENUM(ErrorCode, syntax, invalid_value, wrong_type, missing_field, unknown_field, unknown_name,
                    duplicate, rule_violation, integrity, io, usage)

/// One problem. Only `code` and `message` are always set; the rest says where and why, when known.
struct COOPECON_EXPORT Problem {
    ErrorCode code = ErrorCode::invalid_value;
    std::string message;
    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based; 0 when unknown
    std::string path;          // field path, e.g. organizations[12].events[3].date
    std::string organization;  // external id of the organisation concerned
    std::string event;         // event type, e.g. suspended
    std::optional<Date> date;  // date of the event or of the evaluation
    std::string rule;          // rule id, e.g. T4 or integrity.after_termination
    std::string legal_basis;   // e.g. Law 17/2023/QH15 Art 96.1; Decree 92/2024/NĐ-CP Art 47

    /// A problem located by a field path (which may be empty).
    static Problem at(ErrorCode code, std::string message, std::string path = {});

    /// One line: `file:line:column: path: organisation X, event Y on D: message [rule R; legal basis]`.
    std::string to_string() const;
};

using Problems = std::vector<Problem>;

/// The one exception type of the library. what() lists every problem, one per line.
class COOPECON_EXPORT Error : public std::runtime_error {
public:
    explicit Error(Problem problem) : Error(Problems{std::move(problem)}) {}
    explicit Error(Problems problems);
    Error(ErrorCode code, std::string message) : Error(Problem::at(code, std::move(message))) {}
    ~Error() override;  // defined in the library, so the type's identity is one for every unit that catches it

    const Problems& problems() const noexcept { return problems_; }
    ErrorCode code() const noexcept { return problems_.empty() ? ErrorCode::invalid_value : problems_.front().code; }

private:
    Problems problems_;
};

/// Throws when `problems` is not empty.
COOPECON_EXPORT void throw_if_any(Problems problems);

}  // namespace coopecon
