package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Sources.assertSingleError;
import static dev.quarry.processor.Sources.compile;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every mapping mistake is a compile error on its element, saying what to change. */
class EntityErrorsTest {
  private static final String HEADER = "package com.shop;\nimport dev.quarry.annotation.*;\nimport java.util.*;\n";

  private static JavaFileObject entity(String name, String body) {
    return source("com.shop." + name, HEADER + body);
  }

  private static final JavaFileObject CUSTOMER = entity("Customer", """
      @Entity
      public class Customer {
        @Id Long id;
        String name;
      }
      """);

  @Test
  void noId() {
    JavaFileObject f = entity("Thing", """
        @Entity
        public class Thing { //!
          String name;
        }
        """);
    assertSingleError(compile(f), f, "entity Thing has no @Id property; annotate the primary-key field");
  }

  @Test
  void twoIdsWithoutIdClass() {
    JavaFileObject f = entity("Thing", """
        @Entity
        public class Thing {
          @Id Long a;
          @Id Long b; //!
        }
        """);
    assertSingleError(compile(f), f, "entity Thing has several @Id properties [a, b] but no @IdClass; add @IdClass");
  }

  @Test
  void unsupportedTypeWithoutConverter() {
    JavaFileObject f = entity("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          Map<String, String> attributes; //!
        }
        """);
    assertSingleError(compile(f), f,
        "property 'attributes' has type Map<String,String>, which Quarry cannot store");
  }

  @Test
  void privateFieldWithoutAccessors() {
    JavaFileObject f = entity("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          private String secret; //!
          public String getSecret() { return secret; }
        }
        """);
    assertSingleError(compile(f), f, "field 'secret' is private and has no setter; make the field non-private");
  }

  @Test
  void noUsableConstructor() {
    JavaFileObject f = entity("Thing", """
        @Entity
        public class Thing { //!
          @Id Long id;
          public Thing(Long id) { this.id = id; }
        }
        """);
    assertSingleError(compile(f), f, "entity Thing has no usable no-argument constructor");
  }

  @Test
  void duplicateColumnName() {
    JavaFileObject f = entity("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          String name;
          @Column(name = "name") String title; //!
        }
        """);
    assertSingleError(compile(f), f, "column 'name' of property 'title' is already used by property 'name'");
  }

  @Test
  void duplicateTableNameAcrossEntities() {
    JavaFileObject first = entity("First", """
        @Entity @Table(name = "things")
        public class First { @Id Long id; }
        """);
    JavaFileObject second = entity("Second", """
        @Entity @Table(name = "things") //!
        public class Second { @Id Long id; }
        """);
    assertSingleError(compile(first, second), second,
        "table 'things' is already mapped by entity com.shop.First; choose another name");
  }

  @Test
  void genericEntity() {
    JavaFileObject f = entity("Box", """
        @Entity
        public class Box<T> { //!
          @Id Long id;
        }
        """);
    assertSingleError(compile(f), f, "entity Box must not be generic");
  }

  @Test
  void nonStaticInnerClass() {
    JavaFileObject f = entity("Outer", """
        public class Outer {
          @Entity
          public class Inner { //!
            @Id Long id;
          }
        }
        """);
    assertSingleError(compile(f), f, "entity Inner is a non-static inner class");
  }

  @Test
  void versionOnUnsupportedType() {
    JavaFileObject f = entity("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Version String version; //!
        }
        """);
    assertSingleError(compile(f), f,
        "@Version property 'version' has type String; use int, long, short (or their boxes), Instant or LocalDateTime");
  }

  @Test
  void converterWhoseTypesDoNotMatchTheProperty() {
    JavaFileObject converter = source("com.shop.IntText", """
        package com.shop;
        public class IntText implements dev.quarry.types.Converter<Integer, String> {
          public String toDatabase(Integer v) { return v.toString(); }
          public Integer fromDatabase(String v) { return Integer.valueOf(v); }
        }
        """);
    JavaFileObject f = entity("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Convert(IntText.class) String code; //!
        }
        """);
    assertSingleError(compile(converter, f), f,
        "converter com.shop.IntText converts Integer but property 'code' has type String; use a Converter<String, ...>");
  }

  @Test
  void indexNamingUnknownColumn() {
    JavaFileObject f = entity("Thing", """
        @Entity
        @Table(indexes = @Index(columns = {"name", "nope"})) //!
        public class Thing {
          @Id Long id;
          String name;
        }
        """);
    assertSingleError(compile(f), f, "@Index [name, nope] names column 'nope', which this entity does not have; "
        + "use one of [id, name]");
  }

  @Test
  void relationshipToClassThatIsNotAnEntity() {
    JavaFileObject address = source("com.shop.Address", "package com.shop;\npublic class Address { Long id; }\n");
    JavaFileObject f = entity("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @ManyToOne(fetch = FetchType.JOINED) Address address; //!
        }
        """);
    assertSingleError(compile(address, f), f,
        "@ManyToOne property 'address' refers to com.shop.Address, which is not an @Entity");
  }

  @Test
  void mappedByNamingMissingField() {
    JavaFileObject item = entity("Item", """
        @Entity
        public class Item {
          @Id Long id;
          @ManyToOne(fetch = FetchType.JOINED) Customer customer;
        }
        """);
    JavaFileObject f = entity("Customer", """
        @Entity
        public class Customer {
          @Id Long id;
          @OneToMany(mappedBy = "owner", fetch = FetchType.SELECTIN) List<Item> items; //!
        }
        """);
    assertSingleError(compile(item, f), f,
        "@OneToMany(mappedBy = \"owner\") on 'items': Item has no field or property 'owner'");
  }

  @Test
  void mappedByNamingWrongTypedField() {
    JavaFileObject item = entity("Item", """
        @Entity
        public class Item {
          @Id Long id;
          @ManyToOne(fetch = FetchType.JOINED) Other customer;
        }
        """);
    JavaFileObject other = entity("Other", "@Entity public class Other { @Id Long id; }\n");
    JavaFileObject f = entity("Customer", """
        @Entity
        public class Customer {
          @Id Long id;
          @OneToMany(mappedBy = "customer", fetch = FetchType.SELECTIN) List<Item> items; //!
        }
        """);
    assertSingleError(compile(item, other, f), f,
        "Item.customer is @ManyToOne com.shop.Other but must be a @ManyToOne Customer");
  }

  @Test
  void lazyRelationshipOnFinalClass() {
    JavaFileObject f = entity("Order", """
        @Entity
        public final class Order {
          @Id Long id;
          @ManyToOne Customer customer; //!
          public Customer getCustomer() { return customer; }
        }
        """);
    assertSingleError(compile(CUSTOMER, f), f,
        "@ManyToOne(fetch = LAZY) on 'customer' needs a subclassable entity, but Order is final; remove 'final'");
  }

  @Test
  void lazyRelationshipWithoutGetter() {
    JavaFileObject f = entity("Order", """
        @Entity
        public class Order {
          @Id Long id;
          @ManyToOne Customer customer; //!
        }
        """);
    assertSingleError(compile(CUSTOMER, f), f, "needs an overridable getter so access can be intercepted");
  }

  @Test
  void idClassWhoseComponentsDoNotMatchTheIds() {
    JavaFileObject key = source("com.shop.LineKey", "package com.shop;\npublic record LineKey(long orderId, String sku) {}\n");
    JavaFileObject f = entity("Line", """
        @Entity
        @IdClass(LineKey.class) //!
        public class Line {
          @Id long orderId;
          @Id int lineNo;
        }
        """);
    assertSingleError(compile(key, f), f, "@IdClass com.shop.LineKey has components [orderId: long, sku: String] but "
        + "the @Id properties are [orderId: long, lineNo: int]");
  }

  @Test
  void generatedUuidOnANumericId() {
    JavaFileObject f = entity("Thing", """
        @Entity
        public class Thing {
          @Id @GeneratedValue(strategy = GenerationType.UUID) Long id; //!
        }
        """);
    assertSingleError(compile(f), f, "@GeneratedValue(strategy = UUID) on 'id' of type Long needs java.util.UUID");
  }

  @Test
  void severalErrorsInOneCompilationAreAllReported() {
    JavaFileObject f = entity("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          Map<String, String> attributes;
          @Version String version;
          private String secret;
        }
        """);
    JavaFileObject g = entity("Other", """
        @Entity
        public class Other {
          String name;
        }
        """);
    Compilation c = compile(f, g);
    assertThat(c).failed();
    assertThat(c.errors()).hasSize(4);
    assertThat(c).hadErrorContaining("'attributes'").inFile(f).onLine(7);
    assertThat(c).hadErrorContaining("@Version property 'version'").inFile(f).onLine(8);
    assertThat(c).hadErrorContaining("field 'secret' is private").inFile(f).onLine(9);
    assertThat(c).hadErrorContaining("entity Other has no @Id").inFile(g).onLine(5);
  }
}
