#pragma once
// Randomness for simulations: a seed tree over a counter-based generator, so that every number drawn depends
// only on the root seed, the path of names and indices that addresses its stream, and its position in that
// stream. Never on the order in which organisations are generated, nor on how many threads generate them.
//
// The generator is Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3",
// SC 2011; the Random123 library). It is a keyed bijection of a 128-bit counter: the value at any position is
// computed directly, with no state to carry from one draw to the next. It passes TestU01's BigCrush, it is the
// generator of cuRAND and of numpy's Philox family, and it has published known-answer vectors that the tests
// check. A keyed hash such as SplitMix64 would be faster but has no such pedigree as a stream cipher of counters.
// The block function is written here, constexpr and inlined into every draw; the tests also check it against
// Random123's own philox4x32 (docs/contributing.md, "Libraries we checked", says why that is not included here).
//
// A node of the tree is 128 bits: a 64-bit Philox key and a 64-bit stream id. Draw i of a node's Stream is half of
// the Philox4x32 block of the counter (i / 2, stream id) under the node's key. A node's WideStream (the dynamics')
// draws from Philox4x64 instead, the same construction on 64-bit words: a quarter of the block of the counter
// (i / 4) under the key (node key, stream id), four draws for about the instructions of one Philox4x32 block. A child is Philox of (label hash or index, stream id) under the
// node's key xor a domain constant, so that children named by text and by number never meet and no child's
// identity is one of its parent's draws.

#include <coopecon/export.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace coopecon::simulation {

namespace detail {
__extension__ typedef unsigned __int128 uint128;  // __extension__: g++ -Wpedantic knows it is non-standard
}  // namespace detail

/// Philox4 with 10 rounds on words of type Word: one block of four words for a counter of four words under a key of
/// two. Each round multiplies two counter words by M0 and M1 into double-width products and mixes their halves with
/// the other words and the key; the key is bumped by the Weyl constants W0 and W1 between rounds (Salmon et al.,
/// section 4.2; Random123's philox4xW). Wide is an unsigned type of twice Word's width.
template <class Word, class Wide, Word M0, Word M1, Word W0, Word W1>
struct Philox4 {
    using Counter = std::array<Word, 4>;
    using Key = std::array<Word, 2>;

    static constexpr Counter block(Counter c, Key k) noexcept {
        constexpr int bits = 8 * sizeof(Word);
        for (int round = 0; round < 10; ++round) {
            if (round > 0) {
                k[0] += W0;
                k[1] += W1;
            }
            const Wide p0 = static_cast<Wide>(M0) * c[0];
            const Wide p1 = static_cast<Wide>(M1) * c[2];
            c = {static_cast<Word>(p1 >> bits) ^ c[1] ^ k[0], static_cast<Word>(p1),
                 static_cast<Word>(p0 >> bits) ^ c[3] ^ k[1], static_cast<Word>(p0)};
        }
        return c;
    }
};

/// Philox4x32-10: 128 random bits a block. Weyl constants: the golden ratio and sqrt(3) - 1 in 32 bits.
using Philox4x32 = Philox4<std::uint32_t, std::uint64_t, 0xD2511F53u, 0xCD9E8D57u, 0x9E3779B9u, 0xBB67AE85u>;
/// Philox4x64-10: 256 random bits a block, the same construction on 64-bit words (Random123's philox4x64; the
/// tests check its published known answers and Random123 itself). Weyl constants: the same ratios in 64 bits.
using Philox4x64 = Philox4<std::uint64_t, detail::uint128, 0xD2E7470EE14C6C93ull, 0xCA5A826395121157ull,
                           0x9E3779B97F4A7C15ull, 0xBB67AE8584CAA73Bull>;

template <class Generator>
class BasicStream;
struct Philox4x32Draws;
using Stream = BasicStream<Philox4x32Draws>;
struct Philox4x64Draws;
using WideStream = BasicStream<Philox4x64Draws>;

/// A node of the seed tree: `SeedTree(seed).child("profile").child(org_index)` addresses one organisation's
/// stream. Nodes are small values; deriving a child costs one Philox block.
class SeedTree {
public:
    explicit constexpr SeedTree(std::uint64_t root_seed) noexcept
        : SeedTree(Philox4x32::block({lo(root_seed), hi(root_seed), 0, 0}, root_domain)) {}

