// The seed tree and the counter-based generator: published known answers and agreement with Random123 (the
// authors' implementation), determinism by path, independence from generation order, and distributions. The
// distribution checks draw from fixed seeds, so they give the same result every run; their tolerances are five
// standard errors computed from each distribution's variance.

#include <coopecon/simulation/random.hpp>

#include <Random123/philox.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <set>
#include <vector>

namespace coopecon::simulation {
namespace {

// Random123's kat_vectors for philox4x32 with 10 rounds: counter, key, expected output.
TEST(Philox4x32, MatchesThePublishedKnownAnswers) {
    using C = Philox4x32::Counter;
    using K = Philox4x32::Key;
    EXPECT_EQ(Philox4x32::block(C{0, 0, 0, 0}, K{0, 0}), (C{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
    EXPECT_EQ(Philox4x32::block(C{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, K{0xffffffff, 0xffffffff}),
              (C{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
    EXPECT_EQ(Philox4x32::block(C{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, K{0xa4093822, 0x299f31d0}),
              (C{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

// The reference implementation by the generator's authors gives the same blocks for counters and keys drawn
// from all over their range.
TEST(Philox4x32, MatchesRandom123) {
    Stream s = SeedTree(123).stream();
    auto word = [&] { return static_cast<std::uint32_t>(s.next()); };
    const r123::Philox4x32 reference;
    for (int i = 0; i < 100'000; ++i) {
        const Philox4x32::Counter c{word(), word(), word(), word()};
        const Philox4x32::Key k{word(), word()};
        const auto expected = reference(r123::Philox4x32::ctr_type{{c[0], c[1], c[2], c[3]}},
                                        r123::Philox4x32::key_type{{k[0], k[1]}});
        ASSERT_EQ(Philox4x32::block(c, k), (Philox4x32::Counter{expected[0], expected[1], expected[2], expected[3]}))
            << "block " << i;
    }
}

// Random123's kat_vectors for philox4x64 with 10 rounds.
TEST(Philox4x64, MatchesThePublishedKnownAnswers) {
    using C = Philox4x64::Counter;
    using K = Philox4x64::Key;
    EXPECT_EQ(Philox4x64::block(C{0, 0, 0, 0}, K{0, 0}),
              (C{0x16554d9eca36314c, 0xdb20fe9d672d0fdc, 0xd7e772cee186176b, 0x7e68b68aec7ba23b}));
    constexpr std::uint64_t ones = ~std::uint64_t{0};
    EXPECT_EQ(Philox4x64::block(C{ones, ones, ones, ones}, K{ones, ones}),
              (C{0x87b092c3013fe90b, 0x438c3c67be8d0224, 0x9cc7d7c69cd777b6, 0xa09caebf594f0ba0}));
    EXPECT_EQ(Philox4x64::block(C{0x243f6a8885a308d3, 0x13198a2e03707344, 0xa4093822299f31d0, 0x082efa98ec4e6c89},
                                K{0x452821e638d01377, 0xbe5466cf34e90c6c}),
              (C{0xa528f45403e61d95, 0x38c72dbd566e9788, 0xa5a1610e72fd18b5, 0x57bd43b5e52b7fe6}));
}

TEST(Philox4x64, MatchesRandom123) {
    Stream s = SeedTree(124).stream();
    const r123::Philox4x64 reference;
    for (int i = 0; i < 100'000; ++i) {
        const Philox4x64::Counter c{s.next(), s.next(), s.next(), s.next()};
        const Philox4x64::Key k{s.next(), s.next()};
        const auto expected = reference(r123::Philox4x64::ctr_type{{c[0], c[1], c[2], c[3]}},
                                        r123::Philox4x64::key_type{{k[0], k[1]}});
        ASSERT_EQ(Philox4x64::block(c, k), (Philox4x64::Counter{expected[0], expected[1], expected[2], expected[3]}))
            << "block " << i;
    }
}

// A wide stream's draws are the words of Philox4x64 blocks of its counter, in order, under its node's key and
// stream id; other numbers than the node's Stream.
TEST(WideStream, DrawsTheWordsOfItsBlocksInOrder) {
    const SeedTree node = SeedTree(5).child("org").child(3);
    WideStream w = node.wide_stream();
    const std::uint64_t key = std::uint64_t{node.key()[0]} | std::uint64_t{node.key()[1]} << 32;
    for (std::uint64_t b = 0; b < 3; ++b) {
        const auto block = Philox4x64::block({b, 0, 0, 0}, {key, node.stream_id()});
        for (const auto word : block) EXPECT_EQ(w.next(), word);
    }
    EXPECT_EQ(w.position(), 12u);
    // A Stream takes the two 64-bit halves of a Philox4x32 block of (block, stream id) instead.
    Stream narrow = node.stream();
    const auto id = node.stream_id();
    const auto first = Philox4x32::block({0, 0, static_cast<std::uint32_t>(id), static_cast<std::uint32_t>(id >> 32)},
                                         node.key());
    EXPECT_EQ(narrow.next(), std::uint64_t{first[0]} | std::uint64_t{first[1]} << 32);
    EXPECT_EQ(narrow.next(), std::uint64_t{first[2]} | std::uint64_t{first[3]} << 32);
    EXPECT_NE(node.stream().next(), node.wide_stream().next());
}

std::vector<std::uint64_t> draws(Stream s, std::size_t n) {
    std::vector<std::uint64_t> out(n);
    for (auto& x : out) x = s.next();
    return out;
}

TEST(SeedTree, TheSamePathGivesTheSameNumbers) {
    const auto a = SeedTree(42).child("profile").child(7).stream();
    const auto b = SeedTree(42).child("profile").child(7).stream();
    EXPECT_EQ(draws(a, 100), draws(b, 100));
}

TEST(SeedTree, DifferentPathsAndSeedsGiveDifferentNumbers) {
    const SeedTree root(42);
    std::set<std::vector<std::uint64_t>> seen;
    seen.insert(draws(root.stream(), 4));
    seen.insert(draws(SeedTree(43).stream(), 4));
    seen.insert(draws(root.child("profile").stream(), 4));
    seen.insert(draws(root.child("profilf").stream(), 4));
    seen.insert(draws(root.child("profile").child(0).stream(), 4));
    seen.insert(draws(root.child("profile").child(1).stream(), 4));
    seen.insert(draws(root.child("profile").child("1").stream(), 4));  // a name is not an index
    seen.insert(draws(root.child(0).child("profile").stream(), 4));    // order of the path matters
    EXPECT_EQ(seen.size(), 8u);
}

TEST(SeedTree, ChildrenOfManyIndicesAreDistinct) {
    const auto parent = SeedTree(1).child("orgs");
    std::set<std::uint64_t> first_draws;
    for (std::uint64_t i = 0; i < 100'000; ++i) first_draws.insert(parent.child(i).stream().next());
    EXPECT_EQ(first_draws.size(), 100'000u);
}

TEST(SeedTree, NumbersDoNotDependOnTheOrderOfGeneration) {
    const auto orgs = SeedTree(2023).child("history");
    auto generate = [&](std::uint64_t org) {
        Stream s = orgs.child(org).stream();
        return std::array<std::int64_t, 3>{s.between(0, 1000), static_cast<std::int64_t>(s.below(7)), s.poisson(30)};
    };
    const auto five_first = generate(5);
    const auto three_second = generate(3);
    const auto three_first = generate(3);
    const auto five_second = generate(5);
    EXPECT_EQ(five_first, five_second);
    EXPECT_EQ(three_first, three_second);
}

TEST(Stream, CopiesContinueFromTheSamePosition) {
    Stream a = SeedTree(9).stream();
    a.next();
    a.next();
    a.next();
    Stream b = a;
    EXPECT_EQ(b.position(), 3u);
    EXPECT_EQ(draws(a, 10), draws(b, 10));
}

/// Sample mean and variance.
struct Moments {
    double mean = 0, variance = 0;
};
template <class F>
Moments moments(std::size_t n, F&& draw) {
    double sum = 0, sum_sq = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = draw();
        sum += x;
        sum_sq += x * x;
    }
    const double mean = sum / static_cast<double>(n);
    return {mean, (sum_sq - static_cast<double>(n) * mean * mean) / static_cast<double>(n - 1)};
}

/// Mean within five standard errors; variance within five standard errors of the sample variance, which
/// needs the fourth central moment mu4.
void expect_moments(const Moments& m, double mean, double variance, double mu4, std::size_t n) {
    const auto nd = static_cast<double>(n);
    EXPECT_NEAR(m.mean, mean, 5 * std::sqrt(variance / nd));
    EXPECT_NEAR(m.variance, variance, 5 * std::sqrt((mu4 - variance * variance) / nd));
}

constexpr std::size_t samples = 200'000;

TEST(Stream, UniformDoublesHaveTheMomentsOfU01) {
    Stream s = SeedTree(11).stream();
    // U(0,1): variance 1/12, fourth central moment 1/80.
    expect_moments(moments(samples, [&] { return s.uniform(); }), 0.5, 1.0 / 12, 1.0 / 80, samples);
    Stream t = SeedTree(12).stream();
    for (int i = 0; i < 1000; ++i) {
        const double x = t.uniform(2.5, 3.0);
        ASSERT_GE(x, 2.5);
        ASSERT_LT(x, 3.0);
    }
}

TEST(Stream, BoundedIntegersAreUniformAndInRange) {
    Stream s = SeedTree(13).stream();
    constexpr std::uint64_t k = 6;
    std::array<std::size_t, k> counts{};
    for (std::size_t i = 0; i < samples; ++i) {
        const auto x = s.below(k);
        ASSERT_LT(x, k);
        ++counts[x];
    }
    // Each count is binomial(samples, 1/6).
    const double expected = samples / 6.0, sd = std::sqrt(samples * (1.0 / 6) * (5.0 / 6));
    for (const auto c : counts) EXPECT_NEAR(static_cast<double>(c), expected, 5 * sd);

    Stream t = SeedTree(14).stream();
    for (int i = 0; i < 10'000; ++i) {
        const auto x = t.between(-3, 3);
        ASSERT_GE(x, -3);
        ASSERT_LE(x, 3);
    }
    EXPECT_EQ(t.below(0), 0u);
    EXPECT_EQ(t.between(5, 5), 5);
}

TEST(Stream, LargeBoundsAreNotBiasedTowardsSmallValues) {
    // With n = 3·2^62, taking a 64-bit value modulo n would make the lowest third twice as likely.
    Stream s = SeedTree(15).stream();
    const std::uint64_t n = 3ull << 62;
    std::size_t low_third = 0;
    for (std::size_t i = 0; i < samples; ++i) low_third += s.below(n) < (1ull << 62) ? 1 : 0;
    const double p = 1.0 / 3, sd = std::sqrt(samples * p * (1 - p));
    EXPECT_NEAR(static_cast<double>(low_third), samples * p, 5 * sd);
}

TEST(Stream, BernoulliHasItsProbability) {
    Stream s = SeedTree(16).stream();
    const double p = 0.12;
    std::size_t hits = 0;
    for (std::size_t i = 0; i < samples; ++i) hits += s.bernoulli(p) ? 1 : 0;
    EXPECT_NEAR(static_cast<double>(hits), samples * p, 5 * std::sqrt(samples * p * (1 - p)));
    EXPECT_FALSE(s.bernoulli(0));
    EXPECT_TRUE(s.bernoulli(1));
}

TEST(Stream, NormalHasMeanZeroAndUnitVariance) {
    Stream s = SeedTree(17).stream();
    expect_moments(moments(samples, [&] { return s.normal(); }), 0, 1, 3, samples);
}

TEST(WideStream, HasTheMomentsOfItsDistributions) {
    WideStream s = SeedTree(31).wide_stream();
    expect_moments(moments(samples, [&] { return s.uniform(); }), 0.5, 1.0 / 12, 1.0 / 80, samples);
    expect_moments(moments(samples, [&] { return s.normal(); }), 0, 1, 3, samples);
    const double mean = 2.5;
    expect_moments(moments(samples, [&] { return static_cast<double>(s.poisson(mean)); }), mean, mean,
                   mean * (1 + 3 * mean), samples);
}

// Both normals of a Box–Muller pair are standard normal and uncorrelated: the sum of their product over n pairs has
// mean 0 and standard deviation sqrt(n).
TEST(WideStream, NormalPairsAreTwoIndependentStandardNormals) {
    WideStream s = SeedTree(32).wide_stream();
    std::vector<double> first, second;
    double product = 0;
    for (std::size_t i = 0; i < samples; ++i) {
        const auto [a, b] = s.normal_pair();
        first.push_back(a);
        second.push_back(b);
        product += a * b;
    }
    std::size_t k = 0;
    expect_moments(moments(samples, [&] { return first[k++]; }), 0, 1, 3, samples);
    k = 0;
    expect_moments(moments(samples, [&] { return second[k++]; }), 0, 1, 3, samples);
    EXPECT_NEAR(product, 0, 5 * std::sqrt(static_cast<double>(samples)));
    EXPECT_EQ(s.position(), 2 * samples);
}

class PoissonMoments : public ::testing::TestWithParam<double> {};

TEST_P(PoissonMoments, MatchTheMean) {
    const double mean = GetParam();
    Stream s = SeedTree(18).child(static_cast<std::uint64_t>(mean * 10)).stream();
    // Poisson: variance = mean, fourth central moment = mean (1 + 3 mean).
    expect_moments(moments(samples, [&] { return static_cast<double>(s.poisson(mean)); }), mean, mean,
                   mean * (1 + 3 * mean), samples);
}
// Small means use inversion, 10 and above PTRS.
INSTANTIATE_TEST_SUITE_P(SmallAndLarge, PoissonMoments, ::testing::Values(0.3, 2.5, 9.9, 10.0, 42.0, 1500.0));

struct BinomialCase {
    std::int64_t n;
    double p;
};
class BinomialMoments : public ::testing::TestWithParam<BinomialCase> {};

TEST_P(BinomialMoments, MatchNpAndNpq) {
    const auto [n, p] = GetParam();
    Stream s = SeedTree(19).child(static_cast<std::uint64_t>(n)).child(static_cast<std::uint64_t>(p * 1000)).stream();
    const double nd = static_cast<double>(n), q = 1 - p, var = nd * p * q;
    const double mu4 = var * (1 + 3 * (nd - 2) * p * q);  // fourth central moment of a binomial
    expect_moments(moments(samples,
                           [&] {
                               const auto x = s.binomial(n, p);
                               EXPECT_GE(x, 0);
                               EXPECT_LE(x, n);
                               return static_cast<double>(x);
                           }),
                   nd * p, var, mu4, samples);
}
// Inversion below n·min(p, q) = 10, BTRS above; p > 0.5 by symmetry.
INSTANTIATE_TEST_SUITE_P(InversionAndBtrs, BinomialMoments,
                         ::testing::Values(BinomialCase{5, 0.3}, BinomialCase{40, 0.2}, BinomialCase{100, 0.5},
                                           BinomialCase{1000, 0.07}, BinomialCase{5000, 0.9}));

TEST(Stream, DegenerateBinomialsAndPoissons) {
    Stream s = SeedTree(20).stream();
    EXPECT_EQ(s.binomial(0, 0.5), 0);
    EXPECT_EQ(s.binomial(10, 0), 0);
    EXPECT_EQ(s.binomial(10, 1), 10);
    EXPECT_EQ(s.poisson(0), 0);
}

TEST(WeightedChoice, FollowsTheWeightsAndNeverPicksZeroWeights) {
    const std::vector<double> weights{0, 1, 0, 3, 6, 0};
    const WeightedChoice choice(weights);
    Stream s = SeedTree(21).stream();
    std::array<std::size_t, 6> counts{};
    for (std::size_t i = 0; i < samples; ++i) ++counts[choice(s)];
    EXPECT_EQ(counts[0] + counts[2] + counts[5], 0u);
    for (std::size_t i : {1, 3, 4}) {
        const double p = weights[i] / 10;
        EXPECT_NEAR(static_cast<double>(counts[i]), samples * p, 5 * std::sqrt(samples * p * (1 - p)));
    }
}

TEST(WeightedChoice, RefusesNegativeOrAllZeroWeights) {
    EXPECT_THROW(WeightedChoice(std::vector<double>{1, -1}), std::invalid_argument);
    EXPECT_THROW(WeightedChoice(std::vector<double>{0, 0}), std::invalid_argument);
    EXPECT_THROW(WeightedChoice(std::vector<double>{}), std::invalid_argument);
}

TEST(Stream, ShuffleIsAPermutationAndEveryPositionIsReached) {
    Stream s = SeedTree(22).stream();
    std::array<std::array<std::size_t, 4>, 4> where{};  // where[value][position]
    constexpr std::size_t rounds = 40'000;
    for (std::size_t r = 0; r < rounds; ++r) {
        std::array<int, 4> items{0, 1, 2, 3};
        s.shuffle(std::span<int>(items));
        for (std::size_t pos = 0; pos < 4; ++pos) ++where[static_cast<std::size_t>(items[pos])][pos];
    }
    const double sd = std::sqrt(rounds * 0.25 * 0.75);
    for (const auto& positions : where)
        for (const auto c : positions) EXPECT_NEAR(static_cast<double>(c), rounds / 4.0, 5 * sd);
}

}  // namespace
}  // namespace coopecon::simulation
