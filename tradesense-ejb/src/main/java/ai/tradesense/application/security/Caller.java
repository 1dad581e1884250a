package ai.tradesense.application.security;

import java.util.Set;

/**
 * The authenticated caller of one request.
 *
 * @param id        the user's id, or the API key's id for the platform
 * @param name      email or key name, for audit entries
 * @param roles     what the caller may do
 * @param planScope for a platform key limited to some plans, those plan codes; empty means all
 */
public record Caller(String id, String name, Set<Role> roles, Set<String> planScope) {

    public Caller {
        roles = Set.copyOf(roles);
        planScope = Set.copyOf(planScope);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Risk staff and admins see every challenge. */
    public boolean isStaff() {
        return is(Role.RISK) || is(Role.ADMIN);
    }

    /** True when the caller may see challenges on this plan at all (platform keys may be limited). */
    public boolean mayUsePlan(String planCode) {
        return planScope.isEmpty() || planScope.contains(planCode);
    }

    /** How the caller appears in audit entries: {@code admin:alice@firm.com}, {@code platform:mt5-bridge}. */
    public String auditName() {
        String kind = is(Role.PLATFORM) ? "platform" : is(Role.ADMIN) ? "admin" : is(Role.RISK) ? "risk" : "trader";
        return kind + ":" + name;
    }
}
