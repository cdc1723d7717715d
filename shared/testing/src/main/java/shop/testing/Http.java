package shop.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A plain HTTP client for tests: JSON in, status and JSON out. */
public final class Http {

  private static final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final String baseUrl;

  public Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Response get(String path, String token) {
    return send("GET", path, null, token);
  }

  /** POSTs JSON; {@code headers} are extra name, value pairs. */
  public Response post(String path, String body, String token, String... headers) {
    return send("POST", path, body, token, headers);
  }

  public Response put(String path, String body, String token) {
    return send("PUT", path, body, token);
  }

  public Response patch(String path, String body, String token) {
    return send("PATCH", path, body, token);
  }

  /**
   * Any method, with a JSON body unless {@code body} is null and a bearer token unless {@code token}
   * is null; {@code headers} are extra name, value pairs.
   */
  public Response send(String method, String path, String body, String token, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, content type and body. */
  public record Response(int status, String contentType, String body, HttpHeaders headers) {

    /** The items of a page ({@code {"items": [...], ...}}). */
    public List<JsonObject> items() {
      return json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    /** A response header's first value, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public JsonObject json() {
      return new JsonObject(body);
    }

    public boolean isProblem(int expectedStatus) {
      return status == expectedStatus && contentType.startsWith("application/problem+json")
          && json().getInteger("status") == expectedStatus;
    }
  }
}
