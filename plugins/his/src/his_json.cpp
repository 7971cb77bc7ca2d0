#include "his_json.h"

namespace hisx::his {

namespace {

// "id" and "<thing>_id" columns hold HIS ids: opaque text, whatever type the HIS column has.
bool is_id_column(const std::string& column) {
  return column == "id" || (column.size() > 3 && column.compare(column.size() - 3, 3, "_id") == 0);
}

}  // namespace

Poco::JSON::Object::Ptr to_json(const sdk::HisRow& row) {
  Poco::JSON::Object::Ptr obj = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (std::size_t i = 0; i < row.columns().size(); ++i) {
    const auto& v = row.values()[i];
    if (v.isEmpty()) {
      obj->set(row.columns()[i], Poco::Dynamic::Var());
    } else if (is_id_column(row.columns()[i])) {
      obj->set(row.columns()[i], v.convert<std::string>());
    } else {
      obj->set(row.columns()[i], v);
    }
  }
  return obj;
}

Poco::JSON::Object::Ptr to_json_list(const std::vector<sdk::HisRow>& rows) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& row : rows) items->add(to_json(row));
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("items", items);
  body->set("count", static_cast<int>(rows.size()));
  return body;
}

}  // namespace hisx::his
