package dev.quarry.processor;

import static dev.quarry.processor.Sources.assertClean;
import static dev.quarry.processor.Sources.assertSingleError;
import static dev.quarry.processor.Sources.compile;
import static dev.quarry.processor.Sources.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Relationship mapping mistakes are compile errors on the exact element (the marked line). */
class RelationshipErrorsTest {
  private static final String HEADER = "package com.shop;\nimport dev.quarry.annotation.*;\nimport java.util.*;\n";

  private static JavaFileObject entity(String name, String body) {
    return source("com.shop." + name, HEADER + body);
  }

  private static final JavaFileObject ROLE = entity("Role", """
      @Entity
      public class Role {
        @Id Long id;
        String name;
      }
      """);

  @Test
  void manyToManyWithoutJoinTable() {
    JavaFileObject f = entity("Account", """
        @Entity
        public class Account {
          @Id Long id;
          @ManyToMany(fetch = FetchType.SELECTIN) //!
          Set<Role> roles;
        }
        """);
    assertSingleError(compile(ROLE, f), f, "@ManyToMany on 'roles' owns the association but names no association "
        + "table; add @JoinTable(name = \"account_roles\") or, on the other side's collection, mappedBy");
  }

  @Test
  void manyToManyWithJoinTableCompiles() {
    JavaFileObject f = entity("Account", """
        @Entity
        public class Account {
          @Id Long id;
          @ManyToMany(fetch = FetchType.SELECTIN) @JoinTable(name = "account_roles") Set<Role> roles;
        }
        """);
    assertClean(compile(ROLE, f));
  }

  @Test
  void collectionDeclaredAsAClass() {
    JavaFileObject f = entity("Account", """
        @Entity
        public class Account {
          @Id Long id;
          @ManyToMany(fetch = FetchType.SELECTIN) @JoinTable(name = "account_roles") //!
          ArrayList<Role> roles;
        }
        """);
    assertSingleError(compile(ROLE, f), f, "@ManyToMany property 'roles' is declared as "
        + "ArrayList<com.shop.Role>; declare it as List<E>, Set<E> or Collection<E>: the session puts its own "
        + "collection there, which keeps the other side in step");
  }

  @Test
  void dynamicOnAReference() {
    JavaFileObject f = entity("Account", """
        @Entity
        public class Account {
          @Id Long id;
          @ManyToOne(fetch = FetchType.DYNAMIC) Role role; //!
          public Role getRole() { return role; }
        }
        """);
    assertSingleError(compile(ROLE, f), f, "@ManyToOne(fetch = DYNAMIC) on 'role': DYNAMIC gives a query over a "
        + "collection; a single reference has nothing to filter or page. Use LAZY, JOINED or SELECTIN");
  }

  @Test
  void mappedByPointingAtACollectionOfAnotherType() {
    JavaFileObject order = entity("Order", """
        @Entity
        public class Order {
          @Id Long id;
          @ManyToOne(fetch = FetchType.JOINED) Role customer;
        }
        """);
    JavaFileObject f = entity("Customer", """
        @Entity
        public class Customer {
          @Id Long id;
          @OneToMany(mappedBy = "customer", fetch = FetchType.SELECTIN) //!
          List<Order> orders;
        }
        """);
    assertSingleError(compile(ROLE, order, f), f,
        "Order.customer is @ManyToOne com.shop.Role but must be a @ManyToOne Customer");
  }
}
