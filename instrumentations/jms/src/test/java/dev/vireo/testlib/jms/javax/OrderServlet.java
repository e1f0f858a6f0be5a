package dev.vireo.testlib.jms.javax;

import java.io.IOException;
import javax.jms.Connection;
import javax.jms.ConnectionFactory;
import javax.jms.JMSException;
import javax.jms.MessageProducer;
import javax.jms.Session;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** {@code POST /orders?id=..}: sends the order id to the queue {@code orders-e2e}. */
public class OrderServlet extends HttpServlet {

  private final ConnectionFactory factory;

  public OrderServlet(ConnectionFactory factory) {
    this.factory = factory;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try (Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer producer = session.createProducer(session.createQueue("orders-e2e"));
      producer.send(session.createTextMessage(request.getParameter("id")));
    } catch (JMSException e) {
      throw new IOException(e);
    }
    response.setStatus(202);
  }
}
