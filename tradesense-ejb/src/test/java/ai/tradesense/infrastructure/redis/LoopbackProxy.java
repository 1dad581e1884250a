package ai.tradesense.infrastructure.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a loopback port to a real server, which a test can take down and bring back on the
 * same port: what a client sees when Redis restarts or the network to it fails. It can also swallow:
 * accept connections and read what they send, but pass nothing on and answer nothing, as a Redis that
 * hangs or a network that drops packets does.
 */
final class LoopbackProxy implements AutoCloseable {

    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean swallowing;
    private int port;

    LoopbackProxy(int targetPort) {
        this.targetPort = targetPort;
    }

    int port() {
        return port;
    }

    /** Listens again, on the port it had before (or a free one the first time). */
    synchronized void start() {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            port = server.getLocalPort();
            listener = server;
            Thread acceptor = new Thread(() -> accept(server), "loopback-proxy-accept-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops listening and cuts every open connection: nothing answers on the port any more. */
    synchronized void stop() {
        closeQuietly(listener);
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    /** From now on nothing passes either way, and new connections are accepted but never answered. */
    void swallow() {
        swallowing = true;
    }

    /** Bytes pass again, on the connections that had a server behind them and on new ones. */
    void pass() {
        swallowing = false;
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                if (swallowing) {
                    pump(client, null);
                    continue;
                }
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                return; // the listener was closed by stop()
            }
        }
    }

    /** Copies {@code from} to {@code to}, dropping what comes while swallowing; everything when {@code to} is null. */
    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream();
                 OutputStream out = to == null ? OutputStream.nullOutputStream() : to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!swallowing) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side went away; closing both below ends the other direction too
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "loopback-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // already closed
            }
        }
    }
}
