package dev.vireo.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** What the build says it produced: image name, tag, tarball paths (filtered from agent-image/pom.xml). */
record ImageBuild(Properties properties) {

  static ImageBuild load() {
    Properties properties = new Properties();
    try (InputStream in = ImageBuild.class.getResourceAsStream("/vireo-image.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ImageBuild(properties);
  }

  String get(String key) {
    String value = properties.getProperty(key);
    if (value == null || value.contains("${")) {
      throw new IllegalStateException("vireo-image.properties has no filtered value for " + key + ": " + value);
    }
    return value;
  }

  String image() {
    return get("image");
  }

  Path path(String key) {
    return Path.of(get(key));
  }
}
