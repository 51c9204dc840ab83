package dev.quarry.spring;

import dev.quarry.spring.app.TestApplication;
import dev.quarry.types.Vendor;
import org.springframework.boot.test.context.SpringBootTest;

/** The starter on H2 in memory. */
@SpringBootTest(classes = TestApplication.class, properties = {
    "spring.datasource.url=jdbc:h2:mem:quarry_boot;DB_CLOSE_DELAY=-1",
    "spring.datasource.hikari.maximum-pool-size=4"})
class H2StarterTest extends StarterContract {
  @Override
  Vendor vendor() {
    return Vendor.H2;
  }
}
