package ai.tradesense.interfaces.batch;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.inject.Inject;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import ai.tradesense.application.risk.WorkCycleService;

/** Puts the {@link RiskMonitorMBean} on the platform MBean server while the worker is deployed. */
@Singleton
@Startup
public class MonitorRegistration {

    private static final Logger LOG = Logger.getLogger(MonitorRegistration.class.getName());
    static final String NAME = "ai.tradesense:type=RiskMonitor";

    @Inject
    JobLauncher launcher;

    @Inject
    JobRuns runs;

    @Inject
    WorkCycleService cycles;

    @Resource
    ContextService context;

    private ObjectName name;

    @PostConstruct
    void register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            // Made here, on a thread of the starting application, the proxy carries its context to JMX's threads.
            RiskMonitor.InApplication application = context.createContextualProxy(new RiskMonitor.Direct(),
                    RiskMonitor.InApplication.class);
            server.registerMBean(new RiskMonitor(launcher, runs, cycles, application), name);
            LOG.log(Level.INFO, "JMX: {0} registered", NAME);
        } catch (JMException e) {
            LOG.log(Level.WARNING, "JMX: " + NAME + " could not be registered", e);
        }
    }

    @PreDestroy
    void unregister() {
        try {
            if (name != null && ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.log(Level.FINE, "JMX: unregistering failed", e);
        }
    }
}
