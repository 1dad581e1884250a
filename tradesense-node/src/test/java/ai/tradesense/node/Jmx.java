package ai.tradesense.node;

import java.io.IOException;
import java.util.Arrays;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** A standard remote JMX client on a node's {@code ai.tradesense:type=RiskMonitor}, as an operator's tool sees it. */
public final class Jmx implements AutoCloseable {

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final ObjectName monitor;

    private Jmx(JMXConnector connector) throws IOException, JMException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.monitor = new ObjectName("ai.tradesense:type=RiskMonitor");
    }

    public static Jmx connect(int port) throws IOException, JMException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        return new Jmx(JMXConnectorFactory.connect(url));
    }

    public boolean registered() throws IOException {
        return server.isRegistered(monitor);
    }

    public Object attribute(String name) throws IOException, JMException {
        return server.getAttribute(monitor, name);
    }

    public Object invoke(String operation, String... arguments) throws IOException, JMException {
        String[] signature = new String[arguments.length];
        Arrays.fill(signature, String.class.getName());
        return server.invoke(monitor, operation, arguments, signature);
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
