#include <gtest/gtest.h>

#include "demo/demo_his.h"
#include "demo_test_db.h"

namespace {

using hisx::host::create_demo_schema;
using hisx::host::demo_schema_exists;
using hisx::test::DemoDb;
using hisx::test::scalar;

class DemoSchema : public ::testing::TestWithParam<std::string> {};

TEST_P(DemoSchema, CreatesTheVendorTablesEmpty) {
  DemoDb db(GetParam());
  EXPECT_FALSE(demo_schema_exists(db.session()));
  create_demo_schema(db.session(), db.backend());
  EXPECT_TRUE(demo_schema_exists(db.session()));
  for (const char* table : {"benh_nhan", "dm_khoa", "dm_phong_kham", "dm_bac_si", "luot_kham",
                            "chi_dinh_cls", "hoa_don"}) {
    EXPECT_EQ(scalar(db.session(), std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  }
}

TEST_P(DemoSchema, CreatingTwiceKeepsTheTables) {
  DemoDb db(GetParam());
  create_demo_schema(db.session(), db.backend());
  db.session() << "INSERT INTO dm_khoa (id, ma_khoa, ten_khoa, hoat_dong) "
                  "VALUES (1, 'K01', 'Khoa Khám bệnh', 1)";
  EXPECT_NO_THROW(create_demo_schema(db.session(), db.backend()));
  EXPECT_EQ(scalar(db.session(), "SELECT COUNT(*) FROM dm_khoa"), 1);
}

TEST_P(DemoSchema, CreatesTheSearchAndListIndexes) {
  DemoDb db(GetParam());
  create_demo_schema(db.session(), db.backend());
  const std::string sql =
      db.is_pg() ? "SELECT COUNT(*) FROM pg_indexes WHERE indexname LIKE 'ix_%'"
      : db.is_mysql()
          ? "SELECT COUNT(DISTINCT table_name, index_name) FROM "
            "information_schema.statistics WHERE table_schema = DATABASE() AND "
            "index_name LIKE 'ix!_%' ESCAPE '!'"
          : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'";
  EXPECT_EQ(scalar(db.session(), sql), 8);
}

TEST_P(DemoSchema, PartialSchemaDoesNotCount) {
  DemoDb db(GetParam());
  create_demo_schema(db.session(), db.backend());
  db.session() << "DROP TABLE hoa_don";
  EXPECT_FALSE(demo_schema_exists(db.session()));
  create_demo_schema(db.session(), db.backend());
  EXPECT_TRUE(demo_schema_exists(db.session()));
}

TEST_P(DemoSchema, RefusesAnUnsupportedBackend) {
  DemoDb db(GetParam());
  EXPECT_THROW(create_demo_schema(db.session(), "odbc"), std::invalid_argument);
  EXPECT_FALSE(demo_schema_exists(db.session()));
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoSchema, ::testing::Values("sqlite3", "postgresql", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
