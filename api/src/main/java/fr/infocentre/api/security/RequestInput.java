package fr.infocentre.api.security;

import fr.infocentre.api.request.RequestError;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a restricted request, read safely: bounded (at most 50 names, 20 values a name, 1,024
 * characters a value, else 400), the form read only when the body is a form, and a body that cannot be read
 * as one (unknown charset, malformed multipart) refused with 400 instead of failing later.
 */
final class RequestInput {

    static final int NAMES_MAX = 50;
    static final int VALUES_MAX = 20;
    static final int VALUE_MAX = 1024;

    private static final String FORM = RequestInput.class.getName() + ".form";

    private RequestInput() {
    }

    /** Refuses (400) a request whose query or form parameters exceed the bounds. */
    static void checkBounds(Context ctx) {
        bounded(ctx.queryParamMap());
        bounded(form(ctx));
    }

    /** The form fields of a urlencoded or multipart body; empty for any other body. */
    static Map<String, List<String>> form(Context ctx) {
        Map<String, List<String>> form = ctx.attribute(FORM);
        if (form != null) {
            return form;
        }
        if (!ctx.isFormUrlencoded() && !ctx.isMultipartFormData()) {
            form = Map.of();
        } else {
            try {
                form = ctx.formParamMap();
            } catch (Exception e) {
                // checked exceptions too: Javalin (Kotlin) lets the servlet's ServletException through (bad multipart)
                throw new RequestError(400, null, "Formulaire illisible.");
            }
        }
        ctx.attribute(FORM, form);
        return form;
    }

    /** Every value the request gives for that name: its path parameter, its query parameters, its form fields. */
    static List<String> values(Context ctx, String name) {
        List<String> values = new ArrayList<>();
        String path = ctx.pathParamMap().get(name);
        if (path != null) {
            values.add(path);
        }
        values.addAll(ctx.queryParamMap().getOrDefault(name, List.of()));
        values.addAll(form(ctx).getOrDefault(name, List.of()));
        return values;
    }

    private static void bounded(Map<String, List<String>> parameters) {
        if (parameters.size() > NAMES_MAX) {
            throw new RequestError(400, null, "Trop de paramètres (au plus " + NAMES_MAX + ").");
        }
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            String name = p.getKey().length() > 40 ? p.getKey().substring(0, 40) + "…" : p.getKey();
            if (p.getKey().length() > VALUE_MAX || p.getValue().size() > VALUES_MAX
                    || p.getValue().stream().anyMatch(v -> v.length() > VALUE_MAX)) {
                throw new RequestError(400, name, "Paramètre trop long ou répété trop de fois (au plus " + VALUES_MAX
                        + " valeurs de " + VALUE_MAX + " caractères).");
            }
        }
    }
}
