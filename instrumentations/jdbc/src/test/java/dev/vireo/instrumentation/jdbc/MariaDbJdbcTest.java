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

class MariaDbJdbcTest extends AbstractJdbcTest {

  MariaDbJdbcTest() {
    super(JdbcDatabase.mariadb(), "maria");
  }

  @Override
  String missingTableStatusCode() {
    return "1146"; // ER_NO_SUCH_TABLE
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void callableStatementInEscapeSyntaxNamesTheProcedure(Source source) throws Exception {
    String procedure = "vireo_rename_maria";
    try (Statement statement = direct().createStatement()) {
      statement.execute("DROP PROCEDURE IF EXISTS " + procedure);
      statement.execute(
          "CREATE PROCEDURE " + procedure + "(IN p_id INT, IN p_name VARCHAR(40))"
              + " UPDATE " + items + " SET name = p_name WHERE id = p_id");
    }
    dev.vireo.testing.agent.AgentTesting.clear();
    String sql = "{call " + procedure + "(?, ?)}";
    inRequest(source, connection -> {
      try (CallableStatement call = connection.prepareCall(sql)) {
        call.setInt(1, 1);
        call.setString(2, "quince");
        call.execute();
      }
    });

    // the summary keeps the operation as written
    List<AttributeAssertion> expected = attributes(sql, "call " + procedure);
    expected.add(equalTo(stringKey("db.stored_procedure.name"), procedure));
    onlyTrace(2).span(1).hasName("call " + procedure).hasKind(SpanKind.CLIENT).hasAttributesSatisfyingExactly(expected);
  }
}
