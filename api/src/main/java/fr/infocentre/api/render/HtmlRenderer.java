package fr.infocentre.api.render;

import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders the site's Pebble templates (classpath site/templates/, autoescaping on). */
public final class HtmlRenderer {

    private final PebbleEngine pebble;

    public HtmlRenderer() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("site/templates");
        loader.setSuffix(".html");
        pebble = new PebbleEngine.Builder().loader(loader).autoEscaping(true).build();
    }

    public void write(Context ctx, String page, Map<String, Object> model) {
        StringWriter output = new StringWriter();
        try {
            pebble.getTemplate(page).evaluate(output, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("text/html; charset=utf-8").result(output.toString());
    }
}
