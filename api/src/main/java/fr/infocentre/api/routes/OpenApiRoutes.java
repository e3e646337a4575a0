package fr.infocentre.api.routes;

import io.javalin.config.RoutesConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document of the public API, a hand-written resource ({@code /openapi/openapi.json}) served as is.
 * It lists no rapport id: the ids are those of /api/v1/rapports.
 */
public final class OpenApiRoutes {

    /** Where the document lies on the classpath. */
    public static final String RESOURCE = "/openapi/openapi.json";

    private final byte[] document;

    public OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document missing from the classpath: " + RESOURCE);
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void add(RoutesConfig routes) {
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(document));
    }
}
