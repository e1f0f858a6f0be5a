package dev.vireo.instrumentation.api.semconv.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRedactionTest {

  @AfterEach
  void restoreSettings() {
    System.clearProperty(UrlRedaction.SENSITIVE_PARAMETERS_KEY);
    UrlRedaction.reloadSettings();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password", "PASSWORD", "client_secret", "refresh_token", "id_token", "api-key", "key", "%74oken",
        "%70assword", "token", "access_token", "api_key", "apikey", "AWSAccessKeyId", "Signature", "sig",
        "X-Goog-Signature", "X-Amz-Credential", "X-Amz-Security-Token", "clientSecret", "sessionId",
        "user.password", "x-api-key", "auth", "pwd", "passwd"
      })
  void sensitiveKeysAreRedacted(String key) {
    assertThat(UrlRedaction.redactUrl("https://h.example/p?a=1&" + key + "=hunter2&b=2"))
        .isEqualTo("https://h.example/p?a=1&" + key + "=REDACTED&b=2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"q", "page", "color", "monkey", "keyboard", "author", "passenger", "id", "sort"})
  void otherKeysAreKept(String key) {
    String url = "https://h.example/p?" + key + "=value";
    assertThat(UrlRedaction.redactUrl(url)).isSameAs(url);
  }

  @Test
  void sessionPathParametersAreStrippedOthersKept() {
    assertThat(UrlRedaction.redactUrl("http://h/shop;jsessionid=ABC123/cart;v=2?x=1#top"))
        .isEqualTo("http://h/shop/cart;v=2?x=1#top");
    assertThat(UrlRedaction.redactUrl("http://h/login;JSESSIONID=ABC123"))
        .isEqualTo("http://h/login");
    assertThat(UrlRedaction.redactUrl("/cart;jsessionid=ABC?token=t")).isEqualTo("/cart?token=REDACTED");
  }

  @Test
  void decisionsAreRememberedPerNameUpToABoundAndStayRightBeyondIt() {
    UrlRedaction.reloadSettings();
    for (int i = 0; i < 3; i++) {
      assertThat(UrlRedaction.redactUrl("http://h/?item=1&token=t")).isEqualTo("http://h/?item=1&token=REDACTED");
    }
    assertThat(UrlRedaction.rememberedNames()).isEqualTo(2);
    // names from the outside are unbounded: the map stops growing, the rule still applies
    for (int i = 0; i < UrlRedaction.MAX_REMEMBERED_NAMES + 100; i++) {
      UrlRedaction.redactUrl("http://h/?name" + i + "=v");
    }
    assertThat(UrlRedaction.rememberedNames()).isEqualTo(UrlRedaction.MAX_REMEMBERED_NAMES);
    assertThat(UrlRedaction.redactUrl("http://h/?unseen_secret=s&unseen=v")).isEqualTo("http://h/?unseen_secret=REDACTED&unseen=v");
  }

  @Test
  void userInfoIsRedactedAndTheRestAdjusted() {
    assertThat(UrlRedaction.redactUrl("http://alice:hunter2@h:8080/a;jsessionid=S?password=p"))
        .isEqualTo("http://REDACTED:REDACTED@h:8080/a?password=REDACTED");
  }

  @Test
  void usersAddKeysCaseInsensitively() {
    System.setProperty(UrlRedaction.SENSITIVE_PARAMETERS_KEY, "Customer_Number, pin");
    UrlRedaction.reloadSettings();
    assertThat(UrlRedaction.redactUrl("http://h/?customer_number=42&PIN=1234&q=a"))
        .isEqualTo("http://h/?customer_number=REDACTED&PIN=REDACTED&q=a");
  }

  @Test
  void urlsInsideFreeTextAreRedacted() {
    String message =
        "Server returned HTTP response code: 500 for URL: http://bob:pw@h.example/x?token=abc&q=1\n"
            + "\tcaused by 'https://h2/y;jsessionid=Z?sig=s' (retry)";
    assertThat(UrlRedaction.redactUrlsIn(message))
        .isEqualTo(
            "Server returned HTTP response code: 500 for URL: http://REDACTED:REDACTED@h.example/x?token=REDACTED&q=1\n"
                + "\tcaused by 'https://h2/y?sig=REDACTED' (retry)");
    String harmless = "no url here: a://";
    assertThat(UrlRedaction.redactUrlsIn(harmless)).isSameAs(harmless);
  }
}
