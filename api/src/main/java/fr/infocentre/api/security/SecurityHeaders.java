package fr.infocentre.api.security;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Security headers on every response of the site, public and restricted: a Content-Security-Policy that
 * allows only the site's own scripts, styles, images and requests (no inline script, no inline style
 * element, no plug-in, no framing; the pages keep their data in {@code <script type="application/json">},
 * which is not executed), {@code nosniff}, {@code X-Frame-Options: DENY} for browsers without
 * {@code frame-ancestors}, and a referrer policy that sends no path to other sites.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    /** Registers the before-handler that sets the headers on every request (static files and errors included). */
    public static void add(RoutesConfig routes) {
        routes.before(SecurityHeaders::write);
    }

    static void write(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
