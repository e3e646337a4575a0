package fr.infocentre.api;

import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders the site's Pebble templates (classpath site/templates/, autoescaping on). */
final class HtmlRenderer {

    private final PebbleEngine pebble;

    HtmlRenderer() {
        ClasspathLoader chargeur = new ClasspathLoader();
        chargeur.setPrefix("site/templates");
        chargeur.setSuffix(".html");
        pebble = new PebbleEngine.Builder().loader(chargeur).autoEscaping(true).build();
    }

    void ecrire(Context ctx, String page, Map<String, Object> modele) {
        StringWriter sortie = new StringWriter();
        try {
            pebble.getTemplate(page).evaluate(sortie, modele);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("text/html; charset=utf-8").result(sortie.toString());
    }
}
