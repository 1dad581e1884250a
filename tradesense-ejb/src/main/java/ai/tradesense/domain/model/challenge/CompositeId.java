package ai.tradesense.domain.model.challenge;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * JPA id classes of the rows that belong to one challenge: (challenge, seq), (challenge, trade) and
 * (challenge, trading day).
 */
public final class CompositeId {

    private CompositeId() {
    }

    /** Identity of an event or audit entry: its challenge and its sequence number there. */
    public static class BySeq implements Serializable {
        private static final long serialVersionUID = 1L;
        private String challengeId;
        private long seq;

        public BySeq() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BySeq other && other.seq == seq && Objects.equals(other.challengeId, challengeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(challengeId, seq);
        }
    }

    /** Identity of a trade: its challenge and the platform's trade id. */
    public static class ByTrade implements Serializable {
        private static final long serialVersionUID = 1L;
        private String challengeId;
        private String tradeId;

        public ByTrade() {
        }

        public ByTrade(String challengeId, String tradeId) {
            this.challengeId = challengeId;
            this.tradeId = tradeId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByTrade other && Objects.equals(other.tradeId, tradeId)
                    && Objects.equals(other.challengeId, challengeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(challengeId, tradeId);
        }
    }

    /** Identity of a daily snapshot: its challenge and the trading day. */
    public static class ByDay implements Serializable {
        private static final long serialVersionUID = 1L;
        private String challengeId;
        private LocalDate tradingDay;

        public ByDay() {
        }

        public ByDay(String challengeId, LocalDate tradingDay) {
            this.challengeId = challengeId;
            this.tradingDay = tradingDay;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByDay other && Objects.equals(other.tradingDay, tradingDay)
                    && Objects.equals(other.challengeId, challengeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(challengeId, tradingDay);
        }
    }
}
