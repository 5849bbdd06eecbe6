// Cancelling work split into parts: a token set before the work, or by one part while the others run, stops
// every part at its next chunk and throws Cancelled once all have ended; without a token the chunks cover the
// range exactly once, in order within each part.

#include <coopecon/core/cancellation.hpp>
#include <coopecon/core/parallel.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace {

using namespace coopecon;

TEST(Cancellation, ChunksCoverTheRangeOnceInOrderWithinEachPart) {
    for (const std::size_t parts : {1u, 2u, 3u}) {
        std::vector<int> seen(1000, 0);
        std::vector<std::size_t> last_end(parts, 0);
        std::vector<std::size_t> first_begin(parts, SIZE_MAX);
        for_each_chunk(1000, parts, 64, nullptr, [&](std::size_t k, std::size_t begin, std::size_t end) {
            EXPECT_LE(end - begin, 64u);
            if (first_begin[k] == SIZE_MAX) first_begin[k] = begin;
            else EXPECT_EQ(begin, last_end[k]) << "part " << k;  // each part goes on from where it stopped
            last_end[k] = end;
            for (std::size_t i = begin; i < end; ++i) ++seen[i];
        });
        for (std::size_t i = 0; i < seen.size(); ++i) ASSERT_EQ(seen[i], 1) << i << " on " << parts << " parts";
    }
}

TEST(Cancellation, ATokenSetBeforehandRunsNothing) {
    CancellationToken token;
    token.cancel();
    std::atomic<int> calls{0};
    EXPECT_THROW(for_each_chunk(1000, 2, 10, &token, [&](std::size_t, std::size_t, std::size_t) { ++calls; }), Cancelled);
    EXPECT_EQ(calls.load(), 0);
    EXPECT_THROW(for_each_chunk(0, 1, 10, &token, [&](std::size_t, std::size_t, std::size_t) { ++calls; }), Cancelled);
    EXPECT_THROW(throw_if_cancelled(&token), Cancelled);
    EXPECT_NO_THROW(throw_if_cancelled(nullptr));
}

TEST(Cancellation, ATokenSetDuringTheWorkStopsEveryPartAtItsNextChunk) {
    CancellationToken token;
    std::vector<std::size_t> chunks_of_part(2, 0);  // each written by its own part only
    try {
        for_each_chunk(1'000'000, 2, 10, &token, [&](std::size_t k, std::size_t, std::size_t) {
            ++chunks_of_part[k];
            if (k == 0)  // part 0 is busy until part 1 cancels
                while (!token.cancelled()) std::this_thread::yield();
            else if (chunks_of_part[k] == 11)
                token.cancel();
        });
        FAIL() << "not cancelled";
    } catch (const Cancelled& e) {
        EXPECT_EQ(e.code(), ErrorCode::usage);
        EXPECT_STREQ(e.what(), "cancelled");
    }
    // Part 0 may not have started before part 1 cancels; then it stops before its first chunk.
    EXPECT_LE(chunks_of_part[0], 1u);
    EXPECT_EQ(chunks_of_part[1], 11u);
}

TEST(Cancellation, ACancelledErrorIsAnError) {
    try {
        throw Cancelled();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::usage);
    }
}

}  // namespace
