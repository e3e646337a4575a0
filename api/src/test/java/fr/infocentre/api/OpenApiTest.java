package fr.infocentre.api;

import fr.infocentre.api.routes.OpenApiRoutes;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Series;


import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document at /api/v1/openapi.json, over {@link GeneratedServer}'s millésime: a valid document
 * (swagger-parser), whose every operation answers, with parameters taken from the API itself, the statuses,
 * content types and headers it declares and JSON valid against the schemas it declares (networknt, OpenAPI 3.1
 * dialect); and every route the application registers is in it, but the HTML pages.
 */
class OpenApiTest {

    private static final String DOCUMENT = "/api/v1/openapi.json";
    /** The routes left out of the document: the HTML pages (static files and webjars are no routes). */
    private static final Set<String> PAGES = Set.of("GET /", "GET /rapports/{id}", "GET /opendata",
            "GET /opendata/{annee}");

    private static Client client;
    private static Javalin app;
    private static HttpResponse<byte[]> served;
    private static SwaggerParseResult parsed;
    /** The document with every reference resolved in place, to walk its operations. */
    private static OpenAPI openApi;
    /** The document as written, to point at its schemas. */
    private static JsonNode raw;
    private static SchemaRegistry schemas;

    private static List<JsonNode> rapports;
    private static int millesime;
    /** The first territory of each level. */
    private static final Map<String, String> FIRST_CODE = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        GeneratedServer.Started started = GeneratedServer.started();
        client = started.client();
        app = started.app();
        served = client.bytes(DOCUMENT);
        assertEquals(200, served.statusCode(), DOCUMENT);
        String text = new String(served.body(), StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        parsed = new OpenAPIParser().readContents(text, null, options);
        openApi = parsed.getOpenAPI();
        raw = Client.read(text);
        String iri = client.url(DOCUMENT).toString();
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), registry -> registry.schemas(Map.of(iri, text)));

        rapports = Samples.rapports(client);
        JsonNode millesimes = client.json("/api/v1/millesimes");
        millesime = millesimes.get(millesimes.size() - 1).asInt();
    }

    @Test
    void documentIsAValidOpenApiDocumentServedAsItIsWritten() throws IOException {
        assertEquals(List.of(), parsed.getMessages());
        assertNotNull(openApi);
        assertEquals("3.1.0", openApi.getOpenapi());
        assertEquals("application/json;charset=utf-8",
                served.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase(Locale.ROOT));
        try (InputStream resource = OpenApiRoutes.class.getResourceAsStream(OpenApiRoutes.RESOURCE)) {
            assertArrayEquals(resource.readAllBytes(), served.body(), "the resource, served as is");
        }
        assertFalse(openApi.getPaths().isEmpty());
    }

    @Test
    void enumsAreTheWarehousesLevelsAndThePublicSeriesAndNoRapportIdIsListed() {
        assertEquals(Arrays.stream(Level.values()).map(Level::key).toList(), texts(raw.at("/components/schemas/Niveau/enum")));
        assertEquals(new TreeSet<>(GeneratedServer.started().releases().series().stream().map(Series::id).toList()),
                new TreeSet<>(texts(raw.at("/components/schemas/RapportCatalogue/properties/serie/enum"))));
        // the ids are those of /api/v1/rapports: the document names none but as an example
        assertTrue(raw.at("/components/schemas/IdRapport/enum").isMissingNode());
        String text = new String(served.body(), StandardCharsets.UTF_8);
        List<String> named = rapports.stream().map(r -> r.get("id").asText()).filter(text::contains).toList();
        assertEquals(List.of("TAB03-02"), named);
    }

    @Test
    void everyOperationAnswersItsExamplesAsDeclared() {
        int requests = 0;
        for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                assertEquals(PathItem.HttpMethod.GET, operation.getKey(), path.getKey() + ": the API only reads");
                for (String request : examples(path.getKey(), operation.getValue())) {
                    check(path.getKey(), operation.getValue(), request, 200, null);
                    requests++;
                }
            }
        }
        System.out.println("OpenApiTest: " + requests + " example requests answered as documented");
    }

    @Test
    void everyOperationAnswersWrongParametersWithTheErrorsItDeclares() {
        Set<String> answered = new TreeSet<>();
        for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
            Operation operation = path.getValue().getGet();
            Set<String> names = parameterNames(operation);
            List<Wrong> wrongs = new ArrayList<>();
            String valid = url(path.getKey(), operation, null, "departement");
            if (names.contains("id")) {
                wrongs.add(new Wrong(url(path.getKey(), operation, "TAB99-99", "departement"), 404, "rapport"));
            }
            if (names.contains("niveau")) {
                wrongs.add(new Wrong(replace(valid, "niveau", "canton"), 400, "niveau"));
            }
            if (names.contains("niveau") && names.contains("id")) {
                JsonNode restricted = rapports.stream().filter(r -> !Samples.published(r, "commune")).findFirst()
                        .orElseThrow(() -> new AssertionError("every rapport is published at the commune level"));
                wrongs.add(new Wrong(url(path.getKey(), operation, restricted.get("id").asText(), "commune"), 400, "niveau"));
            }
            if (names.contains("code")) {
                wrongs.add(new Wrong(replace(valid, "code", null), 400, "code"));
                wrongs.add(new Wrong(replace(valid, "code", "99"), 404, "code"));
            }
            if (names.contains("annee") && !names.contains("fichier")) {
                wrongs.add(new Wrong(replace(valid, "annee", "20x4"), 400, "annee"));
                wrongs.add(new Wrong(replace(valid, "annee", "1900"), 404, "annee"));
            }
            if (names.contains("fichier")) { // path parameters; the answer is an HTML error page
                String file = "/" + millesime + "/datapackage.json";
                wrongs.add(new Wrong(valid.replace(file, "/20x4/datapackage.json"), 400, null));
                wrongs.add(new Wrong(valid.replace(file, "/1900/datapackage.json"), 404, null));
                wrongs.add(new Wrong(valid.replace("datapackage.json", "TAB99-99.csv"), 404, null));
                wrongs.add(new Wrong(valid.replace("datapackage.json", "index.json"), 404, null));
            }
            for (Wrong wrong : wrongs) {
                check(path.getKey(), operation, wrong.request(), wrong.status(), wrong.parameter());
                answered.add(path.getKey() + " " + wrong.status());
            }
        }
        Set<String> declared = new TreeSet<>();
        openApi.getPaths().forEach((path, item) -> item.getGet().getResponses().keySet().stream()
                .filter(status -> !status.startsWith("2")).forEach(status -> declared.add(path + " " + status)));
        assertEquals(declared, answered, "every error status declared is answered, and none other");
    }

    @Test
    void everyRouteOfTheApplicationIsDocumentedButThePages() {
        Set<String> routes = new TreeSet<>();
        for (var handler : app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint endpoint = handler.endpoint;
            if (endpoint.method.isHttpMethod()) {
                routes.add(endpoint.method.name() + " " + endpoint.path);
            }
        }
        Set<String> documented = new TreeSet<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));

        Set<String> undocumented = new TreeSet<>(routes);
        undocumented.removeAll(documented);
        assertEquals(new TreeSet<>(PAGES), undocumented, "a route left out of the document is an HTML page, listed in PAGES");
        Set<String> data = new TreeSet<>(routes);
        data.removeAll(PAGES);
        assertEquals(data, documented, "every data route in the OpenAPI document, and every documented path a route");
        assertTrue(documented.contains("GET /opendata/{annee}/{fichier}"), documented.toString());
    }

    // ---------------------------------------------------------------- requests

    /** A request with one wrong parameter, the status it gets and the parameter its error document names. */
    private record Wrong(String request, int status, String parameter) {
    }

    /**
     * The example requests of an operation: at every level of its niveau parameter (a rapport published at that
     * level, the first territory of the level, the latest millésime), and with no query parameter at all.
     */
    private static List<String> examples(String path, Operation operation) {
        Set<String> requests = new LinkedHashSet<>();
        if (parameterNames(operation).contains("niveau")) {
            for (String level : levels(operation)) {
                requests.add(url(path, operation, null, level));
            }
        } else {
            requests.add(url(path, operation, null, "national"));
        }
        requests.add(url(path, operation, null, "national").replaceFirst("\\?.*", ""));
        if (parameterNames(operation).contains("fichier")) { // every file of the latest release's open data
            JsonNode dataPackage = client.json(url(path, operation, null, "national"));
            dataPackage.get("resources").forEach(r -> requests.add(path.replace("{annee}", String.valueOf(millesime))
                    .replace("{fichier}", r.get("path").asText())));
        }
        return List.copyOf(requests);
    }

    /** The enum of an operation's niveau parameter. */
    private static List<String> levels(Operation operation) {
        Parameter niveau = operation.getParameters().stream().filter(p -> p.getName().equals("niveau")).findFirst().orElseThrow();
        List<?> levels = niveau.getSchema().getEnum();
        return levels.stream().map(String::valueOf).toList();
    }

    /**
     * A request of an operation at a level: its path parameter id (the given rapport, or the first one published
     * at that level), and each query parameter it declares taken from the API.
     */
    private static String url(String path, Operation operation, String rapport, String level) {
        String id = rapport != null ? rapport : rapports.stream().filter(r -> Samples.published(r, level)).findFirst()
                .orElseThrow(() -> new AssertionError("no rapport published at the level " + level)).get("id").asText();
        String url = path.replace("{id}", id).replace("{annee}", String.valueOf(millesime))
                .replace("{fichier}", "datapackage.json");
        List<String> query = new ArrayList<>();
        for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            switch (parameter.getIn() + " " + parameter.getName()) {
                case "path id", "path annee", "path fichier" -> { }
                case "query niveau" -> query.add("niveau=" + level);
                case "query code" -> query.add("code=" + encode(FIRST_CODE.computeIfAbsent(level, l -> Samples.codes(client, l).get(0))));
                case "query annee" -> query.add("annee=" + millesime);
                default -> throw new AssertionError(path + ": no example for the parameter " + parameter.getIn() + " "
                        + parameter.getName() + "; teach OpenApiTest where to take one");
            }
        }
        return query.isEmpty() ? url : url + "?" + String.join("&", query);
    }

    /** The request with one query parameter changed (or left out when value is null). */
    private static String replace(String request, String name, String value) {
        String replaced = request.replaceFirst("([?&])" + name + "=[^&]*", value == null ? "$1" : "$1" + name + "=" + encode(value))
                .replace("&&", "&").replace("?&", "?");
        return replaced.endsWith("&") || replaced.endsWith("?") ? replaced.substring(0, replaced.length() - 1) : replaced;
    }

    /**
     * Asks a request and checks the answer against the operation: the status is declared, so is the content type;
     * the declared headers are there and match their pattern; a JSON body is valid against the declared schema;
     * an error names the expected parameter.
     */
    private static void check(String path, Operation operation, String request, int status, String parameter) {
        HttpResponse<byte[]> response = client.bytes(request);
        String where = "GET " + request;
        assertEquals(status, response.statusCode(), where + " → " + new String(response.body(), StandardCharsets.UTF_8));
        ApiResponse declared = operation.getResponses().get(String.valueOf(status));
        assertNotNull(declared, where + ": status " + status + " not declared for " + path);
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        assertTrue(declared.getContent().containsKey(mediaType),
                where + ": " + contentType + " not among " + declared.getContent().keySet());
        if (declared.getHeaders() != null) {
            for (Map.Entry<String, Header> header : declared.getHeaders().entrySet()) {
                String value = response.headers().firstValue(header.getKey()).orElse(null);
                assertNotNull(value, where + ": header " + header.getKey() + " missing");
                String pattern = header.getValue().getSchema().getPattern();
                assertTrue(pattern == null || Pattern.compile(pattern).matcher(value).find(), where + ": " + header.getKey() + ": " + value);
            }
        }
        if (mediaType.equals("application/json")) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            Schema schema = schemas.getSchema(SchemaLocation.of(client.url(DOCUMENT) + "#" + schemaPointer(path, status, mediaType)));
            List<Error> errors = schema.validate(body, InputFormat.JSON);
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), where + ": " + abridged(body));
            if (parameter != null) {
                assertEquals(parameter, Client.read(body).path("parametre").asText(), where + ": " + body);
            }
        }
    }

    /** The JSON pointer, in the document as written, of a response's schema (through a reference to a shared response). */
    private static String schemaPointer(String path, int status, String mediaType) {
        String response = "/paths/" + escape(path) + "/get/responses/" + status;
        JsonNode node = raw.at(response);
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertTrue(ref.startsWith("#/"), ref);
            response = ref.substring(1);
            node = raw.at(response);
        }
        String pointer = response + "/content/" + escape(mediaType) + "/schema";
        assertFalse(raw.at(pointer).isMissingNode(), pointer);
        return pointer;
    }

    private static Set<String> parameterNames(Operation operation) {
        return operation.getParameters() == null ? Set.of()
                : operation.getParameters().stream().map(Parameter::getName).collect(Collectors.toSet());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abridged(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
