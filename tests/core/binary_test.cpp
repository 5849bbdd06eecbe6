// The binary encoding reads back what it wrote, and refuses truncated or hostile bytes with an Error instead of
// reading past the end: also when a struct of fixed size is checked once as a whole rather than field by field.

#include <coopecon/core/binary.hpp>

#include <boost/describe/class.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace binary_test {

/// Every field of fixed width: read after one bounds check.
struct FixedRecord {
    std::int32_t year = 0;
    std::int64_t amount = 0;
    bool flag = false;
    coopecon::Date on;
    std::uint8_t code = 0;
    bool operator==(const FixedRecord&) const = default;
};
BOOST_DESCRIBE_STRUCT(FixedRecord, (), (year, amount, flag, on, code))

/// Fixed and variable parts, and a fixed struct nested inside.
struct MixedRecord {
    std::string name;
    FixedRecord fixed;
    std::optional<std::int32_t> maybe;
    std::vector<FixedRecord> many;
    bool operator==(const MixedRecord&) const = default;
};
BOOST_DESCRIBE_STRUCT(MixedRecord, (), (name, fixed, maybe, many))

}  // namespace binary_test

namespace {

using namespace coopecon;
using binary_test::FixedRecord;
using binary_test::MixedRecord;

template <class T>
std::vector<std::byte> encode(const T& value) {
    std::vector<std::byte> out;
    BinaryWriter(out).write(value);
    return out;
}

template <class T>
T decode(const std::vector<std::byte>& bytes, std::size_t size) {
    BinaryReader r(bytes.data(), size);
    return r.read<T>();
}

const FixedRecord fixed_example{2024, -123'456'789'012, true, Date::from_days(19'000), 7};
const MixedRecord mixed_example{"Hợp tác xã", fixed_example, 42, {fixed_example, FixedRecord{1, 2, false, Date::from_days(3), 4}}};

TEST(Binary, AFixedSizeStructTakesTheSumOfItsFieldsAndReadsBack) {
    const auto bytes = encode(fixed_example);
    EXPECT_EQ(bytes.size(), 4u + 8u + 1u + 4u + 1u);
    EXPECT_EQ(decode<FixedRecord>(bytes, bytes.size()), fixed_example);
}

TEST(Binary, AMixedStructReadsBackAndEndsExactlyAtItsEnd) {
    const auto bytes = encode(mixed_example);
    BinaryReader r(bytes.data(), bytes.size());
    EXPECT_EQ(r.read<MixedRecord>(), mixed_example);
    EXPECT_TRUE(r.at_end());
}

TEST(Binary, EveryTruncationOfAFixedStructIsRefused) {
    const auto bytes = encode(fixed_example);
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        try {
            decode<FixedRecord>(bytes, size);
            ADD_FAILURE() << "read " << size << " of " << bytes.size() << " bytes without an error";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::syntax) << size;
            EXPECT_NE(std::string(e.what()).find("binary data ends early: 18 more bytes needed"), std::string::npos)
                << e.what();
        }
    }
}

TEST(Binary, EveryTruncationOfAMixedStructIsRefused) {
    const auto bytes = encode(mixed_example);
    for (std::size_t size = 0; size < bytes.size(); ++size)
        EXPECT_THROW(decode<MixedRecord>(bytes, size), Error) << size << " of " << bytes.size();
}

TEST(Binary, AHostileLengthIsRefusedBeforeAnythingIsAllocated) {
    auto bytes = encode(mixed_example);
    const std::uint32_t huge = 0xFFFF'FFF0;
    std::memcpy(bytes.data(), &huge, sizeof huge);  // the name's length
    EXPECT_THROW(decode<MixedRecord>(bytes, bytes.size()), Error);
    const auto name_end = sizeof(std::uint32_t) + mixed_example.name.size();
    const auto many_at = name_end + 18 + 1 + 4;  // fixed, the presence byte and value of `maybe`
    bytes = encode(mixed_example);
    std::memcpy(bytes.data() + many_at, &huge, sizeof huge);  // the element count of `many`
    EXPECT_THROW(decode<MixedRecord>(bytes, bytes.size()), Error);
}

}  // namespace
