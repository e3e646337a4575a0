package fr.infocentre.api.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.UncheckedIOException;

/** Writes JSON documents, to a response or into a page's script element. */
public final class JsonRenderer {

    private final ObjectMapper mapper = new ObjectMapper();

    public void write(Context ctx, Object document) {
        ctx.contentType("application/json; charset=utf-8").result(text(document));
    }

    /** JSON safe to embed in {@code <script type="application/json">}: no "<", ">" or "&" left unescaped. */
    public String forScript(Object document) {
        return text(document).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private String text(Object document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
