package ai.tradesense.interfaces.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The published contract as a test sees it: the OpenAPI document's response schemas and the AsyncAPI
 * document's message schemas, turned into JSON Schema (draft 7) and checked against real answers. An
 * answer that the contract does not describe is a list of problems, each naming where it differs.
 */
public final class Contract {

    public static final Path OPENAPI = Path.of("src/main/resources/META-INF/openapi.yaml");
    public static final Path ASYNCAPI = Path.of("src/main/webapp/asyncapi.yaml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML_WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());
    private static final Set<String> COMPOSITION = Set.of("oneOf", "anyOf", "allOf", "$ref");
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^/}]+}");

    private final JsonNode openApi;
    private final JsonNode asyncApi;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();

    public Contract(JsonNode openApi, JsonNode asyncApi) {
        this.openApi = openApi;
        this.asyncApi = asyncApi;
    }

    /** The documents as the module publishes them. */
    public static Contract published() {
        return new Contract(read(OPENAPI), read(ASYNCAPI));
    }

    public static JsonNode read(Path yaml) {
        try {
            return YAML.readTree(Files.readString(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same contract with its OpenAPI document changed, to show a wrong schema is caught. */
    public Contract withOpenApi(Consumer<ObjectNode> change) {
        ObjectNode copy = openApi.deepCopy();
        change.accept(copy);
        return new Contract(copy, asyncApi);
    }

    public Contract withAsyncApi(Consumer<ObjectNode> change) {
        ObjectNode copy = asyncApi.deepCopy();
        change.accept(copy);
        return new Contract(openApi, copy);
    }

    /**
     * What is wrong with an answer of {@code method path} (a concrete path such as
     * {@code /challenges/42/events}, matched to its template) with this status and media type.
     */
    public List<String> responseProblems(String method, String path, int status, String mediaType, String body) {
        JsonNode operation = operation(method, path);
        JsonNode response = resolve(operation.path("responses").path(Integer.toString(status)));
        if (response.isMissingNode()) {
            return List.of(method + " " + path + " has no documented answer " + status);
        }
        JsonNode schema = resolve(response.path("content").path(mediaType).path("schema"));
        if (schema.isMissingNode()) {
            return List.of(method + " " + path + " " + status + " documents no " + mediaType + " body");
        }
        return problems(schema, body);
    }

    /** What is wrong with a live message: the one message of the AsyncAPI document of its type. */
    public List<String> messageProblems(String channel, String message) {
        JsonNode parsed = parse(message);
        String type = parsed.path("type").asText();
        for (JsonNode ref : asyncApi.path("channels").path(channel).path("subscribe").path("message").path("oneOf")) {
            JsonNode candidate = pointer(asyncApi, ref.path("$ref").asText());
            if (type.equals(candidate.path("name").asText())) {
                return validate(asyncApi, candidate.path("payload"), parsed);
            }
        }
        return List.of("channel " + channel + " documents no message " + type);
    }

    /**
     * What is wrong with the OpenAPI document's own examples: a JSON request or answer without one (at the
     * media type, one of its {@code examples}, or on its schema), each media example against the schema
     * beside it, and each component schema's {@code example} against that schema. One line per problem.
     */
    public List<String> exampleProblems() {
        List<String> problems = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                mediaExamples(where + " request", resolve(operation.getValue().path("requestBody")), problems);
                Iterator<Map.Entry<String, JsonNode>> responses = operation.getValue().path("responses").fields();
                while (responses.hasNext()) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    mediaExamples(where + " " + response.getKey(), resolve(response.getValue()), problems);
                }
            }
        }
        Iterator<Map.Entry<String, JsonNode>> schemas = openApi.path("components").path("schemas").fields();
        while (schemas.hasNext()) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            if (schema.getValue().has("example")) {
                schemaProblems(schema.getKey(), schema.getValue().path("example").toString())
                        .forEach(p -> problems.add("schema " + schema.getKey() + " example: " + p));
            }
        }
        return problems;
    }

    private void mediaExamples(String where, JsonNode body, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> media = body.path("content").fields();
        while (media.hasNext()) {
            Map.Entry<String, JsonNode> type = media.next();
            if (!type.getKey().contains("json")) {
                continue;
            }
            JsonNode schema = resolve(type.getValue().path("schema"));
            List<JsonNode> examples = new ArrayList<>();
            if (type.getValue().has("example")) {
                examples.add(type.getValue().path("example"));
            }
            type.getValue().path("examples").forEach(e -> examples.add(resolve(e).path("value")));
            if (examples.isEmpty() && !schemaExample(type.getValue().path("schema"))) {
                problems.add(where + " " + type.getKey() + ": no example, neither here nor on its schema");
            }
            for (JsonNode example : examples) {
                problems(schema, example.toString()).forEach(p -> problems.add(where + " " + type.getKey() + ": " + p));
            }
        }
    }

    /** Whether the schema, or the component schema it refers to, carries an example. */
    private boolean schemaExample(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            current = pointer(openApi, current.path("$ref").asText());
        }
        return current.has("example");
    }

    /** What is wrong with a body against one OpenAPI component schema. */
    public List<String> schemaProblems(String component, String body) {
        return problems(JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + component), body);
    }

    private List<String> problems(JsonNode schema, String body) {
        return validate(jsonSchemaOf(openApi), converted(schema), parse(body));
    }

    private List<String> validate(JsonNode root, JsonNode schema, JsonNode instance) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("components", root.path("components").deepCopy());
        document.setAll((ObjectNode) schema.deepCopy());
        JsonSchema compiled = factory.getSchema(document, config);
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : compiled.validate(instance)) {
            problems.add(message.getMessage());
        }
        return problems;
    }

    private JsonNode operation(String method, String path) {
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String regex = TEMPLATE.matcher(Pattern.quote(entry.getKey())).replaceAll(
                    Matcher.quoteReplacement("\\E[^/]+\\Q"));
            if (path.matches(regex) && entry.getValue().has(method.toLowerCase())) {
                return entry.getValue().path(method.toLowerCase());
            }
        }
        throw new AssertionError("the OpenAPI document has no operation " + method + " " + path);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref") && !current.path("$ref").asText().startsWith("#/components/schemas/")) {
            current = pointer(openApi, current.path("$ref").asText());
        }
        return current;
    }

    private static JsonNode pointer(JsonNode root, String ref) {
        return root.at(ref.substring(1));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /**
     * Rewrites the AsyncAPI document's shared schemas ({@code -Dcontract.record=true}): every schema the
     * {@code *Message} envelopes reach, directly or through others, becomes the OpenAPI schema of that name
     * converted to JSON Schema. The text above the shared schemas (channels, messages, envelopes, which come
     * first under {@code components.schemas}) is kept byte for byte. Returns the new text.
     */
    public static String recordedAsyncApi(JsonNode openApi, String asyncApiText) {
        JsonNode openApiSchemas = converted(openApi.path("components").path("schemas"));
        JsonNode schemas;
        try {
            schemas = YAML.readTree(asyncApiText).path("components").path("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> envelopes = new TreeSet<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (name.endsWith("Message")) {
                envelopes.add(name);
            }
        });
        Deque<JsonNode> todo = new ArrayDeque<>();
        envelopes.forEach(name -> todo.add(schemas.get(name)));
        Set<String> shared = new TreeSet<>();
        while (!todo.isEmpty()) {
            for (String ref : refs(todo.pop())) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                if (!envelopes.contains(name) && shared.add(name)) {
                    if (!openApiSchemas.has(name)) {
                        throw new IllegalStateException("the OpenAPI document has no schema " + name);
                    }
                    todo.add(openApiSchemas.get(name));
                }
            }
        }
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        shared.forEach(name -> ordered.set(name, openApiSchemas.get(name)));
        Matcher first = Pattern.compile("(?m)^    (\\w+):$").matcher(asyncApiText);
        int from = asyncApiText.indexOf("\n  schemas:\n");
        int cut = -1;
        while (first.find(from)) {
            if (!first.group(1).endsWith("Message")) {
                cut = first.start();
                break;
            }
            from = first.end();
        }
        if (cut < 0) {
            cut = asyncApiText.length();
        }
        try {
            String yaml = YAML_WRITER.writeValueAsString(ordered);
            return asyncApiText.substring(0, cut) + yaml.replaceAll("(?m)^(?=.)", "    ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> refs(JsonNode node) {
        Set<String> refs = new TreeSet<>();
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> refs.addAll(refs(child)));
        return refs;
    }

    /** The OpenAPI document with every schema in JSON Schema form. */
    static JsonNode jsonSchemaOf(JsonNode openApi) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        ObjectNode components = copy.putObject("components");
        components.set("schemas", converted(openApi.path("components").path("schemas")));
        return copy;
    }

    /**
     * An OpenAPI 3.0 schema as JSON Schema: {@code nullable: true} becomes a {@code "null"} type (or, beside
     * a composition, an {@code anyOf} with null); {@code example} and {@code discriminator}, annotations
     * only OpenAPI reads, are dropped. The AsyncAPI document's shared schemas are this conversion too.
     */
    public static JsonNode converted(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(converted(item)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(field -> {
            if (!Set.of("example", "discriminator", "nullable").contains(field.getKey())) {
                out.set(field.getKey(), converted(field.getValue()));
            }
        });
        if (!node.path("nullable").asBoolean(false)) {
            return out;
        }
        boolean composed = COMPOSITION.stream().anyMatch(out::has);
        if (out.has("type") && !composed) {
            out.set("type", JsonNodeFactory.instance.arrayNode().add(out.get("type")).add("null"));
            if (out.has("enum")) {
                ((ArrayNode) out.get("enum")).addNull();
            }
            return out;
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        JsonNode description = out.remove("description");
        wrapped.putArray("anyOf").add(out).add(JsonNodeFactory.instance.objectNode().put("type", "null"));
        if (description != null) {
            wrapped.set("description", description);
        }
        return wrapped;
    }

    public JsonNode openApi() {
        return openApi;
    }

    public JsonNode asyncApi() {
        return asyncApi;
    }
}
