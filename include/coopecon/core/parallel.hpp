#pragma once
// Work over organisations split into contiguous parts, one thread each, on the standard library's threads: the
// parts are few and long (a few per core), so a task scheduler (oneTBB) would add a dependency and nothing to
// balance. Callers combine the parts' results in part order, so a result never depends on the thread count.

#include <coopecon/core/cancellation.hpp>
#include <coopecon/export.hpp>

#include <cstddef>
#include <functional>

namespace coopecon {

/// The threads `requested` means: itself, or one per core when 0.
COOPECON_EXPORT unsigned thread_count(unsigned requested) noexcept;

/// How many parts `n` items make on `threads` threads (0: one per core) when a part should hold at least
/// `min_part` items: from 1 to the thread count.
COOPECON_EXPORT std::size_t part_count(std::size_t n, unsigned threads, std::size_t min_part) noexcept;

/// Calls part(k, begin, end) for the `parts` contiguous ranges [begin, end) of [0, n), part k on a thread of its
/// own and part 0 on the calling thread; waits for all. A part that cannot get a thread (the system refuses one)
/// runs on the calling thread. The first exception, in part order, is rethrown after all have ended.
COOPECON_EXPORT void for_each_part(std::size_t n, std::size_t parts,
                                   const std::function<void(std::size_t k, std::size_t begin, std::size_t end)>& part);

/// The same parts, each handed on in order in chunks of at most `chunk` items: chunk(k, begin, end) for part k.
/// `cancel` (nullptr: none) is read before every chunk; once it is set, every part stops at its next chunk and
/// Cancelled is thrown after all have ended.
COOPECON_EXPORT void for_each_chunk(std::size_t n, std::size_t parts, std::size_t chunk, const CancellationToken* cancel,
                                    const std::function<void(std::size_t k, std::size_t begin, std::size_t end)>& f);

}  // namespace coopecon
