#pragma once
// A finding of the compliance check (compliance/check.hpp): one rule that one organisation breaks, or is about to
// break, at the date of the check, with the legal basis and the consequence the law in force attaches to it.

#include <coopecon/core/date.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/core/labelled_enum.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace coopecon::compliance {

/// Ordered: a check can be asked for findings of at least a given severity.
COOPECON_LABELLED_ENUM(Severity, std::uint8_t,
    (notice, "Notice", "Lưu ý"),  // a minor lapse: a late notice, a late annual assembly
    // whether the condition has lasted its months, or the duty was met, depends on days the history does not
    // record (before the organisation's history_from): neither due nor cleared
    (unknown, "Unknown", "Chưa xác định"),
    // the condition holds and its threshold is near (CheckOptions::at_risk_months), not yet crossed
    (at_risk, "At risk", "Có nguy cơ"),
    // the threshold is crossed and the condition is not cured: the consequence may follow now
    (due, "Due", "Đến hạn xử lý"))

/// What the law in force attaches to the condition once its threshold is crossed.
COOPECON_LABELLED_ENUM(Consequence, std::uint8_t,
    // 2023 Law Art 103.1: the registration is revoked, then compulsory dissolution (Art 97.1b)
    (revocation_ground, "ground for revoking the registration certificate, then compulsory dissolution",
     "căn cứ thu hồi giấy chứng nhận đăng ký, dẫn đến giải thể bắt buộc"),
    // 2012 Law Art 54.2: the People's Committee orders the dissolution directly
    (compulsory_dissolution, "ground for compulsory dissolution ordered by the People's Committee",
     "thuộc trường hợp giải thể bắt buộc theo quyết định của Ủy ban nhân dân"),
    // Decree 77/2019/NĐ-CP Art 14: a cooperative group must terminate
    (termination_ground, "ground for terminating the cooperative group", "căn cứ chấm dứt hoạt động của tổ hợp tác"),
    // a procedural duty missed; no change of status follows
    (administrative_lapse, "administrative lapse", "vi phạm thủ tục hành chính"))

struct Finding {
    std::string organization;  // external id
    std::string rule;          // compliance rule id, e.g. compliance.below_minimum_members
    Severity severity = Severity::notice;
    Consequence consequence = Consequence::administrative_lapse;
    std::string legal_basis;   // in force at the date the consequence applies (see docs/legal-rules.md)
    std::string legal_basis_vi;  // the same citation in Vietnamese (law/citation.hpp)
    Date began;                // the condition began (a lapse: the first day after its deadline)
    Date counted_from;         // counting towards the threshold starts here (later than `began` only across a
                               // change of law, with AcrossLawChange::restart)
    Date threshold;            // the day the threshold is, was or will be crossed; for an `unknown` finding,
                               // the day it is crossed at the latest (counting from the history's first day)
    std::int32_t months = 0;   // the threshold's length in months; 0 for a rule without one
    std::optional<double> observed;      // the measured figure (members, percent, working days), when there is one
    std::optional<std::int64_t> limit;   // its legal limit
    std::string message;       // one line, English
    std::string message_vi;    // the same, Vietnamese
    // The check's date is after the last day the organisation's data cover: the finding assumes that nothing
    // recorded after that day changed the condition.
    bool projected = false;

    bool operator==(const Finding&) const = default;
};
BOOST_DESCRIBE_STRUCT(Finding, (), (organization, rule, severity, consequence, legal_basis, legal_basis_vi, began,
                                    counted_from, threshold, months, observed, limit, message, message_vi, projected))

}  // namespace coopecon::compliance
