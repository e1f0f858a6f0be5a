package dev.vireo.testapp;

import dev.vireo.testapp.javax.TestApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import javax.servlet.ServletException;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The servlet scenarios on embedded Tomcat 9 (javax.servlet 4.0). tests-tomcat11 runs this same source
 * relocated to jakarta.servlet as Tomcat11Test.
 */
class Tomcat9Test extends ServletScenarios {

  private static Tomcat tomcat;
  private static int port;

  @BeforeAll
  static void startTomcat() throws Exception {
    File base = Files.createTempDirectory("tomcat9").toFile();
    tomcat = new Tomcat();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext(TestApp.CONTEXT_PATH, base.getAbsolutePath());
    TestApp.register(
        new TestApp.Registrar() {
          @Override
          public void servlet(String name, javax.servlet.Servlet servlet, boolean asyncSupported, String... patterns) {
            Tomcat.addServlet(context, name, servlet).setAsyncSupported(asyncSupported);
            for (String pattern : patterns) {
              context.addServletMappingDecoded(pattern, name);
            }
          }

          @Override
          public void filter(String name, javax.servlet.Filter filter, String pattern) {
            FilterDef def = new FilterDef();
            def.setFilterName(name);
            def.setFilter(filter);
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName(name);
            map.addURLPatternDecoded(pattern);
            context.addFilterMap(map);
          }
        });
    context.getPipeline()
        .addValve(
            new ValveBase(true) {
              @Override
              public void invoke(Request request, Response response) throws IOException, ServletException {
                String probe = request.getHeader("X-Probe");
                if (probe != null && probe.startsWith("seq")) {
                  Observations.recordContextBeforeServlets();
                }
                getNext().invoke(request, response);
              }
            });
    tomcat.start();
    port = connector.getLocalPort();
  }

  @AfterAll
  static void stopTomcat() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  @Override
  protected int port() {
    return port;
  }
}
