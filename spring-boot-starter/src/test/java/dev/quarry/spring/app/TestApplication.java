package dev.quarry.spring.app;

import dev.quarry.engine.Engine;
import dev.quarry.schema.Metadata;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The test application: the starter's auto-configuration, two entities, a service. */
@SpringBootApplication
public class TestApplication {
  /** Creates the tables at start-up, before any test runs. */
  @Bean
  InitializingBean schema(Engine engine) {
    return () -> Metadata.of(QAuthor.author, QBook.book).createAll(engine, true);
  }
}
