package dev.vireo.smoke.apps;

import com.sun.tools.attach.VirtualMachine;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Uses HttpURLConnection (so the JDK's implementation classes are loaded), then attaches the agent
 * to itself and calls again: the second call is traced only if already-loaded classes were
 * retransformed.
 */
public final class LateAttachApp {

  public static void main(String[] args) throws Exception {
    call(args[0] + "/before");
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
    try {
      vm.loadAgent(args[1], args.length > 2 ? args[2] : null);
    } finally {
      vm.detach();
    }
    call(args[0] + "/after");
    System.out.println("DONE");
  }

  private static void call(String url) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    System.out.println("STATUS " + connection.getResponseCode());
  }
}
