import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/**
 * Headless check of a node's remote JMX: signs in, prints the JVM's uptime and the TradeSense MBeans.
 * A single-file program (Java 11+), no build needed:
 *
 *   java -Djavax.net.ssl.trustStore=jmx-truststore.p12 -Djavax.net.ssl.trustStorePassword=... \
 *        docker/payara/JmxCheck.java HOST:PORT USER PASSWORD [ssl|plain]
 *
 * With "ssl" (the default) the RMI registry is reached over TLS too, as
 * com.sun.management.jmxremote.registry.ssl=true on the node requires. Exits 1 when it cannot connect.
 */
public class JmxCheck {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java JmxCheck.java HOST:PORT USER PASSWORD [ssl|plain]");
            System.exit(2);
        }
        boolean ssl = args.length < 4 || args[3].equals("ssl");
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + args[0] + "/jmxrmi");
        Map<String, Object> environment = new java.util.HashMap<>();
        environment.put(JMXConnector.CREDENTIALS, new String[] {args[1], args[2]});
        if (ssl) {
            environment.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(url, environment)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(server,
                    ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
            System.out.printf("connected to %s as %s: %s, up %d s%n", args[0], args[1], runtime.getVmName(),
                    runtime.getUptime() / 1000);
            Set<ObjectName> names = server.queryNames(new ObjectName("ai.tradesense:*"), null);
            System.out.println("TradeSense MBeans: " + (names.isEmpty() ? "none" : names));
        } catch (Exception e) {
            System.err.println("cannot connect to " + url + ": " + e);
            System.exit(1);
        }
    }
}
