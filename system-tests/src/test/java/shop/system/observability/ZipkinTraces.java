package shop.system.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import shop.testing.Await;
import shop.testing.Http;

/** Traces as the Zipkin server that every service of the test run sends its spans to has them. */
public final class ZipkinTraces {

  private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(60);

  private ZipkinTraces() {
  }

  /** One span as Zipkin stores it. */
  public record Span(String id, String parentId, String service, String kind, String name, long timestamp) {

    static Span of(JsonObject json) {
      return new Span(json.getString("id"), json.getString("parentId"),
          json.getJsonObject("localEndpoint", new JsonObject()).getString("serviceName"),
          json.getString("kind", ""), json.getString("name", ""), json.getLong("timestamp", 0L));
    }
  }

  /** A trace's spans, and their tree. */
  public record Trace(List<Span> spans) {

    public Set<String> services() {
      Set<String> services = new TreeSet<>();
      spans.forEach(span -> services.add(span.service()));
      return services;
    }

    public Optional<Span> parentOf(Span span) {
      return spans.stream().filter(other -> other.id().equals(span.parentId())).findFirst();
    }

    /** The spans whose parent is not in the trace. */
    public List<Span> roots() {
      return spans.stream().filter(span -> parentOf(span).isEmpty()).toList();
    }

    /** The span's ancestors, nearest first. */
    public List<Span> ancestorsOf(Span span) {
      List<Span> ancestors = new ArrayList<>();
      for (Optional<Span> parent = parentOf(span); parent.isPresent(); parent = parentOf(parent.get())) {
        ancestors.add(parent.get());
      }
      return ancestors;
    }

    public List<Span> of(String service, String kind) {
      return spans.stream().filter(span -> span.service().equals(service) && span.kind().equals(kind)).toList();
    }

    /** What the tree looks like, for assertion messages. */
    public String describe() {
      Map<String, List<Span>> children = new HashMap<>();
      spans.forEach(span -> children.computeIfAbsent(span.parentId() == null ? "" : span.parentId(),
          k -> new ArrayList<>()).add(span));
      StringBuilder tree = new StringBuilder();
      roots().forEach(root -> describe(root, 0, children, tree));
      return tree.toString();
    }

    private static void describe(Span span, int depth, Map<String, List<Span>> children, StringBuilder tree) {
      tree.append("  ".repeat(depth)).append(span.service()).append(' ').append(span.kind()).append(' ')
          .append(span.name()).append('\n');
      children.getOrDefault(span.id(), List.of()).forEach(child -> describe(child, depth + 1, children, tree));
    }
  }

  /** The trace, once spans from each of the services have arrived (they are sent in batches). */
  public static Trace await(String traceId, Set<String> services) {
    Trace[] found = {new Trace(List.of())};
    try {
      // Each service exports its spans in batches of its own: a span can reach Zipkin before its
      // parent does. The trace is whole once every service is in it and it has one root.
      Await.until(EXPORT_TIMEOUT, "spans of " + services + " in Zipkin trace " + traceId + ", under one root", () -> {
        found[0] = fetch(traceId);
        return found[0].services().containsAll(services) && found[0].roots().size() == 1;
      });
    } catch (AssertionError incomplete) {
      throw new AssertionError(incomplete.getMessage() + "; the trace as it is:\n" + found[0].describe(), incomplete);
    }
    return found[0];
  }

  private static Trace fetch(String traceId) {
    Http.Response response = zipkin().get("/api/v2/trace/" + traceId, null);
    if (response.status() == 404) {
      return new Trace(List.of());
    }
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonArray spans = new JsonArray(response.body());
    return new Trace(spans.stream().map(JsonObject.class::cast).map(Span::of).toList());
  }

  /** Zipkin's API, where the test run's services send their spans ({@code TRACING_ZIPKIN_URL}). */
  private static Http zipkin() {
    String spans = System.getenv("TRACING_ZIPKIN_URL");
    assertThat(spans).as("TRACING_ZIPKIN_URL, set by ./shop test").isNotBlank();
    return new Http(URI.create(spans).resolve("/").toString().replaceAll("/$", ""));
  }
}
