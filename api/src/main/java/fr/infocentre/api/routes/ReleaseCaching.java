package fr.infocentre.api.routes;

import fr.infocentre.warehouse.Releases;
import fr.infocentre.warehouse.format.ProjectVersion;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * HTTP caching of what the releases serve. A table of a millésime named in the URL
 * ({@code annee=N}) never changes while its edition is served: it is {@code immutable}, with an
 * ETag naming the millésime, its edition and the software that renders it. A URL without
 * {@code annee} (the latest millésime) and the pages (whose millésime picker lists every release)
 * change when a millésime is released: they are cached briefly, with an ETag naming every
 * edition served. A request whose {@code If-None-Match} holds the current ETag gets 304, without
 * reading nor rendering anything.
 */
final class ReleaseCaching {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String BRIEF = "public, max-age=300";
    private static final String BUILD = ProjectVersion.get();

    private ReleaseCaching() {
    }

    /**
     * For one table of a millésime; true when 304 was answered (the caller writes nothing).
     *
     * @param sameBytes whether the format gives the same bytes each time (JSON, CSV): a strong
     *                  ETag; XLSX and PDF carry the time they were written: a weak one
     */
    static boolean table(Context ctx, Releases releases, int millesime, boolean sameBytes) {
        if (ctx.queryParam("annee") == null) {
            return page(ctx, releases);
        }
        String etag = String.format(Locale.ROOT, "%s\"%d.%d-%s\"", sameBytes ? "" : "W/", millesime,
                releases.edition(millesime).orElse(0), BUILD);
        return answer(ctx, etag, IMMUTABLE);
    }

    /** For a file of a millésime's release (open data): immutable; true when 304 was answered. */
    static boolean file(Context ctx, Releases releases, int millesime) {
        return answer(ctx, String.format(Locale.ROOT, "\"%d.%d\"", millesime, releases.edition(millesime).orElse(0)),
                IMMUTABLE);
    }

    /** For what depends on every release (pages, the latest millésime); true when 304 was answered. */
    static boolean page(Context ctx, Releases releases) {
        String editions = releases.millesimes().stream()
                .map(m -> m + "." + releases.edition(m).orElse(0)).collect(Collectors.joining("_"));
        return answer(ctx, "\"" + editions + "-" + BUILD + "\"", BRIEF);
    }

    private static boolean answer(Context ctx, String etag, String cacheControl) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", cacheControl);
        String asked = ctx.header("If-None-Match");
        if (asked != null && Arrays.stream(asked.split(",")).map(String::strip)
                .anyMatch(t -> weakly(t).equals(weakly(etag)) || t.equals("*"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /** If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" matches "x". */
    private static String weakly(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
