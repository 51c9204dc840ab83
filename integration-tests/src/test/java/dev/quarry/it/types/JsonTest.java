package dev.quarry.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code @Json} properties: SQLAlchemy's preferences map example, records, lists, a POJO; storage per database. */
class JsonTest {
  private static final QUser U = QUser.user;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Map<String, Object> prefs(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static JsonNode stored(TestDatabase db, String column, long id) {
    try {
      return MAPPER.readTree(Stored.text(db, "SELECT \"" + column + "\" FROM type_users WHERE id = " + id));
    } catch (java.io.IOException ex) {
      throw new AssertionError(ex);
    }
  }

  @AllDatabases
  void seedUserWithPreferencesAsJson(TestDatabase db) {
    UserDao dao = new UserDao(Stored.create(db, U));
    User ann = new User("ann", prefs("theme", "dark", "lang", "fa"));
    dao.insert(ann);
    assertEquals(MAPPER.createObjectNode().put("theme", "dark").put("lang", "fa"), stored(db, "preferences", ann.getId()),
        "the column holds the JSON document");
    User loaded = dao.findById(ann.getId()).orElseThrow();
    assertEquals(Map.of("theme", "dark", "lang", "fa"), loaded.getPreferences());
  }

  @AllDatabases
  void recordsListsNestedValuesAndUnicodeRoundTrip(TestDatabase db) {
    UserDao dao = new UserDao(Stored.create(db, U));
    User u = new User("نسرین", prefs("theme", "تیره", "emoji", "🙂 quoted \\ back", "size", 12, "ratio", 1.5,
        "beta", true, "nothing", null, "nested", prefs("a", List.of(1, 2, 3))));
    u.setAddress(new Address("Ḱeyvān 7", "Tehrān", "IR"));
    u.setLabels(List.of(new Label("vip", 3), new Label("ünïcödé", 1)));
    Settings s = new Settings();
    s.setNotifications(true);
    s.setChannels(new ArrayList<>(List.of("mail", "sms")));
    u.setSettings(s);
    dao.insert(u);

    User loaded = dao.findById(u.getId()).orElseThrow();
    assertEquals(u.getPreferences(), loaded.getPreferences());
    assertInstanceOf(Integer.class, loaded.getPreferences().get("size"));
    assertEquals(new Address("Ḱeyvān 7", "Tehrān", "IR"), loaded.getAddress());
    assertEquals(List.of(new Label("vip", 3), new Label("ünïcödé", 1)), loaded.getLabels(),
        "List<Label> keeps its element type: records, not maps");
    assertTrue(loaded.getSettings().isNotifications());
    assertEquals(List.of("mail", "sms"), loaded.getSettings().getChannels());
    assertEquals("vip", stored(db, "labels", u.getId()).get(0).get("name").asText());
  }

  @AllDatabases
  void nullIsSqlNull(TestDatabase db) {
    UserDao dao = new UserDao(Stored.create(db, U));
    User u = new User("nobody", null);
    dao.insert(u);
    assertNull(Stored.text(db, "SELECT preferences FROM type_users WHERE id = " + u.getId()),
        "SQL NULL, not the JSON literal null");
    User loaded = dao.findById(u.getId()).orElseThrow();
    assertNull(loaded.getPreferences());
    assertNull(loaded.getLabels());
    assertEquals(1, dao.count(U.preferences.isNull()));
  }

  @AllDatabases
  void inPlaceMutationIsFlushedAndUnchangedValuesAreNot(TestDatabase db) {
    Stored.create(db, U);
    List<String> statements = new ArrayList<>();
    SessionFactory sessions = SessionFactory.builder(db.engine())
        .statementListener((sql, n) -> statements.add(sql)).build();
    User ann = new User("ann", prefs("theme", "dark", "lang", "fa"));
    ann.setLabels(new ArrayList<>(List.of(new Label("a", 1))));
    Settings settings = new Settings();
    ann.setSettings(settings);
    sessions.runInTransaction(s -> s.add(ann));
    try (Session s = sessions.openSession()) {
      User u = s.get(User.class, ann.getId());
      statements.clear();
      s.flush();
      assertEquals(List.of(), statements, "loaded JSON values are not dirty (the POJO has no equals)");

      // tour:json-mutation
      u.getPreferences().put("theme", "light");
      s.flush(); // UPDATE type_users SET preferences = ? WHERE type_users.id = ?
      // end
      assertEquals(List.of(db.quoted("UPDATE type_users SET preferences = ? WHERE type_users.id = ?")),
          statements);
      statements.clear();

      u.getLabels().add(new Label("b", 2));
      u.getSettings().getChannels().add("push");
      s.flush();
      assertEquals(List.of(db.quoted("UPDATE type_users SET labels = ?, settings = ? WHERE type_users.id = ?")),
          statements);
      statements.clear();
      s.flush();
      assertEquals(List.of(), statements, "the snapshot moved on with the flush");
      s.commit();
    }
    User reloaded = new UserDao(db.engine()).findById(ann.getId()).orElseThrow();
    assertEquals(Map.of("theme", "light", "lang", "fa"), reloaded.getPreferences());
    assertEquals(List.of(new Label("a", 1), new Label("b", 2)), reloaded.getLabels());
    assertEquals(List.of("push"), reloaded.getSettings().getChannels());
  }

  @AllDatabases
  void equalityPredicateBindsTheDocument(TestDatabase db) {
    UserDao dao = new UserDao(Stored.create(db, U));
    User ann = new User("ann", null);
    ann.setAddress(new Address("Main 1", "Oslo", "NO"));
    User bob = new User("bob", null);
    bob.setAddress(new Address("Main 2", "Oslo", "NO"));
    dao.insertAll(List.of(ann, bob));
    List<User> found = dao.findBy(U.address.eq(new Address("Main 2", "Oslo", "NO")));
    assertEquals(List.of("bob"), found.stream().map(User::getName).toList());
  }

  @AllDatabases
  void columnTypeIsJsonbOnPostgresAndTextElsewhere(TestDatabase db) {
    UserDao dao = new UserDao(Stored.create(db, U));
    User ann = new User("ann", prefs("theme", "dark", "lang", "fa"));
    dao.insert(ann);
    switch (db.vendor()) {
      case POSTGRESQL -> {
        assertEquals("jsonb", Stored.text(db, "SELECT data_type FROM information_schema.columns "
            + "WHERE table_name = 'type_users' AND column_name = 'preferences'"));
        assertEquals("jsonb", Stored.text(db, "SELECT pg_typeof(preferences)::text FROM type_users"));
        assertEquals("dark", Stored.text(db, "SELECT preferences ->> 'theme' FROM type_users"),
            "a real document: PostgreSQL's JSON operators work on it");
      }
      case H2 -> assertEquals("CHARACTER VARYING", Stored.text(db, "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS "
          + "WHERE TABLE_NAME = 'TYPE_USERS' AND COLUMN_NAME = 'PREFERENCES'")); // unquoted: upper-cased
      case SQLITE -> {
        assertEquals("TEXT", Stored.text(db, "SELECT type FROM pragma_table_info('type_users') "
            + "WHERE name = 'preferences'"));
        assertEquals("dark", Stored.text(db, "SELECT json_extract(preferences, '$.theme') FROM type_users"),
            "valid JSON text: SQLite's JSON functions read it");
      }
      case MARIADB -> {
        // MariaDB's JSON is LONGTEXT checked with JSON_VALID
        assertEquals("longtext", Stored.text(db, "SELECT data_type FROM information_schema.columns "
            + "WHERE table_schema = DATABASE() AND table_name = 'type_users' AND column_name = 'preferences'"));
        assertEquals("dark", Stored.text(db, "SELECT JSON_VALUE(preferences, '$.theme') FROM type_users"),
            "a real document: MariaDB's JSON functions read it");
      }
      default -> throw new AssertionError(db.vendor());
    }
  }

  @Test
  void ddlPerDialect() {
    String postgres = String.join("\n", Metadata.of(U).createStatements(Vendor.POSTGRESQL));
    String sqlite = String.join("\n", Metadata.of(U).createStatements(Vendor.SQLITE));
    String h2 = String.join("\n", Metadata.of(U).createStatements(Vendor.H2));
    assertTrue(postgres.contains("preferences JSONB"), postgres);
    assertTrue(sqlite.contains("preferences TEXT"), sqlite);
    assertTrue(h2.contains("preferences CHARACTER VARYING"), h2);
    String mariadb = String.join("\n", Metadata.of(U).createStatements(Vendor.MARIADB));
    assertTrue(mariadb.contains("preferences JSON"), mariadb);
  }
}
