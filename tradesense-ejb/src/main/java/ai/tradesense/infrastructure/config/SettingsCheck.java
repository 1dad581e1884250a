package ai.tradesense.infrastructure.config;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks every setting when the application starts ({@link SettingRules}). A bad value stops a Payara
 * Micro node, one line per setting, before it can report ready; on a full application server the
 * deployment fails instead, so the server and its other applications keep running.
 */
@Singleton
@Startup
public class SettingsCheck {

    private static final Logger LOG = Logger.getLogger(SettingsCheck.class.getName());
    static final int EXIT_BAD_SETTINGS = 78;

    @PostConstruct
    void check() {
        Config config = ConfigProvider.getConfig();
        List<String> problems = SettingRules.check(key -> config.getOptionalValue(key, String.class).orElse(null));
        if (problems.isEmpty()) {
            return;
        }
        problems.forEach(problem -> LOG.severe("TradeSense cannot start: " + problem));
        if (onPayaraMicro()) {
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.flush();
            }
            Runtime.getRuntime().halt(EXIT_BAD_SETTINGS);
        }
        throw new IllegalStateException("TradeSense cannot start: " + String.join("; ", problems));
    }

    private static boolean onPayaraMicro() {
        try {
            Class.forName("fish.payara.micro.PayaraMicro", false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
