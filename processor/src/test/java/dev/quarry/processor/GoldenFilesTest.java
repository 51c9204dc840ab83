package dev.quarry.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Generated sources compared, character for character, with reviewed copies in
 * {@code src/test/resources/golden}. After an intended change, regenerate them with
 * {@code mvn -pl processor -am verify -Dtest=GoldenFilesTest -Dquarry.golden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and review the diff.
 */
class GoldenFilesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static final JavaFileObject CUSTOMER = source("com.shop.Customer", """
      package com.shop;

      import dev.quarry.annotation.*;
      import java.util.List;

      @Entity
      @Table(name = "customers", schema = "shop")
      public class Customer {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, allocationSize = 20) long id;
        @Column(nullable = false, unique = true, length = 120) String email;
        @OneToMany(mappedBy = "customer", fetch = FetchType.SELECTIN) List<Order> orders;
      }
      """);

  static final JavaFileObject ORDER = source("com.shop.Order", """
      package com.shop;

      import dev.quarry.annotation.*;
      import java.math.BigDecimal;
      import java.time.Instant;
      import java.util.UUID;

      @Entity
      @Table(name = "orders", indexes = @Index(columns = {"status", "placedAt"}),
          checks = @Check(name = "ck_orders_total", value = "total >= 0"))
      public class Order {
        public enum Status { NEW, PAID, SHIPPED }

        @Id @GeneratedValue private Long id;
        @Column(unique = true) private UUID reference;
        @Enumerated(EnumType.STRING) @Column(index = true) private Status status;
        @Column(precision = 12, scale = 2, serverDefault = "0") private BigDecimal total;
        @CreatedAt private Instant placedAt;
        @Version private int version;
        @ManyToOne private Customer customer;

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public UUID getReference() { return reference; }
        public void setReference(UUID reference) { this.reference = reference; }
        public Status getStatus() { return status; }
        public void setStatus(Status status) { this.status = status; }
        public BigDecimal getTotal() { return total; }
        public void setTotal(BigDecimal total) { this.total = total; }
        public Instant getPlacedAt() { return placedAt; }
        public void setPlacedAt(Instant placedAt) { this.placedAt = placedAt; }
        public int getVersion() { return version; }
        public void setVersion(int version) { this.version = version; }
        public Customer getCustomer() { return customer; }
        public void setCustomer(Customer customer) { this.customer = customer; }
      }
      """);

  static final JavaFileObject LINE_KEY = source("com.shop.OrderLineKey",
      "package com.shop;\n\npublic record OrderLineKey(long orderId, int lineNo) {}\n");

  static final JavaFileObject ORDER_LINE = source("com.shop.OrderLine", """
      package com.shop;

      import dev.quarry.annotation.*;

      @Entity(dao = false)
      @IdClass(OrderLineKey.class)
      public final class OrderLine {
        @Id long orderId;
        @Id int lineNo;
        String sku;
        short quantity;
        byte[] note;
      }
      """);

  @Test
  void generatedSourcesMatchTheReviewedCopies() throws IOException {
    Compilation c = Sources.compile(CUSTOMER, ORDER, LINE_KEY, ORDER_LINE);
    assertThat(c).succeededWithoutWarnings();
    boolean update = Boolean.getBoolean("quarry.golden.update");
    List<String> names = List.of("shop.QCustomer", "shop.Customer_Mapping", "shop.CustomerDao", "shop.QOrder",
        "shop.Order_Mapping", "shop.Order_Proxy", "shop.OrderDao", "shop.QOrderLine", "shop.OrderLine_Mapping",
        "shop.QuarryRegistry");
    for (String name : names) {
      String qualified = "com." + name;
      Optional<JavaFileObject> file = c.generatedFile(StandardLocation.SOURCE_OUTPUT,
          qualified.replace('.', '/') + ".java");
      Path golden = GOLDEN.resolve(name.substring(name.indexOf('.') + 1) + ".java");
      if (file.isEmpty()) {
        // DAOs are written only when the ORM's EntityDao is on the class path.
        assertWithMessage("%s was not generated", qualified).that(name.endsWith("Dao")).isTrue();
        continue;
      }
      String actual = file.get().getCharContent(true).toString();
      if (update) {
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        continue;
      }
      assertWithMessage("golden copy %s is missing; run with -Dquarry.golden.update=true", golden)
          .that(Files.exists(golden)).isTrue();
      assertWithMessage("%s differs from %s", qualified, golden).that(actual)
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
    assertWithMessage("no lazy-loading subclass for a final entity")
        .that(c.generatedFile(StandardLocation.SOURCE_OUTPUT, "com/shop/OrderLine_Proxy.java").isPresent()).isFalse();
  }

  static final JavaFileObject LIBRARY_AUTHOR = source("com.library.Author", """
      package com.library;

      import dev.quarry.annotation.*;

      @Entity
      public class Author {
        @Id @GeneratedValue Long id;
        String name;
      }
      """);

  static final JavaFileObject LIBRARY_TAG = source("com.library.Tag", """
      package com.library;

      import dev.quarry.annotation.*;

      @Entity
      public class Tag {
        @Id int id;
        String label;
      }
      """);

  static final JavaFileObject LIBRARY_BOOK = source("com.library.Book", """
      package com.library;

      import dev.quarry.annotation.*;
      import java.util.HashSet;
      import java.util.Set;

      @Entity
      @Cached("books")
      public class Book {
        @Id @GeneratedValue Long id;
        String title;
        Integer pages;
        @ManyToOne(fetch = FetchType.JOINED) @JoinColumn(name = "AuthorId") Author author;
        @ManyToMany(fetch = FetchType.SELECTIN)
        @JoinTable(name = "book_tags", joinColumn = "BookId", inverseJoinColumn = "TagId")
        @Cached("book-tags")
        Set<Tag> tags = new HashSet<>();

        @Validates({"title", "pages"})
        Object validate(String property, Object value) {
          return value;
        }
      }
      """);

  /**
   * Foreign-key field names, typed association tables, validators told the property and cache regions
   * (of the entity and of a collection): golden/library.
   */
  @Test
  void namesAndValidatorsMatchTheReviewedCopies() throws IOException {
    Compilation c = Sources.compile(LIBRARY_AUTHOR, LIBRARY_TAG, LIBRARY_BOOK);
    assertThat(c).succeededWithoutWarnings();
    boolean update = Boolean.getBoolean("quarry.golden.update");
    for (String name : List.of("QBook", "Book_Mapping")) {
      String actual = c.generatedFile(StandardLocation.SOURCE_OUTPUT, "com/library/" + name + ".java")
          .orElseThrow().getCharContent(true).toString();
      Path golden = GOLDEN.resolve("library").resolve(name + ".java");
      if (update) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        continue;
      }
      assertWithMessage("golden copy %s is missing; run with -Dquarry.golden.update=true", golden)
          .that(Files.exists(golden)).isTrue();
      assertWithMessage("com.library.%s differs from %s", name, golden).that(actual)
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
  }
}
