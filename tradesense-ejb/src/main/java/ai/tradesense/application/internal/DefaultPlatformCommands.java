package ai.tradesense.application.internal;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.outbound.PlatformCommandView;
import ai.tradesense.application.outbound.PlatformCommands;
import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.outbound.OutboundNotFoundException;
import ai.tradesense.domain.model.outbound.PlatformCommand;
import ai.tradesense.domain.model.outbound.PlatformCommandRepository;
import ai.tradesense.domain.model.TimeWindow;

@Stateless
public class DefaultPlatformCommands implements PlatformCommands {

    private static final Logger LOG = Logger.getLogger(DefaultPlatformCommands.class.getName());

    @Inject
    PlatformCommandRepository commands;

    @Inject
    Clock clock;

    @Override
    public List<PlatformCommandView> after(Caller caller, long seq, boolean open, TimeWindow window, int limit) {
        return commands.after(seq, open, caller.planScope(), window, limit).stream().map(PlatformCommandViews::of).toList();
    }

    @Override
    public PlatformCommandView acknowledge(Caller caller, long seq) {
        PlatformCommand command = commands.lock(seq).filter(c -> caller.mayUsePlan(c.planCode()))
                .orElseThrow(() -> new OutboundNotFoundException("platform command", Long.toString(seq)));
        if (command.acknowledge(caller.auditName(), clock.instant())) {
            LOG.log(Level.INFO, "Platform command {0} ({1} for challenge {2}) acknowledged by {3}",
                    new Object[] {seq, command.command(), command.challengeId(), caller.auditName()});
        }
        return PlatformCommandViews.of(command);
    }
}
