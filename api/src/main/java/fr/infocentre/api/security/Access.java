package fr.infocentre.api.security;

import fr.infocentre.api.accounts.Role;
import io.javalin.router.EndpointMetadata;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may use a restricted route, attached to its endpoint ({@link RestrictedRoutes}): the roles allowed and the
 * territory parameters it takes. {@link GestionGuard} reads it at every request; a restricted route without one
 * is refused to everybody. Immutable.
 *
 * <pre>{@code
 * Access.roles(Role.GESTIONNAIRE, Role.ETAT).territory(TerritoryParameter.departement("departement").required())
 * }</pre>
 */
public final class Access implements EndpointMetadata {

    private final Set<Role> roles;
    private final List<TerritoryParameter> territories;
    private final boolean anonymous;

    private Access(Set<Role> roles, List<TerritoryParameter> territories, boolean anonymous) {
        this.roles = Set.copyOf(roles);
        this.territories = List.copyOf(territories);
        this.anonymous = anonymous;
    }

    /** Any account, whatever its role. */
    public static Access anyRole() {
        return new Access(EnumSet.allOf(Role.class), List.of(), false);
    }

    /** The accounts of these roles only. */
    public static Access roles(Role first, Role... others) {
        return new Access(EnumSet.of(first, others), List.of(), false);
    }

    /** No account needed: the login form alone ({@link GestionGuard} lets no other path through without a session). */
    static Access anonymous() {
        return new Access(Set.of(), List.of(), true);
    }

    /** The same access, with territory parameters checked against the account's scope. */
    public Access territory(TerritoryParameter... parameters) {
        List<TerritoryParameter> all = new ArrayList<>(territories);
        all.addAll(List.of(parameters));
        return new Access(roles, all, anonymous);
    }

    public Set<Role> roles() {
        return roles;
    }

    public List<TerritoryParameter> territories() {
        return territories;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
