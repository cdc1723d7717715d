package shop.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentLayerTest {

  private final JsonObject defaults = new JsonObject()
      .put("db.port", 5432)
      .put("db.host", "localhost")
      .put("health.check-timeout-ms", 2000L)
      .put("config.consul", true);

  @Test
  void spellsKeysInUpperSnakeCase() {
    assertThat(EnvironmentLayer.variableName("health.check-timeout-ms")).isEqualTo("HEALTH_CHECK_TIMEOUT_MS");
  }

  @Test
  void overridesKeysThatHaveADefaultWithValuesTypedLikeTheDefault() {
    JsonObject overrides = EnvironmentLayer.overrides(defaults, Map.of(
        "DB_PORT", "6543", "DB_HOST", "db.internal", "HEALTH_CHECK_TIMEOUT_MS", "500", "CONFIG_CONSUL", "false",
        "PATH", "/usr/bin"));

    assertThat(overrides).isEqualTo(new JsonObject()
        .put("db.port", 6543).put("db.host", "db.internal").put("health.check-timeout-ms", 500L)
        .put("config.consul", false));
  }

  @Test
  void rejectsANonNumberForANumericSettingNamingTheVariable() {
    assertThatThrownBy(() -> EnvironmentLayer.overrides(defaults, Map.of("DB_PORT", "five")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DB_PORT");
  }
}
