package dev.quarry.processor.catalog;

import static com.google.common.truth.Truth.assertThat;
import static dev.quarry.processor.catalog.CatalogTesting.assertClean;
import static dev.quarry.processor.catalog.CatalogTesting.compile;
import static dev.quarry.processor.catalog.CatalogTesting.describe;
import static dev.quarry.processor.catalog.CatalogTesting.source;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.query.CatalogTable;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The tables {@link CatalogBuilder} derives from this compilation's entities, as the DDL creates them. */
class EntityCatalogTest {
  private static final JavaFileObject STATUS = source("com.shop.Status", """
      package com.shop;
      public enum Status { NEW, PAID }
      """);

  private static final JavaFileObject MONEY = source("com.shop.Money", """
      package com.shop;
      public record Money(long cents) {}
      """);

  private static final JavaFileObject MONEY_CONVERTER = source("com.shop.MoneyConverter", """
      package com.shop;
      public class MoneyConverter implements dev.quarry.types.Converter<Money, java.math.BigDecimal> {
        public java.math.BigDecimal toDatabase(Money m) { return m == null ? null : java.math.BigDecimal.valueOf(m.cents(), 2); }
        public Money fromDatabase(java.math.BigDecimal d) { return d == null ? null : new Money(d.movePointRight(2).longValue()); }
      }
      """);

  @Test
  void plainEntityColumnsTypesAndNullability() {
    JavaFileObject order = source("com.shop.Order", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        @Table(name = "orders", schema = "shop")
        public class Order {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
          @Column(nullable = false, length = 40) String code;
          String note;
          int quantity;
          Integer maybe;
          java.math.BigDecimal total;
          java.time.Instant placedAt;
          java.time.LocalDate due;
          java.util.UUID token;
          byte[] payload;
          boolean paid;
          char grade;
          @Column(name = "renamed_column") String other;
          @Version long version;
          @Transient String ignored;
        }
        """);
    CatalogProbe probe = new CatalogProbe(null, "shop.orders", "SHOP.Orders", "orders", "nope");
    Compilation c = compile(probe, order);
    assertClean(c);
    assertThat(describe(probe.table("shop.orders"))).containsExactly(
        "id java.lang.Long not-null",
        "code java.lang.String not-null",
        "note java.lang.String null",
        "quantity java.lang.Integer not-null",
        "maybe java.lang.Integer null",
        "total java.math.BigDecimal null",
        "placed_at java.time.Instant null",
        "due java.time.LocalDate null",
        "token java.util.UUID null",
        "payload byte[] null",
        "paid java.lang.Boolean not-null",
        "grade java.lang.Character not-null",
        "renamed_column java.lang.String null",
        "version java.lang.Long not-null").inOrder();
    assertThat(probe.table("shop.orders").name()).isEqualTo("shop.orders");
    assertThat(probe.table("SHOP.Orders")).isEqualTo(probe.table("shop.orders"));
    assertThat(probe.found.get("orders")).isEmpty(); // a schema-qualified table is known by its qualified name
    assertThat(probe.found.get("nope")).isEmpty();
    assertThat(probe.tableNames).containsExactly("shop.orders");
  }

  @Test
  void enumConvertedAndJsonColumnsReadAsTheirDatabaseTypes() {
    JavaFileObject order = source("com.shop.Order", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Order {
          @Id Long id;
          Status status;
          @Enumerated(EnumType.ORDINAL) @Column(nullable = false) Status previous;
          @Convert(MoneyConverter.class) Money price;
          @Json java.util.Map<String, Object> attributes;
          @Json java.util.List<String> tags;
        }
        """);
    CatalogProbe probe = new CatalogProbe(null, "order");
    Compilation c = compile(probe, STATUS, MONEY, MONEY_CONVERTER, order);
    assertClean(c);
    assertThat(describe(probe.table("order"))).containsExactly(
        "id java.lang.Long not-null",
        "status com.shop.Status null",
        "previous com.shop.Status not-null",
        "price java.math.BigDecimal null",
        "attributes java.lang.String null",
        "tags java.lang.String null").inOrder();
  }

  @Test
  void embeddedAndEmbeddedIdColumnsAreFlattened() {
    JavaFileObject address = source("com.shop.Address", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Embeddable
        public record Address(@Column(nullable = false) String street, String city) {}
        """);
    JavaFileObject key = source("com.shop.LineKey", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Embeddable
        public record LineKey(long orderId, int lineNo) {}
        """);
    JavaFileObject customer = source("com.shop.Customer", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Customer {
          @Id Long id;
          @Embedded Address home;
          @Embedded(prefix = "work_") Address work;
          String name;
        }
        """);
    JavaFileObject line = source("com.shop.Line", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Line {
          @EmbeddedId LineKey key;
          String product;
        }
        """);
    CatalogProbe probe = new CatalogProbe(null, "customer", "line");
    Compilation c = compile(probe, address, key, customer, line);
    assertClean(c);
    assertThat(describe(probe.table("customer"))).containsExactly(
        "id java.lang.Long not-null",
        "home_street java.lang.String not-null",
        "home_city java.lang.String null",
        "work_street java.lang.String not-null",
        "work_city java.lang.String null",
        "name java.lang.String null").inOrder();
    assertThat(describe(probe.table("line"))).containsExactly(
        "order_id java.lang.Long not-null",
        "line_no java.lang.Integer not-null",
        "product java.lang.String null").inOrder();
  }

