package dev.vireo.instrumentation.r2dbc;

/**
 * R2DBC on the machine's PostgreSQL (org.postgresql:r2dbc-postgresql), 127.0.0.1:5432, database
 * {@code test}, trust authentication.
 */
class PostgresR2dbcTest extends AbstractR2dbcTest {

  PostgresR2dbcTest() {
    // no server.port: 5432 is PostgreSQL's usual port
    super("r2dbc:postgresql://postgres@127.0.0.1:5432/test", "postgresql", "test", "127.0.0.1", null, "pg");
  }

  @Override
  String missingTableStatusCode() {
    return "42P01"; // SQLSTATE undefined_table
  }
}
