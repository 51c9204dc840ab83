package dev.quarry.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Fails the build when the database (at head) differs from the entities: {@code mvn quarry:check}. */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckMojo extends QuarryMojo {
  @Override
  List<String> command() {
    return List.of("check");
  }
}
