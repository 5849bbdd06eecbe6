#pragma once
// The English indefinite article before a word that a message builds from a name: "an individual", "an
// assessed event", "a household".

#include <coopecon/export.hpp>

#include <string>
#include <string_view>

namespace coopecon {

/// `word` after "a" or "an", chosen by its first letter (the names it is used with are read as spelt).
COOPECON_EXPORT std::string with_article(std::string_view word);

}  // namespace coopecon
