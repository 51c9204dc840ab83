package dev.quarry.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Shows the revisions the database is at: {@code mvn quarry:current}. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CurrentMojo extends QuarryMojo {
  @Override
  List<String> command() {
    return List.of("current");
  }
}
