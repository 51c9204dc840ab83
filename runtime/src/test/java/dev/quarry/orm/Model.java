package dev.quarry.orm;

import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.IdGeneration;
import dev.quarry.spi.ManagedEntity;
import dev.quarry.spi.MappingRegistry;
import dev.quarry.spi.Mappings;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.StringColumn;
import dev.quarry.sql.Table;
import dev.quarry.types.SqlTypes;
import java.util.List;
import java.util.UUID;

/** Test entities with hand-written tables, mappings and managed subclasses (what the processor generates). */
public final class Model {
  private Model() {}

  // --- users: identity id, unique email, intercepting subclass ------------------------------

  static class User {
    Long id;
    String name;
    String email;
    Integer age;

    User() {}

    User(String name, String email, Integer age) {
      this.name = name;
      this.email = email;
      this.age = age;
    }

    Long getId() { return id; }
    String getName() { return name; }
    void setName(String name) { this.name = name; }
    String getEmail() { return email; }
    void setEmail(String email) { this.email = email; }
    Integer getAge() { return age; }
    void setAge(Integer age) { this.age = age; }
  }

  static final class UserProxy extends User implements ManagedEntity {
    private EntityInterceptor interceptor;

    UserProxy(EntityInterceptor interceptor) {
      this.interceptor = interceptor;
    }

    @Override public EntityInterceptor quarryInterceptor() { return interceptor; }
    @Override public void quarryInterceptor(EntityInterceptor i) { this.interceptor = i; }

    private void read(int p) {
      if (interceptor != null) {
        interceptor.beforeRead(this, p);
      }
    }

    private void wrote(int p) {
      if (interceptor != null) {
        interceptor.afterWrite(this, p);
      }
    }

    @Override Long getId() { read(0); return super.getId(); }
    @Override String getName() { read(1); return super.getName(); }
    @Override void setName(String v) { super.setName(v); wrote(1); }
    @Override String getEmail() { read(2); return super.getEmail(); }
    @Override void setEmail(String v) { super.setEmail(v); wrote(2); }
    @Override Integer getAge() { read(3); return super.getAge(); }
    @Override void setAge(Integer v) { super.setAge(v); wrote(3); }
  }

  static final class Users extends Table implements dev.quarry.spi.EntityTable<User> {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());
    final StringColumn name = stringColumn(ColumnSpec.of("name", SqlTypes.varchar(100)).notNull());
    final StringColumn email = stringColumn(ColumnSpec.of("email", SqlTypes.varchar(200)).unique());
    final NumberColumn<Integer> age = numberColumn(ColumnSpec.of("age", SqlTypes.INTEGER));

    Users() {
      this(null);
    }

    private Users(String alias) {
      super(null, "users", alias);
    }

    @Override
    public Users as(String alias) {
      return new Users(alias);
    }

