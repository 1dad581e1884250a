package ai.tradesense.application.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.payout.PayoutChanged;
import ai.tradesense.domain.rules.OnViolation;
import ai.tradesense.domain.rules.Outcome;

/**
 * What a change means outside TradeSense: which webhooks it sends and which enforcement command it gives
 * the platform. The one place that decides it; a new kind of outcome is one case here.
 */
public final class OutboundEvents {

    /** The reason of a command staff caused by hand. */
    public static final String MANUAL = "MANUAL";

    private OutboundEvents() {
    }

    /** The webhooks and commands of one change. */
    public record Planned(List<Notice> notices, List<CommandOrder> commands) {

        public Planned {
            notices = List.copyOf(notices);
            commands = List.copyOf(commands);
        }

        public boolean isEmpty() {
            return notices.isEmpty() && commands.isEmpty();
        }
    }

    /**
     * The webhooks and commands of a committed change, from its typed messages. An event's outcomes are
     * read from its {@code EventApplied} (all of them, shown on screens or not); a manual action, which has
     * none, from its {@code OutcomeReported}: each outcome once.
     */
    public static Planned of(ChallengeChanged change) {
        List<Notice> notices = new ArrayList<>();
        List<CommandOrder> commands = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LiveMessage message : change.messages()) {
            if (message instanceof LiveMessage.EventApplied applied) {
                List<Outcome> outcomes = applied.event().outcomes();
                for (Outcome outcome : outcomes) {
                    if (seen.add(applied.seq() + ":" + outcome)) {
                        outcome(change, applied, outcome, reasonOf(outcomes), notices, commands);
                    }
                }
            } else if (message instanceof LiveMessage.OutcomeReported reported) {
                if (seen.add(reported.seq() + ":" + reported.outcome())) {
                    outcome(change, reported, reported.outcome(), MANUAL, notices, commands);
                }
            } else if (message instanceof LiveMessage.Alert alert && !alert.acknowledged()) {
                notices.add(new Notice(WebhookType.ALERT_RAISED, change.challengeId(), alert.alert().raisedAt(),
                        new Notice.AlertRaised(alert.alert())));
            }
        }
        return new Planned(notices, commands);
    }

    /**
     * The webhook of a payout step: {@code payout.requested} when a trader or staff asked, {@code payout.paid}
     * when the last approval paid it; approvals before the last and rejections send none.
     */
    public static Optional<Notice> payout(PayoutChanged changed) {
        WebhookType type = switch (changed.step()) {
            case REQUESTED -> WebhookType.PAYOUT_REQUESTED;
            case PAID -> WebhookType.PAYOUT_PAID;
            default -> null;
        };
        Instant at = type == WebhookType.PAYOUT_PAID ? changed.payout().paidAt() : changed.payout().requestedAt();
        return Optional.ofNullable(type)
                .map(t -> new Notice(t, changed.payout().challengeId(), at, new Notice.PayoutStep(changed.payout())));
    }

    /** The webhook of a challenge just started. */
    public static Notice started(String challengeId, Notice.Started started, Instant at) {
        return new Notice(WebhookType.CHALLENGE_STARTED, challengeId, at, started);
    }

    private static void outcome(ChallengeChanged change, LiveMessage message, Outcome outcome, String pauseReason,
                                List<Notice> notices, List<CommandOrder> commands) {
        Optional<WebhookType> type;
        if (outcome instanceof Outcome.Failed failed) {
            commands.add(new CommandOrder(change.challengeId(), change.planCode(), CommandKind.CLOSE_ALL_AND_DISABLE, null,
                    failed.rule().name(), message.at()));
            type = Optional.of(WebhookType.CHALLENGE_FAILED);
        } else if (outcome instanceof Outcome.Paused paused) {
            commands.add(new CommandOrder(change.challengeId(), change.planCode(), CommandKind.CLOSE_ALL_AND_SUSPEND,
                    paused.until(),
                    pauseReason, message.at()));
            type = Optional.of(WebhookType.CHALLENGE_PAUSED);
        } else {
            type = switch (outcome.type()) {
                case RESUMED -> Optional.of(WebhookType.CHALLENGE_RESUMED);
                case PHASE_PASSED -> Optional.of(WebhookType.CHALLENGE_PHASE_PASSED);
                case PASSED -> Optional.of(WebhookType.CHALLENGE_PASSED);
                case CONDUCT_VIOLATION -> Optional.of(WebhookType.CONDUCT_VIOLATION);
                // payout.paid comes from the payout's own step (see payout), with the ledger row.
                default -> Optional.empty();
            };
        }
        type.ifPresent(t -> notices.add(new Notice(t, change.challengeId(), message.at(),
                new Notice.Changed(change.traderId(), change.planCode(), message.seq(), outcome))));
    }

    /** A pause the engine caused names the rule broken before it in the same event: a loss or a conduct rule. */
    private static String reasonOf(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o instanceof Outcome.Breach breach) {
                return breach.rule().name();
            }
            if (o instanceof Outcome.ConductViolation violation && violation.action() == OnViolation.PAUSE) {
                return violation.rule().name();
            }
        }
        return "ENGINE";
    }
}
