package dev.vireo.testlib.jms.javax;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.jms.Message;
import javax.jms.MessageListener;
import javax.jms.TextMessage;

/** Looks the received order id up in H2 and records the customer it found. */
public class OrderQueryListener implements MessageListener {

  public final BlockingQueue<String> customers = new LinkedBlockingQueue<>();
  private final String jdbcUrl;

  public OrderQueryListener(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  @Override
  public void onMessage(Message message) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement query = connection.prepareStatement("SELECT customer FROM orders WHERE id = ?")) {
      query.setLong(1, Long.parseLong(((TextMessage) message).getText()));
      try (ResultSet rows = query.executeQuery()) {
        customers.add(rows.next() ? rows.getString(1) : "none");
      }
    } catch (Exception e) {
      customers.add("error: " + e);
    }
  }
}
