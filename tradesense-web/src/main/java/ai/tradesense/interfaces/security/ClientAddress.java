package ai.tradesense.interfaces.security;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * The address of the client behind a request. Behind a reverse proxy (the shipped nginx, an ingress) every
 * request comes from the proxy, so limits keyed on that address would lump all clients together; the
 * client's own address is then taken from {@code Forwarded} or {@code X-Forwarded-For}, but only when the
 * request comes from a proxy in {@code tradesense.http.trusted-proxies} (addresses or CIDR blocks), since
 * anyone can send those headers. The chain is read from the right, skipping trusted proxies, so a client
 * cannot choose its address by sending the header itself.
 */
public final class ClientAddress {

    private final List<Block> trusted;

    private ClientAddress(List<Block> trusted) {
        this.trusted = trusted;
    }

    /**
     * @param trustedProxies comma-separated addresses or CIDR blocks; empty or null trusts none
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static ClientAddress trusting(String trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        if (trustedProxies != null) {
            for (String entry : trustedProxies.split(",")) {
                if (!entry.isBlank()) {
                    blocks.add(Block.parse(entry.strip()));
                }
            }
        }
        return new ClientAddress(List.copyOf(blocks));
    }

    /** The client's address for a request from {@code remoteAddr} with these forwarding headers. */
    public String of(String remoteAddr, Enumeration<String> forwarded, Enumeration<String> xForwardedFor) {
        if (trusted.isEmpty() || !isTrusted(remoteAddr)) {
            return remoteAddr;
        }
        List<String> chain = forwarded != null && forwarded.hasMoreElements() ? forwardedFor(forwarded)
                : xForwardedFor(xForwardedFor);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? remoteAddr : chain.get(0);
    }

    private boolean isTrusted(String address) {
        byte[] bytes = Block.literal(address);
        return bytes != null && trusted.stream().anyMatch(block -> block.contains(bytes));
    }

    private static List<String> xForwardedFor(Enumeration<String> headers) {
        List<String> chain = new ArrayList<>();
        while (headers != null && headers.hasMoreElements()) {
            for (String hop : headers.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    chain.add(hop.strip());
                }
            }
        }
        return chain;
    }

    /** RFC 7239: {@code for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"}. */
    private static List<String> forwardedFor(Enumeration<String> headers) {
        List<String> chain = new ArrayList<>();
        while (headers.hasMoreElements()) {
            for (String element : headers.nextElement().split(",")) {
                for (String pair : element.split(";")) {
                    String[] kv = pair.strip().split("=", 2);
                    if (kv.length == 2 && kv[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                        chain.add(node(kv[1].strip()));
                    }
                }
            }
        }
        return chain;
    }

    private static String node(String value) {
        String v = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                ? value.substring(1, value.length() - 1) : value;
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            return end > 0 ? v.substring(1, end) : v;
        }
        int colon = v.indexOf(':');
        return colon > 0 && v.indexOf(':', colon + 1) < 0 ? v.substring(0, colon) : v;
    }

    /** An address block: an address and how many leading bits of it count. */
    private record Block(BigInteger network, int bits, boolean ipv6) {

        static Block parse(String entry) {
            String[] parts = entry.split("/", 2);
            byte[] bytes = literal(parts[0]);
            if (bytes == null) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
            }
            boolean ipv6 = bytes.length == 16;
            int width = bytes.length * 8;
            BigInteger address = new BigInteger(1, bytes);
            int bits;
            try {
                bits = parts.length == 2 ? Integer.parseInt(parts[1]) : width;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
            }
            if (bits < 0 || bits > width) {
                throw new IllegalArgumentException("'" + entry + "' has a prefix outside 0 to " + width);
            }
            return new Block(address.shiftRight(width - bits), bits, ipv6);
        }

        boolean contains(byte[] address) {
            int width = ipv6 ? 128 : 32;
            return (address.length == 16) == ipv6 && new BigInteger(1, address).shiftRight(width - bits).equals(network);
        }

        /** The address's bytes, or null when it is not a literal IPv4 or IPv6 address (no name look-ups). */
        static byte[] literal(String address) {
            if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.]+")) {
                return null;
            }
            if (!address.contains(":") && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return null;
            }
            try {
                return InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