  @Test
  void foreignKeysAndManyToManyAssociationTables() {
    JavaFileObject role = source("com.shop.Role", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Role {
          @Id String code;
          @ManyToMany(mappedBy = "roles", fetch = FetchType.SELECTIN) java.util.Set<Account> accounts;
        }
        """);
    JavaFileObject team = source("com.shop.Team", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Team {
          @Id java.util.UUID id;
        }
        """);
    JavaFileObject account = source("com.shop.Account", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Account {
          @Id long id;
          @ManyToOne(fetch = FetchType.JOINED) Team team;
          @ManyToOne(optional = false, fetch = FetchType.JOINED) @JoinColumn(name = "main_role") Role mainRole;
          @ManyToMany(fetch = FetchType.SELECTIN) @JoinTable(name = "account_roles") java.util.Set<Role> roles;
          @OneToMany(mappedBy = "account", fetch = FetchType.SELECTIN) java.util.List<Login> logins;
        }
        """);
    JavaFileObject login = source("com.shop.Login", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Login {
          @Id Long id;
          @ManyToOne(fetch = FetchType.JOINED) @JoinColumn(nullable = false) Account account;
        }
        """);
    CatalogProbe probe = new CatalogProbe(null, "account", "account_roles", "login");
    Compilation c = compile(probe, role, team, account, login);
    assertClean(c);
    assertThat(describe(probe.table("account"))).containsExactly(
        "id java.lang.Long not-null",
        "team_id java.util.UUID null",
        "main_role java.lang.String not-null").inOrder();
    assertThat(describe(probe.table("login"))).containsExactly(
        "id java.lang.Long not-null",
        "account_id java.lang.Long not-null").inOrder();
    assertThat(describe(probe.table("account_roles"))).containsExactly(
        "account_id java.lang.Long not-null",
        "role_id java.lang.String not-null").inOrder();
    assertThat(probe.tableNames).containsExactly("role", "team", "account", "login", "account_roles");
  }

  @Test
  void singleTableInheritanceSharesOneTableWithTheDiscriminator() {
    JavaFileObject vehicle = source("com.shop.Vehicle", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        @Inheritance
        @DiscriminatorColumn(name = "kind")
        public abstract class Vehicle {
          @Id Long id;
          @Column(nullable = false) String plate;
        }
        """);
    JavaFileObject car = source("com.shop.Car", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Car extends Vehicle {
          int seats;
        }
        """);
    JavaFileObject truck = source("com.shop.Truck", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Truck extends Vehicle {
          java.math.BigDecimal payload;
        }
        """);
    CatalogProbe probe = new CatalogProbe(null, "vehicle", "car", "truck");
    Compilation c = compile(probe, car, vehicle, truck); // a subclass first: the root's model is still the layout
    assertClean(c);
    assertThat(describe(probe.table("vehicle"))).containsExactly(
        "id java.lang.Long not-null",
        "plate java.lang.String not-null",
        "kind java.lang.String not-null",
        "seats java.lang.Integer null", // primitive, but NULL in the rows of other classes
        "payload java.math.BigDecimal null").inOrder();
    assertThat(probe.found.get("car")).isEmpty();
    assertThat(probe.found.get("truck")).isEmpty();
    assertThat(probe.tableNames).containsExactly("vehicle");
  }

  @Test
  void joinedInheritanceHasATablePerClass() {
    JavaFileObject account = source("com.shop.Party", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        @Inheritance(strategy = InheritanceType.JOINED)
        @Table(name = "parties", schema = "crm")
        public class Party {
          @Id Long id;
          String name;
        }
        """);
    JavaFileObject person = source("com.shop.Person", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        @Table(name = "people")
        public class Person extends Party {
          @Column(nullable = false) String email;
          int age;
        }
        """);
    JavaFileObject employee = source("com.shop.Employee", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Employee extends Person {
          java.time.LocalDate hired;
        }
        """);
    JavaFileObject company = source("com.shop.Company", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Company extends Party {
          String vatId;
        }
        """);
    CatalogProbe probe = new CatalogProbe(null, "crm.parties", "crm.people", "crm.employee", "crm.company");
    Compilation c = compile(probe, account, person, employee, company);
    assertClean(c);
    assertThat(describe(probe.table("crm.parties"))).containsExactly(
        "id java.lang.Long not-null",
        "name java.lang.String null",
        "dtype java.lang.String not-null").inOrder();
    assertThat(describe(probe.table("crm.people"))).containsExactly(
        "id java.lang.Long not-null",
        "email java.lang.String not-null",
        "age java.lang.Integer not-null").inOrder();
    assertThat(describe(probe.table("crm.employee"))).containsExactly(
        "id java.lang.Long not-null",
        "hired java.time.LocalDate null").inOrder();
    assertThat(describe(probe.table("crm.company"))).containsExactly(
        "id java.lang.Long not-null",
        "vat_id java.lang.String null").inOrder();
    assertThat(probe.tableNames).containsExactly("crm.parties", "crm.people", "crm.employee", "crm.company");
  }

  @Test
  void anEntitylessCompilationHasAnEmptyCatalog() {
    JavaFileObject plain = source("com.shop.Plain", """
        package com.shop;
        public class Plain {}
        """);
    CatalogProbe probe = new CatalogProbe("com.shop.Plain", "plain");
    assertClean(compile(probe, plain));
    assertThat(probe.tableNames).isEmpty();
    assertThat(probe.found.get("plain")).isEmpty();
    CatalogTable none = probe.found.get("plain").orElse(null);
    assertThat(none).isNull();
  }
}
