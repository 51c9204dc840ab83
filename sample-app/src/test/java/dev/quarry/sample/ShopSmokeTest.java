package dev.quarry.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shop's default set-up: an SQLite file, created and seeded on first start only. */
class ShopSmokeTest extends ShopContract {
  @TempDir static Path dir;

  @BeforeAll
  static void startOnSqlite() {
    start("jdbc:sqlite:" + dir.resolve("shop.db") + "?transaction_mode=IMMEDIATE&busy_timeout=10000");
  }

  @Test
  void theAssociationTableOfUserRolesComesWithTheEntityTables() {
    assertTrue(Shop.METADATA.hasTable("user_roles"), "User.roles' join table, not listed in Shop.METADATA");
    assertEquals(List.of("user_id", "role_id"), Shop.METADATA.table("user_roles").columns().stream()
        .map(c -> c.name()).toList());
  }

  @Test
  void theDefaultFileIsTheFirstOneTheMigrationsManage() {
    assertTrue(ShopApp.DEFAULT_URL.startsWith("jdbc:sqlite:quarry-shop-v3.db?"), ShopApp.DEFAULT_URL);
  }

  @Test
  void aSecondStartOnTheSameFileDoesNotSeedAgain() throws Exception {
    try (Shop again = Shop.start("jdbc:sqlite:" + Files.createTempFile(dir, "again", ".db"), 0)) {
      assertTrue(again.seeded(), "an empty file is seeded");
    }
    try (Shop same = Shop.start("jdbc:sqlite:" + dir.resolve("shop.db"), 0)) {
      assertFalse(same.seeded());
      assertEquals(5L, new dev.quarry.sample.model.UserDao(same.engine()).count(
          dev.quarry.sample.model.QUser.user.email.endsWith("@example.com")));
    }
  }
}
