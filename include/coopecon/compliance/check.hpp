#pragma once
// The compliance check: for every organisation that is active or suspended on a date, the rules of
// law/compliance_rule.hpp it breaks or is about to break, as findings with their legal basis, dates,
// consequence and a message in English and Vietnamese. One replay per organisation (compliance/conditions.hpp).
//
// - A duration rule (a revocation ground of 2023 Law Art 103.1, a compulsory dissolution ground of 2012 Law
//   Art 54.2) whose condition still holds is `due` once it has lasted its months, counted from
//   `counted_from` (the threshold is the day after the period ends, law/period.hpp: the Civil Code's rule, the
//   months in force at its end); `at_risk` from `at_risk_months` before that. Its legal basis
//   and consequence are those in force on the date of the check when the threshold has been crossed, on the
//   threshold otherwise. The consequence is a compulsory dissolution where the law in force lets the People's
//   Committee order one (authority_dissolution_allowed = 1, the 2012 Law), a revocation ground otherwise.
// - An immediate rule (a cooperative group below its minimum of members) is `due` while its condition holds.
// - A lapse (a late suspension notice, a late annual assembly) is a `notice` while it lasts and for
//   `notice_months` after it ended; its legal basis is the one in force when it began.

#include <coopecon/compliance/conditions.hpp>
#include <coopecon/compliance/finding.hpp>
#include <coopecon/core/cancellation.hpp>
#include <coopecon/core/date.hpp>
#include <coopecon/export.hpp>
#include <coopecon/law/framework.hpp>
#include <coopecon/registry/registry.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace coopecon::compliance {

struct CheckOptions {
    int at_risk_months = 2;    // at_risk from this many months before a threshold (2: from 10 of 12 months)
    int notice_months = 12;    // a lapse stays a notice this many months after it ended
    AcrossLawChange across_law_change = AcrossLawChange::by_rule;
    Severity minimum = Severity::notice;  // findings less severe are left out
    unsigned threads = 0;      // organisations are checked on this many threads (0: one per core); the findings
                               // are the same, in the same order, on any number
    const CancellationToken* cancel = nullptr;  // once set, the check stops within milliseconds and throws Cancelled
    // The framework whose rules apply (a reformed one, say), in place of the registry's: the histories are read
    // as recorded and not validated again, so a reform is compared on the same registry without reloading it.
    std::shared_ptr<const law::Framework> law;
};

/// Every finding on `as_of` (at the end of that day), by organisation in registry order, then by rule, then by
/// start. Throws Error (usage) for options out of range.
COOPECON_EXPORT std::vector<Finding> check(const Registry& registry, Date as_of, const CheckOptions& options = {});

/// Organisations a chunk of check_chunks holds: chunk k is the organisations [k × check_chunk, (k + 1) × check_chunk).
inline constexpr std::size_t check_chunk = 1024;
constexpr std::size_t check_chunk_count(std::size_t organizations) noexcept {
    return (organizations + check_chunk - 1) / check_chunk;
}

/// Called with the findings of one chunk of organisations, in the order check() gives them; it may take them.
using ChunkSink = std::function<void(std::size_t chunk, std::vector<Finding>&& findings)>;

/// The findings of check(), handed over a chunk at a time on the threads that find them, the chunks in any order:
/// a caller that turns findings into something else does it on every thread and puts the chunks in order after.
/// sink is called from several threads at once, never twice for one chunk.
COOPECON_EXPORT void check_chunks(const Registry& registry, Date as_of, const CheckOptions& options,
                                  const ChunkSink& sink);

/// The findings of one organisation; throws Error (unknown_name) naming an unknown id.
COOPECON_EXPORT std::vector<Finding> check(const Registry& registry, std::string_view organization, Date as_of,
                                           const CheckOptions& options = {});

/// True when any finding is due.
COOPECON_EXPORT bool any_due(const std::vector<Finding>& findings) noexcept;

}  // namespace coopecon::compliance
