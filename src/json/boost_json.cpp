// Boost.JSON compiled once into coopecon, so neither the library nor its users link libboost_json.
#include <boost/json/src.hpp>