    @Override
    public Class<User> entityType() {
      return User.class;
    }
  }

  public static final Users USERS = new Users();

  static final TestMapping<User> USER = TestMapping.builder(User.class, USERS)
      .id(IdGeneration.IDENTITY, Long.class, 0)
      .instances(User::new, UserProxy::new)
      .column(u -> u.id, (u, v) -> u.id = v)
      .column(u -> u.name, (u, v) -> u.name = v)
      .column(u -> u.email, (u, v) -> u.email = v)
      .column(u -> u.age, (User u, Integer v) -> u.age = v)
      .build();

  // --- accounts: assigned id, version column -----------------------------------------------

  static class Account {
    Long id;
    String owner;
    Long balance;
    Integer version;

    Account() {}

    Account(long id, String owner, long balance) {
      this.id = id;
      this.owner = owner;
      this.balance = balance;
    }
  }

  static final class Accounts extends Table {
    Accounts() {
      super(null, "accounts", null);
      numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
      stringColumn(ColumnSpec.of("owner", SqlTypes.varchar(100)).notNull());
      numberColumn(ColumnSpec.of("balance", SqlTypes.BIGINT).notNull());
      numberColumn(ColumnSpec.of("version", SqlTypes.INTEGER).notNull());
    }
  }

  static final Accounts ACCOUNTS = new Accounts();

  static final TestMapping<Account> ACCOUNT = TestMapping.builder(Account.class, ACCOUNTS)
      .id(IdGeneration.ASSIGNED, Long.class, 0)
      .version(3)
      .validator(new int[] {1}, (column, value) -> {
        String owner = ((String) value).trim();
        if (owner.isEmpty()) {
          throw new IllegalArgumentException("an account needs an owner");
        }
        return owner;
      })
      .instances(Account::new, i -> new Account())
      .column(a -> a.id, (Account a, Long v) -> a.id = v)
      .column(a -> a.owner, (Account a, String v) -> a.owner = v)
      .column(a -> a.balance, (Account a, Long v) -> a.balance = v)
      .column(a -> a.version, (Account a, Integer v) -> a.version = v)
      .build();

  // --- authors and books: parent/child foreign key -----------------------------------------

  static class Author {
    Long id;
    String name;

    Author() {}

    Author(long id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  static final class Authors extends Table {
    Authors() {
      super(null, "authors", null);
      numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
      stringColumn(ColumnSpec.of("name", SqlTypes.varchar(100)));
    }
  }

  static final Authors AUTHORS = new Authors();

  public static final TestMapping<Author> AUTHOR = TestMapping.builder(Author.class, AUTHORS)
      .instances(Author::new, i -> new Author())
      .column(a -> a.id, (Author a, Long v) -> a.id = v)
      .column(a -> a.name, (Author a, String v) -> a.name = v)
      .build();

  static class Book {
    Long id;
    Long authorId;
    String title;

    Book() {}

    Book(long id, Long authorId, String title) {
      this.id = id;
      this.authorId = authorId;
      this.title = title;
    }
  }

  static final class Books extends Table {
    Books() {
      super(null, "books", null);
      numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
      numberColumn(ColumnSpec.of("author_id", SqlTypes.BIGINT));
      stringColumn(ColumnSpec.of("title", SqlTypes.varchar(100)));
      foreignKey("fk_books_author", List.of("author_id"), null, "authors", List.of("id"),
          ReferentialAction.DEFAULT, ReferentialAction.DEFAULT);
    }
  }

  static final Books BOOKS = new Books();

  public static final TestMapping<Book> BOOK = TestMapping.builder(Book.class, BOOKS)
      .instances(Book::new, i -> new Book())
      .column(b -> b.id, (Book b, Long v) -> b.id = v)
      .column(b -> b.authorId, (Book b, Long v) -> b.authorId = v)
      .column(b -> b.title, (Book b, String v) -> b.title = v)
      .build();

  // --- nodes: self-referential ---------------------------------------------------------------

  static class Node {
    Long id;
    Long parentId;
    String name;

    Node() {}

    Node(long id, Long parentId, String name) {
      this.id = id;
      this.parentId = parentId;
      this.name = name;
    }
  }

  static final class Nodes extends Table {
    Nodes() {
      super(null, "nodes", null);
      numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
      numberColumn(ColumnSpec.of("parent_id", SqlTypes.BIGINT));
      stringColumn(ColumnSpec.of("name", SqlTypes.varchar(100)));
      foreignKey("fk_nodes_parent", List.of("parent_id"), null, "nodes", List.of("id"),
          ReferentialAction.DEFAULT, ReferentialAction.DEFAULT);
    }
  }

  static final Nodes NODES = new Nodes();

  static final TestMapping<Node> NODE = TestMapping.builder(Node.class, NODES)
      .instances(Node::new, i -> new Node())
      .column(n -> n.id, (Node n, Long v) -> n.id = v)
      .column(n -> n.parentId, (Node n, Long v) -> n.parentId = v)
      .column(n -> n.name, (Node n, String v) -> n.name = v)
      .build();

  // --- enrollments: composite key -------------------------------------------------------------

  record EnrollmentId(Long studentId, String courseId) {}

  static class Enrollment {
    Long studentId;
    String courseId;
    Integer grade;

    Enrollment() {}

    Enrollment(long studentId, String courseId, Integer grade) {
      this.studentId = studentId;
      this.courseId = courseId;
      this.grade = grade;
    }
  }

  static final class Enrollments extends Table {
    Enrollments() {
      super(null, "enrollments", null);
      numberColumn(ColumnSpec.of("student_id", SqlTypes.BIGINT).primaryKey());
      stringColumn(ColumnSpec.of("course_id", SqlTypes.varchar(20)).primaryKey());
      numberColumn(ColumnSpec.of("grade", SqlTypes.INTEGER));
    }
  }

  static final Enrollments ENROLLMENTS = new Enrollments();

  static final TestMapping<Enrollment> ENROLLMENT = TestMapping.builder(Enrollment.class, ENROLLMENTS)
      .id(IdGeneration.ASSIGNED, EnrollmentId.class, 0, 1)
      .composite(v -> new EnrollmentId((Long) v[0], (String) v[1]),
          id -> new Object[] {((EnrollmentId) id).studentId(), ((EnrollmentId) id).courseId()})
      .instances(Enrollment::new, i -> new Enrollment())
      .column(e -> e.studentId, (Enrollment e, Long v) -> e.studentId = v)
      .column(e -> e.courseId, (Enrollment e, String v) -> e.courseId = v)
      .column(e -> e.grade, (Enrollment e, Integer v) -> e.grade = v)
      .build();

  // --- tickets: pooled sequence; docs: client UUID ------------------------------------------

  static class Ticket {
    Long id;
    String label;

    Ticket() {}

    Ticket(String label) {
      this.label = label;
    }
  }

  static final class Tickets extends Table {
    Tickets() {
      super(null, "tickets", null);
      numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
      stringColumn(ColumnSpec.of("label", SqlTypes.varchar(100)));
      sequence("ticket_seq", 50);
    }
  }

  static final Tickets TICKETS = new Tickets();

  static final TestMapping<Ticket> TICKET = TestMapping.builder(Ticket.class, TICKETS)
      .id(IdGeneration.sequence("ticket_seq", 50), Long.class, 0)
      .instances(Ticket::new, i -> new Ticket())
      .column(t -> t.id, (Ticket t, Long v) -> t.id = v)
      .column(t -> t.label, (Ticket t, String v) -> t.label = v)
      .build();

  static class Doc {
    UUID id;
    String title;

    Doc() {}

    Doc(String title) {
      this.title = title;
    }
  }

  static final class Docs extends Table {
    Docs() {
      super(null, "docs", null);
      objectColumn(ColumnSpec.of("id", SqlTypes.UUID_TYPE).primaryKey());
      stringColumn(ColumnSpec.of("title", SqlTypes.varchar(100)));
    }
  }

  static final Docs DOCS = new Docs();

  static final TestMapping<Doc> DOC = TestMapping.builder(Doc.class, DOCS)
      .id(IdGeneration.UUID, UUID.class, 0)
      .instances(Doc::new, i -> new Doc())
      .column(d -> d.id, (Doc d, UUID v) -> d.id = v)
      .column(d -> d.title, (Doc d, String v) -> d.title = v)
      .build();

  public static final List<Table> TABLES = List.of(USERS, ACCOUNTS, AUTHORS, BOOKS, NODES, ENROLLMENTS, TICKETS, DOCS);

  static {
    Mappings.register(MappingRegistry.of(List.of(USER, ACCOUNT, AUTHOR, BOOK, NODE, ENROLLMENT, TICKET, DOC), List.of()));
  }

  /** Makes sure the mappings are registered. */
  public static void init() {}
}
