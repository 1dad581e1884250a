package ai.tradesense.interfaces.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Repairs the Prometheus text Payara Micro 6 writes: a Timer's quantiles, {@code _mean} and {@code _max}
 * come out in nanoseconds under a {@code _seconds} name (only {@code _sum} and {@code _count} are right),
 * and on a node with both WARs a metric family is written in two blocks, the second without its HELP and
 * TYPE. The repaired text has each family in one block, with one HELP and one TYPE, and every duration in
 * seconds.
 */
final class PrometheusText {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private PrometheusText() {
    }

    /**
     * @param text   the exposition as Payara wrote it
     * @param timers the exposed names of the Timer families (e.g. {@code api_response_duration_seconds})
     */
    static String repair(String text, Set<String> timers) {
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ", 4);
                if (parts.length == 4) {
                    types.putIfAbsent(parts[2], parts[3]);
                }
            }
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    Family family = families.computeIfAbsent(parts[2], Family::new);
                    if (parts[1].equals("HELP") && family.help == null) {
                        family.help = line;
                    } else if (parts[1].equals("TYPE") && family.type == null) {
                        family.type = line;
                    }
                }
                continue;
            }
            String name = sampleName(line);
            String familyName = familyOf(name, types);
            Family family = families.computeIfAbsent(familyName, Family::new);
            family.add(scaled(line, name, familyName, timers));
        }
        families.values().stream().filter(f -> f.help == null).forEach(f -> f.help = borrowedHelp(f.name, families));
        StringBuilder out = new StringBuilder(text.length());
        for (Family family : families.values()) {
            if (family.samples.isEmpty()) {
                continue;
            }
            if (family.help != null) {
                out.append(family.help).append('\n');
            }
            if (family.type != null) {
                out.append(family.type).append('\n');
            }
            family.samples.forEach(sample -> out.append(sample).append('\n'));
        }
        return out.toString();
    }

    /** Payara writes a Timer's {@code _mean} without HELP; it takes the Timer's. */
    private static String borrowedHelp(String name, Map<String, Family> families) {
        for (String suffix : List.of("_mean", "_max")) {
            Family base = name.endsWith(suffix) ? families.get(name.substring(0, name.length() - suffix.length())) : null;
            if (base != null && base.help != null) {
                return "# HELP " + name + " " + base.help.split(" ", 4)[3] + " (" + suffix.substring(1) + ")";
            }
        }
        return null;
    }

    /** The family a sample belongs to: its own name, or a summary's or histogram's for its parts. */
    private static String familyOf(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : List.of("_count", "_sum", "_bucket")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                String type = types.get(base);
                if ("summary".equals(type) || "histogram".equals(type)) {
                    return base;
                }
            }
        }
        return name;
    }

    /** A Timer's quantiles, mean and max from nanoseconds to seconds; every other sample as it is. */
    private static String scaled(String line, String name, String familyName, Set<String> timers) {
        boolean quantile = timers.contains(familyName) && name.equals(familyName);
        boolean meanOrMax = timers.stream().anyMatch(t -> name.equals(t + "_mean") || name.equals(t + "_max"));
        if (!quantile && !meanOrMax) {
            return line;
        }
        int space = line.lastIndexOf(' ');
        try {
            double nanos = Double.parseDouble(line.substring(space + 1));
            return line.substring(0, space + 1) + (nanos / NANOS_PER_SECOND);
        } catch (NumberFormatException notANumber) {
            return line;
        }
    }

    private static String sampleName(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, end);
    }

    /** One metric family's lines, in the order first seen; a sample repeated verbatim is kept once. */
    private static final class Family {
        final String name;
        String help;
        String type;
        final List<String> samples = new ArrayList<>();
        private final Set<String> seen = new LinkedHashSet<>();

        Family(String name) {
            this.name = name;
        }

        void add(String sample) {
            int space = sample.lastIndexOf(' ');
            if (seen.add(space < 0 ? sample : sample.substring(0, space))) {
                samples.add(sample);
            }
        }
    }
}
