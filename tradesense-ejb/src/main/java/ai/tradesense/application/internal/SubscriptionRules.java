package ai.tradesense.application.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ai.tradesense.application.outbound.WebhookAdmin;
import ai.tradesense.application.outbound.WebhookType;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException.Violation;

/** What a webhook subscription request must be: an absolute http(s) URL, known event types, a usable secret. */
final class SubscriptionRules {

    private static final int MIN_SECRET = 24;
    private static final int MAX_SECRET = 200;
    private static final int MAX_URL = 2000;
    private static final int MAX_DESCRIPTION = 500;

    private SubscriptionRules() {
    }

    /** Every problem of the request, all at once; the event types as stored. */
    static List<String> check(WebhookAdmin.SubscriptionRequest request, boolean creating) {
        List<Violation> problems = new ArrayList<>();
        urlProblem(request.url()).ifPresent(problems::add);
        List<String> types = new ArrayList<>(new LinkedHashSet<>(request.eventTypes() == null ? List.of()
                : request.eventTypes()));
        if (types.isEmpty()) {
            problems.add(new Violation("eventTypes", Kind.VALUE, "name at least one event type of "
                    + Arrays.stream(WebhookType.values()).map(WebhookType::wireName).toList()));
        }
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null || WebhookType.named(types.get(i)).isEmpty()) {
                problems.add(new Violation("eventTypes[" + i + "]", Kind.VALUE, "no event type '" + types.get(i) + "'"));
            }
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            problems.add(new Violation("description", Kind.VALUE, "at most " + MAX_DESCRIPTION + " characters"));
        }
        if (creating) {
            checkSecret(request.secret()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return types;
    }

    private static Optional<Violation> urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of(new Violation("url", Kind.VALUE, "is required"));
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.of(new Violation("url", Kind.VALUE,
                        "must be an absolute http or https URL with a host"));
            }
        } catch (URISyntaxException e) {
            return Optional.of(new Violation("url", Kind.VALUE, "is not a URL: " + e.getReason()));
        }
        return url.length() > MAX_URL
                ? Optional.of(new Violation("url", Kind.VALUE, "at most " + MAX_URL + " characters"))
                : Optional.empty();
    }

    static Optional<Violation> checkSecret(String secret) {
        if (secret != null && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET || secret.isBlank()
                || secret.chars().anyMatch(Character::isWhitespace))) {
            return Optional.of(new Violation("secret", Kind.VALUE,
                    MIN_SECRET + " to " + MAX_SECRET + " characters without spaces"));
        }
        return Optional.empty();
    }
}
