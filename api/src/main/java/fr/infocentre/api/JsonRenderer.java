package fr.infocentre.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.UncheckedIOException;

/** Writes JSON documents, to a response or into a page's script element. */
final class JsonRenderer {

    private final ObjectMapper mapper = new ObjectMapper();

    void ecrire(Context ctx, Object document) {
        ctx.contentType("application/json; charset=utf-8").result(texte(document));
    }

    /** JSON safe to embed in {@code <script type="application/json">}: no "<", ">" or "&" left unescaped. */
    String pourScript(Object document) {
        return texte(document).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private String texte(Object document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
