package ai.tradesense.domain.model.outbound;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import ai.tradesense.domain.model.TimeWindow;

/** The platform's enforcement commands. */
public interface PlatformCommandRepository {

    /**
     * The next command seq, taken under a lock held to the commit, so commands become visible in seq
     * order and a reader that has seen seq N never misses a smaller one later.
     */
    long nextSeq();

    void add(PlatformCommand command);

    /**
     * Commands after {@code seq}, in order; only those not acknowledged when {@code open}, only on these
     * plans unless {@code planCodes} is empty.
     */
    List<PlatformCommand> after(long seq, boolean open, Collection<String> planCodes, TimeWindow window, int limit);

    Optional<PlatformCommand> lock(long seq);
}
