package ai.tradesense.testsupport;

import java.util.StringJoiner;

/**
 * Points the Payara Micro that Arquillian starts at the test PostgreSQL and Redis. The container reads
 * {@code payara.cmdOptions} when Arquillian starts; {@link RealServices} calls {@link #configure()} before.
 */
public final class PayaraMicroSetup {

    private PayaraMicroSetup() {
    }

    public static synchronized void configure() {
        if (System.getProperty("payara.cmdOptions") != null) {
            return;
        }
        TestServices.Database db = TestServices.postgres();
        StringJoiner options = new StringJoiner(" ");
        options.add("-Xmx768m");
        options.add("-Dtradesense.db.url=" + db.url());
        if (!db.user().isEmpty()) {
            options.add("-Dtradesense.db.user=" + db.user());
        }
        if (!db.password().isEmpty()) {
            options.add("-Dtradesense.db.password=" + db.password());
        }
        options.add("-Dtradesense.redis.url=" + TestServices.redis());
        Accounts.settings().forEach((key, value) -> options.add("-D" + key + "=" + value));
        System.setProperty("payara.cmdOptions", options.toString());
    }
}
