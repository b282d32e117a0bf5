package nl.duiding.connector.klantinteracties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Checks WireMock's traffic against the Klantinteracties OpenAPI document with swagger-request-validator-core
 * (its -wiremock module targets WireMock 2, so the serve events are converted here): every request the connector
 * sent must be one the API defines (path, query parameters, Authorization), and every 2xx answer the stubs gave must
 * match the response schema. Error answers (401, 429, 5xx, a deliberately broken body) are not in the document and
 * are not checked.
 */
final class SpecValidation {

    static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(specWithoutDiscriminators())
            // Merge allOf parts into one schema, as the document means them (Klantcontact + _expand).
            .withResolveCombinators(true)
            .withLevelResolver(LevelResolver.create()
                    // allOf with a $ref plus extra properties (ExpandKlantcontact = Klantcontact + _expand) is how
                    // the document composes schemas; the validator would call _expand an additional property.
                    .withLevel("validation.response.body.schema.additionalProperties",
                            ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    /**
     * The document unchanged except for its four {@code discriminator} blocks (Actor and Partij polymorphism): the
     * validator's schema library refuses a discriminator whose property is an enum reference ("must be defined as
     * a string property") and then validates nothing. The {@code oneOf} alternatives stay, so those objects are
     * still checked.
     */
    private static String specWithoutDiscriminators() {
        try (var in = SpecValidation.class.getResourceAsStream("/specs/klantinteracties-openapi.yaml")) {
            String[] lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
            StringBuilder out = new StringBuilder();
            int skipDeeperThan = -1;
            for (String line : lines) {
                int indent = line.length() - line.stripLeading().length();
                if (skipDeeperThan >= 0 && (line.isBlank() || indent > skipDeeperThan)) {
                    continue;
                }
                skipDeeperThan = -1;
                if (line.strip().equals("discriminator:")) {
                    skipDeeperThan = indent;
                    continue;
                }
                out.append(line).append('\n');
            }
            return out.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SpecValidation() {
    }

    static void assertTrafficFollowsSpec(WireMockServer server) {
        List<String> problems = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            var request = event.getRequest();
            if (!request.getUrl().startsWith(OpenKlantStubs.BASE_PATH)) {
                continue;
            }
            SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod().getName(),
                    request.getUrl().split("\\?")[0]);
            request.getQueryParams().forEach((name, values) -> builder.withQueryParam(name, values.values()));
            request.getHeaders().all().forEach(h -> builder.withHeader(h.key(), h.values()));
            if (request.getBodyAsString() != null && !request.getBodyAsString().isEmpty()) {
                builder.withBody(request.getBodyAsString());
            }
            Request simple = builder.build();
            collect(problems, "request " + request.getMethod() + " " + request.getUrl(),
                    VALIDATOR.validateRequest(simple));
            int status = event.getResponse().getStatus();
            if (status >= 200 && status < 300 && event.getResponseDefinition().getBody() != null
                    && !event.getResponseDefinition().getBody().startsWith("{broken")) {
                SimpleResponse.Builder response = SimpleResponse.Builder.status(status)
                        .withContentType("application/json").withBody(event.getResponse().getBodyAsString());
                collect(problems, "response to " + request.getUrl(), VALIDATOR.validateResponse(
                        simple.getPath(), simple.getMethod(), response.build()));
            }
        }
        assertThat(problems).as("WireMock traffic against specs/klantinteracties-openapi.yaml").isEmpty();
    }

    /**
     * The document lists {@code url} and {@code uuid} as required and readOnly; OpenAPI 3.0 says a readOnly property
     * is not sent in a request, which the validator does not apply. Only that exact complaint is let through.
     */
    private static final java.util.regex.Pattern READ_ONLY_REQUIRED = java.util.regex.Pattern.compile(
            "Object has missing required properties \\(\\[(\"(url|uuid)\",?)+\\]\\)");

    private static void collect(List<String> problems, String what, ValidationReport report) {
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(m.getKey().equals("validation.request.body.schema.required")
                        && READ_ONLY_REQUIRED.matcher(m.getMessage()).matches()))
                .forEach(m -> problems.add(what + ": " + m.getKey() + " " + m.getMessage() + " "
                        + m.getNestedMessages().stream().map(n -> n.getMessage()).toList()));
    }
}
