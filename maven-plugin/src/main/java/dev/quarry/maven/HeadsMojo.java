package dev.quarry.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Shows the head revisions of the project: {@code mvn quarry:heads}. */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HeadsMojo extends QuarryMojo {
  @Override
  List<String> command() {
    return List.of("heads");
  }
}
