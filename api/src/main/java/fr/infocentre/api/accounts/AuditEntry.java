package fr.infocentre.api.accounts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit log: who did what, when, through which route, with which parameters, and how many rows
 * were returned. Bounded on construction, idempotently (at most 40 parameters, the last one saying how many more there were, values of at most 200 characters, text fields
 * of at most 300), so that a request cannot flood the log.
 *
 * @param login      the account (or {@code cli:<user>} for the command line)
 * @param action     what was done: connexion, déconnexion, consultation, export, refus, création de compte…
 * @param route      the route's path pattern and method, e.g. {@code GET /gestion/journal}, or the command
 * @param parameters the request's parameters (query, path, form), secrets left out by the caller
 * @param rows       the rows returned, when the route says (null otherwise)
 * @param status     the HTTP status answered (null for the command line)
 * @param address    the client's address (null for the command line)
 */
public record AuditEntry(Instant at, String login, String action, String route, Map<String, List<String>> parameters,
                         Long rows, Integer status, String address) {

    static final int PARAMETERS_MAX = 40;
    static final int VALUE_MAX = 200;
    static final int TEXT_MAX = 300;

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        login = cut(Objects.requireNonNull(login, "login"), TEXT_MAX);
        action = cut(Objects.requireNonNull(action, "action"), TEXT_MAX);
        route = cut(Objects.requireNonNull(route, "route"), TEXT_MAX);
        address = address == null ? null : cut(address, TEXT_MAX);
        Map<String, List<String>> bounded = new LinkedHashMap<>();
        if (parameters != null) {
            for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
                if (parameters.size() > PARAMETERS_MAX && bounded.size() == PARAMETERS_MAX - 1) {
                    bounded.put("…", List.of((parameters.size() - bounded.size()) + " paramètres de plus"));
                    break;
                }
                List<String> values = p.getValue() == null ? List.of()
                        : p.getValue().stream().limit(PARAMETERS_MAX).map(v -> cut(String.valueOf(v), VALUE_MAX)).toList();
                bounded.put(cut(p.getKey(), VALUE_MAX), values);
            }
        }
        parameters = Collections.unmodifiableMap(bounded);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
