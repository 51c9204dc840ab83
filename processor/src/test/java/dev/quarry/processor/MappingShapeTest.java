package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Which members become columns, what they are called, and how generated code reaches them. */
class MappingShapeTest {
  private static String generated(Compilation c, String qualifiedName) throws IOException {
    return c.generatedFile(StandardLocation.SOURCE_OUTPUT, qualifiedName.replace('.', '/') + ".java").orElseThrow()
        .getCharContent(true).toString();
  }

  @Test
  void staticTransientAndMarkedTransientFieldsAreNotColumns() throws IOException {
    JavaFileObject f = source("com.shop.OrderItem", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class OrderItem {
          static int counter;
          transient String cache;
          @Transient String derived;
          @Id Long id;
          String createdAt;
          String URLValue;
        }
        """);
    Compilation c = Sources.compile(f);
    Sources.assertClean(c);
    String q = generated(c, "com.shop.QOrderItem");
    assertThat(q).contains("super(null, \"order_item\", alias)");
    assertThat(q).containsMatch("ColumnSpec\\.<String>of\\(\"created_at\",\\s+SqlTypes\\.VARCHAR\\)");
    assertThat(q).containsMatch("ColumnSpec\\.<String>of\\(\"url_value\",\\s+SqlTypes\\.VARCHAR\\)");
    assertThat(q).contains("public static final QOrderItem orderItem");
    assertThat(q).doesNotContain("counter");
    assertThat(q).doesNotContain("cache");
    assertThat(q).doesNotContain("derived");
  }

  @Test
  void propertyAccessWhenIdIsOnAGetterAndPrivateFieldsGoThroughAccessors() throws IOException {
    JavaFileObject f = source("com.shop.Person", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Person {
          private Long key;
          private String fullName;
          @Id public Long getKey() { return key; }
          public void setKey(Long key) { this.key = key; }
          @Column(name = "name", length = 80) public String getFullName() { return fullName; }
          public void setFullName(String n) { fullName = n; }
          public String getDisplay() { return "x"; }
        }
        """);
    Compilation c = Sources.compile(f);
    Sources.assertClean(c);
    String q = generated(c, "com.shop.QPerson");
    assertThat(q).containsMatch("ColumnSpec\\.<String>of\\(\"name\",\\s+SqlTypes\\.varchar\\(80\\)\\)");
    assertThat(q).doesNotContain("display");
    String mapping = generated(c, "com.shop.Person_Mapping");
    assertThat(mapping).contains("e.setFullName(rs.getString(firstIndex + 1));");
    assertThat(mapping).contains("return e.getKey();");
    String proxy = generated(c, "com.shop.Person_Proxy");
    assertThat(proxy).contains("interceptor.beforeRead(this, 1);");
    assertThat(proxy).contains("interceptor.afterWrite(this, 1);");
  }

  @Test
  void inheritedFieldsAreColumnsAndFinalClassesGetNoProxy() throws IOException {
    JavaFileObject base = source("com.shop.Audited", """
        package com.shop;
        @dev.quarry.annotation.MappedSuperclass
        public abstract class Audited {
          java.time.Instant createdAt;
        }
        """);
    JavaFileObject f = source("com.shop.Note", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public final class Note extends Audited {
          @Id @GeneratedValue(strategy = GenerationType.UUID) java.util.UUID id;
          String body;
        }
        """);
    Compilation c = Sources.compile(base, f);
    Sources.assertClean(c);
    String q = generated(c, "com.shop.QNote");
    assertThat(q.indexOf("createdAt")).isLessThan(q.indexOf(" id ="));
    assertThat(generated(c, "com.shop.Note_Mapping")).contains("return false;");
    assertThat(c.generatedFile(StandardLocation.SOURCE_OUTPUT, "com/shop/Note_Proxy.java")).isEmpty();
  }

  @Test
  void selfReferenceGetsAForeignKeyToItsOwnTable() throws IOException {
    JavaFileObject f = source("com.shop.Employee", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Employee {
          @Id @GeneratedValue Long id;
          @ManyToOne(fetch = FetchType.JOINED) @JoinColumn(name = "boss", onDelete = ForeignKeyAction.SET_NULL)
          Employee manager;
        }
        """);
    Compilation c = Sources.compile(f);
    Sources.assertClean(c);
    String q = generated(c, "com.shop.QEmployee");
    assertThat(q).containsMatch("foreignKey\\(\"fk_employee_boss\",\\s+List\\.of\\(\"boss\"\\),\\s+null,\\s+\"employee\",\\s+"
        + "List\\.of\\(\"id\"\\),\\s+ReferentialAction\\.SET_NULL,\\s+ReferentialAction\\.DEFAULT\\)");
    assertThat(q).contains("public final NumberColumn<Long> boss");
    assertThat(generated(c, "com.shop.Employee_Mapping")).contains("Employee_Mapping.INSTANCE.setId(reference, id);");
  }

  @Test
  void snakeCaseAndLowerCamelNames() {
    assertThat(Naming.snakeCase("OrderItem")).isEqualTo("order_item");
    assertThat(Naming.snakeCase("createdAt")).isEqualTo("created_at");
    assertThat(Naming.snakeCase("URLValue")).isEqualTo("url_value");
    assertThat(Naming.snakeCase("address2Line")).isEqualTo("address2_line");
    assertThat(Naming.lowerCamel("URLValue")).isEqualTo("urlValue");
    assertThat(Naming.lowerCamel("Package")).isEqualTo("package_");
    assertThat(Naming.lowerCamel("IO")).isEqualTo("io");
  }

  @Test
  void plainBuiltInColumnsAreReadDirectlyAndEverythingElseThroughItsType() throws IOException {
    JavaFileObject conv = source("com.shop.Upper", """
        package com.shop;
        public class Upper implements dev.quarry.types.Converter<String, String> {
          public String toDatabase(String v) { return v == null ? null : v.toUpperCase(); }
          public String fromDatabase(String v) { return v; }
        }
        """);
    JavaFileObject f = source("com.shop.Gadget", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Gadget {
          public enum Kind { A, B }
          @Id Integer id;
          @Column(length = 20) String name;
          @Convert(Upper.class) String code;
          Kind kind;
          Character initial;
          Boolean active;
          Double weight;
          long count;
          java.time.LocalDate made;
        }
        """);
    Compilation c = Sources.compile(conv, f);
    Sources.assertClean(c);
    String mapping = generated(c, "com.shop.Gadget_Mapping");
    assertThat(mapping).contains("e.name = rs.getString(firstIndex + 1);");
    assertThat(mapping).contains("e.code = CODE_TYPE.read(rs, firstIndex + 2, vendor);");
    assertThat(mapping).contains("e.kind = KIND_TYPE.read(rs, firstIndex + 3, vendor);");
    assertThat(mapping).contains("e.initial = INITIAL_TYPE.read(rs, firstIndex + 4, vendor);");
    assertThat(mapping).contains("e.active = readBoolean(rs, firstIndex + 5);");
    assertThat(mapping).contains("e.weight = readDouble(rs, firstIndex + 6);");
    assertThat(mapping).contains("e.count = rs.getLong(firstIndex + 7);");
    assertThat(mapping).contains("e.made = MADE_TYPE.read(rs, firstIndex + 8, vendor);");
    assertThat(mapping).contains("return readInteger(rs, firstIndex);");
    assertThat(mapping).contains("return !v && rs.wasNull() ? null : v;");
    assertThat(mapping).doesNotContain("readLong(");
  }
}
