package ai.tradesense.domain.model.challenge;

import java.io.Serializable;
import java.util.Objects;

/** JPA id classes of the rows that belong to one challenge: (challenge, seq) and (challenge, trade). */
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
}
