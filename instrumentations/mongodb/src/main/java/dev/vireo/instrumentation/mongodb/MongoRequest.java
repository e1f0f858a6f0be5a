package dev.vireo.instrumentation.mongodb;

import com.mongodb.ServerAddress;
import com.mongodb.connection.ConnectionDescription;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One command's facts, taken while its started event is delivered: the event's command document
 * may be a view of the driver's send buffer, valid only until the listener returns, so it is read
 * then (for the query text) and dropped.
 */
final class MongoRequest {

  final String operation;
  final String database;
  final String collection;
  final String address;
  final Integer port;
  private BsonDocument command;

  MongoRequest(CommandStartedEvent event) {
    this.operation = event.getCommandName();
    this.database = event.getDatabaseName();
    this.command = event.getCommand();
    this.collection = collection(operation, command);
    ConnectionDescription connection = event.getConnectionDescription();
    ServerAddress server = connection == null ? null : connection.getServerAddress();
    this.address = server == null ? null : server.getHost();
    this.port = server == null ? null : server.getPort();
  }

  /** The command document, until {@link #release()}. */
  BsonDocument command() {
    return command;
  }

  void release() {
    command = null;
  }

  /**
   * The collection a command names: the value of its first key (the command's name: {@code {"find":
   * "users", ...}}) when it is a string, {@code getMore}'s {@code collection}.
   */
  private static String collection(String operation, BsonDocument command) {
    if (command == null || operation == null) {
      return null;
    }
    BsonValue value = command.get("getMore".equals(operation) ? "collection" : operation);
    return value != null && value.isString() ? value.asString().getValue() : null;
  }
}
