package dev.quarry.spring.app;

import dev.quarry.orm.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Methods with REQUIRES_NEW and NESTED propagation, called from {@link LibraryService}. */
@Service
public class InnerService {
  private final Session session;

  public InnerService(Session session) {
    this.session = session;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void addInNewTransaction(String name) {
    session.add(new Author(name));
  }

  @Transactional(propagation = Propagation.NESTED)
  public void addNestedThenFail(String name) {
    session.add(new Author(name));
    session.flush();
    throw new IllegalStateException("nested fails");
  }

  @Transactional(propagation = Propagation.NESTED)
  public void addNested(String name) {
    session.add(new Author(name));
    session.flush();
  }
}
