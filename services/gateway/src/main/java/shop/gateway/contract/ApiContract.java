package shop.gateway.contract;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;
import shop.platform.http.Problem;
import shop.platform.http.Problem.FieldError;

/**
 * The public API as the OpenAPI document ({@code openapi.yaml}) describes it: which operations
 * exist, who may call them ({@link Access}), and what a valid request looks like. Invalid requests
 * become a 400 problem naming each bad field.
 */
public final class ApiContract {

  private static final String RATE_LIMIT = "x-rate-limit";
  private static final Pattern REQUIRED_PROPERTY = Pattern.compile("required property \"([^\"]+)\"");

  private final OpenAPIContract contract;
  private final Buffer document;
  private final Map<String, Access> access = new HashMap<>();
  private final Map<String, RequestChecks> checks = new HashMap<>();

  private ApiContract(OpenAPIContract contract, Buffer document) {
    this.contract = contract;
    this.document = document;
    JsonArray documentSecurity = contract.getRawContract().getJsonArray("security");
    for (Operation operation : contract.operations()) {
      access.put(operation.getOperationId(), Access.of(operation.getOpenAPIModel(), documentSecurity));
      checks.put(operation.getOperationId(), new RequestChecks(operation, contract.getSchemaRepository()));
    }
  }

  /**
   * Reads and checks the document on the classpath (it must be a valid OpenAPI 3.1 document). The
   * gateway validates requests only, so the validator gets the document without response bodies:
   * their media types (problem+json, yaml, jwk-set+json) are beyond what vertx-openapi validates.
   */
  public static Future<ApiContract> load(Vertx vertx, String resource) {
    return vertx.fileSystem().readFile(resource).compose(document -> {
      JsonObject raw = new JsonObject(new Yaml().<Map<String, Object>>load(document.toString()));
      return OpenAPIContract.from(vertx, withoutResponseBodies(raw.copy()))
          .map(contract -> new ApiContract(contract, document));
    });
  }

  private static JsonObject withoutResponseBodies(JsonObject document) {
    document.getJsonObject("paths", new JsonObject()).forEach(path ->
        ((JsonObject) path.getValue()).forEach(operation -> {
          if (operation.getValue() instanceof JsonObject op
              && op.getValue("responses") instanceof JsonObject responses) {
            responses.forEach(response -> ((JsonObject) response.getValue()).remove("content"));
          }
        }));
    JsonObject components = document.getJsonObject("components", new JsonObject());
    components.getJsonObject("responses", new JsonObject())
        .forEach(response -> ((JsonObject) response.getValue()).remove("content"));
    return document;
  }

  /** Every operation the document describes. */
  public List<Operation> operations() {
    return contract.operations();
  }

  /** The document as written, to serve to clients. */
  public Buffer document() {
    return document;
  }

  /** The operation for a request, or null when the document has none for this path and method. */
  public Operation operation(String path, HttpMethod method) {
    return contract.findOperation(path, method);
  }

  /** The methods the document has for the path (none: 404; some, but not the request's: 405). */
  public List<HttpMethod> methods(String path) {
    Path found = contract.findPath(path);
    return found == null ? List.of() : found.getOperations().stream().map(Operation::getHttpMethod).toList();
  }

  public Access access(Operation operation) {
    return access.get(operation.getOperationId());
  }

  /**
   * The name of the operation's own per-client rate limit ({@code x-rate-limit}, e.g.
   * {@code password-hashing}), if it has one besides the client's request rate.
   */
  public Optional<String> rateLimit(Operation operation) {
    return Optional.ofNullable(operation.getOpenAPIModel().getString(RATE_LIMIT));
  }

  /** Every name of an operation's own rate limit in the document. */
  public Set<String> rateLimits() {
    return operations().stream().map(this::rateLimit).flatMap(Optional::stream).collect(Collectors.toSet());
  }

  /** The request (its body already read) against the operation: a 400 {@link Problem} naming each bad field, if any. */
  public Optional<Problem> problemWith(RoutingContext ctx, Operation operation) {
    RequestChecks requestChecks = checks.get(operation.getOperationId());
    if (requestChecks.none()) {
      return Optional.empty();
    }
    Buffer body = ctx.body().buffer();
    if (requestChecks.takesJson() && body != null && body.length() > 0
        && !isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
      return Optional.of(new Problem(415, "Unsupported Media Type", "The request body must be application/json"));
    }
    List<FieldError> errors = requestChecks.check(ctx.request().path(), ctx.queryParams(), ctx.request().headers(),
        body);
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Problem.invalidFields(errors));
  }

  /** {@code application/json}, with or without parameters such as {@code charset}. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
    return mediaType.equalsIgnoreCase("application/json");
  }

  /** The invalid fields of a request for the operation; none if it is valid. */
  List<FieldError> check(Operation operation, String path, MultiMap query, MultiMap headers, Buffer body) {
    return checks.get(operation.getOperationId()).check(path, query, headers, body);
  }

  /** The leaf errors of a JSON schema validation, each with the field it is about. */
  static void collect(OutputUnit unit, List<FieldError> errors) {
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit.getErrors().forEach(child -> collect(child, errors));
      return;
    }
    if (unit.getError() == null) {
      return;
    }
    String field = field(unit.getInstanceLocation());
    Matcher missing = REQUIRED_PROPERTY.matcher(unit.getError());
    if (missing.find()) {
      field = field.isEmpty() ? missing.group(1) : field + "." + missing.group(1);
      errors.add(new FieldError(field, "is required"));
    } else {
      FieldError error = new FieldError(field.isEmpty() ? "body" : field, unit.getError());
      if (!errors.contains(error)) {
        errors.add(error);
      }
    }
  }

  /** A JSON pointer ({@code #/items/0/quantity}) as a field name ({@code items[0].quantity}). */
  static String field(String instanceLocation) {
    if (instanceLocation == null) {
      return "";
    }
    StringBuilder field = new StringBuilder();
    for (String segment : instanceLocation.replaceFirst("^#", "").split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      String name = segment.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        field.append('[').append(name).append(']');
      } else {
        field.append(field.length() == 0 ? "" : ".").append(name);
      }
    }
    return field.toString();
  }
}
