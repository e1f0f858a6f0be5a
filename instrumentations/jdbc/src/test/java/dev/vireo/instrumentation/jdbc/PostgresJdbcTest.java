package dev.vireo.instrumentation.jdbc;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import java.sql.CallableStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PostgresJdbcTest extends AbstractJdbcTest {

  PostgresJdbcTest() {
    super(JdbcDatabase.postgresql(), "pg");
  }

  @Override
  String missingTableStatusCode() {
    return "42P01"; // SQLSTATE undefined_table
  }

  @Override
  String statementWhoseErrorEchoesALiteral() {
    // a syntax error echoes only the token; a bad value is quoted back: invalid input syntax ... "hunter2"
    return "SELECT name FROM " + items + " WHERE id = 'hunter2'";
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void callableStatementNamesTheProcedure(Source source) throws Exception {
    String procedure = "vireo_rename_pg";
    try (Statement statement = direct().createStatement()) {
      statement.execute(
          "CREATE OR REPLACE PROCEDURE " + procedure + "(p_id INT, p_name VARCHAR) LANGUAGE SQL AS $$"
              + " UPDATE " + items + " SET name = p_name WHERE id = p_id $$");
    }
    dev.vireo.testing.agent.AgentTesting.clear();
    String sql = "CALL " + procedure + "(?, ?)";
    inRequest(source, connection -> {
      try (CallableStatement call = connection.prepareCall(sql)) {
        call.setInt(1, 1);
        call.setString(2, "quince");
        call.execute();
      }
    });

    List<AttributeAssertion> expected = attributes(sql, "CALL " + procedure);
    expected.add(equalTo(stringKey("db.stored_procedure.name"), procedure));
    onlyTrace(2).span(1).hasName("CALL " + procedure).hasKind(SpanKind.CLIENT).hasAttributesSatisfyingExactly(expected);
  }
}
