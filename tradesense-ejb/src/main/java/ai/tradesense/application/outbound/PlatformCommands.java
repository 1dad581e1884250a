package ai.tradesense.application.outbound;

import java.util.List;

import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.TimeWindow;

/** The platform pulls its enforcement commands in seq order and acknowledges each. */
public interface PlatformCommands {

    /**
     * Commands after {@code seq} in order, at most {@code limit}; only unacknowledged ones when {@code open};
     * a platform key limited to some plans sees only theirs.
     */
    List<PlatformCommandView> after(Caller caller, long seq, boolean open, TimeWindow window, int limit);

    /** Acknowledged by the caller; acknowledging again answers the first acknowledgement. A key's plans apply. */
    PlatformCommandView acknowledge(Caller caller, long seq);
}