    /// The child named `label` (e.g. "cooperatives", "history").
    constexpr SeedTree child(std::string_view label) const noexcept { return derive(fnv1a(label), text_domain); }
    /// The child numbered `index` (e.g. an organisation's position in its population).
    constexpr SeedTree child(std::uint64_t index) const noexcept { return derive(index, index_domain); }

    /// The draws of this node, from position 0.
    Stream stream() const noexcept;
    /// The draws of this node from the wider generator (four draws a block), from position 0: other numbers than
    /// stream()'s, at about half the cost a draw.
    WideStream wide_stream() const noexcept;

    constexpr Philox4x32::Key key() const noexcept { return key_; }
    constexpr std::uint64_t stream_id() const noexcept { return stream_id_; }
    friend constexpr bool operator==(const SeedTree&, const SeedTree&) = default;

private:
    static constexpr Philox4x32::Key root_domain{0x5EED7EEEu, 0xC00FEC0Bu};
    static constexpr Philox4x32::Key text_domain{0x7E47C41Du, 0x1ABE1ABEu};
    static constexpr Philox4x32::Key index_domain{0x1D3C5A7Bu, 0x0F0E0D0Cu};

    static constexpr std::uint32_t lo(std::uint64_t v) noexcept { return static_cast<std::uint32_t>(v); }
    static constexpr std::uint32_t hi(std::uint64_t v) noexcept { return static_cast<std::uint32_t>(v >> 32); }
    static constexpr std::uint64_t fnv1a(std::string_view s) noexcept {
        std::uint64_t h = 0xCBF29CE484222325ull;
        for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
        return h;
    }

    constexpr explicit SeedTree(Philox4x32::Counter node) noexcept
        : key_{node[0], node[1]}, stream_id_(std::uint64_t{node[2]} | std::uint64_t{node[3]} << 32) {}

    constexpr SeedTree derive(std::uint64_t name, Philox4x32::Key domain) const noexcept {
        return SeedTree(Philox4x32::block({lo(name), hi(name), lo(stream_id_), hi(stream_id_)},
                                          {key_[0] ^ domain[0], key_[1] ^ domain[1]}));
    }

    Philox4x32::Key key_;
    std::uint64_t stream_id_;
};

/// The 64-bit draws of block b of a node's stream (key, stream id), for each generator.
struct Philox4x32Draws {
    static constexpr std::size_t per_block = 2;
    static constexpr std::array<std::uint64_t, per_block> of(Philox4x32::Key key, std::uint64_t stream_id,
                                                             std::uint64_t b) noexcept {
        const auto c = Philox4x32::block({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(b >> 32),
                                          static_cast<std::uint32_t>(stream_id),
                                          static_cast<std::uint32_t>(stream_id >> 32)},
                                         key);
        return {std::uint64_t{c[0]} | std::uint64_t{c[1]} << 32, std::uint64_t{c[2]} | std::uint64_t{c[3]} << 32};
    }
};
struct Philox4x64Draws {
    static constexpr std::size_t per_block = 4;
    static constexpr std::array<std::uint64_t, per_block> of(Philox4x32::Key key, std::uint64_t stream_id,
                                                             std::uint64_t b) noexcept {
        return Philox4x64::block({b, 0, 0, 0}, {std::uint64_t{key[0]} | std::uint64_t{key[1]} << 32, stream_id});
    }
};

/// The draws of one node, in order. Copying a stream copies its position; two copies give the same numbers.
/// Every method consumes a fixed number of 64-bit draws or, for rejection methods, a number that depends only
/// on the values drawn, so a stream's numbers are a function of its node alone. `Stream` takes two draws from a
/// Philox4x32 block (the synthetic generator's numbers); `WideStream` four from a Philox4x64 block, for the
/// dynamics, which draw several numbers per event.
template <class Generator>
class BasicStream {
public:
    explicit constexpr BasicStream(const SeedTree& node) noexcept : key_(node.key()), stream_id_(node.stream_id()) {}

    /// How many 64-bit draws have been taken.
    constexpr std::uint64_t position() const noexcept { return position_; }

