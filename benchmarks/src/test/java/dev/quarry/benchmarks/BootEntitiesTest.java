package dev.quarry.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.benchmarks.ebean.boot.EBootEntities;
import dev.quarry.benchmarks.hibernate.boot.HBootEntities;
import dev.quarry.benchmarks.jimmer.boot.JBootEntities;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap scenario's entities, generated at build time (src/build/java/.../BootEntities.java),
 * are all there: 50 per contender, entity NN mapped to table {@code boot_NN}.
 */
class BootEntitiesTest {
  private static final int COUNT = 50;

  private static String nn(int i) {
    return String.format(Locale.ROOT, "%02d", i);
  }

  @Test
  void fiftyEntitiesPerContenderOnTablesBoot01ToBoot50() throws Exception {
    List<List<Class<?>>> lists = List.of(HBootEntities.ALL, EBootEntities.ALL, JBootEntities.ALL);
    for (List<Class<?>> all : lists) {
      assertEquals(COUNT, all.size());
    }
    String mapper;
    try (InputStream in = getClass().getResourceAsStream("/dev/quarry/benchmarks/mybatis/boot/BootMapper.xml")) {
      assertNotNull(in, "BootMapper.xml is generated into the resources");
      mapper = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (int i = 1; i <= COUNT; i++) {
      String n = nn(i);
      String table = "boot_" + n;
      Class<?> h = HBootEntities.ALL.get(i - 1);
      assertEquals("HBoot" + n, h.getSimpleName());
      assertEquals(table, h.getAnnotation(jakarta.persistence.Table.class).name());
      Class<?> e = EBootEntities.ALL.get(i - 1);
      assertEquals("EBoot" + n, e.getSimpleName());
      assertEquals(table, e.getAnnotation(jakarta.persistence.Table.class).name());
      Class<?> j = JBootEntities.ALL.get(i - 1);
      assertEquals("JBoot" + n, j.getSimpleName());
      assertEquals(table, j.getAnnotation(org.babyfish.jimmer.sql.Table.class).name());
      // Quarry's annotations are not kept at run time; the processor's DAO per entity is.
      Class.forName("dev.quarry.benchmarks.model.boot.Boot" + n + "Dao");
      Class.forName("dev.quarry.benchmarks.mybatis.boot.MBoot" + n);
      assertTrue(mapper.contains("FROM " + table + " WHERE id = #{id}"), table + " in BootMapper.xml");
    }
  }
}
