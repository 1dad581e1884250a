package ai.tradesense.interfaces.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;

import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.domain.rules.OutcomeType;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** Both published documents are valid by their own specifications and agree where they share schemas. */
class ContractDocumentsTest {

    @Test
    void openApiDocumentParsesWithoutErrorsOrWarnings() throws Exception {
        SwaggerParseResult result = parse(Files.readString(Contract.OPENAPI));

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/plans", "/challenges/{id}/events", "/events",
                "/simulations", "/alerts", "/exports/{kind}", "/admin/api-keys", "/auth/login");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("bearer", "apiKey");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes().get("apiKey").getName())
                .isEqualTo("X-API-Key");
    }

    @Test
    void openApiParserReportsADanglingReference() throws Exception {
        String broken = Files.readString(Contract.OPENAPI).replace("'#/components/schemas/Challenge'",
                "'#/components/schemas/NoSuchSchema'");

        assertThat(parse(broken).getMessages()).anyMatch(m -> m.contains("NoSuchSchema"));
    }

    @Test
    void asyncApiDocumentIsValidAgainstTheOfficialSchema() throws Exception {
        assertThat(asyncApiProblems(Contract.read(Contract.ASYNCAPI))).isEmpty();
    }

    @Test
    void officialSchemaRejectsAnAsyncApiDocumentWithoutChannels() throws Exception {
        ObjectNode broken = Contract.read(Contract.ASYNCAPI).deepCopy();
        broken.remove("channels");

        assertThat(asyncApiProblems(broken)).anyMatch(m -> m.contains("channels"));
    }

    @Test
    void asyncApiSharedSchemasAreTheOpenApiSchemasInJsonSchemaForm() throws Exception {
        if (Boolean.getBoolean("contract.record")) {
            Files.writeString(Contract.ASYNCAPI, Contract.recordedAsyncApi(Contract.read(Contract.OPENAPI),
                    Files.readString(Contract.ASYNCAPI)));
        }
        JsonNode openApiSchemas = Contract.read(Contract.OPENAPI).path("components").path("schemas");
        JsonNode asyncApiSchemas = Contract.read(Contract.ASYNCAPI).path("components").path("schemas");
        Set<String> shared = new TreeSet<>();
        asyncApiSchemas.fieldNames().forEachRemaining(name -> {
            if (!name.endsWith("Message")) {
                shared.add(name);
            }
        });

        assertThat(shared).contains("Challenge", "Alert", "Outcome", "AppliedEntry");
        for (String name : shared) {
            assertThat(openApiSchemas.has(name)).as("OpenAPI has the schema " + name).isTrue();
            assertThat(asyncApiSchemas.get(name)).as("AsyncAPI schema " + name)
                    .isEqualTo(Contract.converted(openApiSchemas.get(name)));
        }
    }

    @Test
    void everyLiveMessageTypeIsDocumentedOnTheChallengeChannel() {
        JsonNode asyncApi = Contract.read(Contract.ASYNCAPI);
        Set<String> names = new TreeSet<>();
        asyncApi.path("channels").path("/ws/challenges/{id}").path("subscribe").path("message").path("oneOf")
                .forEach(ref -> names.add(asyncApi.at(ref.path("$ref").asText().substring(1)).path("name").asText()));

        Set<String> pushed = new TreeSet<>(Set.of("STATE", "EVENT_APPLIED", "ALERT"));
        Arrays.stream(OutcomeType.values()).filter(LiveMessage.OutcomeReported::reported)
                .forEach(type -> pushed.add(type.name()));

        assertThat(pushed).contains("BREACH", "FAILED", "CONDUCT_VIOLATION", "PAYOUT_PAID", "SCALED");
        assertThat(names).isEqualTo(pushed);
    }

    private static SwaggerParseResult parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readContents(yaml, null, options);
    }

    private static Set<String> asyncApiProblems(JsonNode document) throws Exception {
        try (InputStream schema = ContractDocumentsTest.class.getResourceAsStream("/contract/asyncapi-2.6.0.schema.json")) {
            JsonSchema official = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
            Set<String> problems = new TreeSet<>();
            for (ValidationMessage message : official.validate(document)) {
                problems.add(message.getMessage());
            }
            return problems;
        }
    }
}
