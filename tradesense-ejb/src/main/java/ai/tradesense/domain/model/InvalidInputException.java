package ai.tradesense.domain.model;

import java.util.List;

import jakarta.ejb.ApplicationException;

/**
 * A document or request that cannot be accepted; every problem is named with its JSON path
 * ({@code phases[0].dailyLoss.pct}). Nothing is changed when it is thrown.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Syntax and type errors are malformed requests; value errors are well-formed but unacceptable. */
    public enum Kind { SYNTAX, TYPE, VALUE }

    /** One problem: where, what kind, and what is wrong in words. */
    public record Violation(String path, Kind kind, String message) { }

    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : summary(violations));
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String path, Kind kind, String message) {
        return new InvalidInputException(List.of(new Violation(path, kind, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** True when any problem is one of syntax or type (HTTP 400) rather than of value (HTTP 422). */
    public boolean isMalformed() {
        return violations.stream().anyMatch(v -> v.kind() != Kind.VALUE);
    }

    private static String summary(List<Violation> violations) {
        Violation first = violations.get(0);
        String where = first.path().isEmpty() ? "" : first.path() + ": ";
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return where + first.message() + more;
    }
}