    /// 64 random bits.
    [[gnu::always_inline]] constexpr std::uint64_t next() noexcept {
        // A block gives per_block draws: the first is taken when the block is made, the others kept for the next
        // calls. Positions only ever go up by one, so a position that is not a block's first has its draw kept.
        // Only the making of a block is out of line: a kept draw costs no call.
        const auto j = static_cast<std::size_t>(position_++ % Generator::per_block);
        if (j != 0) return kept_[j - 1];
        return next_block();
    }

private:
    /// The first draw of the block of the position just passed; keeps the others.
    [[gnu::noinline]] constexpr std::uint64_t next_block() noexcept {
        const auto draws = Generator::of(key_, stream_id_, (position_ - 1) / Generator::per_block);
        for (std::size_t k = 1; k < Generator::per_block; ++k) kept_[k - 1] = draws[k];
        return draws[0];
    }

public:

    /// Uniform on [0, n), without modulo bias (Lemire, "Fast random integer generation in an interval", 2019).
    /// n = 0 gives 0.
    constexpr std::uint64_t below(std::uint64_t n) noexcept {
        if (n == 0) return 0;
        auto product = static_cast<detail::uint128>(next()) * n;
        auto low = static_cast<std::uint64_t>(product);
        if (low < n) {
            const std::uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                product = static_cast<detail::uint128>(next()) * n;
                low = static_cast<std::uint64_t>(product);
            }
        }
        return static_cast<std::uint64_t>(product >> 64);
    }

    /// Uniform on [lo, hi], both included (lo <= hi).
    constexpr std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept {
        const auto span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
        if (span == ~std::uint64_t{0}) return static_cast<std::int64_t>(next());
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + below(span + 1));
    }

    /// Uniform on [0, 1), with 53 random bits.
    constexpr double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform on [lo, hi).
    constexpr double uniform(double lo, double hi) noexcept { return lo + (hi - lo) * uniform(); }

    /// True with probability p (p <= 0: never; p >= 1: always). Always takes one draw.
    constexpr bool bernoulli(double p) noexcept { return uniform() < p; }

    /// Standard normal by Box–Muller; always takes two draws.
    double normal() noexcept;
    double normal(double mean, double sd) noexcept { return mean + sd * normal(); }
    /// Two independent standard normals by Box–Muller (its cosine and sine); takes two draws.
    std::pair<double, double> normal_pair() noexcept;
    /// exp(N(log median, sigma²)): positive and right-skewed, like sizes and revenues.
    double lognormal(double median, double sigma) noexcept;

    /// Poisson with the given mean: inversion for small means, Hörmann's PTRS ("The transformed rejection
    /// method for generating Poisson random variables", 1993) from 10 up.
    std::int64_t poisson(double mean) noexcept;

    /// Binomial(n, p): inversion when n·min(p, 1−p) < 10, else Hörmann's BTRS ("The generation of binomial
    /// random variates", 1993).
    std::int64_t binomial(std::int64_t n, double p) noexcept;

    /// Fisher–Yates: a uniformly random permutation of `items`.
    template <class T>
    constexpr void shuffle(std::span<T> items) noexcept {
        for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
    }

private:
    Philox4x32::Key key_;
    std::uint64_t stream_id_;
    std::uint64_t position_ = 0;
    std::array<std::uint64_t, Generator::per_block - 1> kept_{};  // the draws of the current block not yet taken
};

// The distributions' bodies are compiled in the library for both generators (src/simulation/random.cpp).
extern template class COOPECON_EXPORT BasicStream<Philox4x32Draws>;
extern template class COOPECON_EXPORT BasicStream<Philox4x64Draws>;

inline Stream SeedTree::stream() const noexcept { return Stream(*this); }
inline WideStream SeedTree::wide_stream() const noexcept { return WideStream(*this); }

/// Choosing an index with probability proportional to its weight: cumulative sums and a binary search.
class COOPECON_EXPORT WeightedChoice {
public:
    /// Throws std::invalid_argument when a weight is negative or not finite, or when all are zero.
    explicit WeightedChoice(std::span<const double> weights);

    std::size_t size() const noexcept { return cumulative_.size(); }

    /// One index; takes one draw. Indices with zero weight are never chosen.
    template <class Generator>
    std::size_t operator()(BasicStream<Generator>& s) const noexcept {
        const double x = s.uniform() * cumulative_.back();
        const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
        // x rounds to the total at worst: the last index with weight then.
        return std::min(static_cast<std::size_t>(it - cumulative_.begin()), last_positive_);
    }

private:
    std::vector<double> cumulative_;
    std::size_t last_positive_ = 0;
};

}  // namespace coopecon::simulation
