#pragma once
// A history that comes from outside the library already encoded (the binary registry form, which holds the event
// store as the registry keeps it in memory) was validated when it was written. Reading it again needs no legal
// judgement, only the assurance that replaying it is safe: that it decodes, and that it holds nothing the replay
// takes for granted from recording (history/replay.hpp).

#include <coopecon/export.hpp>
#include <coopecon/history/event_log.hpp>
#include <coopecon/model/member.hpp>

#include <cstddef>
#include <cstdint>
#include <span>

namespace coopecon {

/// The history of `count` events encoded in `bytes`, once checked that it decodes to its end with exactly that
/// many events, every date and enumeration in range and every string UTF-8; that it begins with its one
/// `registered` event; that every named member is in `members`; that cohorts, amounts, OCOP ratings and
/// assessment points are within what recording allows; and that no total of members, capital or funds can
/// overflow. The legal rules are not judged again. Throws Error (invalid_value) naming the event and what is
/// wrong; the view refers to `bytes`. `names_others`, when given, is set to whether an event names other
/// organisations (a successor's predecessors, a reorganisation's counterparts), which the registry then checks:
/// most histories need no second reading.
COOPECON_EXPORT EventLog replayable_history(std::span<const std::byte> bytes, std::uint32_t count,
                                            std::span<const Member> members, bool* names_others = nullptr);

}  // namespace coopecon
