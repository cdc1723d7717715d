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

/** A plain HTTP client for tests: JSON in, status and JSON out. */
public final class Http {

  private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  public Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Response get(String path, String token) {
    return send(request(path, token).GET());
  }

  /** POSTs JSON; {@code headers} are extra name, value pairs. */
  public Response post(String path, String body, String token, String... headers) {
    HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  public Response patch(String path, String body, String token) {
    return send(request(path, token).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static Response send(HttpRequest.Builder request) {
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
