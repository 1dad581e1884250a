package ai.tradesense.application.outbound;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of outbound event a subscription may ask for, by their names ({@code challenge.failed}); the
 * CloudEvents {@code type} is the name under {@code ai.tradesense.}. Conduct violations and payouts are
 * declared here and sent once those changes exist (see {@link OutboundEvents}).
 */
public enum WebhookType {
    CHALLENGE_STARTED("challenge.started"),
    CHALLENGE_PHASE_PASSED("challenge.phase_passed"),
    CHALLENGE_PASSED("challenge.passed"),
    CHALLENGE_FAILED("challenge.failed"),
    CHALLENGE_PAUSED("challenge.paused"),
    CHALLENGE_RESUMED("challenge.resumed"),
    CONDUCT_VIOLATION("conduct.violation"),
    PAYOUT_REQUESTED("payout.requested"),
    PAYOUT_PAID("payout.paid"),
    ALERT_RAISED("alert.raised"),
    PLATFORM_COMMAND("platform.command");

    /** The prefix of every CloudEvents type TradeSense sends. */
    public static final String CLOUD_EVENT_PREFIX = "ai.tradesense.";

    private final String wireName;

    WebhookType(String wireName) {
        this.wireName = wireName;
    }

    /** The name subscriptions use: {@code challenge.failed}. */
    public String wireName() {
        return wireName;
    }

    /** The CloudEvents type: {@code ai.tradesense.challenge.failed}. */
    public String cloudEventType() {
        return CLOUD_EVENT_PREFIX + wireName;
    }

    public static Optional<WebhookType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
